"""Readable language-texture traits: how a person writes, with the messages that show it.

The texture profile of ``persona6.texture.v2`` is a vector for identity linking; nothing
readable rests on it. This module reads the person's own messages (``is_person_message``, of
the person and their aliases) against fixed, documented norms (``data/texture_statements.yaml``)
and states each habit that the data supports as a TEXTURE trait (key, value, statement,
confidence, evidence): ``casing`` (lowercase; v2: ``capitals``, shouting in capitals),
``message_length`` (short fragments, long
messages), ``register`` (formal, informal), ``emoji``, ``hedging``, ``exclamations``,
``second_language`` (words no English lexicon of the package knows) and ``learner_english``
(v3: a learner's grammar). A habit needs
``min_messages`` messages and ``min_sessions`` sessions that show it; its confidence is the
graph's ``E × (1 − C)`` over the sessions for and against it (docs/graph.md).

v2 (``texture_traits.v2``): the traits are read from the person's own words only (the material
they pasted, a forwarded email or a line quoted with ">", blanked out: ``own_text``); the
English vocabulary holds a list of common English words (``data/english_words.txt``) besides
the lexicons, and the abbreviations of ``english_abbreviations``; a word written against a
number ("600/mo", "5k", "3 yrs") is no other language's; shouting in capitals is stated.

v3 (``texture_traits.v3``): ``learner_english`` (second language), English written with a
learner's grammar ("I am need hotel", "I not have access", "Why it is so slow?", "for two
person"; the cues in ``texture_statements.yaml``), which ``second_language`` cannot see in a
writer whose every word is English; and the formal register is read only in messages long
enough to show one (a short "Thank you." neither shows it nor counts against it).

v4 (``texture_traits.v4``): the formal register is not stated of a person whose English is a
learner's (``learner_english`` holds; ``not_with`` in ``texture_statements.yaml``): their
complete, uncontracted sentences are the grammar they learned, not a register they chose, and a
brief that asked for a formal register would answer a learner in the register hardest to read.

v5 (``texture_traits.v5``, ``texture_statements.yaml`` v6): more of a learner's grammar shows
``learner_english``: a singular subject with its verb left bare at a clause's start ("how the
calculation go", "the full answer make me lazy"), a role said of oneself without its article
("I am international student") and "to" left out before a verb that is a noun too when an
object follows it ("I want check the source"). A learner who writes complete, uncontracted
sentences is then no longer read as writing formally (v4's ``not_with``).

The traits are derived when read (``show``, the brief), not stored by the build: they rest on
the person's messages only, so they are exact for any set of events, forget included.
"""

from __future__ import annotations

import hashlib
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from persona6.extract.base import is_person_message
from persona6.extract.failure import is_failure_outcome
from persona6.extract.text import load_lexicon, packaged_yaml, word_alternation
from persona6.extract.texture import EMOJI
from persona6.extract.texture_counts import own_text
from persona6.store.base import EventQuery, Store
from persona6.types import Evidence, SignalKind, StoredEvent, Trait, parse_ts

__all__ = ["PRODUCER", "person_texture_traits", "texture_traits"]

PRODUCER = "persona6.texture_traits.v5"

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TOKEN = re.compile(r"\S+")
_CONTRACTION = re.compile(
    r"\b\w+(?:n['’]t|['’](?:m|re|ve|ll|d))\b|\b(?:it|that|what|there|here|he|she|let|who)['’]s\b",
    re.IGNORECASE,
)
_CLITICS = ("n't", "'s", "'ll", "'re", "'ve", "'m", "'d")


@dataclass(frozen=True, slots=True)
class _Message:
    event: StoredEvent
    words: tuple[str, ...]
    lowercase: bool | None  # None: no letter
    contracted: bool
    bare: bool  # a bare contraction or abbreviation ("dont", "pls")
    emoji: bool
    hedged: bool
    exclaims: bool
    courteous: bool
    ends: bool  # ends with . ? or !
    lower_i: bool
    unknown: tuple[str, ...]  # words no English lexicon knows
    shouts: bool  # mostly in capitals (v2)
    after_failure: bool  # the person's event just before it in the session is a failure (v2)
    learner: tuple[str, ...]  # the spans that show a learner's grammar (v3)


