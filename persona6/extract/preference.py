"""persona6.preference.v1: what a person says they like, dislike, want or ask for.

Rules over the clause parser in ``text.py`` and the lexicon ``persona6/data/preferences.yaml``:

- "I <cue verb> X" ("I really don't like X", "I tend to avoid X", "I'd rather X than Y"), "I am
  <cue phrase> X" ("I'm not a fan of X", "I'm into X"), and the same with the subject dropped as
  in chat ("can't stand X", "and enjoy X" after "I love Y");
- habits as weaker preferences ("I usually take the train", "I never drive");
- frames from the lexicon: imperatives to the assistant ("please don't use emojis"), "X is my
  go-to", "my favourite X is Y", "mine is Y" after a question about favourites, evaluations
  ("X is the best", "I think X is overrated", half weight), "big fan of X".

A clause speaks for the person only when it states rather than asks, and is not hypothetical,
reported ("she said she prefers tea") or inside quotation marks; a subject other than "I" ("my
boss hates meetings") says nothing about the speaker. Negation flips the polarity; a negated
dislike is a mild like. The key is the object phrase, normalised; a bare pronoun ("I love it")
takes the topic of the clause or sentence before it in the same message, or is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from persona6.extract.base import is_person_message, registered
from persona6.extract.text import (
    FIRST_PERSON,
    Claim,
    Predicate,
    Span,
    Token,
    claim_signals,
    clauses,
    english_set,
    follows_speaker,
    inside,
    is_hypothetical,
    is_question,
    is_reported,
    lemma_table,
    load_lexicon,
    normalise_phrase,
    opening_words,
    phrase_span,
    plain,
    predicates,
    quoted_spans,
    sentences,
    third_person,
    tokens,
    word_alternation,
)
from persona6.types import Signal, SignalKind, StoredEvent

NAME = "persona6.preference.v1"

_ANY_SUBJECT = FIRST_PERSON | {"you", "u", "we", "they", "he", "she", "people", "everyone"}
_SUBJECTS = FIRST_PERSON | {"we", "we're", "we've", "we'd"}
_OBLIGATIONS = {"used to", "have to", "need to", "got to"}


@dataclass(frozen=True, slots=True)
class Cue:
    head: str  # the cue's base phrase ("prefer", "rather", "be"), for contrast markers
    says: str  # how the value reads: "likes", "is into", "can't stand"
    polarity: float
    weight: float
    object_start: int
    fixed: bool = False  # negation already part of the cue ("can't stand")


@dataclass(frozen=True, slots=True)
class Frame:
    pattern: re.Pattern[str]
    says: str
    negated: str
    polarity: float
    weight: float
    before: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[float, float]]  # base phrase -> (polarity, weight)
    negated_only: dict[str, tuple[float, str, bool]]  # phrase -> (polarity, says, needs "can")
    lemmas: dict[str, str]
    be_positive: re.Pattern[str]
    be_negative: re.Pattern[str]
    habitual: dict[str, float]
    habit_weight: float
    habit_skip_verbs: frozenset[str]
    habit_skip_objects: frozenset[str]
    pronouns: frozenset[str]
    stops: str
    exceptions: re.Pattern[str]
    contrasts: dict[str, re.Pattern[str]]
    frames: tuple[Frame, ...]
    np_skip: frozenset[str]
    want_skip: frozenset[str]


@cache
def lexicon() -> Lexicon:
    data = load_lexicon("preferences")
    verbs = {p: (1.0, 1.0) for p in data["verbs"]["positive"]}
    verbs |= {p: (-1.0, 1.0) for p in data["verbs"]["negative"]}
    verbs |= {p: (1.0, float(data["want_weight"])) for p in data["verbs"]["wants"]}
    negated_only = {
        e["verb"]: (float(e["polarity"]), str(e["says"]), bool(e["can"]))
        for e in data["negated_only"]
    }
    words = data["frame_words"]
    return Lexicon(
        verbs=verbs,
        negated_only=negated_only,
        lemmas=lemma_table([*verbs, *negated_only]),
        be_positive=re.compile("|".join(data["be_phrases"]["positive"]), re.I),
        be_negative=re.compile("|".join(data["be_phrases"]["negative"]), re.I),
        habitual={str(k): float(v) for k, v in data["habitual_leads"].items()},
        habit_weight=float(data["habit_weight"]),
        habit_skip_verbs=frozenset(data["habit_skip_verbs"]),
        habit_skip_objects=frozenset(data["habit_skip_objects"]),
        pronouns=frozenset(data["pronouns"]),
        stops=word_alternation(data["object_stops"]),
        exceptions=re.compile(word_alternation(data["exceptions"]), re.I),
        contrasts={k: re.compile(word_alternation(v), re.I) for k, v in data["contrasts"].items()},
        frames=tuple(_frame(entry, words) for entry in data["frames"]),
        np_skip=frozenset(words["np_skip"]),
        want_skip=frozenset(data["want_skip"]),
    )


def _frame(entry: dict, words: dict[str, list[str]]) -> Frame:
    pattern = str(entry["pattern"])
    opinion = r"(?:i\s+(?:\w+\s+)?(?:think|find|feel|believe|guess|reckon|say)\s+(?:that\s+)?)?"
    pattern = pattern.replace("{np}", opinion + r"(?P<obj>[\w'’-]+(?:\s+[\w'’-]+){0,4}?)")
    pattern = pattern.replace("{rest}", r"(?P<obj>\S.*)")
    pattern = pattern.replace("{adv}", rf"(?:{word_alternation(english_set('adverbs'))}\s+)*")
    for name, phrases in words.items():
        pattern = pattern.replace("{" + name + "}", word_alternation(phrases))
    before = re.compile(entry["before"]) if entry.get("before") else None
    weight = float(entry.get("weight", 1.0))
    says = str(entry["says"])
    negated = str(entry.get("negated", "not " + says))
    return Frame(re.compile(pattern, re.I), says, negated, float(entry["polarity"]), weight, before)


@registered
class PreferenceExtractor:
    name = NAME

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        for event in session:
            if is_person_message(event):
                claims = preference_claims(event.text or "")
                yield from claim_signals(event, claims, SignalKind.PREFERENCE, NAME)


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    sentence: Span
    parts: list[Span]  # the clauses of the sentence
    index: int  # this clause
    before: Span | None  # the previous sentence in the message

    @property
    def clause(self) -> Span:
        return self.parts[self.index]


def preference_claims(text: str) -> list[Claim]:
    """Every preference the speaker of ``text`` states about themselves."""
    quotes = quoted_spans(text)
    known = frozenset(lexicon().lemmas)
    found: list[Claim] = []
    all_sentences = sentences(text)
    for number, sentence in enumerate(all_sentences):
        parts = clauses(text, sentence)
        previous: list[Claim] = []
        for index, clause in enumerate(parts):
            if is_question(text, clause) or inside(quotes, clause.start):
                previous = []
                continue
            before = all_sentences[number - 1] if number else None
            context = _Context(text, sentence, parts, index, before)
            claims = _frames(context) or _agreement(context)
            for pred in predicates(text, clause, known, _SUBJECTS, implied=True):
                start = pred.subject.start
                if not (
                    inside(quotes, start)
                    or is_hypothetical(text, clause, start, pred.lead)
                    or is_reported(text, sentence, start)
                ):
                    claims.extend(_shared(pred, _from_predicate(context, pred)))
            if not claims and previous:
                claims = _list_item(context, previous[-1])
            found.extend(claims)
            previous = claims
    return found


_AGREEMENT = re.compile(
    r"(?:(?:but|and|well|oh|yeah|then|again|haha|lol)\s+)*(?:(?P<so>so)|(?P<neither>neither|nor))\s+"
    r"(?:do|does|did|am|have|can|would)\s+i\b|(?P<me>me)\s+(?:too|neither|either)\b|same here\b",
    re.I,
)


def _agreement(context: _Context) -> list[Claim]:
    """ "He hates cats. So do I." / "Me too": the speaker takes the preference just stated."""
    text, clause = context.text, context.clause
    match = _AGREEMENT.match(text, clause.start, clause.end)
    if match is None or (context.index == 0 and context.before is None):
        return []
    return _ellipsis(context, negated=False)


def _shared(pred: Predicate, claims: list[Claim]) -> list[Claim]:
    """ "We love hiking" speaks for the speaker too, but less surely than "I love hiking"."""
    if pred.subject.word.startswith("we"):
        for claim in claims:
            claim.weight *= 0.5
            claim.value = f"(with others) {claim.value}"
    return claims


def _list_item(context: _Context, last: Claim) -> list[Claim]:
    """ "I love pizza, pasta and tacos": a verbless clause after a cue continues its list."""
    text, clause = context.text, context.clause
    words = tokens(text, *clause)
    while words and words[0].word in english_set("coordinators") | english_set("adverbs"):
        words = words[1:]
    closed = english_set("subject_words") | english_set("be_forms") | english_set("modals")
    closed |= (
        english_set("negations") | english_set("question_openers") | english_set("subordinators")
    )
    if not words or len(words) > 5 or any(w.word in closed for w in words):
        return []
    says = last.value.rsplit(" ", len(last.key.split()))[0]
    spans = sorted({last.spans[0], clause})
    found = []
    for item in re.split(r"\s+(?:and|or|&)\s+", text[words[0].start : clause.end]):
        start = text.index(item, words[0].start)
        span = phrase_span(text, start, start + len(item), lexicon().stops)
        found.extend(_claim(text, span, last.polarity, says, last.weight, spans))
    return found


def _from_predicate(context: _Context, pred: Predicate) -> list[Claim]:
    text, lex = context.text, lexicon()
    if _OBLIGATIONS & set(pred.lead) or (pred.implied and not _implied_ok(context, pred)):
        return []
    cue = match_cue(text, pred)
    if cue is None:
        if pred.verb.word in ("do", "does", "did") and not phrase_span(text, *pred.rest):
            return _ellipsis(context, pred.negated)  # "you like to party? I sure do!"
        return [] if pred.implied else _habit(context, pred)
    polarity, says = cue.polarity, cue.says
    if pred.negated and not cue.fixed:
        polarity = -polarity if polarity > 0 else 0.5
        says = "is not " + says[3:] if says.startswith("is ") else "does not " + cue.head
    elif "would" in pred.lead and cue.head in ("like", "love", "prefer", "hate"):
        says = "would " + cue.head
    return _object_claims(context, cue, polarity, says, pred, lex)


def _implied_ok(context: _Context, pred: Predicate) -> bool:
    """A subjectless verb group speaks for the speaker when it is hedged or negated ("really
    love", "can't stand"), a strong cue ("love it"), or follows "I ..." after "and"/"but"."""
    text = context.text
    following = tokens(text, pred.rest.start, pred.rest.end)[:1]
    if following and following[0].word in english_set("question_openers"):
        return False  # "love is ..." names a thing
    if pred.lead or pred.verb.word.endswith("ing"):
        return True  # "really love it", "dreading the holidays" (I'm dropped)
    if lexicon().lemmas.get(pred.verb.word) in ("love", "hate", "adore", "prefer"):
        return True
    return follows_speaker(text, context.sentence, context.clause)


def match_cue(text: str, pred: Predicate) -> Cue | None:
    """The preference cue of a predicate, if its verb (or "be" + phrase) is one."""
    lex = lexicon()
    following = tokens(text, pred.rest.start, pred.rest.end)
    if pred.is_be or pred.verb.word in ("get", "got", "getting", "become", "became", "grew"):
        segment = text[pred.rest.start : pred.rest.end]
        for polarity, pattern in ((1.0, lex.be_positive), (-1.0, lex.be_negative)):
            if match := pattern.match(segment):
                says = "is " + plain(match.group())
                return Cue("be", says, polarity, 1.0, pred.rest.start + match.end())
        if following and following[0].word.endswith("ing") and pred.is_be:  # "I'm loving it"
            return _verb_cue(pred, following[0].word, following[1:])
        if pred.is_be:
            return None
    return _verb_cue(pred, pred.verb.word, following)


def _verb_cue(pred: Predicate, verb: str, following: tuple[Token, ...]) -> Cue | None:
    lex = lexicon()
    head = lex.lemmas.get(verb)
    if head is None:
        return None

    def object_start(phrase: str) -> int | None:
        words = phrase.split()
        if words[0] != head or [t.word for t in following[: len(words) - 1]] != words[1:]:
            return None
        rest = following[len(words) - 1 :]
        return rest[0].start if rest else pred.rest.end

    if pred.negated:
        can = {"can", "could", "cannot", "can't", "cant", "couldn't", "couldnt", "ca"}
        for phrase, (polarity, says, needs_can) in lex.negated_only.items():
            start = object_start(phrase)
            if start is not None and (not needs_can or can & set(pred.lead)):
                return Cue(phrase, says, polarity, 1.0, start, fixed=True)
    for phrase in sorted(lex.verbs, key=len, reverse=True):
        start = object_start(phrase)
        if start is None:
            continue
        if head in ("rather", "sooner"):
            if "would" not in pred.lead:
                return None
            if following and following[0].word == "not":  # "I'd rather not"
                after = following[1].start if len(following) > 1 else pred.rest.end
                return Cue(head, f"would {head} not", -1.0, 1.0, after, fixed=True)
            return Cue(head, f"would {head}", 1.0, 1.0, start, fixed=pred.negated)
        polarity, weight = lex.verbs[phrase]
        if (
            (phrase == "want" or "would" in pred.lead)
            and [t.word for t in following[:2]][:1] == ["to"]
            and (len(following) < 2 or following[1].word in lex.want_skip)
        ):
            return None  # "I want to know ...", "I'd like to check ...": requests
        return Cue(
            phrase, " ".join([third_person(head), *phrase.split()[1:]]), polarity, weight, start
        )
    return None


def _object_claims(
    context: _Context, cue: Cue, polarity: float, says: str, pred: Predicate, lex: Lexicon
) -> list[Claim]:
    text, clause = context.text, context.clause
    start, end = cue.object_start, max(pred.rest.end, cue.object_start)
    prefix = text[clause.start : pred.subject.start]
    cleft = re.match(
        r"(?:(?:most|the most|best|more|the best)\s+)?(?:is|are|was|were)\s+", text[start:end]
    )
    if cleft and re.search(r"\b(?:what|thing|things|one|all|stuff|part)\s+(?:that\s+)?$", prefix):
        start += cleft.end()  # "what I love most is X"
    elif phrase_span(text, start, end) is None:  # the object came first
        before = re.match(r"(?P<np>.+?)\s+(?:is|are|was|were|'s)\s+(?:[\w'-]+\s+){0,4}$", prefix)
        if before is not None:
            span = phrase_span(text, clause.start, clause.start + before.end("np"), max_words=6)
            return _claim(text, span, polarity, says, cue.weight, [clause])
        if re.match(r"(?:\w+\s+)?(?:something|which|what|stuff)\s+(?:that\s+)?$", prefix):
            resolved = _resolve(context, mode="doing")  # "coding, something I enjoy"
            if resolved is not None:
                return _claim(
                    text, resolved[0], polarity, says, cue.weight, sorted({resolved[1], clause})
                )
        return []
    cut, counter, marker = end, None, ""
    markers = [lex.contrasts.get(cue.head), lex.contrasts["any"]]
    for pattern in [*markers, lex.exceptions] if polarity > 0 else markers:
        found = pattern.search(text, start, end) if pattern is not None else None
        if found and start < found.start() < cut:
            before_words = tokens(text, start, found.start())
            if found.group().lower() == "to" and (
                len(before_words) > 3 or any(w.word.endswith("ing") for w in before_words)
            ):
                continue  # "prefer going to the beach" is not "prefer X to Y"
            cut, counter, marker = found.start(), Span(found.end(), end), plain(found.group())
    span, evidence = phrase_span(text, start, cut, lex.stops), [clause]
    if span is not None and _pronoun(text, span):
        resolved = _resolve(context)
        span, evidence = (resolved[0], sorted({resolved[1], clause})) if resolved else (None, [])
    claims = _claim(text, span, polarity, says, cue.weight, evidence)
    other = phrase_span(text, *counter, lex.stops) if counter and claims else None
    key = normalise_phrase(text[other.start : other.end]) if other else ""
    if key and key not in lex.pronouns and key not in ("anything", "ever", "usual", "before"):
        value = f"{claims[-1].value} {marker} {key}"
        for claim in claims:
            claim.value = value
        claims.append(Claim(key[:80], value, -polarity, cue.weight, evidence))
    return claims


def _pronoun(text: str, span: Span) -> bool:
    """A phrase that only points elsewhere: "it", "that one", "those"."""
    phrase = plain(text[span.start : span.end])
    return phrase in lexicon().pronouns or not normalise_phrase(phrase)


def _claim(
    text: str, span: Span | None, polarity: float, says: str, weight: float, spans: list[Span]
) -> list[Claim]:
    if span is None:
        return []
    phrase = normalise_phrase(text[span.start : span.end])
    key = re.sub(r"^to\s+", "", phrase)
    if not key or key in lexicon().pronouns:
        return []
    conjuncts = re.split(r"\s+(?:and|or|&)\s+", key)
    if len(conjuncts) > 1 and all(c.split()[0].endswith("ing") for c in conjuncts):
        return [Claim(c, f"{says} {c}", polarity, weight, spans) for c in conjuncts]
    return [Claim(key[:80], f"{says} {phrase}", polarity, weight, spans)]


def _habit(context: _Context, pred: Predicate) -> list[Claim]:
    """ "I usually take the train" (+), "I never drive" (-): a habit is a weaker preference."""
    lex, text = lexicon(), context.text
    signs = [lex.habitual[word] for word in pred.lead if word in lex.habitual]
    if not signs or pred.is_be or pred.verb.word in lex.habit_skip_verbs:
        return []
    polarity = -1.0 if min(signs) < 0 else 1.0
    if polarity > 0 and pred.negated:
        return []  # "I don't usually ..." says too little
    rest = phrase_span(text, pred.rest.start, pred.rest.end, lex.stops)
    first = tokens(text, *rest)[0].word if rest else ""
    if first in lex.habit_skip_objects:
        return []
    phrase = normalise_phrase(text[pred.verb.start : rest.end if rest else pred.verb.end])
    adverb = "never" if polarity < 0 else next(w for w in pred.lead if w in lex.habitual)
    value = f"{adverb} {third_person(pred.verb.word)}{phrase[len(pred.verb.word) :]}"
    return [Claim(phrase[:80], value, polarity, lex.habit_weight, [context.clause])]


def _frames(context: _Context) -> list[Claim]:
    """The first lexicon frame that matches the clause: "X is my go-to", "please don't X"."""
    lex, text, clause = lexicon(), context.text, context.clause
    opening = opening_words(text, clause, 1)
    if not opening or is_reported(text, context.sentence, opening[0].start + 1):
        return []
    begin = opening[0].start
    segment = text[begin : clause.end]
    for frame in lex.frames:
        if frame.before is not None and (
            context.before is None or not frame.before.search(text[slice(*context.before)])
        ):
            continue
        match = frame.pattern.match(segment)
        if match is None or match.group("obj").split()[0].lower() in lex.np_skip:
            continue
        negated = bool(match.groupdict().get("neg"))
        polarity = -frame.polarity if negated else frame.polarity
        says = frame.negated if negated else frame.says
        if match.groupdict().get("verb"):
            says = f"{says} {plain(match.group('verb'))}"
        span = phrase_span(text, begin + match.start("obj"), begin + match.end("obj"), lex.stops, 6)
        evidence = [clause]
        if span is not None and _pronoun(text, span):
            resolved = _resolve(context)
            span, evidence = (
                (resolved[0], sorted({resolved[1], clause})) if resolved else (None, [])
            )
        return _claim(text, span, polarity, says, frame.weight, evidence)
    return []


def _ellipsis(context: _Context, negated: bool) -> list[Claim]:
    """ "You like to party? I sure do!", "he hates cats, so do I": the verb is elided, so the
    preference is the cue of the clause before, with its polarity."""
    resolved = _resolve(context, mode="cue")
    if resolved is None:
        return []
    span, cited, polarity = resolved
    polarity = -polarity if negated else polarity
    says = "likes" if polarity > 0 else "dislikes"
    return _claim(context.text, span, polarity, says, 1.0, sorted({cited, context.clause}))


def _resolve(context: _Context, mode: str = "topic") -> tuple[Span, Span, float] | None:
    """What a bare "it"/"them" (mode "topic"), "something I enjoy" (mode "doing") or an elided
    verb (mode "cue") points back to, the clause naming it and that clause's polarity. "I love
    it when X" -> X; else the clause before in the sentence, then the clauses of the previous
    sentence, nearest first; a topic falls back to the object of "I ..." in the nearest one."""
    text, parts, index = context.text, context.parts, context.index
    nxt = parts[index + 1] if index + 1 < len(parts) else None
    if (
        nxt is not None
        and mode == "topic"
        and re.match(r"(?:when|whenever|if)\b", text[slice(*nxt)], re.I)
    ):
        words = tokens(text, *nxt)
        span = phrase_span(text, words[1].start, nxt.end) if len(words) > 1 else None
        return (span, nxt, 1.0) if span else None
    candidates = list(reversed(parts[:index]))
    if context.before is not None:
        candidates.extend(reversed(clauses(text, context.before)))
    for candidate in candidates[:3]:
        topic = _topic_of(text, candidate, mode)
        if topic is not None:
            return topic[0], candidate, topic[1]
    if mode != "cue" and candidates:
        for pred in predicates(text, candidates[0], frozenset(lexicon().lemmas), implied=True):
            start = pred.rest.start if pred.is_be or mode == "topic" else pred.verb.start
            span = phrase_span(text, start, pred.rest.end, lexicon().stops)
            if span is not None and not _pronoun(text, span):
                return span, candidates[0], 1.0
    return None


def _topic_of(text: str, clause: Span, mode: str) -> tuple[Span, float] | None:
    lex = lexicon()
    for pred in predicates(text, clause, frozenset(lex.lemmas), _ANY_SUBJECT):
        cue = match_cue(text, pred)
        if cue is not None:
            span = phrase_span(text, cue.object_start, pred.rest.end, lex.stops)
            if span and not _pronoun(text, span):
                return span, -cue.polarity if pred.negated else cue.polarity
    if mode == "cue":  # "my brother hates cats" (then "so do I"): any subject will do
        words = tokens(text, *clause)
        for index, word in enumerate(words[1:], 1):
            polarity = lex.verbs.get(lex.lemmas.get(word.word, ""), (0.0, 0.0))[0]
            span = phrase_span(text, word.end, clause.end, lex.stops) if polarity else None
            if span is not None and words[index - 1].word != "to" and not _pronoun(text, span):
                negated = words[index - 1].word in english_set("negations")
                return span, -polarity if negated else polarity
    if mode != "topic":
        return None
    opening = opening_words(text, clause, 1)
    if not opening:
        return None
    begin = opening[0].start
    subject = re.match(r"(?P<np>[\w' -]+?)\s+(?:is|are|was|were)\b", text[begin : clause.end], re.I)
    if subject is not None:
        span = phrase_span(text, begin, begin + subject.end("np"), max_words=4)
    else:
        words = tokens(text, begin, clause.end)
        closed = english_set("subject_words") | english_set("be_forms") | english_set("modals")
        closed |= english_set("negations") | english_set("question_openers")
        if not words or len(words) > 4 or any(w.word in closed for w in words):
            return None
        span = phrase_span(text, begin, clause.end)
    if span is None or _pronoun(text, span):
        return None
    if tokens(text, *span)[0].word in english_set("subject_words") | lex.np_skip:
        return None
    return span, 0.0
