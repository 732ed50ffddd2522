"""Corrections through the CLI, on the bundled brief and on a brief written for these tests
(tests/fixtures/ghana-kenya-2024.txt): every operation applied, provenance in the JSON and the
timeline, the same output when applied twice, stale corrections warned about with file and
line, a malformed file refused with its line before any brief is read.

Nodes are named as an analyst would (states, people named after a title) or looked up in the
graph, so the tests hold while the extraction changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgraph.cli import main
from briefgraph.graph.corrections import apply
from briefgraph.graph.corrections_file import parse_corrections
from briefgraph.graph.ids import make_id
from briefgraph.graph.jsonio import from_dict, read_json, to_dict
from briefgraph.pipeline import bundled_brief, ingest

OWN = Path(__file__).resolve().parents[1] / "fixtures" / "ghana-kenya-2024.txt"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def own_graph():
    return ingest([OWN])


def node(graph, kind, name):
    hits = [n for n, d in graph.nodes(data=True) if d["kind"] == kind and (d["name"] == name or name in d["aliases"])]
    assert len(hits) == 1, (kind, name, hits)
    return hits[0]


def edges_of(graph):
    return {(u, v, k) for u, v, k in graph.edges(keys=True)}


def write(tmp_path, text, name="corrections.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_operation_on_a_brief_of_our_own(tmp_path, own_graph):
    g0 = own_graph
    ghana, kenya = node(g0, "State", "Ghana"), node(g0, "State", "Kenya")
    ruto, kenyatta = node(g0, "Person", "William Ruto"), node(g0, "Person", "Uhuru Kenyatta")
    akufo = node(g0, "Person", "Nana Akufo-Addo")
    nairobi = node(g0, "Place", "Nairobi")
    event = min(v for u, v, t in g0.out_edges(kenyatta, data="type") if t == "PARTICIPATED_IN")
    event_name = g0.nodes[event]["name"]
    # an edge of Ghana's to another node that stays, found in the graph
    ghana_edge = min((u, v, k) for u, v, k in g0.edges(ghana, keys=True) if v not in (kenyatta, akufo, nairobi))
    # what an Organisation may not have of Nairobi's edges (an event cannot occur in one)
    refused = sorted(k for k in (t for _, _, t in g0.in_edges(nairobi, data="type")) if k == "OCCURRED_IN")
    fixes = write(tmp_path, f"""\
# corrections of the Ghana-Kenya brief
- merge: ["Person:William Ruto", "Person:Uhuru Kenyatta"]
  note: one head of Kenya (a test of merge)
- rename: {{node: "Person:Nana Akufo-Addo", to: "Nana Addo Dankwa Akufo-Addo"}}
  note: full name
- retype: {{node: "Place:Nairobi", to: Organisation}}
- set: {{node: {json.dumps(event)}, date: "2019-11"}}
  note: the month of the visit
- add_node: {{kind: Organisation, name: "East African Community", aliases: [EAC]}}
- add_edge: {{source: "State:Kenya", type: MEMBER_OF, target: "Organisation:EAC"}}
  note: Kenya is a member
- drop_edge: {{source: "State:Ghana", type: {ghana_edge[2]}, target: {json.dumps(ghana_edge[1])}}}
- drop: "State:Ghana"
  note: a test of drop
