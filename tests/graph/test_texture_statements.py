"""Readable language-texture traits (persona6/graph/texture.py): how a person writes, against
the documented norms of data/texture_statements.yaml, each with the messages that show it."""

from __future__ import annotations

import pytest

from persona6 import Persona6
from persona6.graph.texture import knows, norms, texture_traits
from persona6.types import SignalKind, StoredEvent


def _events(sessions: list[list[str]], user: str = "u-1") -> list[StoredEvent]:
    found = []
    for s, texts in enumerate(sessions):
        for m, text in enumerate(texts):
            found.append(
                StoredEvent(
                    event_id=f"e{s}-{m}",
                    ts=f"2026-03-{s + 1:02d}T10:{m:02d}:00Z",
                    session_id=f"s{s}",
                    tenant="t",
                    user_id=user,
                    type="message",
                    text=text,
                )
            )
    return found


def _traits(sessions: list[list[str]]) -> dict[str, object]:
    return {t.key: t for t in texture_traits("u-1", _events(sessions))}


LOWERCASE = [
    ["need help w the invoice", "which tab", "ok thx"],
    ["cant find export btn", "where is it", "found it"],
    ["report broke again", "pls fix", "ok"],
]
STANDARD = [
    ["Can you help me with the invoice?", "Which tab is it on?", "Great, that works."],
    ["I can't find the export button.", "Where should I look?", "Found it, thanks."],
    ["The report broke again.", "Could you take a look?", "That fixed it."],
]
FORMAL = [
    [
        "Good afternoon. I would be grateful for a full account of how the quarterly figures "
        "were reconciled, including any adjustments made.",
        "Thank you. Could you also explain why the second adjustment was necessary, and who "
        "approved it at the time?",
    ],
    [
        "I would like to request a copy of the audit trail for the past year, if that is "
        "possible within the current arrangements.",
        "Thank you kindly. I shall review it carefully and return with any further questions.",
    ],
    [
        "Please send the revised statement to my office address rather than to the branch, "
        "as I am travelling for the remainder of the month.",
    ],
]
CASUAL_WARM = [
    ["Hey! Thanks so much, that's great :)", "I'm trying the new layout now", "Love it!"],
    ["Thanks again! It's working", "Can't wait to show my team", "You're the best"],
    ["Hi again! Quick one: where's the export?", "Got it, thanks!", "That's perfect"],
]
# Italian mixed into English (any language works: the rule knows English, not the other one).
MIXED = [
    ["Ciao! I need the report per domani, grazie", "va bene, the chart is fine", "perfetto"],
    ["oggi sono stanco, only five minutes please", "the export non funziona ancora", "grazie"],
    ["Ciao di nuovo! can we fix the chart adesso?", "va bene, grazie mille", "a domani"],
]
# English about a topic full of words the lexicons lack, and names inside sentences.
TOPIC_WORDS = [
    ["My pottery workshop in Bergen starts glazing tomorrow.", "The kiln needs calibrating."],
    ["I sketched a screenplay about Houston and Manchester.", "The storyboard is inspiring."],
    ["Our volunteering at the aquarium went well.", "The penguins were adorable."],
]


def test_lowercase_fragments_and_abbreviations_are_stated_with_the_messages_that_show_them():
    traits = _traits(LOWERCASE)
    assert traits["casing"].value == "lowercase"
    assert traits["casing"].statement.startswith("writes in lower case (9 of 9 messages")
    assert traits["message_length"].value == "short fragments"
    assert traits["register"].value == "informal"
    for trait in traits.values():
        assert trait.kind is SignalKind.TEXTURE
        assert trait.sessions == 3
        assert trait.confidence == pytest.approx(1 - (1 - norms()["reliability"]) ** 3, abs=1e-4)
        for item in trait.evidence:
            assert item.quote  # the whole message, verbatim
    assert all(e.quote[0].islower() for e in traits["casing"].evidence)


def test_standard_chat_gets_no_casing_register_or_length_trait():
    assert not {"casing", "register", "second_language"} & set(_traits(STANDARD))


def test_a_formal_register_is_stated_and_casual_warmth_is_not_formal():
    traits = _traits(FORMAL)
    assert traits["register"].value == "formal"
    assert traits["message_length"].value == "long messages"
    assert "formal" not in {t.value for t in _traits(CASUAL_WARM).values()}
    assert _traits(CASUAL_WARM)["exclamations"].value == "exclaims"


def test_another_language_mixed_in_is_found_without_a_list_of_its_words():
    trait = _traits(MIXED)["second_language"]
    assert "'grazie'" in trait.statement
    assert trait.sessions == 3
    assert all(not knows(w) for w in ("grazie", "domani", "perfetto"))


def test_topic_words_names_and_inflections_are_not_another_language():
    assert "second_language" not in _traits(TOPIC_WORDS)
    assert all(knows(w) for w in ("reminders", "helping", "stopped", "writing", "don't"))


def test_too_few_messages_or_one_session_say_nothing():
    assert _traits([LOWERCASE[0], LOWERCASE[1][:1]]) == {}  # 4 messages
    assert "casing" not in _traits([[t for s in LOWERCASE for t in s]])  # one session


def test_a_session_against_the_habit_lowers_the_confidence():
    r = norms()["reliability"]
    traits = _traits([*LOWERCASE, STANDARD[0]])
    assert traits["casing"].counter_sessions == 1
    assert traits["casing"].confidence == pytest.approx((1 - (1 - r) ** 3) * (1 - r), abs=1e-4)


def test_show_lists_texture_traits_and_why_explains_them():
    events = [
        e.model_dump(exclude={"tenant", "seq", "ingested_at", "source"}, exclude_none=True)
        for e in _events(MIXED)
    ]
    with Persona6(db=":memory:") as p6:
        p6.record([{k: v for k, v in e.items() if k in _FIELDS} for e in events])
        p6.build()
        view = p6.person("u-1")
        texture = [t for t in view.traits if t.kind is SignalKind.TEXTURE]
        assert [t.key for t in texture if t.key == "second_language"]
        explanation = p6.why("u-1", texture[0].id)
        assert {link.event_id for link in explanation.chain} == {
            e.event_id for e in texture[0].evidence
        }


_FIELDS = {"event_id", "ts", "session_id", "user_id", "type", "text"}
