"""Newcomer statements: the actor says in their own words that they are new here ("I'm a new
patient, just registered", "first time here", "I just signed up").

The patterns and the two rates are in ``persona6/data/identity.yaml`` (``newcomer``), each
pattern with its reason. A unit counts the session once (``Profile.newcomer``) with where it
was said; ``llr`` is what it says against every known candidate at once:
``log(later_session_rate / first_session_rate)``, how much less often a person's later session
says so than their first (an anonymous session of a known person is a later one; a new
person's is their first). ``persona6 backtest linking`` measures both rates on the tenant's
known persons (``measured``), so the shipped ones can be checked (docs/identity.md,
"Newcomer statements").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from persona6.errors import InvalidInput

DATA_FILE = "persona6/data/identity.yaml"
#: How far before a match a negation is looked for ("I'm not a first-time user").
NEGATION_REACH = 30


@dataclass(frozen=True, slots=True)
class Rules:
    first_session_rate: float
    later_session_rate: float
    negation: re.Pattern[str]
    cue: re.Pattern[str]
    patterns: tuple[re.Pattern[str], ...]

    @property
    def llr(self) -> float:
        """What a newcomer statement says of every known candidate (negative)."""
        return math.log(self.later_session_rate / self.first_session_rate)


def _bad(where: str, problem: str, hint: str, **values: object) -> InvalidInput:
    return InvalidInput(f"{DATA_FILE}, newcomer.{where}", problem, hint, **values)


def _rate(spec: dict[str, Any], name: str) -> float:
    value = spec.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1:
        raise _bad(
            name,
            "is {value!r}, not a probability strictly between 0 and 1",
            "Write for example: {name}: 0.05",
            value=value,
            name=name,
        )
    return float(value)


def _compiled(where: str, pattern: object) -> re.Pattern[str]:
    try:
        return re.compile(str(pattern), re.IGNORECASE)
    except re.error as exc:
        raise _bad(
            where, "is not a valid regular expression ({error})", "Correct it", error=str(exc)
        ) from None


def parse_rules(spec: Any) -> Rules:
    """The ``newcomer`` block of an ``identity.yaml`` already read; an ``InvalidInput`` naming
    the entry and the fix for anything malformed."""
    if not isinstance(spec, dict):
        raise _bad(
            "(block)",
            "is missing or not a mapping",
            "Give first_session_rate, later_session_rate, negation, cue and patterns",
        )
    first = _rate(spec, "first_session_rate")
    later = _rate(spec, "later_session_rate")
    if later >= first:
        raise _bad(
            "later_session_rate",
            "is {later}, not below first_session_rate {first}",
            "A newcomer statement must be likelier in a first session; lower it",
            later=later,
            first=first,
        )
    items = spec.get("patterns")
    if not isinstance(items, list) or not items:
        raise _bad("patterns", "is not a list of patterns", "List at least one")
    patterns = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or "pattern" not in item or "reason" not in item:
            raise _bad(
                f"patterns[{i}]",
                "has no 'pattern' or no 'reason'",
                "Give both: pattern: '...', reason: ...",
            )
        patterns.append(_compiled(f"patterns[{i}]", item["pattern"]))
    cue = spec.get("cue")
    if not isinstance(cue, str) or not cue.strip():
        raise _bad(
            "cue",
            "is {value!r}, not a regular expression",
            "Give the words every pattern's match holds, e.g. cue: '\\b(?:new|first)\\b'",
            value=cue,
        )
    return Rules(
        first,
        later,
        _compiled("negation", spec.get("negation", "(?!)")),
        _compiled("cue", cue),
        tuple(patterns),
    )


@cache
def rules() -> Rules:
    """The packaged rules (``identity.yaml``'s ``newcomer``)."""
    from persona6.extract.text import load_lexicon

    return parse_rules(load_lexicon("identity").get("newcomer"))


def said(text: str, skip: Iterable[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """Where ``text`` says the speaker is new here (the first such span), outside the ``skip``
    spans (quoted or pasted material) and not negated just before; None if it does not."""
    found = rules()
    if found.cue.search(text) is None:
        return None
    spans = list(skip)
    for pattern in found.patterns:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(a <= start < b for a, b in spans):
                continue
            if found.negation.search(text[max(0, start - NEGATION_REACH) : start]):
                continue
            return start, end
    return None


@dataclass(frozen=True, slots=True)
class Measured:
    """Newcomer statements in known persons' first sessions and in their later ones."""

    first: int
    first_sessions: int
    later: int
    later_sessions: int


def measured(ordered_sessions: Iterable[list[int]]) -> Measured:
    """Counts from each known person's sessions in time order (1: the session says it)."""
    first = first_n = later = later_n = 0
    for sessions in ordered_sessions:
        if not sessions:
            continue
        first += sessions[0] > 0
        first_n += 1
        later += sum(s > 0 for s in sessions[1:])
        later_n += len(sessions) - 1
    return Measured(first, first_n, later, later_n)
