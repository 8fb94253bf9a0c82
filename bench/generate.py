"""A realistic synthetic graph in the shape `kg build` writes, for benchmarks (deterministic for a seed).

Each article graph holds the article node, its entities with labels and
mention evidence, roles, events (n-ary, typed by ontology classes, with
participants in finer roles, place, date at day/month/year granularity,
quotes for statements) and lasting relations with their reified statement,
every fact with evidence nodes; one shared entities graph holds canonical
labels and Wikidata links. Actors are drawn with a skew, as in news: a few
appear everywhere. The seed article's cast (Vucic, Hoti, Borrell, Serbia,
Kosovo, Brussels) is in the pool so the canned queries' defaults find rows.

    .venv/bin/python bench/generate.py --articles 1500 -o /tmp/graph.nq
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ID = "https://w3id.org/newskg/id/"
KG = "https://w3id.org/newskg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
OWL = "http://www.w3.org/2002/07/owl#"
ENTITIES = ID + "graph/entities"

MEETINGS = ["Meeting", "Talks", "Summit", "VirtualMeeting", "Visit", "Negotiation"]
OTHER_EVENTS = ["Agreement", "NegotiationBreakdown", "TradeMeasure", "Charge", "Declaration", "Sanction", "Protest", "Election", "Appeal"]
RELATIONS = ["formerPartOf", "aspiresToJoin", "rejects", "supports", "opposes", "recognizes", "neighborOf", "pressures", "memberOf"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Special Envoy", "Ambassador", "Chancellor", "Spokesperson", "Minister"]
FIRST = ["Ana", "Marko", "Elena", "Jonas", "Amira", "Luca", "Sofia", "Omar", "Ivan", "Mei", "Tomas", "Nadia", "Pavel", "Lina", "Karim"]
LAST = ["Petrovic", "Hoxha", "Schmidt", "Rossi", "Novak", "Kovac", "Dimitrov", "Haddad", "Tanaka", "Silva", "Berisha", "Horvat", "Weber"]
# What an analyst asks of the generated archive (bench/load_serve.py and bench/bench_store.py): about someone,
# not for every pair in it. Borrell is named in hundreds of articles (the worst case for evidence); EVENT is one
# event of the first article (the usual case).
QUESTIONS = {"evidence": {"fact": ID + "entity/person-josep-borrell"}, "who-met-whom": {"actor": "Vucic"},
             "state-relations": {"state": "Serbia"}}
EVENT = ID + "event/0000000000000000-event-0"
SEED_CAST = [
    ("person-aleksandar-vucic", "Person", "Aleksandar Vucic"),
    ("person-avdullah-hoti", "Person", "Avdullah Hoti"),
    ("person-josep-borrell", "Person", "Josep Borrell"),
    ("person-miroslav-lajcak", "Person", "Miroslav Lajcak"),
    ("state-Q403", "State", "Serbia"),
    ("state-Q1246", "State", "Kosovo"),
    ("org-Q458", "Organization", "European Union"),
    ("place-Q239", "Place", "Brussels"),
]


def lit(value: str, datatype: str | None = None) -> str:
    text = '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    return f"{text}^^<{datatype}>" if datatype else text


def iri(value: str) -> str:
    return f"<{value}>"


class Pool:
    """Entities to draw from, with a skew: the first of each kind appear most often."""

    def __init__(self, rng: random.Random, people: int = 3000, orgs: int = 150, places: int = 400) -> None:
        from kg.resources import jsonl

        states = [(row["id"], "State", row["name"]) for row in jsonl("states.jsonl")]
        self.by_type: dict[str, list[tuple[str, str, str]]] = {"Person": [], "State": [], "Organization": [], "Place": []}
        for entity in SEED_CAST:
            self.by_type[entity[1]].append(entity)
        seen = {e[0] for e in SEED_CAST}
        for key, kind, label in states:
            if key not in seen:
                seen.add(key)
                self.by_type["State"].append((key, kind, label))
        for n in range(people):
            label = f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}"
            self.by_type["Person"].append((f"person-p{n}", "Person", label))
        for n in range(orgs):
            self.by_type["Organization"].append((f"org-o{n}", "Organization", f"Organization {n}"))
        for n in range(places):
            self.by_type["Place"].append((f"place-c{n}", "Place", f"City {n}"))
        self.rng = rng

    def position(self, person: tuple[str, str, str]) -> tuple[tuple[str, str, str], str]:
        """The state or organization a person serves and the title held: fixed per person, as in the news."""
        n = sum(map(ord, person[0]))
        homes = self.by_type["State"][:60] + self.by_type["Organization"][:20]
        return homes[n % len(homes)], TITLES[n % len(TITLES)]

    def draw(self, kind: str) -> tuple[str, str, str]:
        items = self.by_type[kind]
        index = min(int(self.rng.paretovariate(1.1)) - 1, len(items) - 1)  # heavy head, long tail
        return items[index]


def _evidence(lines: list[str], aid: str, fact: str, n: int, sentence: str, start: int, extractor: str) -> None:
    node = iri(f"{ID}evidence/{aid}-{start}-{start + 12}-{n:06x}")
    lines += [
        f"{fact} <{KG}evidence> {node} .",
        f"{node} <{RDF}type> <{KG}Evidence> .",
        f"{node} <{KG}sentence> {lit(sentence)} .",
        f"{node} <{KG}start> {lit(str(start), XSD + 'integer')} .",
        f"{node} <{KG}end> {lit(str(start + 12), XSD + 'integer')} .",
        f"{node} <{KG}anchor> {lit(sentence[:12])} .",
        f"{node} <{KG}confidence> {lit('0.9', XSD + 'decimal')} .",
        f"{node} <{KG}extractor> {lit(extractor)} .",
        f"{node} <{PROV}wasDerivedFrom> {iri(ID + 'article/' + aid)} .",
    ]


def article(pool: Pool, n: int) -> tuple[str, bytes]:
    """One article graph as (graph IRI, N-Triples)."""
    rng = pool.rng
    aid = f"{n:016x}"
    art = iri(ID + "article/" + aid)
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    lines = [
        f"{art} <{RDF}type> <{KG}Article> .",
        f"{art} <{SCHEMA}datePublished> {lit(day.isoformat(), XSD + 'date')} .",
        f"{art} <{SCHEMA}headline> {lit(f'Headline of article {n}')} .",
        f"{art} <{KG}sha256> {lit(f'{n:064x}')} .",
        f"{art} <{KG}text> {lit(f'Text of article {n}. ' * 40)} .",
    ]
    counter = iter(range(10**6))
    offset = iter(range(0, 10**7, 37))
    people = {pool.draw("Person") for _ in range(rng.randint(4, 9))}
    states = {pool.draw("State") for _ in range(rng.randint(2, 4))}
    orgs = {pool.draw("Organization") for _ in range(rng.randint(1, 3))}
    places = {pool.draw("Place") for _ in range(rng.randint(1, 3))}
    cast = people | states | orgs | places
    for key, kind, label in cast:
        node = iri(ID + "entity/" + key)
        lines += [f"{node} <{RDF}type> <{KG}{kind}> .", f"{node} <{RDFS}label> {lit(label)} ."]
        if rng.random() < 0.3:
            lines.append(f"{node} <{SKOS}altLabel> {lit(label.split()[-1])} .")
        for _ in range(rng.randint(1, 3)):
            _evidence(lines, aid, node, next(counter), f"A sentence naming {label} in article {n}.", next(offset), "entities/ner")
    people_l, states_l, orgs_l, places_l = sorted(people), sorted(states), sorted(orgs), sorted(places)
    for holder in people_l[: rng.randint(1, len(people_l))]:
        of, title = pool.position(holder)
        node = iri(f"{ID}role/{aid}-{next(counter):06x}")
        lines += [
            f"{node} <{RDF}type> <{KG}Role> .",
            f"{node} <{KG}holder> {iri(ID + 'entity/' + holder[0])} .",
            f"{node} <{KG}roleName> {lit(title)} .",
            f"{node} <{KG}roleOf> {iri(ID + 'entity/' + of[0])} .",
            f"{node} <{KG}asOf> {lit(day.isoformat(), XSD + 'date')} .",
        ]
        _evidence(lines, aid, node, next(counter), f"{title} {holder[2]} of {of[2]} said.", next(offset), "roles/title")
    for k in range(rng.randint(4, 10)):
        kind = rng.choice(MEETINGS) if rng.random() < 0.4 else ("Statement" if rng.random() < 0.4 else rng.choice(OTHER_EVENTS))
        node = iri(f"{ID}event/{aid}-event-{k}")
        when = day - dt.timedelta(days=rng.randrange(60))
        lines += [
            f"{node} <{RDF}type> <{KG}{kind}> .",
            f"{node} <{RDFS}label> {lit(f'{kind}: event {k} of article {n}')} .",
            f"{node} <{KG}reportedIn> {art} .",
            f"{node} <{KG}status> {lit('occurred' if rng.random() < 0.85 else 'planned')} .",
            f"{node} <{KG}cameo> {lit(str(rng.randint(10, 200)))} .",
        ]
        granularity = rng.random()
        if granularity < 0.75:
            lines.append(f"{node} <{KG}date> {lit(when.isoformat(), XSD + 'date')} .")
            first, last = when, when
        elif granularity < 0.9:
            lines.append(f"{node} <{KG}date> {lit(when.isoformat()[:7], XSD + 'gYearMonth')} .")
            first, last = when.replace(day=1), when.replace(day=28)
        else:
            lines.append(f"{node} <{KG}date> {lit(str(when.year), XSD + 'gYear')} .")
            first, last = dt.date(when.year, 1, 1), dt.date(when.year, 12, 31)
        lines.append(f"{node} <{KG}earliest> {lit(first.isoformat(), XSD + 'date')} .")
        lines.append(f"{node} <{KG}latest> {lit(last.isoformat(), XSD + 'date')} .")
        actors = rng.sample(people_l + states_l + orgs_l, k=min(len(people_l) + len(states_l) + len(orgs_l), rng.randint(1, 4)))
        for i, actor in enumerate(actors):
            a = iri(ID + "entity/" + actor[0])
            lines.append(f"{node} <{KG}participant> {a} .")
            if kind == "Statement" and i == 0:
                lines.append(f"{node} <{KG}speaker> {a} .")
            elif kind in MEETINGS and i >= 2 and rng.random() < 0.5:
                lines.append(f"{node} <{KG}mediator> {a} .")
            elif rng.random() < 0.1:
                lines.append(f"{node} <{KG}{rng.choice(['host', 'organizer', 'target'])}> {a} .")
        if kind == "Statement":
            lines.append(f"{node} <{KG}quote> {lit(f'We expect a constructive discussion, number {k} of article {n}.')} .")
            if rng.random() < 0.5:
                lines.append(f"{node} <{KG}about> {iri(ID + 'entity/' + rng.choice(people_l + states_l)[0])} .")
        if rng.random() < 0.6:
            lines.append(f"{node} <{KG}place> {iri(ID + 'entity/' + rng.choice(places_l)[0])} .")
        for _ in range(rng.randint(1, 2)):
            _evidence(lines, aid, node, next(counter), f"Sentence reporting event {k} of article {n}.", next(offset), "events/trigger")
    for _ in range(rng.randint(0, 3)):
        a, b = rng.sample(states_l + orgs_l, 2) if len(states_l + orgs_l) > 1 else (states_l[0], states_l[0])
        rel = rng.choice(RELATIONS)
        sa, ob = iri(ID + "entity/" + a[0]), iri(ID + "entity/" + b[0])
        node = iri(f"{ID}relation/{aid}-{next(counter):06x}")
        lines += [
            f"{sa} <{KG}{rel}> {ob} .",
            f"{node} <{RDF}type> <{KG}RelationStatement> .",
            f"{node} <{RDF}subject> {sa} .",
            f"{node} <{RDF}predicate> <{KG}{rel}> .",
            f"{node} <{RDF}object> {ob} .",
        ]
        _evidence(lines, aid, node, next(counter), f"{a[2]} {rel} {b[2]}.", next(offset), "relations/pattern")
    return ID + "article/" + aid, ("\n".join(dict.fromkeys(lines)) + "\n").encode("utf-8")


def entities(pool: Pool) -> tuple[str, bytes]:
    """The shared entities graph: canonical type, label and (for states) a Wikidata link."""
    lines = []
    for items in pool.by_type.values():
        for key, kind, label in items:
            node = iri(ID + "entity/" + key)
            lines += [f"{node} <{RDF}type> <{KG}{kind}> .", f"{node} <{RDFS}label> {lit(label)} ."]
            if "-Q" in key:
                qid = key.split("-")[-1]
                lines += [f"{node} <{OWL}sameAs> <http://www.wikidata.org/entity/{qid}> .", f"{node} <{KG}source> {lit('wikidata')} ."]
    return ENTITIES, ("\n".join(lines) + "\n").encode("utf-8")


def graphs(articles: int, seed: int = 7) -> Iterator[tuple[str, bytes]]:
    """Article graphs, then the entities graph, as (graph IRI, N-Triples)."""
    pool = Pool(random.Random(seed))
    for n in range(articles):
        yield article(pool, n)
    yield entities(pool)


def nquads(items: list[tuple[str, bytes]]) -> bytes:
    """N-Quads of (graph IRI, N-Triples) pairs."""
    return b"".join(data.replace(b" .\n", f" <{g}> .\n".encode()) for g, data in items)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--articles", type=int, default=1500)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("-o", "--output", required=True, help="N-Quads file to write")
    args = p.parse_args(argv)
    items = list(graphs(args.articles, args.seed))
    data = nquads(items)
    Path(args.output).write_bytes(data)
    quads = data.count(b"\n")
    print(f"{args.articles} articles, {quads} quads -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