@cache
def norms() -> dict[str, Any]:
    return load_lexicon("texture_statements")


@cache
def _texture_lists() -> dict[str, Any]:
    data = load_lexicon("texture")
    emoticons = "|".join(re.escape(e) for e in sorted(data["emoticons"], key=len, reverse=True))
    return {
        "hedges": re.compile(word_alternation(data["hedges"]), re.IGNORECASE),
        "emoticons": re.compile(rf"(?<!\S)(?:{emoticons})(?!\S)"),
        "bare": frozenset(str(w) for w in data["bare_contractions"]),
        "courtesy": re.compile(
            word_alternation(norms()["habits"]["formal"]["courtesy"]), re.IGNORECASE
        ),
    }


@cache
def english_vocabulary() -> frozenset[str]:
    """Every word of the package's English lexicons (``data/*.yaml`` but
    ``vocabulary_excludes``), of the common English words (``english_words``, v2) and the
    abbreviations (``english_abbreviations``, v2), lower-cased."""
    excluded = {f"{name}.yaml" for name in norms()["vocabulary_excludes"]}
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, str):
            found.update(w.lower().replace("’", "'") for w in _WORD.findall(node))
        elif isinstance(node, dict):
            for key, value in node.items():
                walk(key)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    data = files("persona6") / "data"
    for resource in sorted(data.iterdir(), key=lambda r: r.name):
        if resource.name.endswith(".yaml") and resource.name not in excluded:
            walk(packaged_yaml(resource.name))
    # v2: common English words, and the abbreviations English writers use ("mo", "vs", "eta").
    for line in (data / norms()["english_words"]).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            found.add(line.strip().lower())
    walk(norms()["english_abbreviations"])
    return frozenset(found)


@lru_cache(maxsize=65536)
def knows(word: str) -> bool:
    """Whether an English lexicon of the package knows ``word`` or its stem."""
    vocabulary = english_vocabulary()
    word = word.lower().replace("’", "'")
    if word in vocabulary:
        return True
    for clitic in _CLITICS:
        if word.endswith(clitic) and word[: -len(clitic)] in vocabulary:
            return True
    for ending in norms()["endings"]:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 2:
            if stem in vocabulary or (ending in ("ies", "ied") and f"{stem}y" in vocabulary):
                return True
            if len(stem) >= 3 and stem[-1] == stem[-2] and stem[:-1] in vocabulary:
                return True  # "stopped", "running"
            if f"{stem}e" in vocabulary:
                return True  # "writing", "hoped"
    return False


_NUMBER_BEFORE = re.compile(r"\d[/ ]?$")


