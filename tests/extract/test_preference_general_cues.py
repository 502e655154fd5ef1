"""The general reader (``general_readings``) tries a reading only on a message that holds its
cue words (``prep.CueList`` over its patterns, each compiled on first search): a speed change
only, so every sentence reads as with every reading tried."""

from __future__ import annotations

import pytest

from persona6.extract import preference, text

SENTENCES = [
    "I switched from tea to coffee now.",
    "I swapped my car for a bike.",
    "Tabs > spaces, always.",
    "I pick postgres over mysql every time.",
    "Short walks suit me much better than hikes.",
    "I used to drink coffee but now I have green tea instead.",
    "We're not doing takeaways any more.",
    "I've cut down to two coffees a day.",
    "These days it's mostly piano.",
    "Going forward just give me the corrections inline.",
    "Red meat is out for me, fish is in.",
    "More vegetables and less pasta please.",
    "I want a quiet hotel, not a party resort.",
    "I'd rather walk than drive.",
    "For me is more easy to write than speak.",
    "I ditched Slack.",
    "Could you use British spelling instead of American in my cover letters?",
    "The weather was lovely and we walked to the beach.",
    "My boss uses Excel instead of Sheets.",
    "Berlin over Munich tomorrow morning.",
    "ok",
]


@pytest.mark.parametrize("said", SENTENCES)
def test_a_message_reads_as_with_every_reading_tried(said: str) -> None:
    every = preference._general_words()
    for sentence in text.sentences(said):
        assert preference._general_reading(said, sentence) == preference._general_reading(
            said, sentence, own=every
        )


def test_a_message_without_cue_words_tries_no_reading() -> None:
    own = preference._general_words_in("The weather was lovely and we walked to the beach.")
    assert own.from_to is preference._NEVER
    assert own.markers is preference._NEVER


def test_a_message_with_cue_words_keeps_their_readings() -> None:
    own = preference._general_words_in("I switched from tea to coffee now.")
    assert own.gate is not preference._NEVER
    assert own.from_to is not preference._NEVER
    assert own.out_in is preference._NEVER  # no "out" in it
