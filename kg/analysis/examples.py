"""A tiny hand-made graph in the newskg shape, small enough to check every answer by hand.

Article a1 (published 2020-07-10): Alice, president of Borduria, and Bob,
prime minister of Ruritania, hold talks in Zenda on 2020-07-10 (PLOVER
CONSULT). Article a2 (published 2020-07-20): Alice and Bob meet again on
2020-07-20, Carol mediating (CONSULT); Bob accuses Borduria (ACCUSE, no date);
Borduria was formerly part of Ruritania.

Co-participation by hand: Alice-Bob 2 events (Carol mediated one),
Alice-Carol 1, Bob-Carol 1, Bob-Borduria 1.
"""
from __future__ import annotations

from typing import Any

from kg.vocab import ID, KG_NS


def example_dataset() -> Any:
    """The Dataset described in the module docstring.

    >>> len(example_dataset()) > 50
    True
    """
    from rdflib import RDF, RDFS, XSD, Dataset, Literal, URIRef
    from rdflib.namespace import PROV

    def kg(name: str) -> URIRef:
        return URIRef(KG_NS + name)

    def ent(key: str) -> URIRef:
        return URIRef(ID + "entity/" + key)

    ds = Dataset()
    shared = ds.graph(URIRef(ID + "graph/entities"))
    people = {"alice": ("Person", "Alice"), "bob": ("Person", "Bob"), "carol": ("Person", "Carol"),
              "borduria": ("State", "Borduria"), "ruritania": ("State", "Ruritania"), "zenda": ("Place", "Zenda")}
    for key, (t, label) in people.items():
        shared.add((ent(key), RDF.type, kg(t)))
        shared.add((ent(key), RDFS.label, Literal(label)))

    def article(aid: str, day: str) -> tuple[Any, URIRef]:
        art = URIRef(ID + "article/" + aid)
        g = ds.graph(art)
        g.add((art, RDF.type, kg("Article")))
        g.add((art, URIRef("https://schema.org/datePublished"), Literal(day, datatype=XSD.date)))
        return g, art

    def evidence(g: Any, art: URIRef, fact: URIRef, sentence: str, start: int) -> None:
        node = URIRef(f"{ID}evidence/{art.rsplit('/', 1)[-1]}-{start}-{start + 5}-{fact.rsplit('/', 1)[-1]}")
        g.add((fact, kg("evidence"), node))
        g.add((node, RDF.type, kg("Evidence")))
        g.add((node, kg("sentence"), Literal(sentence)))
        g.add((node, kg("start"), Literal(start)))
        g.add((node, kg("end"), Literal(start + 5)))
        g.add((node, PROV.wasDerivedFrom, art))

    def event(g: Any, art: URIRef, key: str, kind: str, label: str, day: str | None, plover: str,
              roles: list[tuple[str, str]], sentence: str) -> URIRef:
        e = URIRef(f"{ID}event/{art.rsplit('/', 1)[-1]}-{key}")
        g.add((e, RDF.type, kg(kind)))
        g.add((e, RDFS.label, Literal(label)))
        g.add((e, kg("reportedIn"), art))
        g.add((e, kg("plover"), Literal(plover)))
        g.add((e, kg("status"), Literal("occurred")))
        if day:
            for p in ("date", "earliest", "latest"):
                g.add((e, kg(p), Literal(day, datatype=XSD.date)))
        for role, who in roles:
            g.add((e, kg(role), ent(who)))
            g.add((e, kg("participant"), ent(who)))
        evidence(g, art, e, sentence, 0)
        return e

    def role(g: Any, art: URIRef, holder: str, name: str, of: str, day: str) -> None:
        r = URIRef(f"{ID}role/{art.rsplit('/', 1)[-1]}-{holder}")
        g.add((r, RDF.type, kg("Role")))
        g.add((r, kg("holder"), ent(holder)))
        g.add((r, kg("roleName"), Literal(name)))
        g.add((r, kg("roleOf"), ent(of)))
        g.add((r, kg("asOf"), Literal(day, datatype=XSD.date)))
        evidence(g, art, r, f"{name} {holder.title()} of {of.title()}.", 40)

    g, art = article("a1", "2020-07-10")
    for key in ("alice", "bob", "borduria", "ruritania", "zenda"):
        g.add((ent(key), RDF.type, kg(people[key][0])))
        g.add((ent(key), RDFS.label, Literal(people[key][1])))
        evidence(g, art, ent(key), f"{people[key][1]} is named.", 20)
    role(g, art, "alice", "President", "borduria", "2020-07-10")
    role(g, art, "bob", "Prime Minister", "ruritania", "2020-07-10")
    e = event(g, art, "talks", "Negotiation", "talks in Zenda", "2020-07-10", "CONSULT",
              [("participant", "alice"), ("participant", "bob")], "Alice and Bob held talks in Zenda on July 10.")
    g.add((e, kg("place"), ent("zenda")))

    g, art = article("a2", "2020-07-20")
    for key in ("alice", "bob", "carol", "borduria", "ruritania"):
        g.add((ent(key), RDF.type, kg(people[key][0])))
        g.add((ent(key), RDFS.label, Literal(people[key][1])))
        evidence(g, art, ent(key), f"{people[key][1]} is named.", 20)
    event(g, art, "meeting", "Meeting", "meeting mediated by Carol", "2020-07-20", "CONSULT",
          [("participant", "alice"), ("participant", "bob"), ("mediator", "carol")], "Carol brought Alice and Bob together on July 20.")
    event(g, art, "accusation", "Statement", "Bob accuses Borduria", None, "ACCUSE",
          [("speaker", "bob"), ("target", "borduria")], "Bob accused Borduria of stalling.")
    r = URIRef(ID + "relation/a2-formerPartOf")
    g.add((ent("borduria"), kg("formerPartOf"), ent("ruritania")))
    g.add((r, RDF.type, kg("RelationStatement")))
    g.add((r, RDF.subject, ent("borduria")))
    g.add((r, RDF.predicate, kg("formerPartOf")))
    g.add((r, RDF.object, ent("ruritania")))
    evidence(g, art, r, "Borduria, a former province of Ruritania.", 60)
    return ds