""")
    out = tmp_path / "g.json"
    result = run("ingest", OWN, "--corrections", fixes, "-o", out)
    assert result.exit_code == 0, result.output
    # the only warning: the edges the new kind may not have (an event cannot occur in an organisation)
    warnings = [x for x in result.stderr.splitlines() if x.startswith("Warning")]
    assert len(warnings) == (1 if refused else 0)
    if refused:
        assert warnings[0].startswith(f"Warning: {fixes}:6: retype: applied, but OCCURRED_IN ")
        assert warnings[0].count("(OCCURRED_IN may not link Event to Organisation)") == len(refused)
    assert f"8 of 8 correction(s) applied from {fixes}" in result.stderr
    g = read_json(out)
    data = json.loads(out.read_text("utf-8"))
    prov = lambda op, note=None: {"op": op, "note": note, "file": str(fixes)}  # noqa: E731
    # merge: the first node kept, the other gone, its names and edges moved
    assert kenyatta not in g and ruto in g
    assert "Uhuru Kenyatta" in g.nodes[ruto]["aliases"]
    assert g.has_edge(ruto, event, key="PARTICIPATED_IN")
    assert prov("merge", "one head of Kenya (a test of merge)") in g.nodes[ruto]["corrections"]
    assert prov("merge", "one head of Kenya (a test of merge)") in g.edges[ruto, event, "PARTICIPATED_IN"]["corrections"]
    # rename: the id of the new name (as extraction gives a person), the old name kept as alias, edges re-pointed
    new_akufo = make_id("Person", "Nana Addo Dankwa Akufo-Addo")
    assert akufo not in g and g.nodes[new_akufo]["name"] == "Nana Addo Dankwa Akufo-Addo"
    assert "Nana Akufo-Addo" in g.nodes[new_akufo]["aliases"]
    assert {v for _, v in g.out_edges(new_akufo)} == {v for _, v in g0.out_edges(akufo)} - {ghana}
    assert g.nodes[new_akufo]["corrections"] == [prov("rename", "full name")]
    # retype: a new kind, the id of the new natural key; edges the schema refuses for it were dropped
    org = make_id("Organisation", "Nairobi")
    assert nairobi not in g and g.nodes[org]["kind"] == "Organisation"
    assert g.nodes[org]["corrections"] == [prov("retype")]
    # set: same id, the date with its precision and range
    d = g.nodes[event]
    assert (d["date"], d["date_start"], d["date_end"], d["date_precision"]) == ("2019-11", "2019-11-01", "2019-11-30", "month")
    assert d["corrections"] == [prov("set", "the month of the visit")] and d["name"] == event_name
    # add_node and add_edge, referred to by alias
    eac = make_id("Organisation", "East African Community")
    assert g.nodes[eac]["aliases"] == ["East African Community", "EAC"]
    assert g.edges[kenya, eac, "MEMBER_OF"]["corrections"] == [prov("add_edge", "Kenya is a member")]
    # drop_edge, then drop: gone, remembered in the JSON for the next push
    assert ghana not in g
    dropped = {n["id"]: n for n in data["dropped"]["nodes"]}
    assert dropped[ghana]["corrections"] == [prov("drop", "a test of drop")]
    assert {kenyatta, akufo, nairobi, ghana} <= set(dropped)
    assert [(e["source"], e["target"], e["type"]) for e in data["dropped"]["edges"]] == [ghana_edge]
    # nothing else changed: every other node is as extraction made it
    touched = {ruto, kenyatta, akufo, nairobi, ghana, event, kenya}
    for n, attrs in g0.nodes(data=True):
        if n not in touched and n in g:
            assert g.nodes[n] == attrs or n in {v for _, v in g.out_edges(ruto)}, n
    assert {n for n in g0 if n not in touched} <= set(g)


def test_the_timeline_shows_the_correction(tmp_path, own_graph):
    kenyatta = node(own_graph, "Person", "Uhuru Kenyatta")
    event = min(v for u, v, t in own_graph.out_edges(kenyatta, data="type") if t == "PARTICIPATED_IN")
    fixes = write(tmp_path, f"- set: {{node: {json.dumps(event)}, date: '2019-11-14'}}\n  note: from the Daily Nation\n")
    out = tmp_path / "g.json"
    assert run("ingest", OWN, "--corrections", fixes, "-o", out, "-q").exit_code == 0
    shown = run("timeline", out, "--actor", "Uhuru Kenyatta")
    assert shown.exit_code == 0
    lines = shown.stdout.splitlines()
    assert lines[0].startswith("2019-11-14") and own_graph.nodes[event]["name"] in lines[0]
    assert f"corrected (set, {fixes}): from the Daily Nation" in [x.strip() for x in lines]
    as_json = json.loads(run("timeline", out, "--format", "json").stdout)
    entry = next(e for e in as_json if e["id"] == event)
    assert entry["corrections"] == [{"op": "set", "note": "from the Daily Nation", "file": str(fixes)}]


BUNDLED_FIXES = """\
# corrections of the bundled brief
- rename: {node: "State:Azerbaijan", to: "Republic of Azerbaijan"}
  note: official name
- add_node: {kind: Organisation, name: "Economic Cooperation Organization", aliases: [ECO]}
- add_edge: {source: "State:Pakistan", type: MEMBER_OF, target: "Organisation:ECO"}
- add_edge: {source: "State:Republic of Azerbaijan", type: MEMBER_OF, target: "Organisation:ECO"}
- drop_edge: {source: "Person:Asif Ali Zardari", type: HEAD_OF, target: "State:Pakistan"}
  note: a test of drop_edge
- set: {node: "Person:Asif Ali Zardari", title: "President of Pakistan"}
- drop: "Place:Atlantis"
  note: stale on purpose
