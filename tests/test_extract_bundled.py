"""End to end on the bundled brief: real facts, each with evidence."""

from __future__ import annotations

from briefgraph.graph.schema import check_graph


def _edge(g, u, v, etype):
    return g.has_edge(u, v, key=etype)


def test_graph_follows_the_schema(brief_graph):
    check_graph(brief_graph)


def test_states_people_and_aliases(brief_graph, named):
    g = brief_graph
    node_named = named
    ilham = node_named(g, "Ilham Aliyev", "Person")
    assert {"Iham Aliyev", "H.E. Iham Aliyev", "Ilham Aliyev"} <= set(g.nodes[ilham]["aliases"])
    heydar = node_named(g, "Heydar Aliyev", "Person")
    assert heydar != ilham  # namesakes stay apart
    assert "Armenian" in g.nodes[node_named(g, "Armenia", "State")]["aliases"]
    assert "Turkiye" in g.nodes[node_named(g, "Türkiye", "State")]["aliases"]


def test_heads_of_state(brief_graph, named):
    g = brief_graph
    node_named = named
    pk, az = node_named(g, "Pakistan", "State"), node_named(g, "Azerbaijan", "State")
    for person, state in [("Ilham Aliyev", az), ("Asif Ali Zardari", pk), ("Farooq Ahmed Khan Leghari", pk),
                          ("Heydar Aliyev", az), ("Mamnoon Hussain", pk)]:
        assert _edge(g, node_named(g, person, "Person"), state, "HEAD_OF"), person


def test_organisations_and_their_parts(brief_graph, named):
    g = brief_graph
    node_named = named
    oic_group = node_named(g, "OIC Contact Group on Jammu and Kashmir", "Organisation")
    assert _edge(g, oic_group, node_named(g, "OIC", "Organisation"), "PART_OF")
    assert _edge(g, node_named(g, "Azerbaijan", "State"), oic_group, "MEMBER_OF")
    unsc = node_named(g, "UNSC", "Organisation")
    assert g.nodes[unsc]["name"] == "United Nations Security Council"


def test_visit_is_an_interval_with_its_parties_place_and_source(brief_graph, named):
    g = brief_graph
    node_named = named
    pk = node_named(g, "Pakistan", "State")
    ilham = node_named(g, "Ilham Aliyev", "Person")
    visits = [n for n, d in g.nodes(data=True) if d.get("event_type") == "Visit" and d.get("date") == "2024-07-11/2024-07-12"]
    assert len(visits) == 1
    v = visits[0]
    assert g.nodes[v]["date_start"] == "2024-07-11" and g.nodes[v]["date_end"] == "2024-07-12"
    assert g.edges[ilham, v, "PARTICIPATED_IN"]["role"] == "visitor"
    assert g.edges[pk, v, "PARTICIPATED_IN"]["role"] == "host"
    assert _edge(g, v, pk, "OCCURRED_IN")
    meeting = [u for u, _, t in g.in_edges(v, data="type") if t == "DURING"]
    assert len(meeting) == 1 and g.nodes[meeting[0]]["event_type"] == "Meeting"
    mous = [u for u, _, t in g.in_edges(v, data="type") if t == "SIGNED_AT"]
    assert [g.nodes[m]["count"] for m in mous] == [15]


def test_dates_keep_their_precision(brief_graph):
    by_name = {d["name"]: d for _, d in brief_graph.nodes(data=True) if d["kind"] in ("Event", "Agreement")}
    assert by_name["Khojaly Massacre"]["date"] == "1992"
    assert by_name["Khojaly Massacre"]["date_precision"] == "year"
    assert any(d.get("date") == "2015-03" and d["date_precision"] == "month" for d in by_name.values())
    assert any(d.get("date") == "1992-06-09" for d in by_name.values())
    undated = [d for d in by_name.values() if d.get("date") is None]
    assert undated and all("date_start" not in d for d in undated)  # never invent a date


def test_every_fact_has_evidence_pointing_into_the_file(brief_graph, brief_doc):
    g = brief_graph
    for _, d in g.nodes(data=True):
        assert d["evidence"], d["name"]
        for ev in d["evidence"]:
            assert ev["doc"] == brief_doc.id
            assert 0 <= ev["start"] < ev["end"] <= len(brief_doc.text)
    for u, v, d in g.edges(data=True):
        assert d["evidence"], (u, v, d["type"])


def test_fifteen_footnotes_become_sources_cited_by_sentences(brief_graph):
    g = brief_graph
    sources = {n: d for n, d in g.nodes(data=True) if d["kind"] == "Source"}
    assert len(sources) == 15
    assert sum(1 for d in sources.values() if d.get("url", "").startswith("https://")) >= 13
    ibid = [d for d in sources.values() if d.get("ibid_of")]
    assert len(ibid) == 1 and ibid[0]["url"] == sources[ibid[0]["ibid_of"]]["url"]
    cited = {s for _, d in g.nodes(data=True) for ev in d["evidence"] for s in ev.get("sources", [])}
    assert cited <= set(sources) and len(cited) >= 10


def test_ingest_is_deterministic(brief_path):
    from briefgraph.graph.jsonio import to_dict
    from briefgraph.pipeline import ingest

    assert to_dict(ingest([brief_path])) == to_dict(ingest([brief_path]))


def test_two_briefs_merge_without_duplicates(brief_path, tmp_path):
    from briefgraph.pipeline import ingest

    copy = tmp_path / "copy.txt"
    copy.write_text(brief_path.read_text(encoding="utf-8").replace("H.E. Iham Aliyev", "H.E. Ilham Aliyev") + "\n",
                    encoding="utf-8")
    one, two = ingest([brief_path]), ingest([brief_path, copy], jobs=2)
    entity = lambda g: sorted(d["name"] for _, d in g.nodes(data=True) if d["kind"] in ("State", "Person", "Organisation", "Place"))
    assert entity(one) == entity(two)
    assert len(two.graph["documents"]) == 2


def test_ids_do_not_depend_on_the_order_of_briefs(brief_path, tmp_path):
    from pathlib import Path

    from briefgraph.graph.jsonio import to_dict
    from briefgraph.pipeline import ingest

    other = Path(__file__).parent / "fixtures" / "kazakhstan-uzbekistan-2023.txt"
    assert to_dict(ingest([brief_path, other])) == to_dict(ingest([other, brief_path]))


def test_errors_keep_their_hint_across_processes():
    import pickle

    from briefgraph.errors import InputError

    err = pickle.loads(pickle.dumps(InputError("bad", hint="fix it")))
    assert isinstance(err, InputError) and str(err) == "bad" and err.hint == "fix it"


def test_heads_of_state_keep_the_time_the_text_gives(brief_graph, named):
    g = brief_graph
    pk = named(g, "Pakistan", "State")
    leghari = named(g, "Farooq Ahmed Khan Leghari", "Person")
    assert g.edges[leghari, pk, "HEAD_OF"]["date"] == "1995"  # "the then President of Pakistan" in 1995
    assert g.edges[named(g, "Mamnoon Hussain", "Person"), pk, "HEAD_OF"]["date"] == "2015-03"
