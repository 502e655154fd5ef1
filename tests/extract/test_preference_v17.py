"""persona6.preference.v17: a degree adverb is no part of the thing judged and a thing pointed at
is judged or wished done for the moment ("I find this rather frustrating", "I would like this
reported"); a taste given up in the sentence of the taste held now, the other side after ", not";
standing requests on the channel of contact, keyed by the channel; a remark after a comma in
another language is no item of a list."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6 import Persona6
from persona6.extract import EXTRACTORS, preference

EXTRACTOR = EXTRACTORS[preference.NAME]


def read(text: str) -> dict[str, tuple[float, str]]:
    return {s.key: (s.polarity, s.value) for s in extracted(EXTRACTOR.name, text, "u1")}


def test_the_producer_is_v17() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I find flashcards rather boring", "flashcards"),
        ("I find grammar drills a bit tedious.", "grammar drills"),
        ("I find long lectures rather boring", "long lectures"),
        # unchanged neighbours
        ("I find grammar tables frustrating", "grammar tables"),
        ("I find turn-based combat too slow", "turn-based combat"),
    ],
)
def test_a_degree_adverb_is_no_part_of_the_thing_judged(text: str, key: str) -> None:
    assert read(text) == {key: (-1.0, f"rates poorly: {key}")}


@pytest.mark.parametrize(
    "text",
    [
        "I find this rather frustrating",
        "I find this rather frustrating and I would like this reported.",
        "I find it quite annoying",
        "I find this app frustrating",
        "I would like this reported",
        "I want it fixed today",
        "I'd love that sorted out",
        "I would like them deleted",
    ],
)
def test_a_thing_pointed_at_judged_or_wished_done_is_of_the_moment(text: str) -> None:
    assert read(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I would like short answers", "short answers"),
        ("I would like my answers formatted as tables", "answers formatted as tables"),
        ("I want a quieter app", "quieter app"),
    ],
)
def test_a_kind_of_thing_wished_for_stays(text: str, key: str) -> None:
    assert key in read(text)


@pytest.mark.parametrize(
    ("text", "old", "new", "says"),
    [
        (
            "I previously preferred morning reminders, but I now prefer evening reminders.",
            "morning reminders",
            "evening reminders",
            "prefers",
        ),
        ("I used to prefer tea, but now I prefer coffee.", "tea", "coffee", "prefers"),
        ("I once loved jazz, but now I prefer rock.", "jazz", "rock", "prefers"),
        (
            "I preferred morning reminders before, but now I prefer evening reminders.",
            "morning reminders",
            "evening reminders",
            "prefers",
        ),
    ],
)
def test_a_taste_given_up_for_one_held_now_is_a_change_of_mind(
    text: str, old: str, new: str, says: str
) -> None:
    claims = read(text)
    assert claims[new] == (1.0, f"{says} {new}")
    assert claims[old][0] == -1.0 and claims[old][1].startswith("no longer ")
    assert claims[old][1].endswith(old)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I used to love jazz.", {}),
        ("I previously preferred morning reminders.", {}),
        ("I used to hate olives but now I love rock.", {"rock": (1.0, "loves rock")}),
        # no mark of a taste over: both held
        (
            "I loved hiking as a kid, but now I prefer swimming.",
            {"hiking": (1.0, "loves hiking"), "swimming": (1.0, "prefers swimming")},
        ),
        (
            "I liked tea and I like coffee.",
            {"tea": (1.0, "likes tea"), "coffee": (1.0, "likes coffee")},
        ),
    ],
)
def test_a_past_taste_without_a_contrast_says_nothing_of_now(
    text: str, expected: dict[str, tuple[float, str]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "liked", "against"),
    [
        ("Actually I prefer email updates now, not SMS", "email updates", "text messages"),
        ("I prefer tea, not coffee", "tea", "coffee"),
        ("I like tea, but not coffee", "tea", "coffee"),
    ],
)
def test_the_noun_phrase_after_not_is_the_other_side(text: str, liked: str, against: str) -> None:
    claims = read(text)
    assert claims[liked][0] == 1.0 and claims[against][0] == -1.0
    assert claims[liked][1].endswith(f"{liked}, not {against}")
    # the other side states its own side (v25)
    assert claims[against][1].startswith(f"against {against} (")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I love it, not gonna lie", {}),
        ("I prefer tea, not sure why", {"tea": (1.0, "prefers tea")}),
        ("I like tea, not a huge coffee fan", {"tea": (1.0, "likes tea")}),
        ("I hate tea, not coffee", {"tea": (-1.0, "hates tea")}),
    ],
)
def test_a_remark_after_not_is_no_other_side(
    text: str, expected: dict[str, tuple[float, str]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Please send me updates by SMS.",
            {"text messages": (1.0, "asks to be contacted by text messages")},
        ),
        ("Please contact me by email.", {"email": (1.0, "asks to be contacted by email")}),
        ("Keep me posted by email.", {"email": (1.0, "asks to be contacted by email")}),
        (
            "Text me rather than call.",
            {
                "text messages": (
                    1.0,
                    "asks to be contacted by text messages rather than phone calls",
                ),
                "phone calls": (
                    -1.0,
                    "against phone calls (asks to be contacted by text messages instead)",
                ),
            },
        ),
        (
            "please don't call me",
            {"phone calls": (-1.0, "asks not to be contacted by phone calls")},
        ),
        (
            "I would rather you didn't phone me",
            {"phone calls": (-1.0, "asks not to be contacted by phone calls")},
        ),
        ("I prefer SMS", {"text messages": (1.0, "prefers text messages")}),
        # one-off tasks, and a name said after "call me"
        ("send me the report by Friday", {}),
        ("Please send me the report by email.", {}),
        ("please call me tomorrow", {}),
    ],
)
def test_a_standing_request_on_a_channel_is_a_taste_for_it(
    text: str, expected: dict[str, tuple[float, str]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I prefer speaking practice, la verdad", {"speaking practice"}),
        ("I love the speaking exercises, son lo mejor", {"speaking exercises"}),
        ("I prefer speaking practice, to be honest", {"speaking practice"}),
        ("I like pizza, pasta and tacos", {"pizza", "pasta", "tacos"}),
        ("I like movies, tv shows", {"movies", "tv shows"}),
        ("I like podcasts, AI tools", {"podcasts", "ai tools"}),
    ],
)
def test_a_remark_in_another_language_is_no_item(text: str, expected: set[str]) -> None:
    assert set(read(text)) == expected


def _preferences(messages: list[tuple[int, str]]) -> dict[str, tuple[str, str]]:
    p6 = Persona6(db=":memory:")
    p6.record(
        [
            {
                "event_id": f"e{day}",
                "ts": f"2026-03-{day:02d}T10:00:00Z",
                "session_id": f"s{day}",
                "type": "message",
                "role": "user",
                "user_id": "u1",
                "text": text,
            }
            for day, text in messages
        ]
    )
    p6.build()
    traits = {
        (t.statement, t.status.value): t.key
        for t in p6.store.traits_of(p6.tenant, "u1")
        if t.kind.value == "preference"
    }
    p6.close()
    return {statement: (key, status) for (statement, status), key in traits.items()}


def test_the_graph_ends_the_taste_given_up_in_one_sentence() -> None:
    traits = _preferences(
        [
            (1, "I prefer morning reminders."),
            (5, "I previously preferred morning reminders, but I now prefer evening reminders."),
        ]
    )
    assert traits["prefers morning reminders"] == ("morning reminders", "superseded")
    assert traits["prefers evening reminders"] == ("evening reminders", "active")
    assert traits["no longer prefers morning reminders"][1] == "active"


def test_the_graph_reads_a_change_of_channel_and_one_channel_aversion() -> None:
    maria = _preferences(
        [
            (1, "Please send me updates by SMS, I prefer text messages."),
            (9, "Actually I prefer email updates now, not SMS. The texts come at odd hours."),
        ]
    )
    assert maria["asks to be contacted by text messages"] == ("text messages", "superseded")
    assert maria["prefers email updates, not text messages"][1] == "active"
    priya = _preferences(
        [
            (1, "Please don't call me, I prefer chat."),
            (5, "Also I'd rather you didn't phone me, chat is better."),
        ]
    )
    assert {key for key, _ in priya.values()} == {"phone calls", "chat"}
