"""The review queue on small graphs built for each check (confidence set by hand, as the new
extraction will), its order, and its suggestions written as a corrections file that parses and
applies once un-commented."""

from __future__ import annotations

import json

from click.testing import CliRunner

from briefgraph.cli import main
from briefgraph.graph.corrections import apply
from briefgraph.graph.corrections_file import load_corrections
from briefgraph.graph.jsonio import read_json, write_json
from briefgraph.graph.model import add_edge, add_node, new_graph
from briefgraph.graph.review import review


def ev(text, mention=None, start=0):
    return {"text": text, "doc": "doc:1", "start": start, "end": start + len(text), "mention": mention, "sources": []}


def small_graph():
    """A brief's worth of typical extraction errors, one of each kind the queue looks for."""
    g = new_graph()
    s1 = "South Korean President Moon Jae-in visited Japan in 2019."
    s2 = "The summit of 2011 came when Prime Minister Yoshihiko Noda met him."
    s3 = "Nursultan Nazarbaev and Nursultan Nazarbayev are one man."
    add_node(g, "state:kr", "State", "South Korea", ["South Korea"], [ev(s1, "South Korean")], iso_code="KR")
    add_node(g, "state:jp", "State", "Japan", ["Japan"], [ev(s1, "Japan"), ev(s2, "Japan", 100)], iso_code="JP")
    add_node(g, "state:np", "State", "Nepal", ["Nepal"], [], iso_code="NP")
    add_node(g, "person:moon", "Person", "Moon Jae", ["Moon Jae"], [ev(s1, "Moon Jae")])
    add_node(g, "person:yoshi", "Person", "Yoshihiko", ["Yoshihiko"], [ev(s2, "Yoshihiko", 100)])
    add_node(g, "place:noda", "Place", "Noda", ["Noda"], [ev(s2, "Noda", 100)])
    add_node(g, "person:naz1", "Person", "Nursultan Nazarbaev", ["Nursultan Nazarbaev"], [ev(s3, None, 200)])
    add_node(g, "person:naz2", "Person", "Nursultan Nazarbayev", ["Nursultan Nazarbayev"], [ev(s3, None, 200)])
    add_node(g, "person:modi", "Person", "Narendra Modi", ["Narendra Modi"], [])
    add_node(g, "person:dahal", "Person", "Pushpa Kamal Dahal", ["Pushpa Kamal Dahal"], [])
    add_node(g, "event:visit", "Event", "Visit of Moon Jae to Japan", [], [ev(s1)], event_type="Visit")
    add_node(g, "event:summit", "Event", "Summit", [], [ev(s2, None, 100)], event_type="Summit",
             date="2011", date_start="2011-01-01", date_end="2011-12-31", date_precision="year")
    add_node(g, "person:abe", "Person", "Shinzo Abe", ["Shinzo Abe"], [ev(s2, None, 100)])
    add_node(g, "event:talks", "Event", "Talks in Tokyo", [], [ev("Talks were held in Tokyo in 2015.", None, 300)],
             event_type="Meeting", date="2015", date_start="2015-01-01", date_end="2015-12-31", date_precision="year")
    add_edge(g, "person:moon", "event:visit", "PARTICIPATED_IN", [ev(s1)])
    add_edge(g, "person:moon", "state:kr", "HEAD_OF", [ev(s1)], role="President", confidence=0.9)
    add_edge(g, "person:naz1", "state:jp", "SUPPORTS", [], confidence=0.95)
    add_edge(g, "person:naz2", "state:jp", "SUPPORTS", [], confidence=0.2)
    add_edge(g, "person:modi", "state:np", "HEAD_OF", [], role="Prime Minister", confidence=0.4)
    add_edge(g, "person:dahal", "state:np", "HEAD_OF", [], role="Prime Minister", confidence=0.8)
    add_edge(g, "person:yoshi", "state:jp", "HEAD_OF", [], role="Prime Minister")
    add_edge(g, "person:modi", "event:summit", "PARTICIPATED_IN", [], confidence=0.1)
    return g


def by_category(items):
    out = {}
    for item in items:
        out.setdefault(item.category, []).append(item)
    return out


