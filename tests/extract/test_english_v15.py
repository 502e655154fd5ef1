"""english v15: typographic apostrophes. Phones and word processors type "’" (and "‘", "ʼ")
where a keyboard types "'"; every rule extractor now reads a message the same whichever the
person's device typed ("I’ve gone off spin classes" was nothing while "I've gone off spin
classes" was a preference), and every quote of its evidence is still the original text. The
texture extractor, which measures how a person types, reads the original characters."""

from __future__ import annotations

import pytest
from helpers import stored_event

import persona6.extract as extract_package
from persona6.extract import extract_session, spelling
from persona6.extract.text import load_lexicon
from persona6.types import Signal

CURLY = "\u2019"

#: Sentences across kinds; at english v14 each was read differently with "’" (noted after it).
DIFFERED = [
    "I've gone off spin classes lately.",  # preference lost
    "We've switched from Trello to Linear and it's been great.",  # decision lost, junk activity
    "I'm a dental hygienist and I've got two kids.",  # identity ran on through "I’ve"
    "Let's plan the steps first before we start, I don't like rushing.",  # plans first lost
    "I wouldn't mind a shorter summary next time, that'd be nice.",  # a writing task appeared
]

#: ... and neighbours read the same at v14 already, which must stay so.
SAME = [
    "I'm not a fan of long meetings before lunch.",
    "I can't stand podcasts with ads every five minutes.",
    "I'd rather not have my health data shared with anyone.",
    "Don't ever use emojis in my reports.",
    "My daughter's allergic to peanuts so I'm careful with recipes.",
    "The app's crashed twice today and I've lost my notes.",
    "What're you basing that on? I've read the opposite.",
    "I've never liked cold brew, it's too bitter for me.",
    "I'm worried we'll lose the deposit if we cancel.",
    "She said 'I prefer tea' but I'm not sure.",
]


def _signals(text: str) -> list[Signal]:
    return extract_session([stored_event(1, "message", text, "u1", role="user")])


def _claims(signals: list[Signal]) -> list[tuple[str, str, str, float]]:
    return sorted(
        (s.kind.value, s.key, s.value, s.polarity) for s in signals if s.kind.value != "texture"
    )


@pytest.mark.parametrize("text", DIFFERED + SAME)
def test_a_curly_apostrophe_reads_as_a_straight_one(text: str) -> None:
    assert "'" in text
    straight = _signals(text)
    curly_text = text.replace("'", CURLY)
    curly = _signals(curly_text)
    assert _claims(curly) == _claims(straight)
    assert _claims(straight), "each sentence says something"
    for signal in curly:
        for evidence in signal.evidence:
            assert evidence.quote == curly_text[evidence.start : evidence.end]


@pytest.mark.parametrize("mark", ["\u2018", "\u02bc", "\uff07"])
def test_the_other_typographic_apostrophes_read_the_same(mark: str) -> None:
    text = "I've gone off spin classes lately."
    assert _claims(_signals(text.replace("'", mark))) == _claims(_signals(text))


def test_texture_reads_the_characters_the_person_typed() -> None:
    text = "I've gone off spin classes lately, it's been ages."
    straight = [s for s in _signals(text) if s.kind.value == "texture"]
    curly = [s for s in _signals(text.replace("'", CURLY)) if s.kind.value == "texture"]
    assert straight and curly
    assert [s.vector for s in curly] != [s.vector for s in straight]
    assert CURLY in curly[0].evidence[0].quote


def test_a_text_without_one_is_passed_as_it_is() -> None:
    events = [stored_event(1, "message", "plain ascii text", "u1", role="user")]
    plain, originals = extract_package._plain(events)
    assert plain is events and originals == {}


def test_a_bad_list_says_where_and_how_to_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    real = load_lexicon("english")
    monkeypatch.setattr(
        spelling, "load_lexicon", lambda name: {**real, "typographic_apostrophes": ["’’"]}
    )
    spelling._apostrophes.cache_clear()
    try:
        with pytest.raises(ValueError) as raised:
            _signals("I’ve gone off spin classes.")
    finally:
        spelling._apostrophes.cache_clear()
    message = str(raised.value)
    assert "persona6/data/english.yaml" in message
    assert "typographic_apostrophes" in message
    assert "single characters" in message
    assert "fix the list" in message


def test_the_version_is_15_or_later() -> None:
    assert load_lexicon("english")["version"] >= 15
