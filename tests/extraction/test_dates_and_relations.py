"""Dates completed from the brief's own date and the surrounding text, and the relations the
genre states, on sentences written for each."""

from __future__ import annotations

from helpers import read


def _event(g, etype):
    hits = [e for e in g.events() if e["event_type"] == etype]
    assert len(hits) == 1, [(e["event_type"], e.get("date")) for e in g.events()]
    return hits[0]


def test_a_date_without_a_year_takes_the_briefs_year():
    g = read("On March 16, President Lena Okoro of Nigeria landed in Accra for a two-day summit with Ghana.",
             date="2024")
    summit = _event(g, "Summit")
    assert summit["date"] == "2024-03-16/2024-03-17" and summit["date_source"] == "brief's date"


def test_the_year_is_carried_from_the_paragraph():
    g = read("In 2013, relations between Qatar and Egypt soured. In November of the same year, "
             "Egypt expelled the ambassador of Qatar.", date="2024")
    assert sorted(e["date"] for e in g.events()) == ["2013", "2013-11"]


def test_a_month_after_the_briefs_month_in_the_past_is_of_the_year_before():
    g = read("The bloc lifted sanctions on Guinea in September.", date="10 July 2024")
    assert _event(g, "Sanction")["date"] == "2023-09"


def test_last_month_and_weekdays_are_placed_from_the_briefs_day():
    # 12 March 2024 was a Tuesday
    g = read("Kenya and Uganda signed a pact on Saturday. Chad joined the alliance last September. "
             "Ministers of Chad will meet on Thursday.", date="12 March 2024")
    assert g.events("Agreement")[0]["date"] == "2024-03-09"
    assert _event(g, "Accession")["date"] == "2023-09"
    meeting = _event(g, "Meeting")
    assert meeting["date"] == "2024-03-14" and meeting["status"] == "planned"


def test_day_ranges_are_intervals():
    g = read("President Adam Nowak of Poland undertook a four-day (May 31 to 3) official visit to Lithuania.",
             date="20 June 2023")
    assert _event(g, "Visit")["date"] == "2023-05-31/2023-06-03"
    g = read("President Adam Nowak of Poland visited Lithuania from 28 June to 1 July.", date="20 July 2023")
    assert _event(g, "Visit")["date"] == "2023-06-28/2023-07-01"


def test_a_side_clause_keeps_its_own_date():
    g = read("Prime Minister Ravi Kumar of Nepal paid his first visit abroad to India, since assuming "
             "power in December 2022.", date="2023")
    assert _event(g, "Visit").get("date") is None
    assert _event(g, "Appointment")["date"] == "2022-12"


def test_a_date_in_a_citation_is_the_sources():
    g = read("The summit of Chad and Niger was postponed again (Reuters, May 21).", date="2024")
    assert all(e.get("date") is None for e in g.events())


def test_head_of_goes_to_the_state_the_title_names_not_to_the_host():
    g = read("Nepal Prime Minister Ravi Kumar visited India at the invitation of Prime Minister Narendra Modi.")
    assert g.edge("Ravi Kumar", "HEAD_OF", "Nepal")
    assert g.edge("Narendra Modi", "HEAD_OF", "India") and not g.edge("Narendra Modi", "HEAD_OF", "Nepal")


def test_a_membership_list():
    g = read("The Shanghai Cooperation Organisation (SCO) members include China, India and Pakistan.")
    for state in ("China", "India", "Pakistan"):
        assert g.edge(state, "MEMBER_OF", "Shanghai Cooperation Organisation")


def test_two_coups_in_one_sentence_put_no_two_states_in_conflict():
    g = read("Burkina Faso experienced its coup in September 2022, and Mali in August 2021.")
    assert not [1 for _, _, t in g.g.edges(data="type") if t == "IN_CONFLICT_WITH"]


