"""The vocabulary: namespaces, prefixes, the graphs every build names, and the ontology's terms, one attribute a term.

This is the one place in kg/ that spells the ontology namespace; everything
else (the RDF writer, the queries, the analysis) takes it from here, and
kg/queries/*.rq declare no prefix of their own: the query loader declares
`PREFIXES`. tests/test_vocab_and_data.py checks that the terms match
kg/ontology/kg.ttl; a misspelt term is an AttributeError, not a silent new IRI.

>>> ONTOLOGY_GRAPH + "#" == KG_NS == str(KG.Event)[:-5] == PREFIXES["kg"], PREFIXES["graph"] + "entities" == ENTITIES_GRAPH
(True, True)
"""
from functools import cache, lru_cache

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

KG_NS = "https://w3id.org/newskg/ontology#"  # the ontology namespace
ID = Namespace("https://w3id.org/newskg/id/")  # instances: articles, entities, events, roles, relations, evidence, graphs
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
WD = Namespace("http://www.wikidata.org/entity/")

ONTOLOGY_GRAPH = KG_NS.rstrip("#")  # the ontology's own IRI, which names the store graph holding it
ENTITIES_GRAPH = f"{ID}graph/entities"  # the shared graph of canonical entity descriptions

# The prefixes every query may use undeclared (kg query, the canned and the analysis queries), in the order a term
# is shortened by (kg.query.compact): `graph:entities` is the entities graph.
PREFIXES = {
    "kg": KG_NS,
    "id": str(ID),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": str(SCHEMA),
    "prov": "http://www.w3.org/ns/prov#",
    "wd": str(WD),
    "time": "http://www.w3.org/2006/time#",
    "graph": f"{ID}graph/",
}


@cache
def superclasses(local: str) -> tuple[str, ...]:
    """Named kg: superclasses of a kg: class, nearest first, below kg:Event / kg:Actor (read once from kg.ttl).

    >>> superclasses("Talks")
    ('Negotiation', 'Meeting')
    """
    from rdflib import RDFS

    graph = ontology()
    out: list[str] = []
    node = URIRef(KG_NS + local)
    while (parent := graph.value(node, RDFS.subClassOf)) is not None and str(parent).startswith(KG_NS):
        name = str(parent)[len(KG_NS):]
        if name in {"Event", "Actor"}:
            break
        out.append(name)
        node = parent
    return tuple(out)


def ontology_graph(name: str = "kg.ttl"):
    """The bundled ontology (kg.ttl) or shapes (shapes.ttl) as a new rdflib Graph, read through kg.resources."""
    from rdflib import Graph

    from kg.resources import ontology_text

    return Graph().parse(data=ontology_text(name), format="turtle")


@cache
def participant_roles() -> tuple[str, ...]:
    """kg:participant and every property the ontology states as its sub-property, by local name (read once from kg.ttl).

    >>> {"participant", "host", "mediator", "speaker", "target"} <= set(participant_roles())
    True
    """
    from rdflib import RDFS

    graph = ontology()
    found, todo = ["participant"], [KG.participant]
    while todo:
        for sub in graph.subjects(RDFS.subPropertyOf, todo.pop()):
            name = str(sub)[len(KG_NS):]
            if str(sub).startswith(KG_NS) and name not in found:
                found.append(name)
                todo.append(sub)
    return tuple(found)


@lru_cache(maxsize=1)
def ontology():
    """The bundled ontology kg/ontology/kg.ttl as an rdflib Graph, parsed once; do not modify it."""
    return ontology_graph("kg.ttl")


class KG(DefinedNamespace):
    """The newskg ontology namespace."""

    _NS = Namespace(KG_NS)
    _fail = True

    Accident: URIRef
    Affiliation: URIRef
    FormerName: URIRef
    KeptApart: URIRef
    Merge: URIRef
    Accusation: URIRef
    Acquisition: URIRef
    Actor: URIRef
    Agreement: URIRef
    Aid: URIRef
    Appeal: URIRef
    Appointment: URIRef
    Arrest: URIRef
    Article: URIRef
    Attack: URIRef
    Cancellation: URIRef
    Charge: URIRef
    Coercion: URIRef
    Concession: URIRef
    Cooperation: URIRef
    Deal: URIRef
    Death: URIRef
    Declaration: URIRef
    DeclarationOfIndependence: URIRef
    Demand: URIRef
    Disaster: URIRef
    Election: URIRef
    Event: URIRef
    EventMerge: URIRef
    Evidence: URIRef
    Fighting: URIRef
    Investigation: URIRef
    Lawsuit: URIRef
    LegalAction: URIRef
    Meeting: URIRef
    MilitaryAction: URIRef
    Mobilization: URIRef
    Negotiation: URIRef
    NegotiationBreakdown: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Postponement: URIRef
    Product: URIRef
    Protest: URIRef
    Rejection: URIRef
    RelationStatement: URIRef
    Release: URIRef
    Resignation: URIRef
    Rescue: URIRef
    Retreat: URIRef
    Role: URIRef
    Ruling: URIRef
    Sanction: URIRef
    State: URIRef
    Statement: URIRef
    Summit: URIRef
    Support: URIRef
    Talks: URIRef
    Threat: URIRef
    TradeMeasure: URIRef
    Trial: URIRef
    VirtualMeeting: URIRef
    Visit: URIRef
    about: URIRef
    actorRelation: URIRef
    allyOf: URIRef
    anchor: URIRef
    asOf: URIRef
    aspiresToJoin: URIRef
    cameo: URIRef
    capitalOf: URIRef
    confidence: URIRef
    counterpartOf: URIRef
    date: URIRef
    datePrecision: URIRef
    earliest: URIRef
    end: URIRef
    eventMergeRule: URIRef
    eventMergeScore: URIRef
    evidence: URIRef
    extractor: URIRef
    factsHash: URIRef
    formerPartOf: URIRef
    holder: URIRef
    identityInputs: URIRef
    host: URIRef
    latest: URIRef
    locatedIn: URIRef
    matchedArticle: URIRef
    matchedReport: URIRef
    mediates: URIRef
    mediator: URIRef
    memberOf: URIRef
    mergedEvent: URIRef
    mergedReport: URIRef
    metaHash: URIRef
    nationality: URIRef
    neighborOf: URIRef
    opposes: URIRef
    organizer: URIRef
    partOf: URIRef
    participant: URIRef
    pending: URIRef
    place: URIRef
    plover: URIRef
    pressures: URIRef
    quote: URIRef
    recognition: URIRef
    recognizes: URIRef
    record: URIRef
    rejects: URIRef
    reportedIn: URIRef
    roleName: URIRef
    roleOf: URIRef
    sentence: URIRef
    sha256: URIRef
    sharedActor: URIRef
    file: URIRef
    source: URIRef
    sourcePath: URIRef
    speaker: URIRef
    start: URIRef
    status: URIRef
    supports: URIRef
    target: URIRef
    text: URIRef
    timeText: URIRef
    trigger: URIRef
    actorCode: URIRef
    affiliatedWith: URIRef
    affiliation: URIRef
    article: URIRef
    detail: URIRef
    distinctFrom: URIRef
    formerName: URIRef
    keptApart: URIRef
    mention: URIRef
    merged: URIRef
    mergedKey: URIRef
    mergedName: URIRef
    name: URIRef
    other: URIRef
    rule: URIRef
    score: URIRef
    sector: URIRef
    since: URIRef
    until: URIRef