def _by_number(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is written against a number: a unit or an abbreviation
    ("600/mo", "5k", "3 yrs", "2x") or a number's letters ("3rd"); English or not, it says
    nothing of another language (v2)."""
    return (
        bool(_NUMBER_BEFORE.search(text, max(0, start - 2), start)) or text[end : end + 1].isdigit()
    )


def _shouts(words: Sequence[str]) -> bool:
    """Whether a message is mostly in capitals (v2): at least ``capitals.words`` words in
    capitals that are English words, one of them of at least ``capitals.long`` letters, making
    at least ``capitals.message_share`` of its words. Acronyms are no shouting ("check the API
    and AWS"): a word of capitals the vocabulary does not know is not counted."""
    rule = norms()["habits"]["capitals"]
    upper = [w for w in words if len(w) > 1 and w.isupper() and knows(w)]
    return (
        len(upper) >= int(rule["words"])
        and any(len(w) >= int(rule["long"]) for w in upper)
        and len(upper) >= float(rule["message_share"]) * len(words)
    )


@cache
def _learner() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str], dict[str, frozenset[str]]]:
    """The learner-grammar cues of ``learner_english`` compiled (``{verb}``, ``{ing}`` filled
    in), and the word lists of its ``bare_plural`` rule (v3)."""
    rule = norms()["habits"]["learner_english"]
    verbs = word_alternation(str(v) for v in rule["verbs"])
    noun_verbs = word_alternation(str(v) for v in rule["noun_verbs"])  # v5
    patterns = tuple(
        re.compile(
            str(p)
            .replace("{verb}", f"(?:{verbs})")
            .replace("{noun_verb}", f"(?:{noun_verbs})")
            .replace("{ing}", r"(?P<ing>[a-z]{3,}ing)"),
            re.IGNORECASE,
        )
        for p in rule["cues"].values()
    )
    plural = rule["bare_plural"]
    numbers = word_alternation(str(n) for n in plural["numbers"])
    # A number (a digit or a word of `numbers`), the word after it, and what follows that.
    count = re.compile(
        rf"(?<![\w.,$€£#:/-])(\d{{1,3}}|{numbers})(?![\w%])(?![.,:/]\d)\s+([a-z]{{3,}})\b"
        r"(?=(\s*[.,;:!?)]|\s*$|\s+[\w']+))",
        re.IGNORECASE,
    )
    lists = {
        "verbs": frozenset(str(v) for v in rule["verbs"]),
        **{key: frozenset(str(w) for w in plural[key]) for key in ("numbers", "uncounted")},
        "labels": frozenset(str(w) for w in plural["number_labels"]),
        "coordinating": frozenset(str(w) for w in plural["coordinating"]),
        "objects": frozenset(str(w) for w in plural["verb_objects"]),
        "function": frozenset(str(w) for w in load_lexicon("function_words")["words"]),
    }
    return patterns, count, lists


def _gerund(word: str) -> bool:
    """Whether a word in -ing is a verb's ("booking", "writing", "stopping"), not a word that
    merely ends so ("thing", "bring", "evening" has the stem "even" but is no verb's, rare)."""
    stem = word[:-3].lower()
    return len(stem) >= 3 and (
        stem in english_vocabulary()
        or f"{stem}e" in english_vocabulary()
        or (stem[-1] == stem[-2] and stem[:-1] in english_vocabulary())
    )


def _counted_noun(word: str) -> bool:
    """Whether ``word`` is a count noun in the singular: its plural is English ("person",
    "product"; not "teeth", whose "teethes" is a verb's, nor an abbreviation, "min")."""
    vocabulary = english_vocabulary()
    if word.endswith("s") or word in _abbreviations():
        return False
    if word.endswith(("x", "z", "ch", "sh")):
        return f"{word}es" in vocabulary
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return f"{word[:-1]}ies" in vocabulary
    return f"{word}s" in vocabulary


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(str(w).lower() for w in norms()["english_abbreviations"])


def _verb(word: str) -> bool:
    """Whether an English lexicon knows ``word`` as a verb too ("play": "played", "playing")."""
    vocabulary = english_vocabulary()
    return any(f"{word}{ending}" in vocabulary for ending in ("ed", "ing")) or (
        word.endswith("e") and f"{word}d" in vocabulary
    )