def test_occupation_puts_the_occupier_in_conflict_with_the_occupied():
    g = read("Russia's occupation of Crimea region of Ukraine in 2014 was condemned.")
    assert g.edge("Russia", "IN_CONFLICT_WITH", "Ukraine") or g.edge("Ukraine", "IN_CONFLICT_WITH", "Russia")


def test_support_each_other_and_the_two_countries():
    g = read("Egypt and Jordan met in Amman in 2019. The two countries support each other on water.")
    assert g.edge("Egypt", "SUPPORTS", "Jordan") and g.edge("Jordan", "SUPPORTS", "Egypt")


def test_places_and_their_states():
    g = read("The talks were held in Niamey, the capital of Niger, and trade passes between Malanville "
             "in Benin and Gaya in Niger along the Cotonou-Niamey railway line.")
    assert g.edge("Niamey", "LOCATED_IN", "Niger")
    assert g.edge("Malanville", "LOCATED_IN", "Benin")
    assert "Cotonou-Niamey railway line" in g.names("Place")


def test_bodies_with_their_abbreviation_and_their_state():
    g = read("The Economic Community of Central African States (ECCAS) met in Libreville in 2023. "
             "ECCAS was joined by the Gabonese Air Force and by Cameroon's Ministry of Defence.")
    eccas = g.node("Organisation", "Economic Community of Central African States")
    assert "ECCAS" in eccas["aliases"]
    assert g.edge("Gabonese Air Force", "PART_OF", "Gabon")
    assert g.edge("Ministry of Defence of Cameroon", "PART_OF", "Cameroon")


def test_a_region_used_as_an_adjective_is_no_place():
    g = read("West African leaders met the three Sahel governments in Abuja in 2024.")
    assert "Sahel" not in g.names("Place") and "West Africa" not in g.names("Place")


def test_a_time_after_an_agreement_is_its_date_not_its_subject():
    g = read("Kenya and Uganda signed a defence pact on Saturday. Chad and Sudan signed an accord on "
             "4 March. Ghana and Togo signed an agreement on maritime security.", date="12 March 2024")
    names = g.names("Agreement")
    assert "Agreement on maritime security" in names  # what it is on, as the text gives it
    assert not [n for n in names if "Saturday" in n or "March" in n], names
    assert sorted(e["date"] for e in g.events("Agreement") if e.get("date")) == ["2024-03-04", "2024-03-09"]


def test_a_plan_told_past_an_aside_is_a_plan_and_the_event_takes_the_real_date():
    # the aside is longer than the reach of the predicate on its own (80 characters)
    g = read("The Third Baltic Leaders’ Summit—involving the three Baltic countries of Estonia, Latvia and "
             "Lithuania, with observers from Poland—was supposed to take place in March, but it was "
             "postponed. The long-awaited summit eventually took place on 29 November.", date="2 December 2019")
    summit = _event(g, "Summit")
    assert summit["date"] == "2019-11-29" and summit.get("status") is None
    assert {"Estonia", "Latvia", "Lithuania"} <= g.parties(summit)


def test_each_event_takes_the_date_that_fits_it_best_not_the_first_told():
    # 23 January 2023 was a Monday; "a series of meetings" is no event, so Monday's nearest
    # event is the summit, but Tuesday is the summit's own
    g = read("President Ana Sousa of Portugal landed Sunday to hold a series of meetings with local officials "
             "and business leaders on Monday and attend the summit on Tuesday.", date="23 January 2023")
    assert _event(g, "Summit")["date"] == "2023-01-24"
    assert _event(g, "Visit")["date"] == "2023-01-22"


def test_a_date_after_the_name_a_noun_is_of_is_near_it():
    g = read("President Ana Sousa of Portugal landed Sunday to hold a series of meetings with local officials "
             "on Monday and attend the summit of the Union of South Atlantic and Caribbean Nations (Usacan) "
             "on Tuesday.", date="23 January 2023")
    assert _event(g, "Summit")["date"] == "2023-01-24"
