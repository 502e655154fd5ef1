"""english v16: contractions written without their apostrophe, as chat spells them ("ive",
"dont", "weve"), read as if it were there; the evidence quotes what the person wrote, and
forms that are English words without one ("ill", "were", "well", "its") stay as written."""

from __future__ import annotations

import string

import pytest
from helpers import stored_event
from hypothesis import given
from hypothesis import strategies as st

from persona6.extract import extract_session, spelling
from persona6.extract.text import load_lexicon
from persona6.types import Signal

#: (chat spelling, the same with apostrophes): at english v15 the first lost what the second said.
DIFFERED = [
    ("ive gone off spin classes lately", "i've gone off spin classes lately"),
    ("weve got two cats and a very old tortoise", "we've got two cats and a very old tortoise"),
    (
        "i wont use the mobile app anymore, its too slow",
        "i won't use the mobile app anymore, its too slow",
    ),
]

#: ... and neighbours already read alike, which must stay so.
SAME = [
    ("im a paramedic and ive got three kids", "i'm a paramedic and i've got three kids"),
    ("dont ever send me voice notes, i hate them", "don't ever send me voice notes, i hate them"),
    ("i cant stand apps that autoplay videos", "i can't stand apps that autoplay videos"),
    ("thats not right, the total should be 420", "that's not right, the total should be 420"),
    ("i dont want my location shared with anyone", "i don't want my location shared with anyone"),
    ("Im not a fan of early starts", "I'm not a fan of early starts"),
]


def _signals(text: str) -> list[Signal]:
    return extract_session([stored_event(1, "message", text, "u1", role="user")])


def _claims(signals: list[Signal]) -> list[tuple[str, str, str, float]]:
    return sorted(
        (s.kind.value, s.key, s.value, s.polarity) for s in signals if s.kind.value != "texture"
    )


@pytest.mark.parametrize(("chat", "written"), DIFFERED + SAME)
def test_a_contraction_without_its_apostrophe_reads_as_with_it(chat: str, written: str) -> None:
    chatted = _signals(chat)
    assert _claims(chatted) == _claims(_signals(written))
    assert _claims(chatted)
    for signal in chatted:
        for evidence in signal.evidence:
            assert evidence.quote == chat[evidence.start : evidence.end]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("ive been", "i've been"),
        ("Dont go", "Don't go"),
        ("DONT", "DON'T"),
        ("thats it, youre right", "that's it, you're right"),
        ("I’ve and dont", "I've and don't"),
        # English words without an apostrophe, and "IM" in capitals, stay as written
        ("ill were well its lets shed", "ill were well its lets shed"),
        ("send me an IM", "send me an IM"),
        ("dontcha, won't, don-t", "dontcha, won't, don-t"),
    ],
)
def test_the_reading(text: str, read: str) -> None:
    assert spelling.reading(text)[0] == read


def test_spans_map_back_to_what_was_written() -> None:
    text = "ok ive got it, dont worry"
    read, inserted = spelling.reading(text)
    assert read == "ok i've got it, don't worry"
    for word in ("ok", "i've", "got it", "don't worry", "'ve"):
        start = read.index(word)
        begin, finish = spelling.original_span(start, start + len(word), inserted, len(text))
        assert text[begin:finish] == word.replace("'", "")


def test_a_bad_list_says_where_and_how_to_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    real = load_lexicon("english")
    monkeypatch.setattr(
        spelling,
        "load_lexicon",
        lambda name: {**real, "apostrophe_less_contractions": ["wouldn't've"]},
    )
    spelling._contractions.cache_clear()
    try:
        with pytest.raises(ValueError) as raised:
            spelling.reading("ive")
    finally:
        spelling._contractions.cache_clear()
    message = str(raised.value)
    assert "persona6/data/english.yaml" in message
    assert "apostrophe_less_contractions" in message
    assert "wouldn't've" in message
    assert "fix the list" in message


def test_the_version_is_16() -> None:
    assert load_lexicon("english")["version"] >= 16


@given(
    st.lists(
        st.one_of(
            st.sampled_from(["ive", "Dont", "THATS", "cant", "ill", "its", "-", "'", "x"]),
            st.text(alphabet=string.printable, max_size=3),
        ),
        max_size=8,
    )
)
def test_the_quick_look_misses_no_contraction_the_pattern_finds(parts: list[str]) -> None:
    text = "".join(parts)
    if spelling._contractions()[0].search(text):
        assert spelling._may_hold_one(text)
