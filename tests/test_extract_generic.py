"""Extraction on a second, hand-written brief of the genre (tests/fixtures): the rules are
general, not fitted to the bundled brief."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgraph.pipeline import ingest

FIXTURE = Path(__file__).parent / "fixtures" / "kazakhstan-uzbekistan-2023.txt"


@pytest.fixture(scope="module")
def g():
    return ingest([FIXTURE])


def _by_name(g, name):
    hits = [n for n, d in g.nodes(data=True) if d["name"] == name]
    assert len(hits) == 1, (name, hits)
    return hits[0]


def test_people_titles_and_lone_surnames(g):
    kz, uz = _by_name(g, "Kazakhstan"), _by_name(g, "Uzbekistan")
    tokayev, mirziyoyev = _by_name(g, "Kassym-Jomart Tokayev"), _by_name(g, "Shavkat Mirziyoyev")
    assert g.has_edge(tokayev, kz, key="HEAD_OF")  # "Kazakh President ..."
    assert g.has_edge(mirziyoyev, uz, key="HEAD_OF")
    assert "Mirziyoyev" in g.nodes[mirziyoyev]["aliases"]  # "President Mirziyoyev" is the same man
    assert _by_name(g, "Vladimir Norov")  # a first name that is also a city stays a name
    assert not [n for n, d in g.nodes(data=True) if d["name"] == "Vladimir" and d["kind"] == "Place"]
    assert _by_name(g, "Sohail Mahmood")  # the editor, without "Ambassador"


def test_bodies_and_membership(g):
    kz, uz = _by_name(g, "Kazakhstan"), _by_name(g, "Uzbekistan")
    sco = _by_name(g, "Shanghai Cooperation Organisation")
    assert g.has_edge(kz, sco, key="MEMBER_OF") and g.has_edge(uz, sco, key="MEMBER_OF")  # "both ... members of"
    assert g.has_edge(uz, _by_name(g, "Organization of Turkic States"), key="MEMBER_OF")
    assert g.nodes[_by_name(g, "Soviet Union")]["kind"] == "State"
    csto = _by_name(g, "Collective Security Treaty Organization")
    assert g.nodes[csto]["kind"] == "Organisation"
    assert not [d for _, d in g.nodes(data=True) if d["kind"] == "Agreement" and "Collective Security" in d["name"]]
    camea = _by_name(g, "Centre for Afghanistan, Middle East and Africa")
    assert "CAMEA" in g.nodes[camea]["aliases"]


def test_events_dates_and_links(g):
    visit = _by_name(g, "State visit of Kassym-Jomart Tokayev to Uzbekistan")
    assert g.nodes[visit]["date"] == "2022-12-21/2022-12-22"
    treaty = _by_name(g, "Treaty on Allied Relations")
    assert g.nodes[treaty]["date"] == "2022-12-21/2022-12-22"
    dip = [d for _, d in g.nodes(data=True) if d.get("event_type") == "Establishment"]
    assert [d["date"] for d in dip] == ["1992-11-23"]
    exercise = _by_name(g, "Peace Mission-2021")
    assert g.nodes[exercise]["date"] == "2021"
    assert g.has_edge(exercise, _by_name(g, "Orenburg"), key="OCCURRED_IN")
    summit = _by_name(g, "Consultative Meeting of Heads of State of Central Asia")
    assert g.has_edge(summit, _by_name(g, "Cholpon-Ata"), key="OCCURRED_IN")
    decl = _by_name(g, "Declaration on friendship and cooperation")
    assert g.has_edge(decl, summit, key="SIGNED_AT")
    mou = [d for _, d in g.nodes(data=True) if d.get("agreement_type") == "MOU"]
    assert len(mou) == 1 and mou[0]["date"] == "2023" and mou[0]["date_qualifier"] == "early"
    return_visit = _by_name(g, "Official visit of Shavkat Mirziyoyev to Astana")
    assert g.nodes[return_visit]["date"] == "2017-03"


def test_relations(g):
    kz, uz = _by_name(g, "Kazakhstan"), _by_name(g, "Uzbekistan")
    assert g.has_edge(kz, uz, key="SUPPORTS") and g.has_edge(uz, kz, key="SUPPORTS")
    aral = _by_name(g, "Aral Sea")
    assert g.has_edge(aral, kz, key="LOCATED_IN") and g.has_edge(aral, uz, key="LOCATED_IN")
    assert g.has_edge(_by_name(g, "Tashkent"), uz, key="LOCATED_IN")


MARKDOWN = Path(__file__).parent / "fixtures" / "china-pakistan-2024.md"


@pytest.fixture(scope="module")
def md():
    return ingest([MARKDOWN])


def test_markdown_brief_header_and_footnotes(md):
    doc = next(iter(md.graph["documents"].values()))
    assert (doc["author"], doc["editor"], doc["date"], doc["footnotes"]) == (
        "Muhammad Ali Baig", "Dr. Neelum Nigar", "2024-06-20", 3)
    assert len([1 for _, d in md.nodes(data=True) if d["kind"] == "Source"]) == 3


def test_bodies_named_with_their_state_stay_apart(md):
    planning = _by_name(md, "Ministry of Planning of Pakistan")
    assert md.has_edge(planning, _by_name(md, "Pakistan"), key="PART_OF")
    ndrc = _by_name(md, "National Development and Reform Commission of China")
    assert "NDRC" in md.nodes[ndrc]["aliases"]
    assert _by_name(md, "Financial Action Task Force")  # not "Pakistan at the Financial Action Task Force"


def test_talks_in_the_course_of_a_visit_take_its_dates(md):
    visit = _by_name(md, "Visit of Shehbaz Sharif to China")
    assert md.nodes[visit]["date"] == "2024-06-04/2024-06-08"
    talks = [u for u, _, t in md.in_edges(visit, data="type") if t == "DURING"]
    assert len(talks) == 2 and all(md.nodes[m]["date"] == "2024-06-04/2024-06-08" for m in talks)
    xi = _by_name(md, "Xi Jinping")
    assert any(md.has_edge(xi, m, key="PARTICIPATED_IN") for m in talks)
    # "his first visit abroad since the February 2024 elections" is the same visit, and the date is the elections'
    assert len([1 for _, d in md.nodes(data=True) if d.get("event_type") == "Visit"]) == 2
    assert [d["date"] for _, d in md.nodes(data=True) if d.get("event_type") == "Election"] == ["2024-02"]


INDIA = Path(__file__).parent / "fixtures" / "pakistan-india-2024.txt"


@pytest.fixture(scope="module")
def pi():
    return ingest([INDIA])


def test_names_stop_where_bodies_and_agreements_part(pi):
    names = {d["name"] for _, d in pi.nodes(data=True)}
    assert "United Nations Security Council Resolution 47" in names and "Simla Agreement" in names
    assert not {"United Nations Security Council Resolution", "UN Security Council on Kashmir",
                "At the Shanghai Cooperation Organisation"} & names
    assert "India Study Centre" in names  # not "Research Associate, India Study Centre"
    doc = next(iter(pi.graph["documents"].values()))
    assert doc["title"] == "Pakistan–India Relations: From Simla to Kartarpur"


def test_places_of_events_come_from_where_they_happened(pi):
    summit = _by_name(pi, "Summit of Shanghai Cooperation Organisation in Goa")
    assert pi.has_edge(summit, _by_name(pi, "Goa"), key="OCCURRED_IN")
    council = [n for n, d in pi.nodes(data=True) if d["name"].startswith("Meeting of United Nations Security Council")]
    assert council and not [v for _, v, t in pi.out_edges(council[0], data="type") if t == "OCCURRED_IN"]
    opening = _by_name(pi, "Opening of Kartarpur Corridor")
    assert pi.nodes[opening]["date"] == "2019-11"
    deals = _by_name(pi, "Agreement between Pakistan and Saudi Arabia")
    assert pi.has_edge(deals, _by_name(pi, "Visit of Mohammed bin Salman to Islamabad"), key="SIGNED_AT")