def test_each_check_finds_its_error():
    items = by_category(review(small_graph()))
    (cut,) = items["name cut"]
    assert cut.nodes == ["person:moon"] and "'Moon Jae-in'" in cut.message
    assert cut.suggestions == [{"rename": {"node": "Person:Moon Jae", "to": "Moon Jae-in"},
                                "note": "review: the name is cut short"}]
    (split,) = items["split name"]
    assert set(split.nodes) == {"person:yoshi", "place:noda"}
    assert split.suggestions[0]["merge"] == ["Person:Yoshihiko", "Place:Noda"]  # the person is kept
    assert split.suggestions[1]["rename"]["to"] == "Yoshihiko Noda"
    dup = [i for i in items["duplicate"] if set(i.nodes) == {"person:naz1", "person:naz2"}]
    assert dup and ("transliteration" in dup[0].message or "typo" in dup[0].message)
    (two_heads,) = items["contradiction"]
    assert set(two_heads.edges) == {("person:modi", "state:np", "HEAD_OF"), ("person:dahal", "state:np", "HEAD_OF")}
    # the weaker edge (lower confidence) is the one suggested for dropping
    assert two_heads.suggestions == [{"drop_edge": {"source": "Person:Narendra Modi", "type": "HEAD_OF",
                                                    "target": "State:Nepal"},
                                      "note": "review: two heads of one state at one date"}]
    weak = {e for i in items["low confidence"] for e in i.edges}
    assert weak == {("person:naz2", "state:jp", "SUPPORTS"), ("person:modi", "state:np", "HEAD_OF"),
                    ("person:modi", "event:summit", "PARTICIPATED_IN")}  # 0.9 and 0.95 are not weak
    assert [i.nodes for i in items["no date"]] == [["event:visit"]]
    assert items["no date"][0].suggestions[0]["set"]["date"] == "2019"
    assert [i.nodes for i in items["no participants"]] == [["event:talks"]]
    # Japan is named in the summit's sentence but not linked to it
    (unlinked,) = [i for i in items["unlinked actors"] if i.nodes == ["event:summit"]]
    assert {"add_edge": {"source": "State:Japan", "type": "PARTICIPATED_IN", "target": "Event:Summit"},
            "note": "review: named in its sentence"} in unlinked.suggestions
    (stateless,) = items["no state"]
    assert stateless.nodes == ["person:abe"]
    # the state named in the same sentence, offered as a guess the analyst confirms
    assert stateless.suggestions == [{"add_edge": {"source": "Person:Shinzo Abe", "type": "HEAD_OF",
                                                   "target": "State:Japan"}, "note": "review: if they lead it"}]


def test_most_useful_first_and_weakest_rules_before_stronger_ones():
    items = review(small_graph())
    scores = [i.score for i in items]
    assert scores == sorted(scores, reverse=True)
    weak = [i for i in items if i.category == "low confidence"]
    confidences = [float(i.message.split("confidence ")[1].rstrip(")")) for i in weak]
    assert confidences == sorted(confidences)
    # the weakest rule (0.10) first, then the name cut in the text, then the split name
    assert [i.category for i in items[:3]] == ["low confidence", "name cut", "split name"]
    assert review(small_graph(), limit=3) == items[:3]


def test_a_missing_confidence_is_unknown_not_weak():
    g = small_graph()
    for _, _, d in g.edges(data=True):
        d.pop("confidence", None)
    assert not [i for i in review(g) if i.category == "low confidence"]


def test_states_the_gazetteer_knows_apart_are_not_duplicates():
    g = new_graph()
    add_node(g, "state:ne", "State", "Niger", ["Niger"], iso_code="NE")
    add_node(g, "state:ng", "State", "Nigeria", ["Nigeria"], iso_code="NG")
    add_node(g, "state:kp", "State", "North Korea", ["North Korea"], iso_code="KP")
    add_node(g, "state:kr", "State", "South Korea", ["South Korea", "Korea"], iso_code="KR")
    assert [i for i in review(g) if i.category == "duplicate"] == []


def test_write_gives_commented_entries_that_parse_and_apply_once_uncommented(tmp_path):
    graph_file = tmp_path / "g.json"
    write_json(small_graph(), graph_file)
    fixes = tmp_path / "fixes.yaml"
    result = CliRunner().invoke(main, ["review", str(graph_file), "--write", str(fixes)])
    assert result.exit_code == 0, result.output
    text = fixes.read_text("utf-8")
    assert load_corrections(fixes) == []  # all commented out: nothing happens until the analyst says so
    first = result.stdout.splitlines()[0]
    assert first.startswith("  1. 0.9") and "[" in first
    # the analyst takes the name fix and the contradiction
    lines = text.splitlines()
    keep = []
    for k, line in enumerate(lines):
        if line.startswith("# - rename:") and "Moon Jae" in line or line.startswith("# - drop_edge:") and "Modi" in line \
                and "HEAD_OF" in line:
            keep += [k, k + 1]
    assert len(keep) == 6  # Modi's edge is suggested twice: a contradiction and a weak rule
    for k in keep:
        lines[k] = lines[k][2:]
    fixes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load_corrections(fixes)
    assert sorted(c.op for c in loaded) == ["drop_edge", "drop_edge", "rename"]
    g = read_json(graph_file)
    done = apply(g, loaded)
    assert done.warnings == [] and done.applied == 3  # the second drop_edge finds its work done
    assert any(d["name"] == "Moon Jae-in" for _, d in g.nodes(data=True))
    assert not g.has_edge("person:modi", "state:np", key="HEAD_OF")


def test_review_command_json_and_errors(tmp_path):
    graph_file = tmp_path / "g.json"
    write_json(small_graph(), graph_file)
    result = CliRunner().invoke(main, ["review", str(graph_file), "-n", "2", "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 2 and {"score", "category", "message", "nodes", "edges", "suggestions"} <= set(rows[0])
    bad = CliRunner().invoke(main, ["review", str(tmp_path / "none.json")])
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: ") and "no such file" in bad.stderr


def test_review_of_the_bundled_brief_lists_nothing_the_reference_calls_right(brief_graph):
    # the bundled brief scores 1.000 against its reference: no contradiction, cut or split name
    cats = {i.category for i in review(brief_graph)}
    assert not cats & {"contradiction", "name cut", "split name"}
