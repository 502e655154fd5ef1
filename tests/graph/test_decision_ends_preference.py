"""A decision stated as a change ends an earlier preference, across kinds (session 17): "we
switched from gas to induction" (a past switch, the decision extractor's) ends "loves cooking on
gas" as a preference's "switched to" would: the old trait gets ``valid_to`` and the statement as
counter-evidence, the decision ``supersedes`` it (the contradiction stays visible), and building
session by session gives what a full build gives. Not a switch only decided, not a preference
for the side taken, not an aversion to the side left, not someone else's switch.

And the change cues are read from one list (graph.yaml ``change_cues`` filled from
preferences.yaml ``general_readings``), their words without regex fragments, amounts or the
words a cue must not be next to (``cue_words``).
"""

from __future__ import annotations

import re

import pytest

from persona6 import Persona6
from persona6.extract.text import load_lexicon
from persona6.graph import build
from persona6.graph.consolidate import change_cues, config
from persona6.ingest.pipeline import ingest_events
from persona6.store import SQLiteStore
from persona6.types import SignalKind, Trait, TraitStatus
from tests.graph.test_change_of_mind_across_keys import events

#: An earlier preference, a later decision away from it: (texts, the preference's key).
ENDED = {
    "gas": (["I love cooking on gas", "we switched from gas to induction"], "cooking on gas"),
    "android": (
        ["I really like my Android phone", "I moved from Android to iPhone last year"],
        "android phone",
    ),
    "trello": (
        ["I love Trello for planning", "we migrated from Trello to Linear"],
        "trello for planning",
    ),
    "zoom": (["I prefer Zoom for calls", "we switched from Zoom to Google Meet"], "zoom for calls"),
    "oat milk": (
        ["I enjoy oat milk in my coffee", "I switched from oat milk to soy milk"],
        "oat milk in my coffee",
    ),
    "netflix": (["I really enjoy Netflix", "I've stopped using Netflix"], "netflix"),
    "kindle": (["I love my Kindle", "I gave up on my Kindle"], "kindle"),
    "jira": (["I like Jira", "we moved away from Jira"], "jira"),
    # session 18: back to and up or down a tier (graph.yaml change_cues)
    "notebooks": (
        ["I really like Moleskine notebooks", "I've gone back to cheap paper notebooks"],
        "moleskine notebooks",
    ),
    "desk": (["I love my sitting desk", "I upgraded to a standing desk"], "sitting desk"),
    "plan": (["I like the premium plan", "we downgraded to the basic plan"], "premium plan"),
}


def _traits(texts: list[str]) -> list[Trait]:
    with Persona6(db=":memory:") as p6:
        p6.record(events(texts))
        p6.build()
        return list(p6.person("u-1").traits)


@pytest.mark.parametrize("story", sorted(ENDED))
def test_a_later_decision_away_from_a_thing_ends_the_preference_for_it(story: str) -> None:
    texts, key = ENDED[story]
    traits = _traits(texts)
    [old] = [t for t in traits if t.kind is SignalKind.PREFERENCE and t.key == key]
    decisions = [t for t in traits if t.kind is SignalKind.DECISION and t.supersedes == old.id]
    assert decisions, [(t.kind.value, t.key, t.supersedes) for t in traits]
    assert old.status is TraitStatus.SUPERSEDED
    assert old.valid_to == decisions[0].valid_from
    assert old.counter_evidence[-1].event_id == "s2-u"  # the contradiction stays visible
    assert old.counter_sessions == 1


@pytest.mark.parametrize(
    "texts",
    [
        ["I love iPhone", "I moved from Android to iPhone last year"],  # the side taken
        ["I love cooking on gas", "we're moving to induction next quarter"],  # only decided
        ["I hate gas stoves", "we switched from gas to induction"],  # an aversion to the side left
        ["I love Trello", "My sister switched from Trello to Asana"],  # someone else's
        ["I like tea", "we switched from Jira to Linear"],  # unrelated
        ["I love Spotify", "I chose Spotify over Tidal"],  # no change stated
        ["I enjoy my morning runs", "I went back to bed"],  # a return, no switch of a thing
        ["I love gas hobs", "we went back to work on Monday"],
    ],
)
def test_what_is_no_switch_away_leaves_the_preference(texts: list[str]) -> None:
    for trait in _traits(texts):
        if trait.kind is SignalKind.PREFERENCE and trait.first_seen.startswith("2026-01"):
            assert trait.valid_to is None and trait.status is TraitStatus.ACTIVE, trait


@pytest.mark.parametrize("story", sorted(ENDED))
def test_building_after_each_session_gives_what_a_full_build_gives(story: str) -> None:
    texts = ENDED[story][0]
    log = events(texts)
    stepwise, whole = SQLiteStore(":memory:"), SQLiteStore(":memory:")
    for number in range(len(texts)):
        ingest_events(stepwise, [e for e in log if e["session_id"] == f"s{number + 1}"])
        build(stepwise, "default")
    ingest_events(whole, log)
    build(whole, "default")
    assert [t.model_dump() for t in stepwise.traits_of("default", "u-1")] == [
        t.model_dump() for t in whole.traits_of("default", "u-1")
    ]


def test_a_preference_that_states_the_switch_itself_supersedes_first() -> None:
    texts = ["I prefer PDF reports.", "I've switched to spreadsheets now."]
    traits = {(t.kind, t.key): t for t in _traits(texts)}
    old = traits[(SignalKind.PREFERENCE, "pdf reports")]
    new = traits[(SignalKind.PREFERENCE, "spreadsheets")]
    assert new.supersedes == old.id and old.valid_to == new.valid_from


# One list of change words: graph.yaml's cues are filled from preferences.yaml.


@pytest.mark.parametrize(
    ("name", "cue"),
    [
        ("from_to_verbs", r"\b({from_to_verbs}) (\w+ )?from\b"),
        ("exchange_verbs", r"\b({exchange_verbs}|giving up)\b"),
        ("given_up_verbs", r"\b({given_up_verbs}|giving up|quitted)\b"),
        ("amount_verbs", r"\b({amount_verbs}) (down|back) to"),
    ],
)
def test_the_change_cues_read_each_word_of_the_preference_classes(name: str, cue: str) -> None:
    readings = load_lexicon("preferences")["general_readings"]
    compiled = config().change_cues
    for phrase in readings[name]:
        said = {
            "from_to_verbs": f"I {phrase} from tea to coffee",
            "exchange_verbs": f"I {phrase} tea for coffee",
            "given_up_verbs": f"I {phrase} sugar",
            "amount_verbs": f"I {phrase} down to two coffees a day",
        }[name]
        assert any(p.search(said) for p in compiled), said
    assert not any("{" in p for p in change_cues())


def test_the_cue_words_are_words_of_the_cues() -> None:
    words = config().cue_words
    # fragments of regular expressions, amounts and what a cue must not be next to are none
    for noise in ("ing", "favou", "nt", "one", "two", "half", "twice", "than", "weeks", "never"):
        assert noise not in words, noise
    # the words of the cues and of their classes are
    for word in ("switched", "changed", "mind", "swapped", "replaced", "ditched", "away", "now"):
        assert word in words, word
    assert all(re.fullmatch(r"[a-z]{2,}", w) for w in words)
