"""Each event class of ``loaders/grammar/events.yaml`` and each agreement word of
``agreements.yaml``, on a sentence written for it; a class without a sentence here fails
``test_every_class_has_a_sentence``."""

from __future__ import annotations

import pytest
from helpers import read

from briefgraph.loaders.lexicon import grammar

# class name -> (sentence, event_type, a party it must have, its date)
EVENTS = {
    "visit": ("Chancellor Maria Keller paid an official visit to Poland on 4 May 2022.", "Visit", "Poland", "2022-05-04"),
    "meeting": ("Ecuador and Peru held talks in Lima in June 2021 on the border.", "Meeting", "Peru", "2021-06"),
    "summit": ("The leaders of Chile and Bolivia attended a summit in Santiago in 2019.", "Summit", "Chile", "2019"),
    "conference": ("Norway hosted a conference on Arctic shipping in Tromsø in 2018.", "Conference", "Norway", "2018"),
    "negotiation": ("Serbia and Kosovo resumed negotiations in Brussels in March 2023.", "Negotiation", "Serbia", "2023-03"),
    "ties_established": ("Vietnam and Laos established diplomatic relations in 1962.", "Establishment", "Laos", "1962"),
    "established": ("Ghana and Togo set up a joint commission on trade in 2016.", "Establishment", "Togo", "2016"),
    "statement": ("Finland announced the decision in April 2023.", "Statement", "Finland", "2023-04"),
    "founding": ("Malaysia celebrated the independence of Singapore in 1965 with a ceremony.", "Establishment", "Singapore", "1965"),
    "ties_restored": ("Bahrain and Qatar restored diplomatic relations in April 2023.", "Establishment", "Qatar", "2023-04"),
    "ties_broken": ("Morocco severed ties with Iran in May 2018 over its support to rebels.", "Rupture", "Iran", "2018-05"),
    "relations_worsen": ("In 2017, relations between Qatar and Egypt took a nosedive.", "Rupture", "Qatar", "2017"),
    "recognition": ("Sweden recognized Palestine in October 2014.", "Recognition", "Palestine", "2014-10"),
    "joining": ("Finland joined the North Atlantic Treaty Organization in April 2023.", "Accession", "Finland", "2023-04"),
    "leaving": ("Burundi withdrew from the International Criminal Court in October 2017.", "Withdrawal", "Burundi", "2017-10"),
    "return": ("The vote marked the return to the African Union of Morocco in January 2017.", "Accession", "Morocco", "2017-01"),
    "sanctions": ("The European Union imposed sanctions on Belarus in June 2021.", "Sanction", "Belarus", "2021-06"),
    "conflict": ("The war between Ethiopia and Eritrea began in May 1998.", "Conflict", "Eritrea", "1998-05"),
    "attack": ("An attack on Kenya's border post killed six soldiers in March 2020.", "Attack", "Kenya", "2020-03"),
    "massacre": ("The Srebrenica massacre of July 1995 shocked Bosnia and Herzegovina.", "Massacre", None, "1995-07"),
    "coup": ("Guinea experienced a coup in September 2021.", "Coup", "Guinea", "2021-09"),
    "power": ("Prime Minister Sabina Morales of Spain took office in June 2018.", "Appointment", "Sabina Morales", "2018-06"),
    "election": ("Indonesia held a presidential election in February 2024.", "Election", "Indonesia", "2024-02"),
    "exercise": ("Egypt and Greece held a joint military exercise in November 2020.", "Exercise", "Greece", "2020-11"),
    "inauguration": ("Uganda and Tanzania inaugurated the new pipeline in 2021.", "Inauguration", "Tanzania", "2021"),
    "report": ("A report published by the World Bank in 2022 praised Rwanda's growth.", "Report", "World Bank", "2022"),
    "postponement": ("In 2020, Mongolia postponed the summit several times.", "Postponement", "Mongolia", "2020"),
}

