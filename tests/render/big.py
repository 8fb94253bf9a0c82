"""A synthetic archive of realistic size for the browser tests: 1,000+ nodes, built by hand through kg.records and kg.rdf.

Seeded, so every run draws the same graph. Shaped like the Wikinews corpus:
most entities are mentioned in no event, a few speakers make most of the
statements, events cluster in a few busy years with outliers, many undated.
"""
from __future__ import annotations

import random

from tests.analysis.graphs import article, dataset, event


def big_dataset(articles: int = 160, seed: int = 7):
    rng = random.Random(seed)
    people = [f"person-p{i:03d}" for i in range(260)]
    orgs = [f"org-o{i:03d}" for i in range(120)]
    states = [f"state-s{i:02d}" for i in range(30)]
    places = [f"place-c{i:02d}" for i in range(60)]
    speakers = people[:25] + orgs[:10]
    out = []
    for a in range(articles):
        year = rng.choice([2005, 2006, 2007, 2008, 2009, 2010, 2011, 2011, 2016, 2020]) if rng.random() > 0.02 else 1980
        day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        events = []
        for k in range(rng.randint(1, 4)):
            kind = rng.choice(["Meeting", "Agreement", "Sanction", "Talks", "Release"])
            cast = rng.sample(people[:120] + orgs[:50] + states, rng.randint(2, 4))
            when = rng.choice([day, day[:7], day[:4], None, None])
            events.append(event(f"event-{a}-{k}", kind, *cast, date=when, place=rng.choice(places + [""] * 40)))
        for k in range(rng.randint(1, 5)):
            who = rng.choice(speakers) if rng.random() < 0.8 else rng.choice(people[120:])  # many speak once
            about = {"target": [rng.choice(states)]} if rng.random() < 0.4 else {}
            events.append(event(f"event-{a}-s{k}", "Statement", date=rng.choice([day, None]), speaker=[who], **about))
        mentions = {x: 1 for x in rng.sample(people[120:] + orgs[50:] + places, rng.randint(3, 9))}
        out.append(article(day, events=events, mentions=mentions))
    return dataset(*out)
