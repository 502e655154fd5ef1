"""english v12: two shared readings of every text extractor.

- The "-ing" forms of the reporting verbs report ("my sister keeps saying I love the Nest" is
  her word, not the speaker's taste), derived from `reporting_verbs` (not listed twice), after a
  word of `progressive_report_leads` between subject and verb ("keeps", "was", "been", or a
  subject "she's"), with no conjunction between the verb and the words reported. "I keep saying
  I love the Nest" stays the speaker's own; `reporting_activities` ("writing", "asking",
  "thinking") name what someone is doing.
- A word ending in "-ed" is a past form unless `ed_non_past` lists it: "feed", "need", "speed",
  "succeed" are present ("we feed the dogs beef jerky all the time" feeds them); "fed",
  "needed", "succeeded", "agreed" stay past; "red" is no verb.
"""

from __future__ import annotations

import pytest

from persona6.extract import EXTRACTORS, disclosure, preference
from persona6.extract import text as tx
from persona6.extract.text import load_lexicon
from persona6.types import Signal
from tests.extract.test_english_v10 import event


def run(name: str, text: str) -> list[Signal]:
    return list(EXTRACTORS[name].extract([event(text)]))


def values(name: str, text: str) -> set[str]:
    return {signal.value for signal in run(name, text)}


def test_the_lexicon_is_v12_or_later() -> None:
    assert load_lexicon("english")["version"] >= 12


@pytest.mark.parametrize(
    "text",
    [
        "my sister keeps saying I love the Nest",
        "she's been insisting I hate sushi",
        "my mom is always claiming I prefer tea",
        "he keeps telling me I love jazz",
        "my sister keeps saying that I love the Nest",
        "my dad was swearing I prefer the old app",
        "she started mentioning I love spicy food",
    ],
)
def test_a_progressive_report_is_someone_elses(text: str) -> None:
    assert not run(preference.NAME, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I keep saying I love the Nest", "loves nest"),  # the speaker's own
        ("I'm saying I love jazz", "loves jazz"),
        ("I keep telling everyone I love jazz", "loves jazz"),
        ("he was telling me about his trip and I love jazz", "loves jazz"),
        ("my sister keeps saying I love the Nest, but honestly I love Ecobee", "loves ecobee"),
        ("my daughter is writing an essay and I love jazz", "loves jazz"),
        ("can you keep telling me I love jazz? I love jazz", "loves jazz"),
    ],
)
def test_the_speakers_own_words_stay(text: str, value: str) -> None:
    assert value in values(preference.NAME, text)


def test_the_progressive_forms_are_derived() -> None:
    forms = tx._progressive_reports()
    assert {"saying", "telling", "claiming", "insisting", "mentioning", "swearing"} <= forms
    assert not forms & {"writing", "asking", "thinking", "texting", "believing"}
    assert not any(form.endswith("eing") for form in forms)


@pytest.mark.parametrize(
    "word", ["feed", "need", "speed", "breed", "bleed", "seed", "proceed", "succeed", "exceed"]
)
def test_a_base_form_ending_in_ed_is_present(word: str) -> None:
    assert not tx.is_past(word)
    assert tx.third_person(word) == word + "s"


@pytest.mark.parametrize(
    "word", ["needed", "fed", "succeeded", "agreed", "freed", "bred", "led", "proceeded", "wed"]
)
def test_past_forms_stay_past(word: str) -> None:
    assert tx.is_past(word)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "we feed the dogs beef jerky all the time",
            "(with others) feeds the dogs beef jerky all the time",
        ),
        ("I usually feed him a raw diet", "feeds him a raw diet"),
        ("i always need a stool if i try to bake", "needs a stool"),
    ],
)
def test_a_present_habit_of_an_ed_verb_is_present(text: str, value: str) -> None:
    assert value in values(disclosure.NAME, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I fed him a raw diet", "fed him a raw diet"),
        ("I bake bread every weekend", "bakes bread every weekend"),
    ],
)
def test_neighbours_stay(text: str, value: str) -> None:
    assert value in values(disclosure.NAME, text)


def test_red_is_no_past_act() -> None:
    text = "france is beautiful . red white blue flag . . . blue is my favorite color ."
    assert not any(s.key.startswith("activities:") for s in run(disclosure.NAME, text))
