"""Event and agreement triggers: offsets stay in the sentence's frame wherever the trigger is."""

from __future__ import annotations

import pytest

from briefgraph.loaders.events import find_triggers

PREAMBLE = "After many years of talks about trade, energy, transport and the movement of people between them, " * 2


@pytest.mark.parametrize("phrase, name", [
    ("signed the Bilateral Military Cooperation Agreement", "Bilateral Military Cooperation Agreement"),
    ("took part in the 'Peace Mission-2021' joint military exercise", "Peace Mission-2021"),
    ("hosted the Astana summit", "Astana summit"),
])
def test_a_named_trigger_far_into_a_sentence_starts_at_its_name(phrase, name):
    text = PREAMBLE + "the two states " + phrase + "."
    assert len(text) - len(phrase) > 160  # the name lies beyond the 160 characters looked back at
    named = [t for t in find_triggers(text) if t.name]
    assert [t.name for t in named] == [name]
    assert text[named[0].start:].startswith(name)