def _bare_plurals(text: str) -> list[str]:
    """The spans of a count noun left singular after a number above one (``bare_plural``, v3):
    "for two person", "top 10 product by revenue"; not a compound ("a two person team"), a
    label's number ("row 32", "iPhone 12 case") or "2"/"4" before a verb ("need 2 go")."""
    _, count, lists = _learner()
    found = []
    for m in count.finditer(text):
        number, noun = m.group(1), m.group(2)
        if not noun.islower():
            continue
        if number.isdigit() and (int(number) < 2 or (number in ("2", "4") and _verb(noun))):
            continue  # "need 2 go", "2 play with my hair": "to", or a count with its noun left out
        after = m.group(3).strip().lower()
        if after[:1].isalpha() and after not in lists["function"]:
            continue  # a compound: "a two person team", "a 3 day trip"
        if after in lists["coordinating"] or noun.endswith("ing"):
            continue  # "46 major and minor providers", "35 working in sales": modifiers
        if noun in lists["uncounted"] or noun in lists["function"] or not _counted_noun(noun):
            continue
        if after in lists["objects"] and _verb(noun):
            continue  # "five look like", "only 10 make more": the number is the subject
        before = re.search(r"(\S+)\s+$", text[: m.start()])
        if before is not None:
            word = before.group(1).strip("\"'(")
            if word.lower() in lists["labels"] or any(c.isdigit() for c in word):
                continue  # "row 32", "v2 3 ..."
            if any(c.isupper() for c in word) and text[: before.start()].strip():
                continue  # a name's number: "iPhone 12 case", "Python 3 project"
        found.append(m.group(1) + " " + noun)
    return found


@cache
def _agreement() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, frozenset[str]]]:
    """The candidates of ``singular_subject`` and ``role_without_article`` compiled, with
    their word lists (v5)."""
    rule = norms()["habits"]["learner_english"]
    subject, role = rule["singular_subject"], rule["role_without_article"]
    skip = {str(v) for v in subject["not_verbs"]}
    verbs = [str(v) for v in rule["verbs"] if str(v) not in skip]
    verbs += [str(v) for v in subject["extra_verbs"]]
    # A clause's start, a determiner, up to two words, the noun, "not" and a bare verb.
    singular = re.compile(
        rf"(?:^|(?<=[.!?,;:])|\b(?:{word_alternation(str(w) for w in subject['openers'])})\b)"
        rf"\s*(?:{word_alternation(str(w) for w in subject['determiners'])})\s+"
        rf"((?:[a-z]+\s+){{0,2}}?)([a-z]{{3,}})\s+(?:not\s+)?({word_alternation(verbs)})\b"
        r"(?![-'’])",
        re.IGNORECASE,
    )
    adverbs = word_alternation(str(w) for w in role["adverbs"])
    without = re.compile(
        rf"\bi(?:\s+am|['’]m)\s+(?:(?:{adverbs})\s+)?((?:[a-z]+\s+){{0,2}}?)"
        rf"({word_alternation(str(w) for w in role['roles'])})\b(?![-'’])",
        re.IGNORECASE,
    )
    lists = {
        key: frozenset(str(w) for w in subject[key])
        for key in ("noun_too", "collective", "objects", "auxiliaries")
    }
    lists["after"] = frozenset(str(w) for w in role["after"])
    lists["function"] = frozenset(str(w) for w in load_lexicon("function_words")["words"])
    return singular, without, lists


def _not_modifier(word: str) -> bool:
    """Whether ``word`` before a noun makes it no singular subject: a plural ("the investments
    announced", not "class"), a participle ("announced", "running": a clause of its own)."""
    return word.endswith(("ed", "ing")) or (word.endswith("s") and not word.endswith(("ss", "us")))


def _adjective(word: str) -> bool:
    """Whether ``word`` has a superlative an English lexicon knows ("newest", "nicest"): an
    adjective, which after "the" stands for people ("the new", "the rich")."""
    vocabulary = english_vocabulary()
    return f"{word}est" in vocabulary or (word.endswith("e") and f"{word}st" in vocabulary)


_NEXT = re.compile(r"\s*([A-Za-z]+|[^\sA-Za-z]|$)")


def _next_word(text: str, end: int) -> str:
    """The word (lower-cased) or the mark after ``end``; "" at the end of the text."""
    m = _NEXT.match(text, end)
    return m.group(1).lower() if m else ""


