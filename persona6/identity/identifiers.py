"""Identifiers a person states of themselves: an e-mail address, a phone number, the last digits
of a payment card, an account or member number, introduced as such ("card ending 4411", "my
e-mail is jo@example.com").

The types and the words that introduce them are in ``persona6/data/identifiers.yaml``, each with
its reason. ``stated`` finds them in one text; the unit builder (features.py) reads the actor's
own messages and the texts of their own actions, never the assistant's messages, outcomes, text
in double quotes or pasted material, nor an identifier said to be someone else's.

A unit keeps, per type, that it was stated (label ``card``) and each value as a hash
(``card:<digest>``), with where it was said (event id and offsets, without the text): the
value itself is read from the event when a link explains, so stored units, profiles and the
saved index hold no e-mail address, phone number or card digits, and forgetting the event
forgets the value.

``llr`` compares an anonymous actor's with a known person's, type by type (docs/identity.md,
"Stated identifiers"):

- the same value: ``log(P(v | p) / P(v | someone else))``, ``P(v | p) = (1 - p_new) ·
  share of v among p's values``, ``P(v | someone else) = max(shared_rate, h / others)``, ``h``
  the other known persons who stated it: strong evidence, never certainty, and little for a
  value several persons state;
- another value: ``log(p_new / (1 - shared_rate))``, ``p_new = k / (n + 1)`` the rule of
  succession's chance that ``p`` states a value not seen before, ``k`` distinct values in the
  ``n`` sessions in which they stated one (the first always being new): a person with one
  card in 7 sessions, about 1 in 8; with two cards in 3 sessions, 1 in 2.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from persona6.errors import InvalidInput

DATA_FILE = "persona6/data/identifiers.yaml"
NORMALISERS = ("lower", "digits", "alnum")
#: Fewest digits a phone number has (shorter ones are extensions, codes, amounts).
PHONE_DIGITS = 7
#: How far before a cue a possessive is looked for ("my wife's card ending ...").
SOMEONE_ELSE_REACH = 40
#: Every identifier holds a digit or an "@": a text with neither is not searched.
_MAY_HOLD = re.compile(r"[\d@]")


@dataclass(frozen=True, slots=True)
class IdentifierType:
    name: str
    shown: str
    normalise: str
    last_digits: int | None
    shared_rate: float
    patterns: tuple[re.Pattern[str], ...]
    #: Whether the same value counts for the candidate (a stated fact's does not: the claims
    #: block holds it already, ``disclosure: home:boston``).
    counts_match: bool = True


@dataclass(frozen=True, slots=True)
class FactRule:
    """An exclusive stated fact (``facts`` in identifiers.yaml): read from the actor's own
    disclosure claims whose readable value matches ``pattern``."""

    name: str
    pattern: re.Pattern[str]
    proper_noun: bool
    numbers: bool


@dataclass(frozen=True, slots=True)
class Rules:
    version: int
    types: dict[str, IdentifierType]
    someone_else: re.Pattern[str]
    facts: tuple[FactRule, ...] = ()


class Stated(NamedTuple):
    """One identifier in a text: its type, normalised value, where the value is, and where
    the cue that introduces it begins."""

    kind: str
    value: str
    start: int
    end: int
    cue: int


def _bad(where: str, problem: str, hint: str, **values: object) -> InvalidInput:
    return InvalidInput(f"{DATA_FILE}, {where}", problem, hint, **values)


def parse_rules(data: Any) -> Rules:
    """The rules of an ``identifiers.yaml`` already read; an ``InvalidInput`` naming the file,
    the entry and the fix for anything malformed."""
    if not isinstance(data, dict):
        raise _bad(
            "top level", "is not a mapping", "Write 'version:', 'types:' and 'someone_else:'"
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _bad("version", "is missing or not a whole number", "Write for example: version: 1")
    types = data.get("types")
    if not isinstance(types, dict) or not types:
        raise _bad("types", "is missing or empty", "List at least one type (card: ...)")
    found: dict[str, IdentifierType] = {}
    for name, spec in types.items():
        found[str(name)] = _parse_type(str(name), spec)
    try:
        someone_else = re.compile(str(data["someone_else"]), re.IGNORECASE)
    except KeyError:
        raise _bad(
            "someone_else",
            "is missing",
            "Add the pattern of a possessive before a cue (his, her, wife's ...)",
        ) from None
    except re.error as exc:
        raise _bad(
            "someone_else",
            "is not a valid regular expression ({error})",
            "Correct the pattern",
            error=str(exc),
        ) from None
    facts = data.get("facts") or {}
    if not isinstance(facts, dict):
        raise _bad("facts", "is not a mapping", "Write facts: with one entry per fact kind")
    rules_: list[FactRule] = []
    for name, spec in facts.items():
        kind, rule = _parse_fact(str(name), spec)
        if kind.name in found:
            raise _bad(
                f"facts.{name}", "has the name of an identifier type", "Give it another name"
            )
        found[kind.name] = kind
        rules_.append(rule)
    return Rules(version, found, someone_else, tuple(rules_))


def _parse_fact(name: str, spec: Any) -> tuple[IdentifierType, FactRule]:
    where = f"facts.{name}"
    if not isinstance(spec, dict):
        raise _bad(where, "is not a mapping", "Give it shown, shared_rate, reason, pattern")
    for key in ("shown", "shared_rate", "reason", "pattern"):
        if key not in spec:
            raise _bad(where, "has no {key!r}", "Add {key}: (see the file's header)", key=key)
    rate = spec["shared_rate"]
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 < rate < 1:
        raise _bad(
            f"{where}.shared_rate",
            "is {value!r}, not a probability strictly between 0 and 1",
            "Write for example: shared_rate: 0.05",
            value=rate,
        )
    try:
        pattern = re.compile(str(spec["pattern"]), re.IGNORECASE)
    except re.error as exc:
        raise _bad(
            f"{where}.pattern",
            "is not a valid regular expression ({error})",
            "Correct the pattern",
            error=str(exc),
        ) from None
    if "value" not in pattern.groupindex:
        raise _bad(f"{where}.pattern", "has no group named 'value'", "Wrap it in (?P<value>...)")
    kind = IdentifierType(
        name=name,
        shown=str(spec["shown"]),
        normalise="lower",
        last_digits=None,
        shared_rate=float(rate),
        patterns=(),
        counts_match=False,
    )
    rule = FactRule(
        name, pattern, bool(spec.get("proper_noun", False)), bool(spec.get("numbers", False))
    )
    return kind, rule


def _parse_type(name: str, spec: Any) -> IdentifierType:
    where = f"types.{name}"
    if not isinstance(spec, dict):
        raise _bad(where, "is not a mapping", "Give it shown, normalise, shared_rate, patterns")
    for key in ("shown", "normalise", "shared_rate", "reason", "patterns"):
        if key not in spec:
            raise _bad(where, "has no {key!r}", "Add {key}: (see the file's header)", key=key)
    if spec["normalise"] not in NORMALISERS:
        raise _bad(
            f"{where}.normalise",
            "is {value!r}",
            "Use one of: {allowed}",
            value=spec["normalise"],
            allowed=", ".join(NORMALISERS),
        )
    rate = spec["shared_rate"]
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 < rate < 1:
        raise _bad(
            f"{where}.shared_rate",
            "is {value!r}, not a probability strictly between 0 and 1",
            "Write for example: shared_rate: 0.01",
            value=rate,
        )
    last = spec.get("last_digits")
    if last is not None and (isinstance(last, bool) or not isinstance(last, int) or last < 1):
        raise _bad(
            f"{where}.last_digits",
            "is {value!r}",
            "Write a whole number of digits (last_digits: 4), or leave it out",
            value=last,
        )
    patterns = spec["patterns"]
    if not isinstance(patterns, list) or not patterns:
        raise _bad(f"{where}.patterns", "is not a list of patterns", "List at least one")
    compiled = []
    for i, item in enumerate(patterns):
        at = f"{where}.patterns[{i}]"
        if not isinstance(item, dict) or "pattern" not in item or "reason" not in item:
            raise _bad(
                at, "has no 'pattern' or no 'reason'", "Give both: pattern: '...', reason: ..."
            )
        try:
            pattern = re.compile(str(item["pattern"]), re.IGNORECASE)
        except re.error as exc:
            raise _bad(
                at,
                "is not a valid regular expression ({error})",
                "Correct the pattern",
                error=str(exc),
            ) from None
        if "value" not in pattern.groupindex:
            raise _bad(
                at,
                "has no group named 'value'",
                "Wrap the identifier itself in (?P<value>...)",
            )
        compiled.append(pattern)
    return IdentifierType(
        name=name,
        shown=str(spec["shown"]),
        normalise=str(spec["normalise"]),
        last_digits=last,
        shared_rate=float(rate),
        patterns=tuple(compiled),
    )


@cache
def rules() -> Rules:
    """The packaged rules (``persona6/data/identifiers.yaml``)."""
    from persona6.extract.text import read_yaml

    text = resources.files("persona6.data").joinpath("identifiers.yaml").read_text("utf-8")
    return parse_rules(read_yaml(text))


def normalised(kind: IdentifierType, raw: str) -> str | None:
    """The comparable form of a value, or None when it is not one (too few digits)."""
    if kind.normalise == "lower":
        return raw.strip().lower()
    if kind.normalise == "digits":
        digits = re.sub(r"\D", "", raw)
        if kind.name == "phone" and len(digits) < PHONE_DIGITS:
            return None
        return digits[-kind.last_digits :] if kind.last_digits else digits
    return re.sub(r"[\W_]", "", raw).upper() or None


def stated(text: str) -> list[Stated]:
    """The identifiers introduced as such in ``text``, and not someone else's (quoted or
    pasted material is left out by ``outside``)."""
    if not may_hold(text):
        return []
    found_rules = rules()
    found: list[Stated] = []
    taken: list[tuple[int, int]] = []
    for kind in found_rules.types.values():
        for pattern in kind.patterns:
            for match in pattern.finditer(text):
                start, end = match.span("value")
                if any(a < end and start < b for a, b in taken):
                    continue
                before = text[max(0, match.start() - SOMEONE_ELSE_REACH) : match.start()]
                if found_rules.someone_else.search(before):
                    continue
                value = normalised(kind, match.group("value"))
                if not value:
                    continue
                taken.append((start, end))
                found.append(Stated(kind.name, value, start, end, match.start()))
    return sorted(found, key=lambda s: s.start)


#: Number words a count of children is said in.
_NUMBERS = {
    "no": 0, "none": 0, "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


def stated_fact(claim: str, quote: str) -> list[tuple[str, str, int, int]]:
    """The exclusive facts (kind, normalised value, where the value is in ``quote``) a
    disclosure claim's readable value (``claim``: "lives in boston") states, read as the
    person said it (``quote``: the claim's evidence). A ``proper_noun`` fact needs the
    value capitalised in the quote ("Boston", not "the city"); a ``numbers`` fact reads
    number words as digits."""
    found: list[tuple[str, str, int, int]] = []
    for rule in rules().facts:
        match = rule.pattern.search(claim)
        if match is None:
            continue
        raw = match.group("value").strip()
        where = re.search(rf"(?<!\w){re.escape(raw)}(?!\w)", quote, re.IGNORECASE)
        start, end = where.span() if where else (0, 0)
        if rule.proper_noun and (where is None or not quote[start].isupper()):
            continue
        value = raw.lower()
        if rule.numbers:
            number = _NUMBERS.get(value, int(value) if value.isdigit() else None)
            if number is None:
                continue
            value = str(number)
        found.append((rule.name, " ".join(value.split()), start, end))
    return found


def outside(found: list[Stated], skip: Sequence[tuple[int, int]]) -> list[Stated]:
    """``found`` without the identifiers whose value or cue lies in a ``skip`` span (quoted or
    pasted material: "My e-mail: jo@example.com" has its cue before the material, and is
    the person's own; "Translate: my e-mail is ..." has it inside)."""
    return [f for f in found if not any(a <= f.cue < b or a <= f.start < b for a, b in skip)]


def may_hold(text: str) -> bool:
    """Whether ``text`` can hold an identifier at all (a digit or an "@")."""
    return _MAY_HOLD.search(text) is not None


def label(kind: str, value: str) -> str:
    """``<type>:<digest>``: the normalised value hashed, never stored as it is."""
    digest = hashlib.blake2b(
        f"{kind}\x1f{value}".encode(), digest_size=8, person=b"persona6.ids"
    ).hexdigest()
    return f"{kind}:{digest}"


def split(labels: Mapping[str, int]) -> dict[str, dict[str, int]]:
    """``{type: {value label: sessions}}`` of a unit's or profile's identifier labels."""
    by_type: dict[str, dict[str, int]] = {}
    for name, count in labels.items():
        kind, colon, _ = name.partition(":")
        if colon and count > 0:
            by_type.setdefault(kind, {})[name] = count
    return by_type


@dataclass(frozen=True, slots=True)
class Finding:
    """What one type of identifier says of one candidate."""

    kind: str
    llr: float
    #: The query's value that matched (a match), or the query's values (another value).
    here: tuple[str, ...]
    #: The candidate's values of the type, most sessions first, with their sessions.
    theirs: tuple[tuple[str, int], ...]
    sessions: int  # sessions in which the candidate stated a value of this type
    p_new: float  # chance the candidate states a value not seen before
    other_rate: float  # chance someone else states the matched value
    holders: int  # other known persons who stated the matched value
    match: bool


def llr(
    query: Mapping[str, int],
    person: Mapping[str, int],
    holders: Mapping[str, int],
    known: int,
) -> tuple[float, list[Finding]]:
    """(LLR of "the actor is this person" from their stated identifiers, one finding per type
    both stated). ``query`` and ``person`` are identifier labels with their sessions;
    ``holders`` how many known persons stated each value (this one included), of ``known``."""
    found_rules = rules()
    mine = split(query)
    theirs_all = split(person)
    total = 0.0
    findings: list[Finding] = []
    for kind, values in sorted(mine.items()):
        theirs = theirs_all.get(kind)
        spec = found_rules.types.get(kind)
        if not theirs or spec is None:
            continue
        sessions = max(int(person.get(kind, 0)), 1)
        distinct = len(theirs)
        p_new = min(distinct / (sessions + 1), 1.0)
        ordered = tuple(sorted(theirs.items(), key=lambda x: (-x[1], x[0])))
        said = sum(theirs.values())
        others = max(known - 1, 1)
        best: Finding | None = None
        if not spec.counts_match and set(values) & set(theirs):
            continue  # the same fact: counted by the claims block already
        for value in sorted(set(values) & set(theirs)):
            shared = max(0, int(holders.get(value, 1)) - 1)
            rate = max(spec.shared_rate, shared / others)
            mine_p = (1.0 - p_new) * theirs[value] / said
            value_llr = max(0.0, math.log(max(mine_p, 1e-12) / rate))
            if best is None or value_llr > best.llr:
                best = Finding(
                    kind, value_llr, (value,), ordered, sessions, p_new, rate, shared, True
                )
        if best is None:
            value_llr = math.log(max(p_new, 1e-12) / (1.0 - spec.shared_rate))
            best = Finding(
                kind,
                value_llr,
                tuple(sorted(values)),
                ordered,
                sessions,
                p_new,
                spec.shared_rate,
                0,
                False,
            )
        total += best.llr
        findings.append(best)
    return total, findings
