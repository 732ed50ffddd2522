"""People, on sentences written for each way the genre names them."""

from __future__ import annotations

from helpers import read


def test_a_name_before_its_title():
    g = read("Jane Marlowe Okafor, President of Ghana, arrived in Accra on Monday for talks.")
    assert "Jane Marlowe Okafor" in g.names("Person")
    assert g.edge("Jane Marlowe Okafor", "HEAD_OF", "Ghana")


def test_a_name_after_a_demonym_and_title():
    g = read("The talks were opened by Peruvian President Ricardo Almeida Vargas and lasted two days.")
    assert g.edge("Ricardo Almeida Vargas", "HEAD_OF", "Peru")


def test_a_name_as_the_subject_of_a_verb():
    g = read("Tomasz Wielicki said the pipeline would be finished before the winter of the next year.")
    assert "Tomasz Wielicki" in g.names("Person")


def test_particles_hyphens_and_accents_stay_in_the_name():
    g = read("President Mahmoud el-Rashidi met Prime Minister Ana María da Costa and "
             "Foreign Minister Kim Soo-hyun in Geneva on 3 May 2023. Later, Minister Zoë Ğündüz joined them.")
    people = g.names("Person")
    assert {"Mahmoud el-Rashidi", "Ana María da Costa", "Kim Soo-hyun", "Zoë Ğündüz"} <= people
    assert not {"Mahmoud", "Kim", "Ana María"} & people


def test_a_verb_is_not_swallowed_into_a_name():
    g = read("The junta leader General Amadou Sangaré described the bloc as a threat to the region.")
    assert "Amadou Sangaré" in g.names("Person")
    assert not [n for n in g.names("Person") if n.endswith(("described", "de"))]


def test_a_surname_alone_is_the_person_named_before():
    g = read("Foreign Minister Helena Varga visited Vienna in June 2022. Varga later met the Austrian chancellor.")
    person = g.node("Person", "Helena Varga")
    assert "Varga" in person["aliases"]
    assert "Varga" not in g.names("Person")


def test_a_head_of_state_known_from_the_world_list_is_a_person_and_heads_their_state():
    # the title gives no state; the list of heads of state and government does, and the brief
    # names that state elsewhere (a state it never names is not added)
    g = read("The summit was chaired by President Emmanuel Macron, who called for a ceasefire. "
             "France and Germany backed the plan.")
    assert g.edge("Emmanuel Macron", "HEAD_OF", "France")
    g = read("The summit was chaired by President Emmanuel Macron, who called for a ceasefire.")
    assert "France" not in g.names("State")


def test_alias_names_the_same_person():
    g = read("Prime Minister Rukmini Devi Sharma alias Didi addressed the parliament in Kathmandu in 2021. "
             "Didi later toured the east.")
    assert "Didi" in g.node("Person", "Rukmini Devi Sharma")["aliases"]


def test_a_plural_title_heads_a_list_of_names():
    g = read("Also on the aircraft were Ministers Paulo Rezende (Finance) and Carla Monteiro (Health), "
             "who joined the talks.")
    assert {"Paulo Rezende", "Carla Monteiro"} <= g.names("Person")


def test_a_name_is_not_split_into_a_person_and_a_place():
    # "Noda" and "Osaka" are cities; in a name after a title they are part of the name
    g = read("In 2011 the Japanese Premier Yoshihiko Noda met his counterpart.")
    assert "Yoshihiko Noda" in g.names("Person")
    assert "Noda" not in g.names("Place")


def test_a_name_that_starts_like_an_honorific_is_read_whole():
    # "Mr" at the start of "Mrio": once an endless loop
    g = read("Foreign Minister Mrio Draghi of Italy met his counterpart in Rome in 2021.")
    assert "Mrio Draghi" in g.names("Person")


def test_the_person_whose_successor_acts_is_not_the_one_acting():
    g = read("Chancellor Hans Keller of Austria met President Ana Sousa of Portugal in 2019. Keller’s successor, "
             "Chancellor Lena Brandt, visited Portugal in 2021.")
    visit = next(e for e in g.events() if e["event_type"] == "Visit")
    assert "Lena Brandt" in g.parties(visit) and "Hans Keller" not in g.parties(visit)
