"""A small hand-built graph with the awkward cases the Cypher backends must agree on: quotes,
backslashes, non-ASCII and line breaks in names, undated events, a symmetric edge, footnote
sources, a float and an int property, and a value Neo4j cannot hold (a map)."""

from __future__ import annotations

from briefgraph.graph.model import add_edge, add_node, new_graph

DOC = "doc:sample"


def ev(text: str, start: int = 0, sources: tuple[str, ...] = (), mention: str | None = None) -> list[dict]:
    record = {"text": text, "doc": DOC, "start": start, "end": start + len(text), "sources": list(sources)}
    if mention is not None:
        record["mention"] = mention
    return [record]


def sample_graph():
    g = new_graph()
    g.graph["documents"][DOC] = {"title": "A sample brief", "date": "2024-08-15", "author": "Test",
                                 "editors": ["A", "B"], "pages": 3}
    g.graph["documents"]["doc:other"] = {"title": "Unreferenced", "date": "2020"}
    add_node(g, "state:pk", "State", "Pakistan", ["Pakistan", "Islamabad's"], ev("Pakistan and Azerbaijan.", 0),
             [DOC], iso_code="PK")
    add_node(g, "state:az", "State", "Azerbaijan", ["Azerbaijan"], ev("Pakistan and Azerbaijan.", 0), [DOC],
             iso_code="AZ")
    add_node(g, "state:am", "State", "Armenia", ["Armenia"], ev("Armenia occupied it.", 40), [DOC], iso_code="AM")
    add_node(g, "person:ia", "Person", "Ilham Aliyev", ["Aliyev", "President Aliyev"],
             ev("President Aliyev visited.", 80, mention="Aliyev"), [DOC], role="President", title="President")
    add_node(g, "person:ss", "Person", "Shehbaz Sharif", ["Sharif"], ev("Sharif met him.", 120), [DOC])
    add_node(g, "person:q", "Person", 'Dr. "Quote" O\'Neil \\ Ürümqi\nline', [], ev("An odd name.", 150), [DOC])
    add_node(g, "org:oic", "Organisation", "Organisation of Islamic Cooperation", ["OIC"], ev("The OIC.", 200),
             [DOC], abbreviation="OIC", org_type="intergovernmental")
    add_node(g, "org:eco", "Organisation", "Economic Cooperation Organization", ["ECO"], ev("ECO.", 220), [DOC],
             abbreviation="ECO")
    add_node(g, "place:baku", "Place", "Baku", ["Baku"], ev("In Baku.", 240), [DOC], place_type="city",
             country_code="AZ", latitude=40.4093, longitude=49.8671)
    add_node(g, "event:visit", "Event", "Visit of Ilham Aliyev to Pakistan", [], ev("Aliyev visited Pakistan.", 260,
             ("source:1",)), [DOC], event_type="Visit", date="2024-07-11", date_start="2024-07-11",
             date_end="2024-07-12", date_precision="day")
    add_node(g, "event:talks", "Event", "Trade talks", [], ev("Talks were held.", 300), [DOC],
             event_type="Negotiation")  # undated: sorts last
    add_node(g, "event:summit", "Event", "ECO summit", [], ev("The 2023 ECO summit.", 330), [DOC],
             event_type="Summit", date="2023", date_start="2023-01-01", date_end="2023-12-31",
             date_precision="year", date_qualifier="circa", ordinal=16)
    add_node(g, "event:war", "Event", "Second Karabakh War", [], ev("The 2020 war.", 360), [DOC],
             event_type="Conflict", date="2020-09-27/2020-11-10", date_start="2020-09-27", date_end="2020-11-10",
             date_precision="day")
    add_node(g, "agreement:mou", "Agreement", "MoU on trade", [], ev("A MoU was signed.", 400, ("source:1", "source:2")),
             [DOC], agreement_type="MOU", date="2024-07", date_start="2024-07-01", date_end="2024-07-31",
             date_precision="month", count=14)
    add_node(g, "agreement:decl", "Agreement", "Joint Declaration", [], ev("They declared.", 430), [DOC],
             agreement_type="Declaration")
    add_node(g, "source:1", "Source", "Source 1", [], [], [], title="Press release", url="https://example.org/a?x=1;y=2",
             footnote=1, raw={"publisher": "MFA", "pages": [1, 2]})
    add_node(g, "source:2", "Source", "Source 2", [], [], [], title="Report", url="https://example.org/b")
    for actor, role in (("state:pk", "host"), ("state:az", "visitor"), ("person:ia", "visitor"), ("person:ss", "host")):
        add_edge(g, actor, "event:visit", "PARTICIPATED_IN", ev("Aliyev visited Pakistan.", 260, ("source:1",)),
                 role=role)
    for actor in ("state:pk", "state:az"):
        add_edge(g, actor, "event:talks", "PARTICIPATED_IN", ev("Talks were held.", 300))
        add_edge(g, actor, "event:summit", "PARTICIPATED_IN", ev("The 2023 ECO summit.", 330))
        add_edge(g, actor, "agreement:mou", "PARTY_TO", ev("A MoU was signed.", 400, ("source:1", "source:2")))
        add_edge(g, actor, "agreement:decl", "PARTY_TO", ev("They declared.", 430))
        add_edge(g, actor, "org:oic", "MEMBER_OF", ev("Both are OIC members.", 460))
        add_edge(g, actor, "org:eco", "MEMBER_OF", ev("Both are ECO members.", 490))
    add_edge(g, "state:am", "event:war", "PARTICIPATED_IN", ev("The 2020 war.", 360), role="aggressor")
    add_edge(g, "state:az", "event:war", "PARTICIPATED_IN", ev("The 2020 war.", 360), role="target")
    add_edge(g, "state:am", "state:az", "IN_CONFLICT_WITH", ev("Armenia occupied it.", 40))  # symmetric
    add_edge(g, "person:ia", "state:az", "HEAD_OF", ev("President Aliyev visited.", 80), role="President")
    add_edge(g, "person:q", "org:oic", "AFFILIATED_WITH", ev("An odd name.", 150))
    add_edge(g, "event:summit", "place:baku", "OCCURRED_IN", ev("The 2023 ECO summit.", 330))
    add_edge(g, "place:baku", "state:az", "LOCATED_IN", ev("In Baku.", 240))
    add_edge(g, "agreement:mou", "event:visit", "SIGNED_AT", ev("A MoU was signed.", 400))
    return g


# Parameters for the library queries on this graph
PARAMS = {"actor": "Pakistan", "state_a": "Pakistan", "state_b": "Azerbaijan", "state": "Azerbaijan",
          "date_from": "2020-01-01", "date_to": "2024-12-31", "a": "MoU on trade", "b": "Pakistan",
          "actor_a": "Ilham Aliyev", "actor_b": "Armenia"}
