"""persona6.concern.v7: what a person worries about or requires, from a taxonomy.

The taxonomy is ``persona6/data/concerns.yaml``: cost, security, privacy, reliability, speed,
correctness, data loss, compliance, lock-in, ease of use, and more, each with cue words and
phrases matched as whole words (the last word of a cue also in its inflections). A concern
counts once per message and key, citing every sentence that raised it. Concerns are worries or
requirements, so a sentence that asks (a question) or says so ("worried", "make sure", "is it
safe", "how much") or judges it bad ("rename without a deprecation warning is bad", "the new
pricing is unacceptable": ``judgements``, a complaint) weighs more: 1.0, +0.5 for a question,
+0.5 for a worry marker or a judgement. An
obligation of the speaker's ("I must send the invoices") is a duty, no worry marker; a cue that
also names a task's object (a concern's ``framed_cues``: "invoice", "billing") counts only
with a worry marker or a complaint ("the invoice is too high", "renaming it without warning is
bad"), not in any question ("where do I find my invoices?").

Speed: most messages raise no concern, and a failed search of a long alternation still walks
the whole text. A match of a cue makes each word of the cue a whole word of the text (a maximal
run of word characters, apostrophes and hyphens, folded as ``re.IGNORECASE`` folds them), so a
concern is searched only in messages holding one such word (``Concern.words``): the others
cannot match. The rest of a sentence's reading (is it a question, a worry) is done only for a
sentence that raised a concern.

Only the person's own words count: not assistant, system or tool text, not words in quotation
marks, not reported speech ("my boss said the price is too high"), not a dismissal ("I
don't care about the price"), and not the speaker's job ("I work as a site reliability
engineer": a cue inside a fact of the disclosure extractor's work category).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from persona6.extract import disclosure
from persona6.extract import text as tx
from persona6.extract.base import is_person_message, registered
from persona6.extract.prep import fold
from persona6.extract.text import Claim, Span
from persona6.types import Signal, SignalKind, StoredEvent

NAME = "persona6.concern.v7"

BASE_WEIGHT = 1.0
QUESTION_BONUS = 0.5
WORRY_BONUS = 0.5

_PARTICLES = frozenset({"up", "down", "in", "out", "off", "on", "over", "away", "back"})


@dataclass(frozen=True, slots=True)
class Concern:
    key: str
    label: str
    cues: re.Pattern[str]
    #: One word of each cue form (its longest), or None when some cue word is not one whole
    #: word (then every message is searched); see the module docstring.
    words: frozenset[str] | None = None
    #: Cues that count only in a frame of worry or complaint (``framed_cues``).
    framed: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Taxonomy:
    concerns: tuple[Concern, ...]
    worry: re.Pattern[str]
    dismissal: re.Pattern[str]
    duties: frozenset[str]
    complaint: re.Pattern[str]
    judgement: re.Pattern[str]


#: A whole word as ``word_alternation`` bounds it: a maximal run of these characters.
_RUN = re.compile(r"[\w'’-]+")


def cue_forms(cues: Sequence[str]) -> set[str]:
    """The cues, each in its inflections: those of the last word, or of the first for a phrasal
    verb ("back up" -> "backed up")."""
    forms: set[str] = set()
    for cue in cues:
        words = str(cue).lower().split()
        head = 0 if len(words) > 1 and words[-1] in _PARTICLES else len(words) - 1
        for form in tx.inflections(words[head]) | {words[head]}:
            forms.add(" ".join([*words[:head], form, *words[head + 1 :]]))
    return forms


def cue_pattern(cues: Sequence[str]) -> re.Pattern[str]:
    """Whole-word alternation of ``cue_forms``."""
    return re.compile(tx.word_alternation(cue_forms(cues)), re.IGNORECASE)


def cue_words(forms: Sequence[str] | set[str]) -> frozenset[str] | None:
    """The longest word of each form, or None when a word of some form is not a whole word of
    ASCII characters (a run of ``_RUN`` that folds to itself)."""
    found: set[str] = set()
    for form in forms:
        words = str(form).strip().lower().split()
        if not words:
            continue
        if not all(w.isascii() and _RUN.fullmatch(w) and fold(w) == w for w in words):
            return None
        found.add(max(words, key=len))
    return frozenset(found)


def text_words(text: str) -> frozenset[str]:
    """The whole words of ``text``, folded (see the module docstring)."""
    return frozenset(map(fold, _RUN.findall(text)))


@cache
def taxonomy() -> Taxonomy:
    data = tx.load_lexicon("concerns")
    concerns = []
    for key, entry in data["concerns"].items():
        framed = cue_forms(entry.get("framed_cues", []))
        forms = cue_forms(entry["cues"]) | framed
        pattern = re.compile(tx.word_alternation(forms), re.IGNORECASE)
        concerns.append(
            Concern(str(key), str(entry["label"]), pattern, cue_words(forms), frozenset(framed))
        )
    return Taxonomy(
        concerns=tuple(concerns),
        worry=re.compile(tx.word_alternation(data["worry_markers"]), re.IGNORECASE),
        dismissal=re.compile(tx.word_alternation(data["dismissals"]), re.IGNORECASE),
        duties=frozenset(data["duties"]),
        complaint=re.compile(tx.word_alternation(data["complaint_markers"]), re.IGNORECASE),
        judgement=re.compile(
            r"(?:\b(?:is|are|was|were|seems?|feels?|looks?)|['’]s)\s+"
            + tx.adverb_run(by_form=False)
            + tx.word_alternation(data["judgements"])
            + r"|\bsucks?\b|\bsucked\b",
            re.IGNORECASE,
        ),
    )


@registered
class ConcernExtractor:
    name = NAME

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        for event in session:
            if is_person_message(event):
                claims = _remembered(event.text or "")
                yield from tx.claim_signals(event, claims, SignalKind.CONCERN, NAME)


def concern_claims(text: str) -> list[Claim]:
    """Every taxonomy concern the speaker of ``text`` raises, one claim per sentence."""
    found: list[Claim] = []
    candidates = _candidates(text)
    if not candidates:
        return found
    quotes = tx.quoted_spans(text)
    for sentence in tx.sentences(text):
        cues = {c: _own_cue(text, sentence, c, quotes) for c in candidates}
        raised = [c for c, cue in cues.items() if cue is not None]
        if not raised:
            continue
        segment = text[sentence.start : sentence.end]
        asking = any(tx.is_question(text, clause) for clause in tx.clauses(text, sentence))
        worried = _worried(text, sentence)
        # "rename without a deprecation warning is bad": judged bad, a complaint
        judged = not asking and taxonomy().judgement.search(segment) is not None
        if not (worried or judged or taxonomy().complaint.search(segment)):
            # "I must send the invoices every month": a task's object, no worry about cost
            raised = [c for c in raised if not _framed_only(text, sentence, c, quotes)]
        weight = BASE_WEIGHT + QUESTION_BONUS * asking + WORRY_BONUS * (worried or judged)
        says = "worried about" if asking or worried else "complains about" if judged else "mentions"
        for concern in raised:
            found.append(Claim(concern.key, f"{says} {concern.label}", 0.0, weight, [sentence]))
    return found


_remembered = tx.remembered(concern_claims)


def _worried(text: str, sentence: Span) -> bool:
    """A worry marker in the sentence that is no duty of the speaker's ("I must send ...",
    "we have to file it"; ``duties``)."""
    for match in taxonomy().worry.finditer(text, sentence.start, sentence.end):
        if " ".join(match.group().lower().split()) not in taxonomy().duties:
            return True
        before = tx.tokens(text, sentence.start, match.start())[-2:]
        words = [t.word for t in before]
        if not words or not (words[-1] in _SPEAKERS or words[-2:][0] in _SPEAKERS):
            return True  # "it must be encrypted": a requirement of a thing
    return False


_SPEAKERS = frozenset({"i", "we", "i'll", "we'll", "i'd", "we'd", "i've", "we've"})


def _framed_only(text: str, sentence: Span, concern: Concern, quotes: list[Span]) -> bool:
    """Whether every own cue of ``concern`` in the sentence is one of its ``framed_cues``."""
    if not concern.framed:
        return False
    for match in concern.cues.finditer(text, sentence.start, sentence.end):
        if tx.inside(quotes, match.start()) or tx.is_reported(text, sentence, match.start()):
            continue
        if " ".join(match.group().lower().split()) not in concern.framed:
            return False
    return True


def _candidates(text: str) -> list[Concern]:
    """The concerns whose cues may match ``text`` (a superset of those that do), in order."""
    words = text_words(text)
    return [c for c in taxonomy().concerns if c.words is None or not c.words.isdisjoint(words)]


def _own_cue(text: str, sentence: Span, concern: Concern, quotes: list[Span]) -> Span | None:
    """The first cue of ``concern`` in the sentence that is the speaker's own and not waved away."""
    for match in concern.cues.finditer(text, sentence.start, sentence.end):
        if tx.inside(quotes, match.start()) or tx.is_reported(text, sentence, match.start()):
            continue
        if taxonomy().dismissal.search(text, sentence.start, match.start()) is not None:
            continue
        if _names_job(text, sentence, match.group()):
            continue
        return Span(match.start(), match.end())
    return None


def _names_job(text: str, sentence: Span, cue: str) -> bool:
    """The cue is part of the speaker's job ("I work as a site reliability engineer", "I'm a
    compliance officer"): a fact of the disclosure extractor's work category holds it. A job
    title is who someone is, not what they worry about."""
    pattern = re.compile(rf"(?<![\w'-]){re.escape(cue.lower())}(?![\w'-])")
    for claim in disclosure.disclosure_facts(text):
        category, _, fact = claim.key.partition(":")
        inside = any(s.start < sentence.end and sentence.start < s.end for s in claim.spans)
        # "I work as an engineer and uptime matters": the job ends at the coordinator.
        job = re.split(r"\s+(?:and|but|or|so)\s+", fact, maxsplit=1)[0]
        if category == "work" and inside and pattern.search(job):
            return True
    return False
