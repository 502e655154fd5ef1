"""persona6.disclosure.v1: facts a person states about their own life.

Categories: work, family, pets, home, possessions, habits, plans, health, identity, and the finer
education, skills, weaknesses, diet, appearance and (one-off, weak) activities. Rules over the
clause parser in ``text.py`` and the lexicon ``persona6/data/disclosures.yaml``:

- "I <verb> ..." where the verb names the category (work, live, study, eat, hike, ...);
- "I am / I'm <complement>" (allergic to, married, a nurse, vegan, from Ohio, 6 feet tall, ...);
- "I have / own / adopted <object>", by the object's head noun (a dog -> pets, two kids ->
  family, asthma -> health, red hair -> appearance, else possessions for have/own/buy);
- a modal or future marker ("I'll", "next week I") -> plans; "I can" -> skills; a frequency
  marker or adverb ("every morning", "usually") -> habits;
- "my <family member / pet / job / house / car>" anywhere in the speaker's own words, "my dream
  is to ...", "my name is ...", and "as a <identity>, ...".

"We" counts, at 0.7 weight ("we have three dogs" is a household fact). The key is
``category:fact`` with the fact normalised; a negated fact ("I don't have kids") keeps the key
of the positive one and polarity -1, so the two can contradict each other later.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from persona6.extract import text as tx
from persona6.extract.base import is_person_message, registered
from persona6.extract.text import Claim, Predicate, Span
from persona6.types import Signal, SignalKind, StoredEvent

NAME = "persona6.disclosure.v1"

_SUBJECTS = tx.FIRST_PERSON | {"we", "we're", "we've", "we'll", "we'd"}
_BE_ORDER = ("health", "family", "work", "education", "plans", "skills", "weaknesses")
_BE_ORDER += ("appearance", "identity", "home")
_PRONOUNS = {"it", "that", "this", "them", "those", "these", "so"}
_COPULA = r"\b(?:is|are|was|were|makes|made)\b"
_NAME = re.compile(
    r"(?i:\bcall me|\bi'm|\bi am|\bim)\s+(?P<name>[A-Z][a-z]+)(?=\s*(?:[,.!?]|and\b|$))"
)
_PLACE = re.compile(r"(?:in|at|near|outside|outside of)\s+(?:the\s+)?[A-Z]")
_OWNED = re.compile(r"an?|the|my|our|some|new|\d+|one|two|three|four|five")


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, str]  # base phrase -> category
    object_verbs: dict[str, bool]  # verb -> whether an unknown object is a possession
    lemmas: dict[str, str]
    be: tuple[tuple[str, re.Pattern[str]], ...]
    nouns: tuple[tuple[str, re.Pattern[str]], ...]
    noun_category: dict[str, str]
    my_noun: re.Pattern[str]
    my_is: tuple[tuple[str, str, re.Pattern[str]], ...]  # category, says, "my <noun> is"
    have_skip: frozenset[str]
    frequency: re.Pattern[str]
    future: re.Pattern[str]
    fact_stops: str
    plan_leads: frozenset[str]
    plan_verbs: frozenset[str]
    habit_leads: frozenset[str]
    skill_leads: frozenset[str]
    skill_skip: frozenset[str]
    implied_skip: frozenset[str]
    not_names: frozenset[str]
    occupations: frozenset[str]
    be_a_skip: frozenset[str]


def _alternation(patterns: list[str]) -> str:
    return r"(?<![\w'-])(?:" + "|".join(patterns) + r")(?![\w'-])"


@cache
def lexicon() -> Lexicon:
    data = tx.load_lexicon("disclosures")
    verbs = {str(p): category for category, phrases in data["verbs"].items() for p in phrases}
    all_nouns = [word for words in data["nouns"].values() for word in words]
    not_filler = r"(?!(?:and|or|is|are|was|were|has|have|had|name)\b)"
    return Lexicon(
        verbs=verbs,
        object_verbs={str(k): bool(v) for k, v in data["object_verbs"].items()},
        lemmas=tx.lemma_table([*verbs, *data["object_verbs"], "want", "hope", "wish", "become"]),
        be=tuple(
            (category, re.compile(r"(?:" + "|".join(data["be"][category]) + r")(?![\w'-])", re.I))
            for category in _BE_ORDER
        ),
        nouns=tuple(
            (category, re.compile(tx.word_alternation(words), re.I))
            for category, words in data["nouns"].items()
        ),
        noun_category={
            str(word).lower(): category
            for category, words in reversed(list(data["nouns"].items()))
            for word in words
        },
        my_noun=re.compile(
            rf"\bmy\s+(?:{not_filler}[a-z0-9]+\s+){{0,2}}?(?P<noun>{tx.word_alternation(all_nouns)})",
            re.I,
        ),
        my_is=tuple(
            (
                category,
                str(entry["says"]),
                re.compile(
                    rf"\bmy\s+(?:[a-z]+\s+)?{tx.word_alternation(entry['nouns'])}\s+"
                    r"(?:is|are|was|would be|'s)\s+(?:to\s+)?",
                    re.I,
                ),
            )
            for category, entry in data["my_is"].items()
        ),
        have_skip=frozenset(data["have_skip"]),
        frequency=re.compile(_alternation(data["frequency_markers"]), re.I),
        future=re.compile(_alternation(data["future_markers"]), re.I),
        fact_stops=_alternation(data["fact_stops"]),
        plan_leads=frozenset(data["plan_leads"]),
        plan_verbs=frozenset(data["plan_verbs"]),
        habit_leads=frozenset(data["habit_leads"]),
        skill_leads=frozenset(data["skill_leads"]),
        skill_skip=frozenset(data["skill_skip_verbs"]),
        implied_skip=frozenset(data["implied_skip"]),
        not_names=frozenset(data["not_names"]),
        occupations=frozenset(data["occupations"]),
        be_a_skip=frozenset(data["be_a_skip"]),
    )


@registered
class DisclosureExtractor:
    name = NAME

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        for event in session:
            if is_person_message(event):
                claims = disclosure_claims(event.text or "")
                yield from tx.claim_signals(event, claims, SignalKind.DISCLOSURE, NAME)


def disclosure_claims(text: str) -> list[Claim]:
    """Every fact the speaker of ``text`` states about their own life."""
    quotes = tx.quoted_spans(text)
    known = frozenset(lexicon().lemmas)
    found: list[Claim] = []
    for sentence in tx.sentences(text):
        for clause in tx.clauses(text, sentence):
            found.extend(_my_mentions(text, clause, quotes))  # "can you walk my dog?" too
            if tx.is_question(text, clause) or tx.inside(quotes, clause.start):
                continue
            found.extend(_as_a(text, clause))
            found.extend(_my_is(text, clause))
            for pred in tx.predicates(text, clause, known, _SUBJECTS, implied=True):
                start = pred.subject.start
                if (
                    tx.inside(quotes, start)
                    or tx.is_hypothetical(text, clause, start, pred.lead)
                    or tx.is_reported(text, sentence, start)
                ):
                    continue
                claim = _from_predicate(text, sentence, pred)
                if claim is not None and pred.subject.word.startswith("we"):
                    claim.weight *= 0.7  # "we have three dogs": a household or team fact
                    claim.value = f"(with others) {claim.value}"
                if claim is not None:
                    found.append(claim)
    return found


def _from_predicate(text: str, sentence: Span, pred: Predicate) -> Claim | None:
    lex = lexicon()
    lead, verb = set(pred.lead), pred.verb.word
    lemma = lex.lemmas.get(verb, verb)
    clause_text = text[pred.clause.start : pred.clause.end]
    if (
        pred.implied
        and verb in ("going", "gonna", "planning", "hoping")
        and pred.rest.end > pred.rest.start
    ):
        rest = tx.phrase_span(text, pred.rest.start, pred.rest.end, max_words=10)
        return _claim(text, pred, "plans", pred.verb.start, rest, 1.0, f"is {verb}")
    if pred.implied and verb in lex.implied_skip:
        return None  # "speaking of ..." is an idiom
    if pred.implied and not (
        pred.lead
        or tx.is_past(verb)
        or verb.endswith("ing")
        or lemma == "have"
        or tx.follows_speaker(text, sentence, pred.clause)
    ):
        return None  # "moved to Denver", "just got a puppy" say "I"; "eat more" does not
    if pred.is_be or lemma == "become":
        return _from_be(text, pred)
    rest = tx.phrase_span(text, pred.rest.start, pred.rest.end, max_words=10)
    if lemma == "get":  # "I just got engaged" is a state, "I got a puppy" a possession
        segment = text[pred.rest.start : pred.rest.end]
        for category, pattern in lex.be:
            if category in ("health", "family", "work") and pattern.match(segment):
                return _claim(text, pred, category, pred.rest.start, rest, 1.0, verb)
    words = tx.tokens(text, *rest) if rest else []
    if lemma in lex.object_verbs and (
        lemma != "get" or (words and _OWNED.fullmatch(words[0].word))
    ):
        return _from_have(text, pred, rest, lex.object_verbs[lemma])
    if (words and words[0].word in _PRONOUNS) or (lemma == "do" and not words):
        return None  # "I do it every day", "I do.": the fact is elsewhere
    category, weight = None, 1.0
    phrase = next(
        (p for p in sorted(lex.verbs, key=len, reverse=True) if _starts(p, lemma, words)), None
    )
    regular = lex.frequency.search(clause_text) or lead & lex.habit_leads
    if lead & lex.plan_leads or lex.future.search(clause_text):
        category = "plans"
    elif (
        lead & lex.skill_leads
        and lemma not in lex.skill_skip
        and not pred.subject.word.startswith("we")
    ):
        category = "skills"
    elif phrase is not None:
        category = lex.verbs[phrase]
        after = words[len(phrase.split()) - 1 : len(phrase.split())]
        wish = lemma in ("want", "hope", "wish", "dream", "aspire")
        if category == "plans" and wish and (not after or after[0].word not in lex.plan_verbs):
            return None  # "I want to know ..." asks, it does not plan
        if category == "habits" and not regular:
            past = tx.is_past(verb) and "used to" not in lead
            category, weight = ("activities", 0.3) if past else ("habits", 0.6)
    elif regular and lemma not in lex.skill_skip:
        category = "habits"
    if category is None:
        return None
    return _claim(text, pred, category, pred.verb.start, rest, weight, _verb_words(pred, lemma))


def _starts(phrase: str, lemma: str, words: tuple[tx.Token, ...]) -> bool:
    head, *particles = phrase.split()
    return head == lemma and [t.word for t in words[: len(particles)]] == particles


def _verb_words(pred: Predicate, lemma: str) -> str:
    """The verb group as a third person would say it: "works", "does not eat", "will move"."""
    negation = " not" if pred.negated else ""
    modals = ("will", "would", "can", "could", "should", "might")
    modal = next((w for w in pred.lead if w in modals), "")
    if "used to" in pred.lead:
        return f"used to{negation} {lemma}"
    if modal:
        return f"{modal}{negation} {lemma}"
    if pred.verb.word.endswith("ing") and pred.implied:
        return f"is {pred.verb.word}"
    if pred.negated:
        past = {"did", "didn't", "didnt"} & set(pred.lead)
        return f"{'did' if past else 'does'} not {lemma}"
    return tx.third_person(pred.verb.word)


def _fact_key(text: str, start: int, end: int) -> str:
    """The fact as a key: normalised, trailing times cut ("bought a house last year")."""
    span = tx.phrase_span(text, start, end, lexicon().fact_stops, max_words=8)
    return tx.normalise_phrase(text[span.start : span.end]) if span else ""


def _claim(
    text: str,
    pred: Predicate,
    category: str,
    fact_start: int,
    rest: Span | None,
    weight: float,
    says: str,
) -> Claim | None:
    end = rest.end if rest else pred.verb.end
    fact = _fact_key(text, fact_start, end) if end > fact_start else ""
    if not fact:
        return None
    value = f"{says} {tx.plain(text[rest.start : rest.end]) if rest else ''}".strip()
    return Claim(
        f"{category}:{fact}"[:100], value, -1.0 if pred.negated else 1.0, weight, [pred.clause]
    )


def _from_be(text: str, pred: Predicate) -> Claim | None:
    lex = lexicon()
    segment = text[pred.rest.start : pred.rest.end]
    rest = tx.phrase_span(text, pred.rest.start, pred.rest.end, max_words=10)
    past = pred.verb.word in ("was", "been", "became")
    says = ("was" if past else "is") + (" not" if pred.negated else "")
    if pred.verb.word.startswith("bec"):  # "I became a vegan"
        says = tx.third_person(pred.verb.word)
    if set(pred.lead) & lex.plan_leads:
        return _claim(text, pred, "plans", pred.rest.start, rest, 1.0, f"will be{says[2:]}")
    for category, pattern in lex.be:
        if pattern.match(segment):
            return _claim(text, pred, category, pred.rest.start, rest, 1.0, says)
    if _PLACE.match(segment):  # "I'm in Denver": where they are, likely where they live
        return _claim(text, pred, "home", pred.rest.start, rest, 0.6, says)
    first = tx.tokens(text, *pred.rest)[:1]
    if first and first[0].word.endswith("ing") and rest is not None:
        lemma = lex.lemmas.get(first[0].word, "")  # "I'm fishing", not "I'm doing fine"
        category = lex.verbs.get(lemma)
        if category is not None and category != "plans" and lemma not in ("do", "go"):
            return _claim(text, pred, category, pred.rest.start, rest, 0.5, says)
    article = re.match(r"(?:an?|the)\s+", segment, re.I)
    if article is None or rest is None:
        return None
    words = [t.word for t in tx.tokens(text, pred.rest.start + article.end(), rest.end)][:4]
    if not words or words[0] in lex.be_a_skip or " ".join(words[:2]) in lex.be_a_skip:
        return None
    job = any(w in lex.occupations for w in words)  # "a nurse" is work, "a night owl" identity
    return _claim(
        text, pred, "work" if job else "identity", pred.rest.start, rest, 1.0 if job else 0.6, says
    )


def _from_have(text: str, pred: Predicate, rest: Span | None, fallback: bool) -> Claim | None:
    """ "I have two kids", "I adopted a cat": the category comes from the object's head noun."""
    lex = lexicon()
    if rest is None:  # "the new house I bought": the object comes before, in a relative clause
        before = re.search(
            r"\b(?:the|a|an|this|that|my|our)\s+(?P<np>(?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:that\s+|which\s+)?$",
            text[pred.clause.start : pred.subject.start],
            re.I,
        )
        if before is not None:
            rest = Span(
                pred.clause.start + before.start("np"), pred.clause.start + before.end("np")
            )
    words = tx.tokens(text, *rest) if rest else []
    negated = pred.negated
    if words and words[0].word in ("no", "zero"):
        negated, words = True, words[1:]
    while words and words[0].word in ("got", "is", "are", "was"):  # "all I have is a dog"
        words = words[1:]
    if rest is None or not words:
        return None
    head = text[words[0].start : words[min(len(words), 5) - 1].end]
    category = next(
        (
            name
            for name, pattern in lex.nouns
            if name not in ("work", "home") and pattern.search(head)
        ),
        None,
    )
    content = tx.normalise_phrase(text[words[0].start : rest.end])
    if category is None:
        lead_words = content.split()
        if pred.implied or not fallback or not lead_words:
            return None  # "keep my promises"; "have a nice day" is said to someone
        if lead_words[0] in lex.have_skip or " ".join(lead_words[:2]) in lex.have_skip:
            return None
        category = "possessions"
    says = "does not have" if negated else tx.third_person(pred.verb.word)
    key = f"{category}:{_fact_key(text, words[0].start, rest.end) or content}"[:100]
    value = f"{says} {tx.plain(text[words[0].start : rest.end])}"
    return Claim(key, value, -1.0 if negated else 1.0, 1.0, [pred.clause])


