"""Small graphs built by hand through kg.records and kg.rdf (the real writer), and the seed's gold facts as a graph."""
from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Iterable

from rdflib import Dataset

from kg.ids import slug
from kg.rdf import to_dataset
from kg.read import make_article, read_text_file
from kg.records import Entity, Event, Evidence, Extraction, Mention, Relation, Role, TimeValue
from tests.conftest import DATA, ROOT

TYPES = {"person": "Person", "state": "State", "org": "Organization", "place": "Place"}
SEED_TEXT = ROOT / "examples" / "2020-07-16-serbia-kosovo-brussels-talks.txt"
SEED_GOLD = DATA / "gold" / "2020-07-16-serbia-kosovo-brussels-talks.json"


def label(key: str) -> str:
    """'person-alice' -> 'Alice'."""
    return key.split("-", 1)[1].replace("-", " ").title()


def ev(sentence: str = "A sentence.", start: int = 0) -> Evidence:
    return Evidence(start, start + 5, sentence, "test")


def time(value: str) -> TimeValue:
    """An ISO day, month or year with its bounds."""
    if len(value) == 10:
        first = last = dt.date.fromisoformat(value)
    elif len(value) == 7:
        y, m = int(value[:4]), int(value[5:])
        first, last = dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    else:
        first, last = dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    return TimeValue(value, {10: "day", 7: "month", 4: "year"}[len(value)], first, last)


def event(key: str, kind: str, *actors: str, date: str | None = None, plover: str = "", place: str = "", sentence: str = "",
          **roles: Iterable[str]) -> Event:
    """An event: `actors` are plain participants, keyword arguments finer roles (host=["person-x"])."""
    parts = tuple(("participant", a) for a in actors) + tuple((role, a) for role, keys in roles.items() for a in keys)
    return Event(key, kind, key.replace("-", " "), ev(sentence or f"{key} happened."), participants=parts, place=place,
                 time=time(date) if date else None, plover=plover)


def article(day: str, events: Iterable[Event] = (), roles: Iterable[tuple[str, str, str]] = (),
            relations: Iterable[tuple[str, str, str]] = (), mentions: dict[str, int] | None = None, text: str = "") -> Extraction:
    """One article's extraction; every key named anywhere becomes an entity (mentioned `mentions[key]` times, default 1)."""
    events, roles, relations = list(events), list(roles), list(relations)
    keys = {k for e in events for _, k in e.participants} | {e.place for e in events if e.place}
    keys |= {r[0] for r in roles} | {r[2] for r in roles} | {r[0] for r in relations}
    keys |= {r[2] for r in relations if not r[2].startswith("event-")} | set(mentions or ())
    date = dt.date.fromisoformat(day)
    a = make_article(date, text or f"An article of {day} " + " ".join(sorted(keys)) + ".")
    entities = []
    for key in sorted(keys):
        n = (mentions or {}).get(key, 1)
        ms = tuple(Mention(i * 10, i * 10 + 5, label(key), TYPES[key.split("-")[0]], "test", key, sentence=f"{label(key)} said {i}.")
                   for i in range(n))
        entities.append(Entity(key, TYPES[key.split("-")[0]], label(key), mentions=ms))
    return Extraction(
        article=a,
        entities=tuple(entities),
        roles=tuple(Role(h, name, of, date, ev(f"{label(h)}, {name} of {label(of)}.")) for h, name, of in roles),
        events=tuple(events),
        relations=tuple(Relation(s, p, o, ev(f"{label(s)} {p} {o}.")) for s, p, o in relations),
    )


def dataset(*extractions: Extraction) -> Dataset:
    return to_dataset(extractions)


def article_ids(ds: Dataset) -> list[str]:
    """Article ids of a dataset, oldest first."""
    from rdflib import URIRef

    published = URIRef("https://schema.org/datePublished")
    days = {str(s).rsplit("/", 1)[-1]: str(o) for s, _, o, _ in ds.quads((None, published, None, None))}
    return sorted(days, key=days.get)


# -- the seed article's gold facts as a graph ---------------------------------------------------


def _key(entity: dict) -> str:
    prefix = {"Person": "person", "State": "state", "Organization": "org", "Place": "place"}[entity["type"]]
    return f"{prefix}-{entity['wikidata']}" if entity.get("wikidata") and prefix != "person" else f"{prefix}-{slug(entity['name'])}"


def gold_extraction() -> Extraction:
    """What a careful analyst says the seed article holds (tests/data/gold), written by kg.rdf like any extraction."""
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    article = read_text_file(SEED_TEXT)
    text = article.text
    keys = {e["id"]: _key(e) for e in gold["entities"]}

    def where(snippet: str) -> Evidence:
        first = snippet.split(" ... ")[0]
        start = max(text.find(first), 0)
        end = start + len(first)
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        return Evidence(start, end, text[lo:hi if hi >= 0 else len(text)].strip(), "gold")

    entities = []
    for e in gold["entities"]:
        start = max(text.find(e["mentions"][0]), 0)
        m = Mention(start, start + len(e["mentions"][0]), e["mentions"][0], e["type"], "gold", keys[e["id"]], sentence=e["mentions"][0])
        entities.append(Entity(keys[e["id"]], e["type"], e["name"], mentions=(m,)))
    roles = tuple(Role(keys[r["person"]], r["role"], keys[r["of"]], article.date, where(r["role"])) for r in gold["roles"])
    events = []
    for e in gold["events"]:
        parts = [("participant", keys[x]) for x in e.get("participants", ())]
        for field, role in (("hosts", "host"), ("mediators", "mediator"), ("organizers", "organizer"), ("targets", "target")):
            parts += [(role, keys[x]) for x in e.get(field, ())]
        events.append(Event(e["id"], e["types"][0], e["id"].replace("_", " "), where(e["evidence"]), participants=tuple(parts),
                            place=keys.get(e.get("place") or "", ""), time=time(e["date"]) if e.get("date") else None,
                            status=e.get("status", "occurred").split(",")[0]))
    relations = tuple(Relation(keys[r["subject"]], r["relation"], keys.get(r["object"], f"event-{r['object']}"), where(r["evidence"]))
                      for r in gold["relations"] if r["object"] in keys)
    return Extraction(article=article, entities=tuple(entities), roles=roles, events=tuple(events), relations=relations)
