"""Whose signal is it: only a person's own words speak of them, each to its own actor."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from persona6.extract import EXTRACTORS, concern, disclosure, extract_session, preference
from persona6.extract.text import clauses, sentences
from persona6.types import Signal, SignalKind, StoredEvent

MINE = (preference.NAME, disclosure.NAME, concern.NAME)


def event(
    n: int,
    text: str,
    role: str = "user",
    actor: str | None = "u1",
    anonymous: bool = False,
) -> StoredEvent:
    person = {} if role != "user" else {"anonymous_id" if anonymous else "user_id": actor}
    return StoredEvent(
        event_id=f"e{n}",
        ts=f"2026-01-01T00:00:{n:02d}.000000Z",
        session_id="s1",
        tenant="default",
        type="message",
        role=role,
        text=text,
        **person,
    )


def run(events: list[StoredEvent]) -> list[Signal]:
    return [signal for name in MINE for signal in EXTRACTORS[name].extract(events)]


STRONG = "I love hiking, I'm worried about the price, and I have two dogs."


def test_the_extractors_register_under_versioned_names() -> None:
    assert set(MINE) <= set(EXTRACTORS)
    assert all(re.search(r"\.v[0-9]+$", name) for name in MINE)


def test_user_text_yields_all_three_kinds() -> None:
    kinds = {signal.kind for signal in run([event(1, STRONG)])}
    assert kinds == {SignalKind.PREFERENCE, SignalKind.DISCLOSURE, SignalKind.CONCERN}


def test_assistant_system_and_tool_text_yield_nothing() -> None:
    events = [event(n, STRONG, role=role) for n, role in enumerate(["assistant", "system", "tool"])]
    assert run(events) == []


def test_each_message_speaks_for_its_own_actor() -> None:
    events = [
        event(1, "I love jazz.", actor="ada"),
        event(2, "I can't stand jazz.", actor="bob"),
        event(3, "Sure, here are some jazz albums.", role="assistant"),
        event(4, "I have a cat.", actor="anon-7", anonymous=True),
    ]
    found = {(s.actor, s.key, s.polarity) for s in run(events)}
    assert found == {("ada", "jazz", 1.0), ("bob", "jazz", -1.0), ("anon-7", "pets:cat", 1.0)}


def test_evidence_cites_only_the_actors_own_events() -> None:
    events = [event(1, "I love jazz.", actor="ada"), event(2, "I hate jazz.", actor="bob")]
    for signal in run(events):
        assert {e.event_id for e in signal.evidence} == {"e1" if signal.actor == "ada" else "e2"}


REPORTED = [
    "my boss hates meetings",
    "she said she prefers tea",
    "my friend loves hiking",
    "he told me he can't stand crowds",
    "My mom says I hate vegetables",
    "they think I prefer the blue one",
    "do you like jazz?",
    "would you rather walk?",
    "if I liked coffee I would drink more",
    "I'm not sure if I like it",
    'She wrote "I love tea" in her card',
    "“I hate Mondays,” he said",
]


def test_reported_questioned_hypothetical_and_quoted_words_are_no_preference() -> None:
    for text in REPORTED:
        found = [s for s in run([event(1, text)]) if s.kind is SignalKind.PREFERENCE]
        assert found == [], text


def test_third_person_facts_are_not_the_speakers() -> None:
    for text in ["she has two kids", "He lives in Paris", "they work at Google"]:
        assert run([event(1, text)]) == [], text


def test_reported_concern_is_not_the_speakers() -> None:
    signals = run([event(1, "My boss said it's too expensive")])
    assert [s for s in signals if s.kind is SignalKind.CONCERN] == []
    assert [s.key for s in signals] == ["work:boss"]  # only that they have a boss


def test_extract_session_runs_every_registered_extractor_in_time_order() -> None:
    late, early = event(2, "I hate jazz.", actor="ada"), event(1, "I love tea.", actor="ada")
    signals = [s for s in extract_session([late, early]) if s.producer in MINE]
    assert [s.key for s in signals if s.kind is SignalKind.PREFERENCE] == ["tea", "jazz"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_exact_quotes_and_no_error(text: str) -> None:
    for signal in run([event(1, text)]):
        assert signal.evidence
        for evidence in signal.evidence:
            assert evidence.quote == text[evidence.start : evidence.end]


_VOCABULARY = """i I'm we my you she he it love hate don't not never like prefer over than
and but , . ? ! dog cats tea coffee work live have am a the is my favorite go-to because if when
" please always can't stand into fan of worried price safe"""
WORDS = st.sampled_from(_VOCABULARY.split())


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_wordy_text_gives_exact_quotes_and_no_error(text: str) -> None:
    for signal in run([event(1, text)]):
        for evidence in signal.evidence:
            assert evidence.quote == text[evidence.start : evidence.end]


