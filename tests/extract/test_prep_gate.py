"""persona6.extract.prep.LazyPattern's gate (a pattern every match contains, searched first) and
failure's use of it: a report opening with its subject is searched only where the rest is found,
and ``failure._outside`` reads the exclusions only once some wanted match is found; a gate whose
characters case leaves alone searches an ASCII text lower-cased, case-sensitively
(``prep._Gate``). Speed only: the matches are the same."""

from __future__ import annotations

import re

import pytest

from persona6.extract import failure, prep
from persona6.extract.prep import CueList, LazyPattern, prepare_text

_TEXTS = [
    "the sync button keeps failing",
    "The sync button is fine",
    "my phone broke",
    "nothing broke today",
    "",
]


class _Spy(LazyPattern):
    """A lazy pattern that counts its compilations."""

    __slots__ = ("count",)

    def __init__(self, pattern: str, flags: int = 0, gate: str | None = None):
        super().__init__(pattern, flags, gate)
        self.count = 0

    def compiled(self) -> re.Pattern[str]:
        self.count += 1
        return super().compiled()


@pytest.mark.parametrize("text", _TEXTS)
def test_a_gated_pattern_finds_what_it_finds_ungated(text: str) -> None:
    source, gate = (
        r"\b(?:the|my)\s+\w+(?:\s+\w+)?\s+(?:keeps?\s+)?(?:failing|broke)",
        r"failing|broke",
    )
    plain, gated = re.compile(source, re.I), LazyPattern(source, re.I, gate)
    assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert bool(gated.search(text)) == bool(plain.search(text))
    assert bool(gated.match(text)) == bool(plain.match(text))
    assert bool(gated.search(text, 4)) == bool(plain.search(text, 4))


def test_a_shut_gate_leaves_the_pattern_uncompiled() -> None:
    spy = _Spy(r"\bthe\s+\w+\s+broke", re.I, r"broke")
    assert spy.search("the cat sat") is None
    assert list(spy.finditer("the cat sat")) == []
    assert spy.count == 0
    assert spy.search("The app broke") is not None
    assert spy.count == 1


def test_a_cue_list_keeps_a_gated_pattern_and_compiles_the_rest() -> None:
    cues = CueList(
        [LazyPattern(r"\bbroke\b", re.I), LazyPattern(r"\bthe \w+ broke", re.I, "broke")]
    )
    text = prepare_text("the app broke")
    first, second = cues.candidates(text)
    assert isinstance(first, re.Pattern)  # as before gates: other extractors see no change
    assert isinstance(second, LazyPattern)


def test_every_gated_report_ends_with_its_gate() -> None:
    """The gate is the rest of the report after its subject: every match of the report holds a
    match of the gate, so where the gate finds nothing the report finds nothing either."""
    reports = failure.cues().user_reports.patterns
    gated = [p for p in reports if isinstance(p, LazyPattern) and p.gate is not None]
    assert gated, "no failure report is gated: cues() no longer passes the gates"
    for pattern in gated:
        assert pattern.gate is not None and pattern.pattern.endswith(pattern.gate)
        assert len(pattern.gate) < len(pattern.pattern)


@pytest.mark.parametrize(
    "text",
    [
        "The route planner froze again",
        "my sync button wont work",
        "Photo backup says complete but the photos aren't there",
        "Mike froze when he saw the bill",
        "the lake froze",
        "Tuesday doesn't work for me",
        "The app keeps logging me out",
        "I love this app",
    ],
)
def test_gated_reports_read_as_ungated(text: str) -> None:
    found = failure.cues()
    ungated = CueList(LazyPattern(p.pattern, p.flags) for p in found.user_reports.patterns)
    prep = prepare_text(text)
    assert failure._outside(
        prep, found.user_reports, found.user_report_exclusions, own=True, supposed=True
    ) == failure._outside(prep, ungated, found.user_report_exclusions, own=True, supposed=True)


def test_exclusions_are_read_only_after_a_wanted_match() -> None:
    spy = _Spy(r"\bnot\s+\w+")
    exclusions = CueList([spy])
    wanted = CueList([re.compile(r"\bbroke\b")])
    assert not failure._outside(prepare_text("the app is fine, not slow"), wanted, exclusions)
    assert spy.count == 0  # a candidate ("not"), but no match of wanted: not compiled
    assert failure._outside(prepare_text("the app broke, not the cable"), wanted, exclusions)
    assert spy.count == 1
    assert not failure._outside(prepare_text("not broke at all"), wanted, exclusions)


@pytest.mark.parametrize(
    ("source", "case_free"),
    [
        (r"\s+(?:just\s+)?(?:crash(?:ed|es)?|won['’]t\s+load)\b(?!\s+out\b)", True),
        (r"[^.?!;]{0,40}?\bwrong\b", True),
        (r"\w+\S\d\B", True),  # the classes hold a letter in either case
        (r"Mike froze", False),  # an upper-case letter
        (r"[0-a]", False),  # a range holding upper-case letters and not their lower case
        (r"\x41", False),  # "A", escaped
        ("\u017f", False),  # long s: matches "s" case-insensitively
        (r"(?-i:mike)", False),  # a flag group
        (r"(?a)x", False),  # a global flag
        (r"(a)\1", False),  # a back reference
    ],
)
def test_case_free_gates(source: str, case_free: bool) -> None:
    assert prep._case_free(source) is case_free


@pytest.mark.parametrize(
    "text",
    [
        "The App CRASHED again",
        "it won’t load",
        "It WONT LOAD, it crashes out",
        "Ünïcode text crashed",  # not ASCII: searched case-insensitively as written
        "nothing wrong here",
    ],
)
def test_a_case_free_gate_finds_what_the_case_insensitive_one_does(text: str) -> None:
    source = r"\b(?:crash(?:ed|es)?|won['’]?t\s+load)\b(?!\s+out\b)"
    gate = prep._Gate(source, re.IGNORECASE)
    assert gate._lower is not None
    for span in ((), (3,), (3, 12)):
        assert gate.finds(text, *span) == bool(re.compile(source, re.I).search(text, *span))


def test_a_case_free_gate_compiles_the_pattern_as_written_only_for_a_text_needing_it() -> None:
    gate = prep._Gate(r"\bcrash(?:ed|es)?\b", re.IGNORECASE)
    assert gate.finds("The App CRASHED")
    assert gate._any_case is None  # an ASCII text: searched lower-cased only
    assert gate.finds("Ünïcode CRASHED")
    assert gate._any_case is not None
