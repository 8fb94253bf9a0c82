"""What a node of the graph merged, from which mentions and articles, and why: read back from the graph itself.

Identity across articles (`kg.identity`) records every merge in the graph
(`kg:Merge`: the merged key and names, rule, score and reason in the entities
graph; the articles and mentions it joined in each article graph). `explain`
gathers one node's record for `kg explain`; `identity_notes` gives every
node's merges in short, for the HTML tooltips and the analysis report.
"""
from __future__ import annotations

import re
from typing import Any

ENTITIES = "https://w3id.org/newskg/id/graph/entities"
ENTITY_PREFIX = "https://w3id.org/newskg/id/entity/"
PREFIXES = """PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""


def _rows(store: Any, query: str) -> list[dict[str, str]]:
    import pyoxigraph as ox

    result = store.query(PREFIXES + query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    out = []
    for solution in result:
        row = {}
        for n in names:
            term = solution[n]
            row[n] = "" if term is None else term.value
        out.append(row)
    return out if not isinstance(result, ox.QueryBoolean) else []


def find(source: Any, name: str) -> list[str]:
    """IRIs of the entities a name, key or IRI names: an exact IRI or key first, then a label or other name
    equal once folded ('vucic' finds 'Aleksandar Vučić' only through 'Vucic' if that is a name), then names containing it."""
    from kg.analysis.project import oxigraph_store
    from kg.identity import fold

    store = oxigraph_store(source)
    iri = name
    if name.startswith("id:entity/"):
        iri = ENTITY_PREFIX + name[len("id:entity/"):]
    elif "://" not in name:
        iri = ENTITY_PREFIX + name
    if not re.search(r'[\s<>"{}|^`\\]', iri) and _rows(store, f"SELECT ?l WHERE {{ GRAPH <{ENTITIES}> {{ <{iri}> rdfs:label ?l }} }}"):
        return [iri]
    rows = _rows(store, f"SELECT ?x ?n WHERE {{ GRAPH <{ENTITIES}> {{ ?x rdfs:label|skos:altLabel|kg:mergedName ?n }} }}")
    want = fold(name)
    exact = sorted({r["x"] for r in rows if fold(r["n"]) == want and r["x"].startswith(ENTITY_PREFIX) and "/merge/" not in r["x"]})
    merged = sorted({r["x"] for r in rows if fold(r["n"]) == want and "/merge/" in r["x"]})
    if merged:
        owners = _rows(store, f"SELECT ?x ?m WHERE {{ GRAPH <{ENTITIES}> {{ ?x kg:merged ?m }} }}")
        exact = sorted(set(exact) | {o["x"] for o in owners if o["m"] in merged})
    if exact:
        return exact
    return sorted({r["x"] for r in rows if want and want in fold(r["n"]) and "/merge/" not in r["x"]})


def explain(source: Any, name: str) -> list[dict[str, Any]]:
    """For each entity `name` names (see `find`): its label, type, names, link, articles, and every merge with its rule,
    score, reason, articles and mentions; its former names, known affiliations, and what a user kept apart from it.

    IdentityError E063 when the graph has no such entity.
    """
    from kg.analysis.project import oxigraph_store
    from kg.errors import IdentityError

    store = oxigraph_store(source)
    nodes = find(store, name)
    if not nodes:
        raise IdentityError("E063", name, "no entity of the graph has this name, key or IRI (kg query actors-table lists them)")
    return [_node(store, iri) for iri in nodes]


def _articles(store: Any) -> dict[str, dict[str, str]]:
    rows = _rows(store, "SELECT ?a ?date ?title ?file WHERE { ?a a kg:Article . OPTIONAL { ?a schema:datePublished ?date } "
                       "OPTIONAL { ?a schema:headline ?title } OPTIONAL { ?a kg:file ?file } }")
    return {r["a"]: {"id": r["a"].rsplit("/", 1)[-1], "date": r["date"], "title": r["title"], "file": r["file"]} for r in rows}


def _node(store: Any, iri: str) -> dict[str, Any]:
    articles = _articles(store)
    desc = _rows(store, f"""SELECT ?label ?type ?alt ?link ?source WHERE {{ GRAPH <{ENTITIES}> {{
        <{iri}> rdfs:label ?label . OPTIONAL {{ <{iri}> a ?type }} OPTIONAL {{ <{iri}> skos:altLabel ?alt }}
        OPTIONAL {{ <{iri}> owl:sameAs ?link . OPTIONAL {{ <{iri}> kg:source ?source }} }} }} }}""")
    seen_in = _rows(store, f"SELECT DISTINCT ?a WHERE {{ <{iri}> kg:evidence/prov:wasDerivedFrom ?a }}")
    merges = _rows(store, f"""SELECT ?m ?key ?rule ?score ?detail ?name WHERE {{ GRAPH <{ENTITIES}> {{
        <{iri}> kg:merged ?m . ?m kg:mergedKey ?key ; kg:rule ?rule ; kg:score ?score .
        OPTIONAL {{ ?m kg:detail ?detail }} OPTIONAL {{ ?m kg:mergedName ?name }} }} }}""")
    where = _rows(store, f"""SELECT ?m ?a ?anchor ?sentence ?start WHERE {{ GRAPH <{ENTITIES}> {{ <{iri}> kg:merged ?m }}
        ?m kg:article ?a . OPTIONAL {{ ?m kg:mention ?ev . ?ev prov:wasDerivedFrom ?a ; kg:anchor ?anchor ; kg:sentence ?sentence ;
        kg:start ?start }} }}""")
    former = _rows(store, f"""SELECT ?name ?until ?source WHERE {{ GRAPH <{ENTITIES}> {{ <{iri}> kg:formerName ?f . ?f kg:name ?name .
        OPTIONAL {{ ?f kg:until ?until }} OPTIONAL {{ ?f kg:source ?source }} }} }}""")
    affiliations = _rows(store, f"""SELECT ?state ?stateLabel ?sector ?code ?since ?until ?source WHERE {{ GRAPH <{ENTITIES}> {{
        <{iri}> kg:affiliation ?f . ?f kg:affiliatedWith ?state ; kg:sector ?sector ; kg:actorCode ?code ; kg:source ?source .
        OPTIONAL {{ ?f kg:since ?since }} OPTIONAL {{ ?f kg:until ?until }} OPTIONAL {{ ?state rdfs:label ?stateLabel }} }} }}""")
    apart = _rows(store, f"""SELECT ?other ?otherLabel ?detail WHERE {{ GRAPH <{ENTITIES}> {{ <{iri}> kg:keptApart ?k .
        ?k kg:other ?other . OPTIONAL {{ ?k kg:detail ?detail }} OPTIONAL {{ ?other rdfs:label ?otherLabel }} }} }}""")
    first = desc[0] if desc else {}
    by_merge: dict[str, dict[str, Any]] = {}
    for r in merges:
        m = by_merge.setdefault(r["m"], {"key": r["key"], "rule": r["rule"], "score": float(r["score"]), "detail": r["detail"],
                                         "names": [], "articles": [], "mentions": []})
        if r["name"] and r["name"] not in m["names"]:
            m["names"].append(r["name"])
    for r in where:
        m = by_merge.get(r["m"])
        if m is None:
            continue
        article = articles.get(r["a"], {"id": r["a"].rsplit("/", 1)[-1], "date": "", "title": "", "file": ""})
        if article not in m["articles"]:
            m["articles"].append(article)
        if r["anchor"]:
            mention = {"text": r["anchor"], "sentence": r["sentence"], "start": int(r["start"]), "article": article["id"]}
            if mention not in m["mentions"]:
                m["mentions"].append(mention)
    for m in by_merge.values():
        m["articles"].sort(key=lambda a: (a["date"], a["id"]))
        m["mentions"].sort(key=lambda x: (x["article"], x["start"]))
    return {
        "iri": iri,
        "label": first.get("label", ""),
        "type": next((r["type"].rsplit("#", 1)[-1] for r in desc if r["type"]), ""),
        "names": sorted({r["alt"] for r in desc if r["alt"]}),
        "wikidata": first.get("link", ""),
        "source": first.get("source", ""),
        "articles": sorted((articles.get(r["a"], {"id": r["a"].rsplit("/", 1)[-1], "date": "", "title": "", "file": ""})
                            for r in seen_in), key=lambda a: (a["date"], a["id"])),
        "merges": sorted(by_merge.values(), key=lambda m: (-m["score"], m["rule"], m["key"])),
        "former_names": former,
        "affiliations": affiliations,
        "kept_apart": apart,
    }


def format_explanation(node: dict[str, Any], max_mentions: int = 3) -> str:
    """Plain text for people: the node, its names and articles, then each merge: names, rule, score, why, where."""
    lines = [f"{node['label']} ({node['type'] or 'entity'}) {node['iri']}"]
    if node["names"]:
        lines.append("  also named: " + "; ".join(node["names"]))
    if node["wikidata"]:
        lines.append(f"  linked: {node['wikidata']} (source: {node['source']})")
    lines.append(f"  mentioned in {len(node['articles'])} article(s)")
    for a in node["articles"][:10]:
        lines.append(f"    {a['date']} {a['file'] or a['id']}" + (f": {a['title']}" if a["title"] else ""))
    if len(node["articles"]) > 10:
        lines.append(f"    ... and {len(node['articles']) - 10} more")
    if not node["merges"]:
        lines.append("  merged: nothing (every article names it alike)")
    for m in node["merges"]:
        lines.append(f"  merged {' / '.join(repr(n) for n in m['names'])} [{m['key']}]: rule {m['rule']}, score {m['score']:.2f}"
                     + (f": {m['detail']}" if m["detail"] else ""))
        for a in m["articles"]:
            lines.append(f"    in {a['date']} {a['file'] or a['id']}" + (f": {a['title']}" if a["title"] else ""))
        for x in m["mentions"][:max_mentions]:
            lines.append(f"      {x['text']!r} at {x['start']} in {x['article']}: {' '.join(x['sentence'].split())[:160]}")
        if len(m["mentions"]) > max_mentions:
            lines.append(f"      ... and {len(m['mentions']) - max_mentions} more mention(s)")
    for f in node["former_names"]:
        lines.append(f"  former name: {f['name']}" + (f" (until {f['until']})" if f["until"] else "") + f"; source: {f['source']}")
    for f in node["affiliations"]:
        span = f"{f['since'] or '?'} to {f['until'] or 'open'}"
        lines.append(f"  affiliation: {f['stateLabel'] or f['state']} {f['sector']} ({f['code']}), {span}; source: {f['source']}")
    for k in node["kept_apart"]:
        lines.append(f"  kept apart from {k['otherLabel'] or k['other']} ({k['other']}): {k['detail']}")
    return "\n".join(lines)


def identity_notes(source: Any) -> dict[str, list[str]]:
    """Entity IRI -> one short line per merge, for tooltips and reports (`kg.analysis.project.identity_notes`)."""
    from kg.analysis.project import identity_notes as notes

    return notes(source)