def _my_mentions(text: str, clause: Span, quotes: list[Span]) -> list[Claim]:
    """ "my wife is a doctor", "I walk my dog": the speaker has that family member, pet, job."""
    lex = lexicon()
    claims: list[Claim] = []
    opening = tx.opening_words(text, clause, 1)
    for match in lex.my_noun.finditer(text, clause.start, clause.end):
        noun = " ".join(match.group("noun").lower().split())
        category = lex.noun_category.get(noun)
        if category is None or tx.inside(quotes, match.start()):
            continue
        at_start = bool(opening) and opening[0].start == match.start()
        rest = tx.phrase_span(text, match.end(), clause.end, max_words=8) if at_start else None
        if rest is not None:  # "my wife is a doctor": the fact about them is the clause
            fact = tx.normalise_phrase(text[match.start("noun") : rest.end])
            value = f"their {fact}"
        else:
            fact, value = noun, f"has {tx.plain(text[match.start() + 3 : match.end()])}"
        weight = 1.0 if category in ("family", "pets") else 0.6
        claims.append(Claim(f"{category}:{fact}"[:100], value, 1.0, weight, [clause]))
    return claims


def _my_is(text: str, clause: Span) -> list[Claim]:
    """ "my dream is to open a bakery", "my name is Ada", "call me Ada", "I'm Ada"."""
    claims = []
    for match in _NAME.finditer(text, clause.start, clause.end):
        name = match.group("name").lower()
        if name in lexicon().not_names:
            continue
        claims.append(Claim(f"identity:{name}", f"is named {name}", 1.0, 1.0, [clause]))
    for category, says, pattern in lexicon().my_is:
        match = pattern.search(text, clause.start, clause.end)
        span = tx.phrase_span(text, match.end(), clause.end) if match else None
        if span is not None:
            fact = tx.normalise_phrase(text[span.start : span.end])
            claims.append(Claim(f"{category}:{fact}", f"{says} {fact}", 1.0, 1.0, [clause]))
    return claims


def _as_a(text: str, clause: Span) -> list[Claim]:
    """ "As a transgender woman, ...", "being a vegetarian is hard": who the speaker is."""
    opening = tx.opening_words(text, clause, 1)
    segment = text[opening[0].start : clause.end] if opening else ""
    match = re.match(r"(?:as|being)\s+an?\s+", segment, re.I)
    span = (
        tx.phrase_span(text, opening[0].start + match.end(), clause.end, _COPULA, 5)
        if match
        else None
    )
    if span is None:
        return []
    fact = tx.normalise_phrase(text[span.start : span.end])
    return [Claim(f"identity:{fact}", f"is {fact}", 1.0, 1.0, [clause])]