def _agreement_spans(text: str) -> list[str]:
    """The spans of a singular subject with its verb left bare (``singular_subject``: "how
    the calculation go") and of a role said of oneself without its article
    (``role_without_article``: "I am international student"), v5."""
    singular, without, lists = _agreement()
    found = []
    for m in singular.finditer(text):
        between, noun, verb = m.group(1).split(), m.group(2), m.group(3).lower()
        if not (m.group(1) + noun).islower() and (m.group(1) + noun).strip():
            continue  # a name: "the investments announced Tuesday bring"
        if any(w in lists["function"] or _not_modifier(w) for w in between):
            continue  # "my husband and son go": two subjects; "the cars sold go"
        if noun in lists["function"] or noun in lists["collective"] or not _counted_noun(noun):
            continue  # "the team go" (British), "the kids go"
        if _adjective(noun):
            continue  # "the new come in", "the rich get richer": people, plural
        after = _next_word(text, m.end())
        if verb in lists["noun_too"] and after not in lists["objects"]:
            continue  # "the hotel stay was": a compound noun
        if after in lists["auxiliaries"] or after == "'":
            continue  # "the ice go is ...": no verb of its own
        found.append(m.group().strip(" ,;:"))
    for m in without.finditer(text):
        between = m.group(1).split()
        if any(w.lower() in lists["function"] or w.lower().endswith("ing") for w in between):
            continue  # "I'm a student", "I'm helping customer"
        after = _next_word(text, m.end())
        if after in lists["after"] or (after[:1].isalpha() and after not in lists["function"]):
            continue  # "I'm head of", "I'm student loan free": a compound
        if after[:1].isdigit() or after == "#":
            continue  # "I'm user 42": a label
        found.append(m.group())
    return found


def _learner_spans(text: str) -> tuple[str, ...]:
    """The spans of ``text`` that show a learner's grammar (``learner_english``, v3; v5: a
    singular subject's bare verb and a role without its article, ``_agreement_spans``)."""
    patterns, _, _ = _learner()
    found: list[str] = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            if "ing" in pattern.groupindex and m.group("ing") and not _gerund(m.group("ing")):
                continue
            found.append(m.group().strip(" ,;"))
    return tuple(found + _bare_plurals(text) + _agreement_spans(text))


def _read(event: StoredEvent, after_failure: bool = False) -> _Message:
    # v2: the person's own words (the material they pasted blanked out).
    text = own_text(event.text or "").strip()
    lists = _texture_lists()
    spans = list(_WORD.finditer(text))
    words = tuple(m.group() for m in spans)
    first = next((c for c in text if c.isalpha()), None)
    shouts = _shouts(words)
    unknown = []
    for i, m in enumerate(spans):
        word = m.group()
        if i > 0 and word[:1].isupper():
            continue  # a capitalised word inside a message is a name: "Bergen"
        if _by_number(text, m.start(), m.end()):
            continue  # "600/mo", "5k": a unit or an abbreviation by its number (v2)
        if len(word) > 1 and not knows(word) and word.lower() not in lists["bare"]:
            unknown.append(word.lower())
    lowered = {w.lower() for w in words}
    return _Message(
        event=event,
        words=words,
        lowercase=None if first is None else first.islower(),
        contracted=bool(_CONTRACTION.search(text)),
        bare=not lowered.isdisjoint(lists["bare"]),
        emoji=bool(EMOJI.search(text) or lists["emoticons"].search(text)),
        hedged=bool(lists["hedges"].search(text)),
        exclaims="!" in text,
        courteous=bool(lists["courtesy"].search(text)),
        ends=text[-1:] in (".", "?", "!", "…"),
        lower_i="i" in words,
        unknown=tuple(unknown),
        shouts=shouts,
        after_failure=after_failure,
        learner=_learner_spans(text),
    )


@dataclass(frozen=True, slots=True)
class _Habit:
    key: str
    value: str
    share: float
    shows: Callable[[_Message], bool | None]  # None: the message does not count
    best: Callable[[_Message], float]  # which showing messages to cite first
    say: Callable[[list[_Message], list[_Message]], str]  # (showing, counted) -> statement


