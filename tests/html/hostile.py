"""A hand-built graph whose every text field carries a script-injection payload.

The hostile brief (fixtures/hostile-brief.txt) tests the path through the extractor; this graph
makes sure every field is covered even where the extractor drops or cleans a payload.
"""

from __future__ import annotations

from briefgraph.graph.model import add_edge, add_node, new_graph

PAYLOADS = [
    "</script><script>window.pwned=1</script>",
    '<img src=x onerror="window.pwned=1">',
    "<!-- <script>window.pwned=1</script> -->",
    "<svg onload=window.pwned=1>",
    '"><script>window.pwned=1</script>',
    "</style><script>window.pwned=1</script>",
    "${window.pwned=1}",
    "\u2028\u2029</SCRIPT >",
]
BAD_URLS = [
    "javascript:window.pwned=1",
    "JaVaScRiPt:window.pwned=1",
    " javascript:window.pwned=1",
    "java\tscript:window.pwned=1",
    "data:text/html,<script>window.pwned=1</script>",
    "vbscript:window.pwned=1",
    "//evil.example/x",
    'https://example.org/a"><script>window.pwned=1</script>',
]
GOOD_URL = "https://example.org/report?a=1&b=2"
DOC = "doc:hostile"


def _ev(i: int, sources=()):
    p = PAYLOADS[i % len(PAYLOADS)]
    return {"text": f"Sentence {i} names {p} plainly.", "doc": DOC, "start": i * 100, "end": i * 100 + 60,
            "mention": p, "sources": list(sources)}


def hostile_graph():
    """Nodes of every kind and edges whose names, aliases, properties, evidence, footnote
    titles and URLs are all payloads (URLs: every dangerous scheme, and one safe one)."""
    g = new_graph()
    g.graph["documents"][DOC] = {"title": PAYLOADS[0] + " brief", "author": PAYLOADS[1],
                                 "publisher": PAYLOADS[2], "date": "2024-05-04"}
    sources = []
    for i, url in enumerate(BAD_URLS + [GOOD_URL]):
        sid = f"source:{i}"
        add_node(g, sid, "Source", PAYLOADS[i % len(PAYLOADS)], [], [_ev(i)], [DOC],
                 title=PAYLOADS[(i + 1) % len(PAYLOADS)], publisher=PAYLOADS[(i + 2) % len(PAYLOADS)],
                 url=url, raw=f'"{PAYLOADS[i % len(PAYLOADS)]}," <{url}>.', footnote=i + 1)
        sources.append(sid)
    kinds = ["State", "Person", "Organisation", "Place"]
    for i, p in enumerate(PAYLOADS):
        kind = kinds[i % len(kinds)]
        add_node(g, f"{kind.lower()}:{i}", kind, f"{kind} {p}", [p, f"alias {i} {p}"],
                 [_ev(i, [sources[i % len(sources)], sources[-1]])], [DOC], role=p)
    add_node(g, "event:1", "Event", f"Visit {PAYLOADS[0]}", [PAYLOADS[1]], [_ev(1, sources[:2])], [DOC],
             event_type="Visit", date="2014", date_start="2014-01-01", date_end="2014-12-31",
             date_precision="year", date_qualifier=PAYLOADS[3])
    add_node(g, "event:2", "Event", f"Summit {PAYLOADS[2]}", [], [_ev(2, [sources[-1]])], [DOC],
             event_type="Summit", date="2024-07-11/2024-07-12", date_start="2024-07-11",
             date_end="2024-07-12", date_precision="day")
    add_node(g, "agreement:1", "Agreement", f"MOU {PAYLOADS[4]}", [], [_ev(4)], [DOC],
             agreement_type="MOU", date="2015-03", date_start="2015-03-01", date_end="2015-03-31",
             date_precision="month", number=PAYLOADS[5])
    add_edge(g, "person:1", "event:1", "PARTICIPATED_IN", [_ev(5, sources[:3])], role=PAYLOADS[1])
    add_edge(g, "state:0", "event:1", "PARTICIPATED_IN", [_ev(6)], role=PAYLOADS[0])
    add_edge(g, "state:4", "event:2", "PARTICIPATED_IN", [_ev(7, [sources[-1]])])
    add_edge(g, "organisation:2", "agreement:1", "PARTY_TO", [_ev(3)], role=PAYLOADS[2])
    add_edge(g, "event:1", "place:3", "OCCURRED_IN", [_ev(0)])
    add_edge(g, "person:5", "organisation:6", "AFFILIATED_WITH", [_ev(1)], role=PAYLOADS[6])
    add_edge(g, "state:0", "state:4", "IN_CONFLICT_WITH", [_ev(2)])
    add_edge(g, "person:1", "state:4", "HEAD_OF", [_ev(4)], role=PAYLOADS[7], date="2014",
             date_start="2014-01-01", date_end="2014-12-31", date_precision="year")
    return g