- merge: ["Person:Nobody Known", "Person:Asif Ali Zardari"]
"""


def test_bundled_brief_corrected_twice_gives_the_same_bytes_and_warns_of_stale_entries(tmp_path):
    fixes = write(tmp_path, BUNDLED_FIXES)
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    first = run("ingest", bundled_brief(), "--corrections", fixes, "-o", one)
    second = run("ingest", bundled_brief(), "--corrections", fixes, "-o", two)
    assert first.exit_code == 0 and second.exit_code == 0, first.output
    assert one.read_bytes() == two.read_bytes()
    warnings = [x for x in first.stderr.splitlines() if x.startswith("Warning:")]
    assert warnings == [
        f"Warning: {fixes}:10: drop: no node 'Place:Atlantis' in the graph (not applied)",
        f"Warning: {fixes}:12: merge: no node 'Person:Nobody Known' in the graph (not applied)",
    ]
    g = read_json(one)
    pakistan, azerbaijan = make_id("State", "PK"), make_id("State", "AZ")
    zardari = node(g, "Person", "Asif Ali Zardari")
    # a state keeps its ISO-code id when renamed; the stale merge touched nobody
    assert g.nodes[azerbaijan]["name"] == "Republic of Azerbaijan" and "Azerbaijan" in g.nodes[azerbaijan]["aliases"]
    eco = make_id("Organisation", "Economic Cooperation Organization")
    assert g.has_edge(pakistan, eco, key="MEMBER_OF") and g.has_edge(azerbaijan, eco, key="MEMBER_OF")
    assert not g.has_edge(zardari, pakistan, key="HEAD_OF")
    assert g.nodes[zardari]["title"] == "President of Pakistan"
    assert [c["op"] for c in g.nodes[zardari]["corrections"]] == ["set"]
    # and applied again to its own output: nothing changes, and nothing is warned about but the stale two
    again = apply(read_json(one), fixes)
    assert to_dict(again.graph) == to_dict(g)
    assert again.warnings == [w.removeprefix("Warning: ") for w in warnings]


def test_applying_a_file_to_its_own_result_changes_nothing(tmp_path, own_graph):
    kenya, stays = node(own_graph, "State", "Kenya"), {node(own_graph, "State", "Ghana"), node(own_graph, "Place", "Nairobi")}
    u, v, k = min(e for e in own_graph.edges(kenya, keys=True) if e[1] not in stays)
    kenya_edge = (k, json.dumps(v))
    fixes = parse_corrections("""\
- merge: ["Person:William Ruto", "Person:Uhuru Kenyatta"]
- rename: {node: "Person:Nana Akufo-Addo", to: "Nana Addo Dankwa Akufo-Addo"}
- retype: {node: "Place:Nairobi", to: Organisation}
- drop: "State:Ghana"
- drop_edge: {source: "State:Kenya", type: %s, target: %s}
- add_node: {kind: Organisation, name: "East African Community"}
""" % kenya_edge, "fix.yaml")
    g = from_dict(to_dict(own_graph))
    first = apply(g, fixes)
    assert {w.split(" applied, but ")[0] for w in first.warnings} <= {"fix.yaml:3: retype:"}
    assert first.applied == 6
    once = to_dict(g)
    second = apply(from_dict(json.loads(json.dumps(once))), fixes)
    assert second.warnings == [] and second.applied == 6
    assert to_dict(second.graph) == once


def test_a_correction_never_lands_on_another_node(tmp_path, own_graph):
    g = from_dict(to_dict(own_graph))
    before = to_dict(g)
    done = apply(g, parse_corrections("- drop: 'Person:William'\n- drop: 'Place:Kenya'\n"
                                      "- add_edge: {source: 'Person:William Ruto', type: HEAD_OF, target: 'Place:Nairobi'}\n",
                                      "f.yaml"))
    assert done.applied == 0 and to_dict(g) == before
    assert done.warnings == ["f.yaml:1: drop: no node 'Person:William' in the graph (not applied)",
                             "f.yaml:2: drop: no node 'Place:Kenya' in the graph (not applied)",
                             "f.yaml:3: add_edge: HEAD_OF may not link Person to Place (not applied)"]


def test_an_ambiguous_name_is_not_guessed(own_graph):
    g = from_dict(to_dict(own_graph))
    ruto = node(g, "Person", "William Ruto")
    g.nodes[node(g, "Person", "Uhuru Kenyatta")]["aliases"].append("the President")
    g.nodes[ruto]["aliases"].append("the President")
    done = apply(g, parse_corrections("- drop: 'Person:the President'\n", "f.yaml"))
    assert done.applied == 0 and "names 2 nodes" in done.warnings[0] and ruto in g


def test_a_malformed_file_is_refused_with_its_line_before_any_brief_is_read(tmp_path):
    fixes = write(tmp_path, "- drop: 'Place:Noda'\n# fine so far\n- drop_edge: {source: 'Person:A', type: HATES, target: 'State:B'}\n")
    out = tmp_path / "g.json"
    out.write_text("old", encoding="utf-8")
    # the brief does not even exist: the corrections are checked first
    result = run("ingest", tmp_path / "absent.txt", "--corrections", fixes, "-o", out)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {fixes}:3: drop_edge: unknown edge type 'HATES'")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert out.read_text("utf-8") == "old"
    with pytest.raises(Exception, match=":3: drop_edge"):
        ingest([OWN], corrections=fixes)


def test_a_missing_corrections_file_is_one_error_line(tmp_path):
    result = run("ingest", OWN, "--corrections", tmp_path / "nope.yaml", "-o", tmp_path / "g.json")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nope.yaml'}: no such corrections file\n"


def test_the_library_pipeline_applies_a_file(tmp_path):
    fixes = write(tmp_path, "- drop: 'State:Pakistan'\n- drop: 'Place:Atlantis'\n")
    seen = []
    g = ingest([bundled_brief()], corrections=fixes, warn=seen.append)
    assert make_id("State", "PK") not in g and make_id("State", "PK") in g.graph["dropped"]["nodes"]
    assert seen == [f"{fixes}:2: drop: no node 'Place:Atlantis' in the graph (not applied)"]