def _habits() -> list[_Habit]:
    h = norms()["habits"]
    short, long_ = int(h["short_messages"]["words"]), int(h["long_messages"]["words"])
    formal_words = int(h["formal"]["words"])
    mix = h["second_language"]

    def median_words(counted: list[_Message]) -> str:
        return f"{statistics.median(len(m.words) for m in counted):g}"

    def formal(m: _Message) -> bool | None:
        chat = m.contracted or m.bare or m.emoji or m.lower_i or m.lowercase is True
        if len(m.words) < formal_words:
            # Too short to show the formal register ("Thank you."): not counted, unless it
            # shows the chat register ("thanks 🙂", "ok thx"), which counts against it (v3).
            return False if chat else None
        return (
            m.lowercase is False and not (m.contracted or m.bare or m.emoji or m.lower_i) and m.ends
        )

    def mixed(m: _Message) -> bool:
        return len(m.unknown) >= int(mix["words"]) and len(m.unknown) >= float(
            mix["message_share"]
        ) * len(m.words)

    learner_words = int(h["learner_english"]["words"])

    def learner(m: _Message) -> bool | None:
        return bool(m.learner) if len(m.words) >= learner_words else None

    def quoted(showing: list[_Message]) -> str:
        # The shortest span of each of the first messages, one of each wording (v3).
        spans = dict.fromkeys(min(m.learner, key=len) for m in showing)
        return ", ".join(f"'{span}'" for span in list(spans)[:3])

    def examples(showing: list[_Message]) -> str:
        # Words with an apostrophe are left out of the quote ("l'acqua" would break it).
        counts = Counter(w for m in showing for w in m.unknown if "'" not in w and "’" not in w)
        top = sorted(counts, key=lambda w: (-counts[w], -len(w), w))[:3]
        return ", ".join(f"'{w}'" for w in top)

    def after(showing: list[_Message]) -> str:
        failed = sum(m.after_failure for m in showing)
        return f"; {failed} right after a failure" if failed else ""

    def of(showing: list[_Message], counted: list[_Message]) -> str:
        return f"{len(showing)} of {len(counted)} messages"

    return [
        _Habit(
            "casing",
            "lowercase",
            float(h["lowercase"]["share"]),
            lambda m: m.lowercase,
            lambda m: len(m.words),
            lambda s, c: f"writes in lower case ({of(s, c)} start lower case)",
        ),
        _Habit(
            "capitals",
            "shouts",
            float(h["capitals"]["share"]),
            lambda m: m.shouts,
            lambda m: len(m.words),
            lambda s, c: f"shouts in capitals ({of(s, c)} are mostly in capitals{after(s)})",
        ),
        _Habit(
            "message_length",
            "short fragments",
            float(h["short_messages"]["share"]),
            lambda m: len(m.words) <= short,
            lambda m: -len(m.words),
            lambda s, c: (
                f"writes short fragments ({of(s, c)} have {short} words or fewer; "
                f"median {median_words(c)} words)"
            ),
        ),
        _Habit(
            "message_length",
            "long messages",
            float(h["long_messages"]["share"]),
            lambda m: len(m.words) >= long_,
            lambda m: len(m.words),
            lambda s, c: (
                f"writes long, complete messages ({of(s, c)} have {long_} words or more; "
                f"median {median_words(c)} words)"
            ),
        ),
        _Habit(
            "register",
            "formal",
            float(h["formal"]["share"]),
            formal,
            lambda m: len(m.words) + 100 * m.courteous,
            lambda s, c: (
                f"writes formally ({of(s, c)} are complete sentences without contractions; "
                f"courtesy formulas in {sum(m.courteous for m in c)})"
            ),
        ),
        _Habit(
            "register",
            "informal",
            float(h["informal"]["share"]),
            lambda m: m.bare,
            lambda m: len(m.words),
            lambda s, c: (
                f"writes informally: abbreviations and contractions without apostrophes "
                f"({of(s, c)})"
            ),
        ),
        _Habit(
            "emoji",
            "uses emoji",
            float(h["emoji"]["share"]),
            lambda m: m.emoji,
            lambda m: len(m.words),
            lambda s, c: f"uses emoji or emoticons ({of(s, c)})",
        ),
        _Habit(
            "hedging",
            "hedges",
            float(h["hedging"]["share"]),
            lambda m: m.hedged,
            lambda m: len(m.words),
            lambda s, c: f"hedges ('maybe', 'I think') ({of(s, c)})",
        ),
        _Habit(
            "exclamations",
            "exclaims",
            float(h["exclamations"]["share"]),
            lambda m: m.exclaims,
            lambda m: len(m.words),
            lambda s, c: f"uses exclamation marks ({of(s, c)})",
        ),
        _Habit(
            "second_language",
            "mixes another language",
            float(mix["share"]),
            mixed,
            lambda m: len(m.unknown),
            lambda s, c: (
                f"mixes another language into English ({examples(s)}): {of(s, c)} hold words "
                "no English lexicon knows"
            ),
        ),
        _Habit(
            "learner_english",
            "second language",
            float(h["learner_english"]["share"]),
            learner,
            lambda m: len(m.learner),
            lambda s, c: (
                f"writes English as a second language ({quoted(s)}): {of(s, c)} show a "
                "learner's grammar"
            ),
        ),
    ]