@given(st.text(max_size=200))
def test_sentences_and_clauses_stay_inside_the_text(text: str) -> None:
    for sentence in sentences(text):
        assert 0 <= sentence.start < sentence.end <= len(text)
        for clause in clauses(text, sentence):
            assert sentence.start <= clause.start < clause.end <= sentence.end


# Material a person pastes for the assistant to work on is not what they say of themselves.
PASTED = [
    "Can you summarise this email from my boss?\n\nHi team,\nI hate long meetings and I prefer "
    "async updates. I live in Berlin.\nThanks, Mark",
    "> I love tea\n> I have two dogs",
    "Translate to French: I am a doctor and I love cats.",
    "Fix the grammar: i has two dog and i love they",
    "Here's the log:\n```\nI love retries. I'm worried about the price.\n```",
    "---------- Forwarded message ---------\nFrom: Anna\nI'm vegan and I can't stand cheese.",
    "My essay draft: I grew up in Ohio and I love baseball. Can you improve it?",
    "On Tue, 3 Mar 2026 at 10:00, Sam wrote:\nI hate Mondays and I have three cats.",
    # machine output pasted bare (english v9): a traceback, its exception, log lines
    'Traceback (most recent call last):\n  File "app.py", line 3, in <module>\n'
    "ValueError: I prefer integers over strings here",
    "ValueError: I hate empty strings and I live in Berlin",
    "ERROR: I'm worried the lease expired\n[WARN] I prefer dark mode",
    "2026-10-05 10:28:01 user says I love retries\nlevel=warn msg=I have two dogs",
    "    at com.example.I.love(Tea.java:12)\npanic: I hate nil maps",
]


@pytest.mark.parametrize("text", PASTED)
def test_pasted_material_says_nothing_of_the_person(text: str) -> None:
    found = [s for s in run([event(1, text)]) if s.key != "work:boss"]
    assert found == [], [(s.key, [e.quote for e in s.evidence]) for s in found]


def test_the_persons_own_words_around_a_pasted_traceback_still_count() -> None:
    text = (
        "I hate this bug, I'm worried about data loss.\n"
        'Traceback (most recent call last):\n  File "a.py", line 1\n    x()\n'
        "KeyError: I prefer tea\nI love the new dashboard though."
    )
    found = {s.key for s in run([event(1, text)])}
    assert "tea" not in found
    assert {"new dashboard", "data_loss"} <= found, found


@pytest.mark.parametrize(
    "text",
    [
        "INFO is what I want first, I prefer short answers.",
        "Error handling: I prefer exceptions over return codes.",
        "ValueError again, I'm worried about data loss.",
        "panic mode on, I prefer tea.",
    ],
)
def test_words_like_machine_output_in_the_persons_own_line_still_count(text: str) -> None:
    assert run([event(1, text)])


def test_the_persons_own_words_around_pasted_material_still_count() -> None:
    text = "I love hiking. Translate to French: I am a doctor.\n\n> I hate cats\nI have two dogs."
    assert {s.key for s in run([event(1, text)])} == {"hiking", "pets:two dogs"}


@pytest.mark.parametrize(
    "text",
    [
        "Update: I moved to Berlin last month.",
        "Two things: I prefer email, and I hate calls.",
        "Fix this: I lost my work after the update and I hate that.",
        "My summary: I love the product.",
    ],
)
def test_a_colon_before_the_persons_own_words_is_no_paste(text: str) -> None:
    assert run([event(1, text)])
