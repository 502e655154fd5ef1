"""An idiom of changing taste ends the person's earlier opposite taste under another key
(session 17): "I've gone off spin classes" ends "loves spin classes on Mondays", "I've come round
to oat milk lattes" ends "hates oat milk", as a change of sign under one key does. The idioms
are the preference extractor's own frames (preferences.yaml ``frames``, preference.v47), named
by what they say in graph.yaml ``taste_change_frames``: one list, with the frames' exclusions.
Only the other side of the thing ends, no related thing ("I've taken a liking to green tea"
leaves "loves black tea"); not someone else's change, "I'm over the moon", "I came round to your
place", a question. Building session by session gives what a full build gives.
"""

from __future__ import annotations

import pytest

from persona6 import Persona6
from persona6.extract.preference import lexicon
from persona6.graph import build
from persona6.graph.consolidate import config, taste_change_cues
from persona6.ingest.pipeline import ingest_events
from persona6.store import SQLiteStore
from persona6.types import SignalKind, Trait, TraitStatus
from tests.graph.test_change_of_mind_across_keys import events

#: An earlier taste, a later idiom turning from it under another key: (texts, earlier key).
ENDED = {
    "spin": (
        ["I love spin classes on Mondays", "I've gone off spin classes"],
        "spin classes on mondays",
    ),
    "reels": (
        [
            "I really enjoy Instagram reels before bed",
            "I've fallen out of love with Instagram reels",
        ],
        "instagram reels before bed",
    ),
    "crypto": (
        ["I love investing in crypto coins", "I've lost interest in crypto"],
        "investing in crypto coins",
    ),
    "marathons": (
        ["I love training for marathons with my club", "I've gone cold on marathons"],
        "training for marathons with my club",
    ),
    "city breaks": (
        ["we love city breaks in Europe", "we've grown tired of city breaks"],
        "city breaks in europe",
    ),
    "group chats": (
        ["I love group chats with my team", "I'm so over group chats"],
        "group chats with my team",
    ),
    "podcasts": (
        ["I love podcasts about history", "podcasts have lost their appeal for me"],
        "podcasts about history",
    ),
    "reality tv": (
        ["I like reality TV dating shows", "I've lost all enthusiasm for reality TV"],
        "reality tv dating shows",
    ),
    "sourdough": (
        ["I adore sourdough baking with rye flour", "I've grown bored of sourdough baking"],
        "sourdough baking with rye flour",
    ),
    "board games": (
        ["I love board games with friends", "i'm totally over board games"],
        "board games with friends",
    ),
    "cold showers": (
        ["I love cold showers after the gym", "honestly I've soured on cold showers"],
        "cold showers after the gym",
    ),
    "marvel": (
        ["I love Marvel movies at the cinema", "i fell out of love with marvel movies"],
        "marvel movies at the cinema",
    ),
    "trail running": (
        ["I really like trail running in the hills", "We've turned sour on trail running"],
        "trail running in the hills",
    ),
    "oat milk": (["I hate oat milk", "I've come round to oat milk lattes"], "oat milk"),
    "jazz": (["I can't stand jazz", "I've warmed to jazz piano"], "jazz"),
    "green tea": (
        ["I dislike green tea", "I've taken a liking to green tea with honey"],
        "green tea",
    ),
    "audiobooks": (
        ["I don't like audiobooks", "Audiobooks on long drives have grown on me"],
        "audiobooks",
    ),
}


def _traits(texts: list[str]) -> list[Trait]:
    with Persona6(db=":memory:") as p6:
        p6.record(events(texts))
        p6.build()
        return list(p6.person("u-1").traits)


@pytest.mark.parametrize("story", sorted(ENDED))
def test_an_idiom_of_changing_taste_ends_the_earlier_taste_under_another_key(story: str) -> None:
    texts, key = ENDED[story]
    traits = _traits(texts)
    [old] = [t for t in traits if t.kind is SignalKind.PREFERENCE and t.key == key]
    [new] = [t for t in traits if t.supersedes == old.id]
    assert new.kind is SignalKind.PREFERENCE and new.key != key
    assert (new.polarity > 0) != (old.polarity > 0)
    assert old.status is TraitStatus.SUPERSEDED
    assert old.valid_to == new.valid_from
    assert old.counter_evidence[-1].event_id == "s2-u"  # the contradiction stays visible


@pytest.mark.parametrize(
    "texts",
    [
        ["I love spin classes on Mondays", "My sister has gone off spin classes"],  # another's
        ["I love spin classes on Mondays", "He has lost interest in spin classes"],
        ["I love spin classes on Mondays", "I'm over the moon about spin classes"],
        ["I love board games with friends", "I came round to your place for board games"],
        ["I love spin classes on Mondays", "have you gone off spin classes?"],  # a question
        ["I love pasta bakes", "I'm over budget on pasta this month"],
        ["I love hiking trips", "I've grown tired of waiting for the bus"],  # another thing
        # a taste begun is no switch: a related thing stays
        ["I love black tea", "I've taken a liking to green tea"],
        ["I love rock music", "I've warmed to jazz"],
    ],
)
def test_what_turns_no_taste_of_the_person_leaves_the_earlier_one(texts: list[str]) -> None:
    for trait in _traits(texts):
        if trait.kind is SignalKind.PREFERENCE and trait.first_seen.startswith("2026-01"):
            assert trait.valid_to is None and trait.status is TraitStatus.ACTIVE, trait


@pytest.mark.parametrize("story", ["spin", "oat milk", "podcasts"])
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


def test_the_taste_cues_are_the_preference_frames_graph_yaml_names() -> None:
    frames = {f.pattern.pattern for f in lexicon().frames}
    cues = taste_change_cues()
    assert len(cues) == len(config().taste_cues) >= 10
    # each cue is a frame of the preference extractor, word for word
    assert all(any(frame in cue for frame in frames) for cue in cues)
