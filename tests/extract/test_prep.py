"""persona6.extract.prep: the cue prefilter never skips a pattern that matches."""

from __future__ import annotations

import re
import sys

from helpers import stored_event
from hypothesis import given, settings
from hypothesis import strategies as st

from persona6 import synth
from persona6.extract import decision, failure, preference, style, task
from persona6.extract.prep import CueList, Prepared, fold, prepared, requirement


def cue_lists() -> dict[str, CueList]:
    failures = failure.cues()
    return {
        "style": style.cues().scan,
        "task": task._index().cues,
        "decision": decision.cues().patterns,
        "assistant_errors": failures.assistant_errors,
        "assistant_exclusions": failures.assistant_exclusions,
        "user_reports": failures.user_reports,
        "escalate": failures.escalate,
        "complain": failures.complain,
        "self_fix": failures.self_fix,
        "preference_frames": preference._frame_cues(),
    }


def missed(text: str) -> list[str]:
    """Patterns that match ``text`` but that the prefilter would not have searched."""
    prep = Prepared(text)
    found = []
    for name, cues in cue_lists().items():
        kept = set(cues.positions(prep))
        found += [
            f"{name}: {p.pattern}"
            for i, p in enumerate(cues.patterns)
            if i not in kept and p.search(text)
        ]
    return found


def test_fold_maps_every_letter_ignorecase_matches_to_that_ascii_letter() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or not letter.fullmatch(char):
            continue
        folded = fold(char)
        assert len(folded) == 1 and "a" <= folded <= "z", hex(code)
        assert re.fullmatch(folded, char, re.IGNORECASE), hex(code)


def test_requirement_reads_words_branches_and_optional_parts() -> None:
    assert requirement(re.compile(r"\bsorry\b", re.I)) == (frozenset({"sorry"}),)
    # The regex parser factors out the common prefix: "thank" then "s" or " you".
    assert requirement(re.compile(r"\b(?:thanks|thank you)\b", re.I)) == (
        frozenset({"thank"}),
        frozenset({"s", "you"}),
    )
    assert requirement(re.compile(r"\b(?:sorry|apologi[sz]e)\b", re.I)) == (
        frozenset({"apologi", "sorry"}),
    )
    # Optional parts and character classes require nothing.
    assert requirement(re.compile(r"(?:please\s+)?can\s+you")) == (
        frozenset({"can"}),
        frozenset({"you"}),
    )
    assert requirement(re.compile(r"[a-z]+!")) == ()
    # A letter before an alternation, as text.word_alternation groups words, is read into it.
    assert requirement(re.compile(r"\b(?:c(?:ost|heap)|p(?:rice))\b", re.I)) == (
        frozenset({"cost", "cheap", "price"}),
    )


def test_a_pattern_that_matches_is_always_searched() -> None:
    texts = [
        "Sorry, I couldn't load that. Can you please verify your sources?",
        "ſorry KEEPS CRASHING!! İ think it's broken",
        "no, thanks. I'll go with Postgres because it's cheaper",
        "First do A, then B. My plan is simple.\n1. one\n2. two",
        "we switched from MySQL to Postgres; it doesn't work anymore 😀",
    ]
    for text in texts:
        assert missed(text) == [], text


def test_no_pattern_is_skipped_on_generated_messages() -> None:
    texts = {event.get("text") or "" for event in synth.generate(seed=3, people=4).events}
    assert len(texts) > 100
    for text in texts:
        assert missed(text) == [], text


PIECES = [
    "sorry",
    "Thanks",
    "can you",
    "I'll go with",
    "doesn't work",
    "are you sure",
    "first",
    "then",
    "NO",
    "ſ",
    "İ",
    "K",
    "!",
    "?",
    " ",
    "\n",
    ".",
    "'",
    "’",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=12))
def test_no_pattern_is_skipped_on_arbitrary_text(pieces: list[str]) -> None:
    assert missed("".join(pieces)) == []


def test_cached_preparation_is_never_served_for_another_text() -> None:
    assert prepared(stored_event(0, "message", "sorry", "u")).text == "sorry"
    assert prepared(stored_event(0, "message", "thanks", "u")).text == "thanks"


def test_events_with_the_same_text_share_one_preparation() -> None:
    one = stored_event(1, "message", "sorry, it failed again", "u")
    two = stored_event(2, "message", "sorry, it failed again", "u")
    assert prepared(one) is prepared(two)
    assert prepared(stored_event(3, "message", "thanks", "u")) is not prepared(one)


def test_a_remembered_search_answers_as_the_patterns_do() -> None:
    cues = CueList([re.compile(r"\bsorry\b", re.IGNORECASE), re.compile(r"fail(?:ed|s)")])
    for text in ("Sorry!", "it failed", "nothing here", "sorry", "Sorry!"):
        found = Prepared(text)
        expected = any(p.search(text) for p in cues.patterns)
        assert cues.search(found) is expected
        assert cues.search(found) is expected  # read back from the text's memo