# agreement type -> (sentence, a party, date)
AGREEMENTS = {
    "MOU": ("Oman and Jordan signed a memorandum of understanding on water in March 2022.", "Jordan", "2022-03"),
    "Agreement": ("Brazil and Paraguay signed a new defence pact in 2021.", "Paraguay", "2021"),
    "Treaty": ("Peru and Ecuador signed a border treaty in October 1998.", "Ecuador", "1998-10"),
    "Protocol": ("Kenya and Ethiopia signed a protocol on trade in 2019.", "Ethiopia", "2019"),
    "Resolution": ("Ireland co-sponsored resolution 2401 of the United Nations Security Council in 2018.", "Ireland", "2018"),
    "Declaration": ("Japan and Australia issued a joint statement on security in January 2022.", "Australia", "2022-01"),
    "Convention": ("Chile and Argentina signed a convention on fishing in 2015.", "Argentina", "2015"),
    "Charter": ("Sudan and Egypt signed a charter on the Nile in 2010.", "Egypt", "2010"),
    "Accord": ("Israel and Bahrain signed an accord in September 2020.", "Bahrain", "2020-09"),
}


def test_every_class_has_a_sentence():
    classes = {c["name"] for c in grammar("events")["classes"]}
    assert classes == set(EVENTS)
    assert set(grammar("agreements")["nouns"]) == set(AGREEMENTS)


@pytest.mark.parametrize("name", sorted(EVENTS))
def test_event_class(name):
    sentence, etype, party, date = EVENTS[name]
    g = read(sentence + " Analysts followed it closely.")
    hits = [e for e in g.events() if e["event_type"] == etype]
    assert len(hits) == 1, (name, [(e["event_type"], e["name"]) for e in g.events()])
    assert hits[0].get("date") == date
    if party:
        assert party in g.parties(hits[0])
    assert 0 < hits[0]["confidence"] <= 1


@pytest.mark.parametrize("atype", sorted(AGREEMENTS))
def test_agreement_word(atype):
    sentence, party, date = AGREEMENTS[atype]
    g = read(sentence + " Analysts followed it closely.")
    hits = g.events("Agreement")
    assert [h["agreement_type"] for h in hits] == [atype]
    assert hits[0].get("date") == date and party in g.parties(hits[0])


def test_an_agreement_made_by_a_verb():
    g = read("Georgia agreed to Armenia's requests for a new border crossing in May 2019.")
    assert [h["agreement_type"] for h in g.events("Agreement")] == ["Agreement"]


def test_planned_and_negated_events_are_kept_and_marked():
    g = read("President Lena Okoro of Nigeria is to visit Ghana on 12 April 2024. "
             "She did not meet Prime Minister Daniel Mensah of Ghana at the last summit in Accra in 2023.")
    visit = next(e for e in g.events() if e["event_type"] == "Visit")
    assert visit["status"] == "planned" and visit["date"] == "2024-04-12"
    meeting = next(e for e in g.events() if e["event_type"] == "Meeting")
    assert meeting["status"] == "negated"


def test_a_goal_or_a_bare_plural_is_no_event():
    g = read("The two governments aim to establish an alliance. Reciprocal high-level visits remain rare "
             "between Chile and Peru.")
    assert g.events() == []


def test_one_occurrence_told_three_times_is_one_event():
    g = read("Chancellor Maria Keller paid a state visit to Poland on 4-5 May 2022. During the visit, she "
             "met President Adam Nowak of Poland. The visit was the first since 2015.")
    visits = [e for e in g.events() if e["event_type"] == "Visit"]
    assert len(visits) == 1 and visits[0]["date"] == "2022-05-04/2022-05-05"
    meeting = next(e for e in g.events() if e["event_type"] == "Meeting")
    assert meeting["date"] == "2022-05-04/2022-05-05"  # during the visit


def test_two_events_of_one_sentence_stay_two():
    g = read("Mali experienced its coup in August 2020, and Guinea in September 2021.")
    coups = sorted((e["date"], sorted(g.parties(e))) for e in g.events() if e["event_type"] == "Coup")
    assert coups == [("2020-08", ["Mali"]), ("2021-09", ["Guinea"])]


def test_an_agreement_signed_during_a_visit_takes_its_dates():
    g = read("President Adam Nowak of Poland visited Lithuania on 2-3 June 2021. During the visit, "
             "Poland and Lithuania signed seven agreements.")
    deal = g.events("Agreement")[0]
    assert deal["date"] == "2021-06-02/2021-06-03" and deal["count"] == 7
