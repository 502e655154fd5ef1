"""persona6.concern.v1: what a person worries about or requires, from a taxonomy.

The taxonomy is ``persona6/data/concerns.yaml``: cost, security, privacy, reliability, speed,
correctness, data loss, compliance, lock-in, ease of use, and more, each with cue words and
phrases matched as whole words (the last word of a cue also in its inflections). A concern
counts once per message and key, citing every sentence that raised it. Concerns are worries or
requirements, so a sentence that asks (a question) or says so ("worried", "make sure", "is it
safe", "how much") weighs more: 1.0, +0.5 for a question, +0.5 for a worry marker.

Only the person's own words count: not assistant, system or tool text, not words in quotation
marks, not reported speech ("my boss said the price is too high"), and not a dismissal ("I
don't care about the price").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from persona6.extract import text as tx
from persona6.extract.base import is_person_message, registered
from persona6.extract.text import Claim, Span
from persona6.types import Signal, SignalKind, StoredEvent

NAME = "persona6.concern.v1"

BASE_WEIGHT = 1.0
QUESTION_BONUS = 0.5
WORRY_BONUS = 0.5

_PARTICLES = frozenset({"up", "down", "in", "out", "off", "on", "over", "away", "back"})


@dataclass(frozen=True, slots=True)
class Concern:
    key: str
    label: str
    cues: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Taxonomy:
    concerns: tuple[Concern, ...]
    worry: re.Pattern[str]
    dismissal: re.Pattern[str]


def cue_pattern(cues: Sequence[str]) -> re.Pattern[str]:
    """Whole-word alternation of the cues, each in its inflections: those of the last word, or of
    the first for a phrasal verb ("back up" -> "backed up")."""
    forms: set[str] = set()
    for cue in cues:
        words = str(cue).lower().split()
        head = 0 if len(words) > 1 and words[-1] in _PARTICLES else len(words) - 1
        for form in tx.inflections(words[head]) | {words[head]}:
            forms.add(" ".join([*words[:head], form, *words[head + 1 :]]))
    return re.compile(tx.word_alternation(forms), re.IGNORECASE)


@cache
def taxonomy() -> Taxonomy:
    data = tx.load_lexicon("concerns")
    concerns = tuple(
        Concern(str(key), str(entry["label"]), cue_pattern(entry["cues"]))
        for key, entry in data["concerns"].items()
    )
    return Taxonomy(
        concerns=concerns,
        worry=re.compile(tx.word_alternation(data["worry_markers"]), re.IGNORECASE),
        dismissal=re.compile(tx.word_alternation(data["dismissals"]), re.IGNORECASE),
    )


@registered
class ConcernExtractor:
    name = NAME

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        for event in session:
            if is_person_message(event):
                claims = concern_claims(event.text or "")
                yield from tx.claim_signals(event, claims, SignalKind.CONCERN, NAME)


def concern_claims(text: str) -> list[Claim]:
    """Every taxonomy concern the speaker of ``text`` raises, one claim per sentence."""
    found: list[Claim] = []
    quotes = tx.quoted_spans(text)
    for sentence in tx.sentences(text):
        segment = text[sentence.start : sentence.end]
        asking = any(tx.is_question(text, clause) for clause in tx.clauses(text, sentence))
        worried = taxonomy().worry.search(segment) is not None
        weight = BASE_WEIGHT + QUESTION_BONUS * asking + WORRY_BONUS * worried
        for concern in taxonomy().concerns:
            cue = _own_cue(text, sentence, concern, quotes)
            if cue is None:
                continue
            value = f"{'worried about' if asking or worried else 'mentions'} {concern.label}"
            found.append(Claim(concern.key, value, 0.0, weight, [sentence]))
    return found


def _own_cue(text: str, sentence: Span, concern: Concern, quotes: list[Span]) -> Span | None:
    """The first cue of ``concern`` in the sentence that is the speaker's own and not waved away."""
    for match in concern.cues.finditer(text, sentence.start, sentence.end):
        if tx.inside(quotes, match.start()) or tx.is_reported(text, sentence, match.start()):
            continue
        if taxonomy().dismissal.search(text, sentence.start, match.start()) is not None:
            continue
        return Span(match.start(), match.end())
    return None