def _trait_id(person_id: str, key: str, value: str) -> str:
    blob = "\x1f".join((person_id, SignalKind.TEXTURE.value, key, value)).encode("utf-8")
    return "tr_" + hashlib.blake2b(blob, digest_size=8).hexdigest()


def _evidence(event: StoredEvent) -> Evidence:
    text = event.text or ""
    mine = own_text(text)  # the person's own words (v2), at their offsets
    start, end = len(mine) - len(mine.lstrip()), len(mine.rstrip())
    return Evidence(event_id=event.event_id, start=start, end=end, quote=text[start:end])


def texture_traits(person_id: str, events: Iterable[StoredEvent]) -> list[Trait]:
    """The texture traits the person's own messages among ``events`` support. The failure
    outcomes among them tell which messages came right after a failure (v2)."""
    data = norms()
    events = list(events)
    own = sorted(
        (e for e in events if is_person_message(e) and own_text(e.text or "").strip()),
        key=lambda e: (e.ts, e.event_id),
    )
    if len(own) < int(data["min_messages"]):
        return []
    failed = _after_failure(events)
    messages = [_read(e, e.event_id in failed) for e in own]
    mix = data["habits"]["second_language"]
    words = sum(len(m.words) for m in messages)
    unknown_share = sum(len(m.unknown) for m in messages) / words if words else 0.0
    habits = _habits()
    found: list[Trait] = []
    read: dict[int, Trait | None] = {}  # habit's position -> its trait, read once when asked

    def trait_of(position: int) -> Trait | None:
        if position not in read:
            read[position] = _trait(person_id, habits[position], messages, data)
        return read[position]

    def holds(key: str) -> bool:
        """Whether the person has a habit of ``key``."""
        return any(trait_of(i) is not None for i, h in enumerate(habits) if h.key == key)

    taken: set[str] = set()
    for position, habit in enumerate(habits):
        if habit.key in taken:
            continue  # one value per key: short fragments or long messages, formal or not
        if habit.key == "second_language" and unknown_share < float(mix["person_share"]):
            continue
        # A habit another habit explains is not stated (v4: the formal register of a learner
        # of English, whose uncontracted sentences are the grammar they learned).
        rule = data["habits"].get(habit.value, {})  # a register's norm is named by its value
        if any(holds(str(other)) for other in rule.get("not_with", ())):
            continue
        trait = trait_of(position)
        if trait is not None:
            found.append(trait)
            taken.add(habit.key)
    return found


