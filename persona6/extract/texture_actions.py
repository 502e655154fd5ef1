"""The action profile of persona6.texture.v1: how a person types commands (see ``texture``).

``ACTION_LAYOUT``: ``head:<bucket>`` (128, command heads hashed, share of actions), ``sub:<bucket>``
(64, head + first argument or flag hashed), flag style per token (short ``-x``, combined ``-la``,
long ``--x``, long with value ``--x=1``), log1p of mean tokens and characters per action, the
share of actions using each shell idiom of ``data/texture.yaml`` (pipe, chain, redirect, ...),
the share of uppercase letters and digits per character.

People retype the same commands, so the counts of one command line are memoised; a profile
sums them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

import numpy as np
from numpy.typing import NDArray

from persona6.extract.common import command_head
from persona6.extract.ngrams import crc_bucket
from persona6.extract.text import load_lexicon

HEAD_BUCKETS = 128
SUB_BUCKETS = 64

_SHORT_FLAG = re.compile(r"^-[A-Za-z0-9]$")
_COMBINED_FLAGS = re.compile(r"^-[A-Za-z]{2,}$")
_LONG_FLAG = re.compile(r"^--[\w-]+$")
_LONG_WITH_VALUE = re.compile(r"^--[\w-]+=")


@cache
def _markers() -> dict[str, re.Pattern[str]]:
    data = load_lexicon("texture")["action_markers"]
    return {f"mark:{name}": re.compile(pattern) for name, pattern in data.items()}


def _action_marks() -> tuple[str, ...]:
    return tuple(_markers())


ACTION_LAYOUT: tuple[str, ...] = (
    tuple(f"head:{b}" for b in range(HEAD_BUCKETS))
    + tuple(f"sub:{b}" for b in range(SUB_BUCKETS))
    + ("flag:short_per_token", "flag:combined_short_per_token", "flag:long_per_token")
    + ("flag:long_with_value_per_token", "len:log_mean_tokens", "len:log_mean_chars")
    + _action_marks()
    + ("case:upper_letter_share", "rate:digit_per_char")
)


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


@cache
def _count_keys() -> tuple[str, ...]:
    """What ``_counted``'s values count, in order."""
    fixed = ("actions", "tokens", "chars", "short", "combined", "long", "long_value")
    return (*fixed, *_markers(), "letters", "upper", "digits")


@lru_cache(maxsize=8192)
def _counted(text: str) -> tuple[tuple[int, ...], int | None, int | None]:
    """The counts of one command line (laid out as ``_count_keys``), its head bucket and sub
    bucket (None: no head)."""
    parts = text.split()
    head = command_head(text)
    rest = parts[parts.index(head) + 1 :] if head in parts else parts[1:]
    sub = rest[0].lower() if rest and (rest[0].isalpha() or rest[0].startswith("-")) else ""
    flags = [p for p in parts if p.startswith("-")]  # every flag pattern starts with "-"
    counts = (
        1,
        len(parts),
        len(text),
        sum(bool(_SHORT_FLAG.match(p)) for p in flags),
        sum(bool(_COMBINED_FLAGS.match(p)) for p in flags),
        sum(bool(_LONG_FLAG.match(p)) for p in flags),
        sum(bool(_LONG_WITH_VALUE.match(p)) for p in flags),
        *(int(pattern.search(text) is not None) for pattern in _markers().values()),
        sum(map(str.isalpha, text)),
        sum(map(str.isupper, text)),
        sum(map(str.isdigit, text)),
    )
    if not head:
        return counts, None, None
    return counts, crc_bucket(head, HEAD_BUCKETS), crc_bucket(f"{head} {sub}", SUB_BUCKETS)


@dataclass(frozen=True, slots=True)
class ActionCounts:
    """Raw counts behind an action profile; ``a + b`` pools two samples exactly."""

    counts: Counter[str] = field(default_factory=Counter)
    heads: Counter[int] = field(default_factory=Counter)
    subs: Counter[int] = field(default_factory=Counter)

    def __add__(self, other: ActionCounts) -> ActionCounts:
        return ActionCounts(
            self.counts + other.counts, self.heads + other.heads, self.subs + other.subs
        )

    @classmethod
    def from_text(cls, text: str) -> ActionCounts:
        counts, head, sub = _counted(text)
        return cls(
            Counter(dict(zip(_count_keys(), counts, strict=True))),
            Counter({head: 1}) if head is not None else Counter(),
            Counter({sub: 1}) if sub is not None else Counter(),
        )

    @classmethod
    def from_texts(cls, texts: Sequence[str]) -> ActionCounts:
        """The same as summing ``from_text`` over the texts (zero counts left out, as ``+``
        leaves them), without building a Counter per text."""
        rows: list[Sequence[int]] = []
        heads: Counter[int] = Counter()
        subs: Counter[int] = Counter()
        # People retype commands: each distinct text is added once, times its repeats.
        for text, times in Counter(texts).items():
            found, head, sub = _counted(text)
            rows.append(found if times == 1 else [value * times for value in found])
            if head is not None and sub is not None:
                heads[head] += times
                subs[sub] += times
        if not rows:
            return cls()
        totals = zip(_count_keys(), map(sum, zip(*rows, strict=True)), strict=True)
        return cls(Counter({k: v for k, v in totals if v > 0}), heads, subs)

    def values(self) -> list[float]:
        """The profile as floats, laid out as ``ACTION_LAYOUT``."""
        c, n, tokens = self.counts, self.counts["actions"], self.counts["tokens"]
        # Most buckets are empty (0.0, as _ratio gives): only the counted ones are divided.
        values = [0.0] * (HEAD_BUCKETS + SUB_BUCKETS)
        if n:
            for b, count in self.heads.items():
                if 0 <= b < HEAD_BUCKETS:
                    values[b] = count / n
            for b, count in self.subs.items():
                if 0 <= b < SUB_BUCKETS:
                    values[HEAD_BUCKETS + b] = count / n
        values += [_ratio(c[k], tokens) for k in ("short", "combined", "long", "long_value")]
        values += [math.log1p(_ratio(tokens, n)), math.log1p(_ratio(c["chars"], n))]
        values += [_ratio(c[mark], n) for mark in _action_marks()]
        values += [_ratio(c["upper"], c["letters"]), _ratio(c["digits"], c["chars"])]
        return values

    def vector(self) -> NDArray[np.float64]:
        """The profile, laid out as ``ACTION_LAYOUT``."""
        return np.array(self.values(), dtype=np.float64)


def action_vector(texts: Sequence[str]) -> NDArray[np.float64]:
    """The action profile of ``texts`` pooled (laid out as ``ACTION_LAYOUT``)."""
    return ActionCounts.from_texts(texts).vector()