def _after_failure(events: Sequence[StoredEvent]) -> set[str]:
    """Ids of the person's messages whose event just before, in their session, is a failure
    outcome (``failure.is_failure_outcome``)."""
    found: set[str] = set()
    previous: dict[str, StoredEvent] = {}
    for event in sorted(events, key=lambda e: (e.ts, e.event_id)):
        before = previous.get(event.session_id)
        if before is not None and is_person_message(event) and is_failure_outcome(before):
            found.add(event.event_id)
        previous[event.session_id] = event
    return found


def _trait(
    person_id: str, habit: _Habit, messages: Sequence[_Message], data: dict[str, Any]
) -> Trait | None:
    counted = [m for m in messages if habit.shows(m) is not None]
    showing = [m for m in counted if habit.shows(m)]
    if len(counted) < int(data["min_messages"]) or len(showing) < habit.share * len(counted):
        return None
    if habit.key == "register" and habit.value == "formal":
        # Over all their messages: the short courtesies ("Thank you.") count here (v3).
        courtesy = float(data["habits"]["formal"]["courtesy_share"])
        if sum(m.courteous for m in messages) < courtesy * len(messages):
            return None
    by_session: dict[str, list[_Message]] = {}
    for m in counted:
        by_session.setdefault(m.event.session_id, []).append(m)
    # A habit shown in one message in a few (a learner's grammar) speaks against only in a
    # session long enough to show it by chance (``against_messages``, v3).
    least = int(data["habits"].get(habit.key, {}).get("against_messages", 0)) or int(
        data["session_messages"]
    )
    supporting = against = 0
    for session in by_session.values():
        shown = sum(bool(habit.shows(m)) for m in session)
        if shown and shown >= habit.share * len(session):
            supporting += 1
        elif len(session) >= least and shown < habit.share * len(session) / 2:
            against += 1  # clearly not the habit; a session in between speaks neither way
    if supporting < int(data["min_sessions"]):
        return None
    r = float(data["reliability"])
    # E × (1 − C): E = 1 − (1 − r)^supporting, C = 1 − (1 − r)^against (docs/graph.md).
    confidence = (1.0 - (1.0 - r) ** supporting) * (1.0 - r) ** against
    # The best examples, one message of each wording ("again" said four times is cited once).
    distinct = {(m.event.text or "").strip().lower(): m for m in reversed(showing)}
    cited = sorted(distinct.values(), key=lambda m: -habit.best(m))[: int(data["evidence"])]
    cited.sort(key=lambda m: (m.event.ts, m.event.event_id))
    first, last = showing[0].event.ts, showing[-1].event.ts
    span = (parse_ts(last) - parse_ts(first)).total_seconds() / 86400.0
    return Trait(
        id=_trait_id(person_id, habit.key, habit.value),
        person_id=person_id,
        kind=SignalKind.TEXTURE,
        key=habit.key,
        value=habit.value,
        statement=habit.say(showing, counted),
        measure=round(len(showing) / len(counted), 4),
        confidence=round(confidence, 4),
        sessions=supporting,
        counter_sessions=against,
        signals=len(showing),
        first_seen=first,
        last_seen=last,
        span_days=round(span, 2),
        valid_from=first,
        producers=[PRODUCER],
        evidence=[_evidence(m.event) for m in cited],
        evidence_sessions={m.event.event_id: m.event.session_id for m in cited},
    )


def person_texture_traits(store: Store, tenant: str, person_id: str) -> list[Trait]:
    """The texture traits of a person (and the anonymous actors linked to them)."""
    identity = store.identity_map(tenant)
    actors = [person_id, *sorted(a for a, u in identity.items() if u == person_id)]
    events: list[StoredEvent] = []
    for actor in actors:
        for kind in ("message", "outcome"):  # outcomes: which messages follow a failure (v2)
            events.extend(store.iter_events(EventQuery(tenant=tenant, actor=actor, type=kind)))
    return texture_traits(person_id, events)
