"""Shared text helpers for the rule extractors: everything returns character offsets into the
original text, so an extractor cites ``text[start:end]`` exactly.

Lexicons (``load_lexicon``: versioned YAML in ``persona6/data/``), sentence and clause splitting,
the tests for words that are not the speaker's own statement (``is_question``,
``is_hypothetical``, ``is_reported``, ``quoted_spans``), the clause parser (``predicates``:
subject, verb group, rest), phrase edges and key form (``phrase_span``, ``normalise_phrase``),
and ``claim_signals``, which turns what a rule found into cited ``Signal``s. No tokenizer model:
regular expressions and closed word lists, enough for short first-person statements.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from itertools import pairwise
from typing import Any, NamedTuple

import yaml

from persona6.errors import InvalidInput
from persona6.extract.base import make_evidence
from persona6.types import Signal, SignalKind, StoredEvent

FIRST_PERSON = frozenset({"i", "i'm", "im", "i've", "ive", "i'd", "i'll"})
_CONTRACTED = {"i've": "have", "ive": "have", "i'd": "would", "i'll": "will", "we've": "have"}
_CONTRACTED |= {"we'd": "would", "we'll": "will"}
_BE_SUBJECTS = ("i'm", "im", "we're")


class Span(NamedTuple):
    start: int
    end: int


class Token(NamedTuple):
    word: str  # lower-cased, curly apostrophes made straight; "" for an implied "I"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Predicate:
    """One subject + verb group + rest in a clause: "I | really don't | like | spicy food"."""

    subject: Token  # word "" when dropped, as in chat: "love it", "can't stand crowds"
    lead: tuple[str, ...]  # adverbs, modals and lead phrases between subject and verb
    negated: bool
    verb: Token  # the main verb; for "I'm" the subject token itself stands for "am"
    rest: Span  # after the verb (and after "not"/adverbs following "be") to the clause end
    clause: Span

    @property
    def is_be(self) -> bool:
        return self.verb.word in english_set("be_forms") or self.verb.word in _BE_SUBJECTS

    @property
    def implied(self) -> bool:
        return self.subject.word == ""


@dataclass(slots=True)
class Claim:
    """What a rule found in one event, before it becomes a ``Signal``."""

    key: str
    value: str
    polarity: float
    weight: float
    spans: list[Span]


#: libyaml's parser when PyYAML was built with it: the same objects (the constructor and the
#: resolver are the same Python code), read about ten times faster. Every build loads the
#: lexicons once, and parsing them was half a second of a 20,000-event build.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str, where: str = "YAML text") -> Any:
    """``yaml.safe_load(text)``, with libyaml's parser where there is one; YAML that does not
    parse is an ``InvalidInput`` at ``where:line``."""
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InvalidInput(
            f"{where}{line}",
            f"is not valid YAML ({problem})",
            "Fix that line if you edited the file, or reinstall Persona6 "
            "(pip uninstall persona6, then install it again)",
        ) from None


def packaged_yaml(name: str) -> Any:
    """``persona6/data/<name>`` (a data file shipped with the package), parsed."""
    resource = files("persona6") / "data" / name
    return read_yaml(resource.read_text(encoding="utf-8"), f"persona6/data/{name}")


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """``persona6/data/<name>.yaml`` as a dict; every lexicon must carry a ``version:`` key."""
    data = packaged_yaml(f"{name}.yaml")
    if not isinstance(data, dict) or "version" not in data:
        raise ValueError(f"persona6/data/{name}.yaml has no 'version:' key; add one (version: 1)")
    return data


def by_head_word(phrases: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Phrases grouped by their first word, longest first (the order they are tried in)."""
    found: dict[str, list[str]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        found.setdefault(phrase.split()[0], []).append(phrase)
    return {head: tuple(group) for head, group in found.items()}


@cache
def english_set(key: str) -> frozenset[str]:
    return frozenset(str(word) for word in load_lexicon("english")[key])


@cache
def given_names() -> frozenset[str]:
    """Given names (``data/names.yaml``): "Sarah is worried" is someone else's."""
    return frozenset(str(name) for name in load_lexicon("names")["given_names"])


def singular(word: str) -> str:
    """A word without its plural ending, or what is left of it, the same for both numbers:
    "tables" and "table" -> "table", "summaries" and "summary" -> "summary"."""
    return word[:-3] + "y" if word.endswith("ies") and len(word) > 4 else word.rstrip("s")


@cache
def english_words(*keys: str) -> frozenset[str]:
    """The words of several ``english_set`` lists at once (made once, not at every look)."""
    return frozenset().union(*(english_set(key) for key in keys))


def word_alternation(phrases: Iterable[str]) -> str:
    """A regex alternation matching any of ``phrases`` as whole words, longest first.

    The alternatives are grouped by their first character ("abc", "xy", "ab" give
    ``a(?:bc|b)|x(?:y)``): the regex engine tries the alternatives one by one at every
    position of a text, and leaves a group after one character, which makes a long list
    many times faster to search. The matches are the same: only alternatives that can match
    at one position could be tried in another order, and those share their first character,
    so one group holds them in their order. That needs two different first characters never
    to match one character of a text: true of ASCII characters, lower case as they are here,
    also under ``re.IGNORECASE`` (whose other matches of an ASCII letter are outside ASCII
    and match that letter alone); phrases with another first character are not grouped.
    """
    parts = sorted({str(p).strip().lower() for p in phrases if str(p).strip()}, key=len)
    longest_first = [p.split() for p in reversed(parts)]
    if all(words[0][0].isascii() for words in longest_first):
        groups: dict[str, list[str]] = {}
        for first, *rest in longest_first:
            groups.setdefault(first[0], []).append(_escaped([first[1:], *rest]))
        alternatives = [f"{re.escape(c)}(?:{'|'.join(tails)})" for c, tails in groups.items()]
    else:
        alternatives = [_escaped(words) for words in longest_first]
    return r"(?<![\w'’-])(?:" + "|".join(alternatives) + r")(?![\w'’-])"


def _escaped(words: list[str]) -> str:
    """Words matched literally, with any run of whitespace between them."""
    return r"\s+".join(re.escape(w) for w in words)


_ELONGATED = re.compile(r"([a-z])\1{2,}")
_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*|['’][A-Za-z]+")


#: Texts whose sentences, clauses and words are kept: the three text extractors read each
#: message in turn, and each rule looks at the same clause many times.
TEXT_CACHE = 4096


def tokens(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Words with offsets, lower-cased; "soooo" and "haaaate" read as the plain word.

    The words of ``text[start:end]`` are those of the whole text that lie in it, unless a word
    of the whole text crosses ``start`` or ``end`` (then the part is read on its own): a scan
    that starts between two words, or at a word's start, finds the words a scan of the whole
    text finds, and one that stops at or after a word's end finds that word whole.
    """
    end = len(text) if end is None else end
    words, starts, ends = _word_table(text)
    first = bisect_left(starts, start)
    stop = bisect_left(starts, end)
    if (first and ends[first - 1] > start) or (stop and ends[stop - 1] > end):
        return _part_tokens(text, start, end)
    return words[first:stop]


@lru_cache(maxsize=TEXT_CACHE)
def _word_table(text: str) -> tuple[tuple[Token, ...], list[int], list[int]]:
    words = tuple(Token(_plain_word(m.group()), m.start(), m.end()) for m in _WORD.finditer(text))
    return words, [w.start for w in words], [w.end for w in words]


def _part_tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    return tuple(
        Token(_plain_word(m.group()), m.start(), m.end()) for m in _WORD.finditer(text, start, end)
    )


_PLAIN_WORDS: dict[str, str] = {}


def _plain_word(word: str) -> str:
    """A word as ``tokens`` gives it (lower case, straight apostrophe, no elongation), memoised:
    words repeat."""
    found = _PLAIN_WORDS.get(word)
    if found is None:
        if len(_PLAIN_WORDS) >= 1 << 16:
            _PLAIN_WORDS.clear()
        found = _PLAIN_WORDS[word] = _ELONGATED.sub(r"\1", word.lower().replace("’", "'"))
    return found


@cache
def _irregular_forms() -> frozenset[str]:
    return frozenset(f for fs in load_lexicon("english")["irregular_verbs"].values() for f in fs)


_SUFFIX_RULES = (  # (ending, strip, suffixes): regular inflection beyond +s, +ed, +ing
    (r"e$", 0, ("d",)),
    (r"e$", 1, ("ing",)),
    (r"(s|sh|ch|x|z|o)$", 0, ("es",)),
    (r"[^aeiou]y$", 1, ("ies", "ied")),
)


def inflections(base: str) -> set[str]:
    """Regular and listed irregular forms of a verb (or of the head word of a phrase)."""
    head, _, tail = base.lower().partition(" ")
    forms = {head, head + "s", head + "ed", head + "ing"}
    forms.update(load_lexicon("english")["irregular_verbs"].get(head, []))
    for ending, strip, suffixes in _SUFFIX_RULES:
        if re.search(ending, head):
            forms.update(head[: len(head) - strip] + suffix for suffix in suffixes)
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", head) and len(head) <= 4:  # stop -> stopped
        forms |= {head + head[-1] + "ed", head + head[-1] + "ing"}
    return {f"{form} {tail}".strip() for form in forms}


def lemma_table(bases: Iterable[str]) -> dict[str, str]:
    """Inflected form -> base form, for the head words of ``bases``."""
    table: dict[str, str] = {}
    for head in (base.split()[0] for base in bases):
        for form in inflections(head):
            table.setdefault(form, head)
    return table


def is_gerund(word: str) -> bool:
    """A verb's "-ing" form: "asking", "using"; not "ping", "morning" (``ing_non_verbs``)."""
    return len(word) > 4 and word.endswith("ing") and word not in english_set("ing_non_verbs")


def is_past(verb: str) -> bool:
    """ "needed", "fed", "agreed"; not "need", "feed", "succeed" (``ed_non_past``, english v12)."""
    if verb.endswith("ed"):
        return verb not in english_set("ed_non_past")
    return verb in _irregular_forms() and not verb.endswith(("s", "ing"))


def third_person(verb: str) -> str:
    """ "like" -> "likes", "am" -> "is"; past forms stay as they are."""
    irregular = {"am": "is", "'m": "is", "m": "is", "have": "has", "do": "does", "go": "goes"}
    if verb in irregular or is_past(verb) or verb in ("was", "been"):
        return irregular.get(verb, verb)
    if re.search(r"(s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    return verb[:-1] + "ies" if re.search(r"[^aeiou]y$", verb) else verb + "s"


_SENTENCE_END = re.compile(r"[.!?]+[\"”')\]]*(?=\s|$)|\n\s*")
_LAST_WORD = re.compile(r"([A-Za-z.]+)$")
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z0-9']*)")
#: Letters each with a full stop, the last one's left off: "J.K", "U.S", "J. K", "a.m".
_INITIALS = re.compile(r"(?:(?<![A-Za-z])[A-Za-z]\.\s?)*(?<![A-Za-z'])[A-Za-z]$")


def sentences(text: str) -> list[Span]:
    """Sentence spans, whitespace trimmed, terminal punctuation included."""
    return list(_sentences(text))


@lru_cache(maxsize=TEXT_CACHE)
def _sentences(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group() == "." and _goes_on(text[start : match.start()], text, match.end()):
            continue  # "Dr. Smith", "J.K. Rowling", "No. 5", "etc. and"
        end = match.start() if match.group().isspace() else match.end()
        _append_trimmed(spans, text, start, end)
        start = match.end()
    _append_trimmed(spans, text, start, len(text))
    return tuple(spans)


def _goes_on(before: str, text: str, after: int) -> bool:
    """Whether a full stop after ``before`` leaves its sentence open, given the word at ``after``
    (english v13): a title or an abbreviation that goes on ("Dr. Smith", "vs. Celtics", "e.g.
    pasta"), some only before a number ("No. 5"; not "No. I ...") or a word in lower case ("etc.
    and", "5 p.m. on Friday"; not "5 p.m. Then"), and initials before a name, another initial or,
    two letters or more, a word in lower case ("J.K. Rowling", "J. K. Rowling", "C.S. Lewis",
    "j.k. rowling"; not "the U.S. It was great", "an A. Then")."""
    last = _LAST_WORD.search(before)
    if last is None:
        return False
    word = last.group(1).lower().rstrip(".")
    following = _NEXT_WORD.match(text, after)
    following_word = following.group(1) if following else ""
    number, lower = following_word[:1].isdigit(), following_word[:1].islower()
    if word in english_set("abbreviations_before_number"):
        return number
    if word in english_set("abbreviations_before_lowercase"):
        return number or lower
    if word in english_set("abbreviations"):
        return True
    initials = _INITIALS.search(before[-64:])
    if initials is None or not following_word:
        return False
    letters = [c for c in initials.group() if c.isalpha()]
    if len(letters) == 1 and not letters[0].isupper():
        return False  # "plan a. then ..."
    if following_word[:1].isupper():
        return following_word.lower() not in _initial_enders()
    return lower and len(letters) > 1


@cache
def _initial_enders() -> frozenset[str]:
    """Words that, capitalised after initials, open the next sentence ("the U.S. It was great")
    rather than go on with a name: the closed classes and ``sentence_openers`` (english v13)."""
    return english_words(
        "subject_words", "determiners", "prepositions", "coordinators", "subordinators",
        "question_openers", "modals", "be_forms", "negations", "adverbs", "discourse_markers",
        "request_openers", "sentence_openers",
    )  # fmt: skip


@cache
def _clause_cuts() -> re.Pattern[str]:
    subordinate, tags = (
        word_alternation(english_set(k)) for k in ("subordinators", "tag_questions")
    )
    coordinate = word_alternation(english_set("coordinators"))
    subject = word_alternation(english_set("subject_words") | english_set("request_openers"))
    so, so_openers = word_alternation(["so"]), word_alternation(english_set("so_openers"))
    return re.compile(
        rf"(?P<hard>[,;:()\[\]]|\s[-–—]+\s|\.\.\.+|…|[\"“”«»])"
        rf"|(?P<emoji>{_EMOJI_RUN})"
        rf"|(?P<soft>{subordinate}|{coordinate}(?=\s+{subject})|{so}(?=\s+{so_openers})|{tags})",
        re.IGNORECASE,
    )


#: A pictograph (emoji, dingbat, symbol) and what joins or modifies one: the variation
#: selector, the zero-width joiner, skin tones (inside the first range), and spaces between.
_PICTOGRAPH = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff"
_EMOJI_RUN = f"[{_PICTOGRAPH}](?:[{_PICTOGRAPH}\ufe0f\u200d]|\\s+(?=[{_PICTOGRAPH}]))*\ufe0f?"


@cache
def _emoji_openers() -> frozenset[str]:
    """Words after which an emoji stands for a word of the clause, not between two clauses:
    "I ❤️ pizza", "my 🐶 is sick", "going to 🇫🇷", "I'm 🙌 so excited" (``emoji_openers``)."""
    return english_words(
        "subject_words", "determiners", "prepositions", "modals", "be_forms", "coordinators",
        "negations", "adverbs", "emoji_openers",
    )  # fmt: skip


def _emoji_cut(text: str, sentence: Span, match: re.Match[str]) -> bool:
    """An emoji (run) between two clauses cuts them (english v10): "long run this morning 🏃‍♀️
    training for the half marathon in may!!". Not after a word that leaves its clause open
    (``_emoji_openers``), nor before nothing but more emoji and punctuation, nor before a
    coordinator or subordinator, which cuts or joins as it would without the emoji ("I love
    hiking 🥾 and camping", "studying architecture 🏛️ so always from LIS")."""
    before = tokens(text, sentence.start, match.start())
    if not before or before[-1].word in _emoji_openers():
        return False
    after = tokens(text, match.end(), sentence.end)
    return bool(after) and after[0].word not in english_words("coordinators", "subordinators")


def clauses(text: str, sentence: Span) -> list[Span]:
    """Clause spans of one sentence: cut at , ; : ( ) dashes and quotes, at an emoji between two
    clauses (``_emoji_cut``), before subordinators
    ("because", "when", "if"), before a coordinator that starts a new subject ("and I"), and
    before a tag question that ends a run-on statement ("i like to read do you")."""
    return list(_clauses(text, Span(*sentence)))


@lru_cache(maxsize=TEXT_CACHE)
def _clauses(text: str, sentence: Span) -> tuple[Span, ...]:
    spans: list[Span] = []
    start = sentence.start
    for match in _clause_cuts().finditer(text, sentence.start, sentence.end):
        if match.group("emoji") and not _emoji_cut(text, sentence, match):
            continue
        _append_trimmed(spans, text, start, match.start())
        start = match.end() if match.group("hard") or match.group("emoji") else match.start()
    _append_trimmed(spans, text, start, sentence.end)
    merged: list[Span] = []
    for span in spans:  # "my wife | and i are doctors" is one subject, not two clauses
        head, tail = tokens(text, *(merged[-1] if merged else span)), tokens(text, *span)[:1]
        possessive = bool(head) and len(head) <= 3 and head[0].word in ("my", "our", "your")
        if (
            merged
            and possessive
            and tail  # a clause of no words ("my dog, _") follows nothing
            and tail[0].word in ("and", "or")
            and merged[-1].end + 1 >= span.start
        ):
            merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
    return tuple(part for span in merged for part in _split_run_on(text, span))


def _split_run_on(text: str, clause: Span) -> list[Span]:
    """ "do you like to dance i love it": the question ends before the later "I"."""
    opening = opening_words(text, clause, 4)
    if not opening or opening[0].word not in english_set("question_openers"):
        return [clause]
    you = [t for t in opening[1:] if t.word in ("you", "u", "ya", "y'all")]
    for before, word in pairwise(tokens(text, you[0].start, clause.end) if you else ()):
        if word.word in FIRST_PERSON and before.word not in english_set("clause_glue"):
            return [Span(clause.start, before.end), Span(word.start, clause.end)]
    return [clause]


_TRIMMED = re.compile(r"\S(?:.*\S)?", re.DOTALL)
_WORD_CHARACTER = re.compile(r"\w")


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    found = _TRIMMED.search(text[start:end])
    if found is not None and _WORD_CHARACTER.search(found.group()):
        spans.append(Span(start + found.start(), start + found.end()))


_QUOTED = re.compile(
    r"\"[^\"\n]*\"|“[^”\n]*”|«[^»\n]*»"
    # english v14: single quotes too ("here's the clause: 'The Tenant shall not keep pets ...'
    # can they refuse my cat?"), told from apostrophes: the opening mark has no letter before it
    # and a letter after it, the closing one a letter before it and none after it, and an
    # apostrophe inside stands between letters ("don't"); "the kids' room", "'cause", "'90s"
    # open no quote.
    r"|(?<![\w'’‘])['‘](?=[^\W_])(?:[^'’‘\n]|(?<=\w)['’](?=\w))*?(?<=[^\s'‘])['’](?![\w'’])"
)


def quoted_spans(text: str) -> list[Span]:
    """Words that are not the speaker's own claims: text in double or single quotes (someone
    else's words, or a title) and material pasted for the assistant to work on
    (``material_spans``)."""
    return [*(Span(m.start(), m.end()) for m in _QUOTED.finditer(text)), *material_spans(text)]


def material_spans(text: str) -> list[Span]:
    """Text a person pastes for the assistant to work on, not says: a code block, a line quoted
    with ">", a forwarded or replied-to message, and what follows an instruction that takes a
    text ("Translate to French: ...", "Can you summarise this email from my boss?" and then
    the email, "My essay draft: ...") or a sentence that announces output below it ("I get this
    when run in console:") up to the person's own closing question or request ("Can you
    improve it?"), and machine output pasted bare with the lines that frame it ("ERROR: ...",
    "HINT: ..."). english v14: a text another says by a verb of saying ("Venue just emailed:
    ...", "Reviewer 2 wrote: '...'") or named as a document ("here's the clause: '...'",
    "Shipping forecast for Wight: ..."), up to the end of a quotation opening right after the
    colon; an email's header block ("From:" then "Subject:") starts a forwarded message. Words
    in ``data/english.yaml``: ``material_*``."""
    return list(_material_spans(text))


@lru_cache(maxsize=TEXT_CACHE)
def _material_spans(text: str) -> tuple[Span, ...]:
    found = [Span(m.start(), m.end()) for m in _FENCED.finditer(text)] if "```" in text else []
    found += [Span(m.start(), m.end()) for m in _QUOTE_LINE.finditer(text)] if ">" in text else []
    found += _machine_output(text)
    where = _material_start(text) if (":" in text or "\n" in text) else None
    if where is not None:
        start, limit = where
        found.append(Span(start, _own_ending(text, start, limit)))
    return tuple(sorted(set(found)))


def _machine_output(text: str) -> list[Span]:
    """Lines of pasted machine output (``material_machine_lines``): stack traces, exception
    lines, log lines; after a traceback's header, every line up to and including the first
    unindented line after a frame (the exception that ends it)."""
    patterns = _material_patterns()
    found = [Span(m.start(), m.end()) for m in patterns.machine.finditer(text)]
    # The lines that frame a machine line below it, as long as they run on (english v10): a
    # "HINT:" or "DETAIL:" under an "ERROR:", a header under an HTTP status line, an indented
    # continuation. A blank line or a line of the person's own ends them.
    reached = -1  # each line is walked once: a log of many lines stays linear
    for line in list(found):  # in order of start
        if line.end <= reached:
            continue
        at = line.end
        while (below := _NEXT_LINE.match(text, at)) is not None:
            start = below.start(1)
            framed = patterns.framing.match(text, start) or patterns.machine.match(text, start)
            if framed is None or not below.group(1).strip():
                break
            found.append(Span(start, below.end(1)))
            at = below.end(1)
        reached = at
    for header in _TRACEBACK.finditer(text) if "Traceback" in text else ():
        at, framed = header.end(), False
        for line in _NEXT_LINE.finditer(text, at):
            body = line.group(1)
            indented = body[:1] in (" ", "\t")
            found.append(Span(*line.span(1)))
            framed = framed or indented
            if framed and not indented and body.strip():
                break
    return found


_TRACEBACK = re.compile(r"^[ \t]*Traceback \(most recent call last\):[^\n]*", re.M)
_NEXT_LINE = re.compile(r"\n([^\n]*)")


def _material_start(text: str) -> tuple[int, int] | None:
    """Where pasted material begins, and where it ends at the latest: a forwarding header or an
    instruction that takes a text with the material below it (to the end of the message), or
    "Translate to French: ..." with the material on the same line (to the end of its
    paragraph)."""
    found = _material_patterns()
    header = found.forwarded.search(text)
    if header is not None:
        return header.start(), len(text)
    for sentence in sentences(text):
        part = text[sentence.start : sentence.end]
        colon = found.intro_colon.match(part)
        at = sentence.start + colon.end() if colon is not None else 0
        if colon is not None and text[at:].strip():
            # a quotation opening right after the colon ends there (english v14): "He replied:
            # 'We can't guarantee it.' That really worries me" goes on in the person's words
            quote = _QUOTED.match(text, len(text) - len(text[at:].lstrip()))
            if quote is not None:
                return at, quote.end()
            below = not text[at:].split("\n", 1)[0].strip()
            paragraph = re.search(r"\n\s*\n", text[at:])
            return at, len(text) if below or paragraph is None else at + paragraph.start()
        rest = text[sentence.end :]
        if rest.startswith(("\n", "\r")) and rest.strip() and found.intro_ask.search(part):
            return sentence.end, len(text)  # "Can you summarise this email?" and the email
        if rest.startswith(("\n", "\r")) and rest.strip() and found.announced.match(part):
            return sentence.end, len(text)  # "I get this when run in console:" and the output
    return None


def _own_ending(text: str, start: int, limit: int) -> int:
    """The end of material beginning at ``start`` (at most ``limit``): before the person's own
    trailing sentences that ask the assistant something ("Can you improve it?", "What should I
    cook for her?")."""
    end = limit
    own_ask = _material_patterns().own_ask
    for sentence in reversed([s for s in sentences(text) if start <= s.start < limit]):
        part = text[sentence.start : sentence.end]
        if part.rstrip().endswith("?") or own_ask.match(part):
            end = sentence.start
        else:
            break
    return max(end, start)


class _Material(NamedTuple):
    intro_colon: re.Pattern[str]
    intro_ask: re.Pattern[str]
    own_ask: re.Pattern[str]
    forwarded: re.Pattern[str]
    machine: re.Pattern[str]
    framing: re.Pattern[str]
    announced: re.Pattern[str]


@cache
def _material_patterns() -> _Material:
    data = load_lexicon("english")
    strong = word_alternation(data["material_verbs"])
    weak = word_alternation(data["material_weak_verbs"])
    nouns = word_alternation(data["material_nouns"])
    owner = r"(?:(?:this|that|the following|the|my|our|his|her|their|a|an|some)\s+)"
    noun_phrase = rf"{owner}?(?:[\w'-]+\s+){{0,2}}?(?:{nouns})(?:\s+[\w'-]+){{0,4}}?"
    lead = r"(?:please|pls|can you|could you|would you|help me|i need you to|i want you to)"
    # english v14: another's text said by a verb of saying ("Venue just emailed:", "Reviewer 2
    # wrote:", "the label reads:"), with no "I" or "we" before the colon ("I wrote:" is theirs)
    others = r"(?:(?!\b(?:i|we|i'm|we're|i've|we've)\b)[^:\n]){0,50}?"
    reporting = word_alternation(data["material_reporting_verbs"])
    return _Material(
        intro_colon=re.compile(
            rf"\W*(?:{lead}\s+)?(?:(?:{strong})\b[^:\n]{{0,60}}|(?:{weak})\s+{noun_phrase}"
            rf"|{noun_phrase}|(?:here(?:'s| is| are)|below is|this is)\s+{noun_phrase}"
            rf"|{others}\b(?:{reporting}))\s*:",
            re.I,
        ),
        intro_ask=re.compile(
            rf"\b(?:{strong})\b\s+(?:{owner}|it\b|them\b)|\b(?:{strong}|{weak})\s+{noun_phrase}",
            re.I,
        ),
        own_ask=re.compile(rf"\W*(?:{word_alternation(data['material_own_asks'])})\b", re.I),
        forwarded=re.compile("|".join(data["material_forwarded"]), re.I | re.M),
        machine=re.compile("|".join(f"(?:{p})" for p in data["material_machine_lines"]), re.M),
        framing=re.compile("|".join(f"(?:{p})" for p in data["material_machine_framing"]), re.M),
        announced=_announcement(data),
    )


def _announcement(data: dict[str, Any]) -> re.Pattern[str]:
    """A sentence that announces output pasted below it (english v10): a verb of getting or
    seeing, "this" (or "these", "the following"), an output noun or the occasion or both, and
    the colon that ends its line ("I get this when run in console:", "getting this error:",
    "we see the following on startup:"; ``material_got_*``). Not "I got this:" alone, which
    may list what one got."""
    verbs, nouns, leads = (
        word_alternation(data[key])
        for key in ("material_got_verbs", "material_output_nouns", "material_got_leads")
    )
    noun = rf"\s+(?:[\w'-]+\s+){{0,2}}?(?:{nouns})"
    occasion = rf"\s+(?:{leads})[^:\n]{{0,80}}"
    return re.compile(
        rf"\W*(?:(?:i|we)(?:'m|’m| am| are| keep| kept| still| just| now| always)*\s+)?"
        rf"(?:{verbs})\s+(?:this|these|that|the following)\b"
        rf"(?:{noun}(?:{occasion})?|{occasion})\s*:\s*$",
        re.I,
    )


_FENCED = re.compile(r"```.*?(?:```|\Z)", re.S)
_QUOTE_LINE = re.compile(r"^[ \t]*>[^\n]*", re.M)


def inside(spans: Sequence[Span], offset: int) -> bool:
    return any(span.start <= offset < span.end for span in spans)


def opening_words(text: str, clause: Span, limit: int = 3) -> tuple[Token, ...]:
    """The first words of a clause after discourse fillers ("well", "oh", "and", ...)."""
    words = tokens(text, clause.start, clause.end)
    index, markers = 0, english_set("discourse_markers")
    while index < len(words) - 1 and words[index].word in markers:
        index += 1
    return words[index : index + limit]


def is_question(text: str, clause: Span) -> bool:
    """A clause that asks rather than states: ends with "?", or opens "do you", "what do"."""
    return _is_question(text, Span(*clause))


@lru_cache(maxsize=TEXT_CACHE)
def _is_question(text: str, clause: Span) -> bool:
    if text[clause.start : clause.end].rstrip().endswith("?"):
        return True
    first_word = tokens(text, *clause)[:1]
    opening = [t.word for t in opening_words(text, clause, 2)]
    if len(opening) < 2 or first_word[0].word in ("so", "neither", "nor"):
        return False  # "so is my brother" agrees, it does not ask
    if opening[0] in ("what", "why", "how", "where", "who", "which", "when"):
        return opening[1] in english_set("question_openers")
    return opening[0] in english_set("question_openers") and opening[1] in english_set(
        "subject_words"
    )


def follows_speaker(text: str, sentence: Span, clause: Span) -> bool:
    """An earlier clause of the sentence has "I" as subject: "I love pizza, hate pasta"."""
    return any(t.word in FIRST_PERSON for t in tokens(text, sentence.start, clause.start))


def is_hypothetical(text: str, clause: Span, subject_start: int, lead: Iterable[str] = ()) -> bool:
    """A hedge or condition over the subject: "if I liked", "maybe I'd"; not "if it's hot, I";
    with "would"/"could", the consequence is as hypothetical as its condition.

    Reads ``hypothetical_markers`` one word at a time, so its phrases ("in case") never match
    and inverted conditions ("Were I", "Had I known") are unknown to it; ``supposed`` is the
    shared guard that reads them, which its callers move to with their own version bump."""
    prefix = tokens(text, clause.start, subject_start)
    marked = [i for i, t in enumerate(prefix) if t.word in english_set("hypothetical_markers")]
    if not marked or {"would", "'d", "could", "might"} & set(lead):
        return bool(marked)
    return not any(t.word in english_set("subject_words") for t in prefix[marked[-1] + 1 :])


class Supposition(NamedTuple):
    """Words a marker leaves not so (english ``suppositions``): the marker's ``kind``
    ("condition", "imagined", "counterfactual", "wish", "hedge"), the marker, and the ``scope``
    it governs, never past its sentence."""

    kind: str
    marker: Span
    scope: Span


def supposed(text: str, at: int, kinds: Iterable[str] | None = None) -> Supposition | None:
    """The supposition whose scope holds offset ``at``, among ``kinds`` (every kind when None):
    the shared guard of the extractors against reading a case supposed as one that is
    ("Suppose I crashed a rental car, what happens?", "What if the backup fails?", "Had I
    known, I would have sold my car"). Each extractor says which kinds leave its reading not
    so: a failure supposed is none, while a question about a risk may still raise a worry."""
    wanted = None if kinds is None else frozenset(kinds)
    for found in _suppositions(text):
        if found.scope.start <= at < found.scope.end and (wanted is None or found.kind in wanted):
            return found
    return None


def suppositions(text: str) -> tuple[Supposition, ...]:
    """Every supposition of ``text`` (see ``supposed``), in order of their markers."""
    return _suppositions(text)


class _SuppositionWords(NamedTuple):
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> (words, kind)
    imagined: tuple[tuple[str, ...], ...]
    before_subject: frozenset[str]
    leads: frozenset[str]
    inversions: dict[str, str]
    consequences: frozenset[str]
    subjects: frozenset[str]
    concessive: frozenset[tuple[str, ...]]
    leave: frozenset[tuple[str, ...]]
    leave_tails: tuple[tuple[str, ...], ...]
    to_come_adverbs: tuple[tuple[str, ...], ...]
    to_come_wants: tuple[tuple[str, ...], ...]
    to_come_when: frozenset[str]
    to_come_habits: frozenset[str]


@cache
def _supposition_words() -> _SuppositionWords:
    data = load_lexicon("english")["suppositions"]
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind in ("condition", "wish", "hedge", "time_to_come"):
        for phrase in data[kind]:
            words = tuple(str(phrase).lower().split())
            phrases.setdefault(words[0], []).append((words, kind))
    return _SuppositionWords(
        phrases={w: tuple(sorted(p, key=lambda f: -len(f[0]))) for w, p in phrases.items()},
        imagined=tuple(
            sorted((tuple(str(p).lower().split()) for p in data["imagined"]), key=len)[::-1]
        ),
        before_subject=frozenset(str(w) for w in data["imagined_before_subject"]),
        leads=frozenset(str(w) for w in data["imagined_leads"]),
        inversions={str(k): str(v) for k, v in data["inversions"].items()},
        consequences=frozenset(str(w) for w in data["inversion_consequences"]),
        subjects=frozenset(str(w) for w in data["consequence_subjects"]),
        concessive=frozenset(tuple(str(p).lower().split()) for p in data["concessive"]),
        leave=frozenset(tuple(str(p).lower().split()) for p in data["leave_conditions"]),
        leave_tails=tuple(
            sorted((tuple(str(p).lower().split()) for p in data["leave_tails"]), key=len)[::-1]
        ),
        to_come_adverbs=tuple(tuple(str(p).lower().split()) for p in data["to_come_adverbs"]),
        to_come_wants=tuple(tuple(str(p).lower().split()) for p in data["to_come_wants"]),
        to_come_when=frozenset(str(w) for w in data["to_come_when"]),
        to_come_habits=frozenset(str(w) for w in data["to_come_habits"]),
    )


def _words_at(words: Sequence[Token], index: int, phrase: tuple[str, ...]) -> bool:
    return tuple(t.word for t in words[index : index + len(phrase)]) == phrase


@lru_cache(maxsize=TEXT_CACHE)
def _suppositions(text: str) -> tuple[Supposition, ...]:
    found: list[Supposition] = []
    for sentence in _sentences(text):
        found.extend(_sentence_suppositions(text, sentence))
    return tuple(found)


def _sentence_suppositions(text: str, sentence: Span) -> list[Supposition]:
    """The suppositions of one sentence: an imagined case or an inverted condition opening it
    (the whole sentence), then every condition, wish and hedge phrase (``_governed``)."""
    lexicon, words = _supposition_words(), tokens(text, *sentence)
    found: list[Supposition] = []
    first, leads = 0, english_set("discourse_markers") | lexicon.leads
    while first < len(words) - 1 and words[first].word in leads:
        first += 1
    opener = next((p for p in lexicon.imagined if _words_at(words, first, p)), None)
    if opener is None and words and words[first].word in lexicon.before_subject:
        following = words[first + 1 : first + 2]
        if following and following[0].word in english_set("subject_words"):
            opener = (words[first].word,)
    if opener is not None:
        marker = Span(words[first].start, words[first + len(opener) - 1].end)
        return [Supposition("imagined", marker, sentence)]
    if words and _inverted(text, sentence, words, first):
        kind = lexicon.inversions[words[first].word]
        found.append(Supposition(kind, Span(words[first].start, words[first].end), sentence))
    index = 0
    while index < len(words):
        heads = lexicon.phrases.get(words[index].word, ())
        match = next((f for f in heads if _words_at(words, index, f[0])), None)
        if match is None:
            index += 1
            continue
        phrase, kind = match
        if kind == "time_to_come":
            found.extend(_to_come(text, sentence, words, index, len(phrase)))
        else:
            found.extend(_governed(text, sentence, words, index, len(phrase), kind))
        index += len(phrase)
    return found


def _inverted(text: str, sentence: Span, words: Sequence[Token], first: int) -> bool:
    """A condition said with its verb first opens the sentence (``inversions``): "Were I to
    move to Berlin, I'd learn German", "Had the sync failed, I would have lost my work",
    "Should you need anything, let me know". A subject follows the verb (after "had" and
    "were", a noun subject needs a past form in its clause: "Had the sync failed", not "Had the
    best day ever, would recommend"), and after the clause's comma comes a consequence such a
    condition takes (``inversion_consequences``), not a question's tail ("Should I use
    Postgres, or MySQL?", "Were you at the party, Caroline?")."""
    lexicon = _supposition_words()
    verb = words[first].word
    if verb not in lexicon.inversions or first + 1 >= len(words):
        return False
    subject = words[first + 1].word
    if subject not in english_set("subject_words"):
        return False
    comma = text.find(",", words[first].end, sentence.end)
    if comma < 0:
        return False
    inverted = [t.word for t in words if words[first].end <= t.start < comma]
    pronoun = subject in lexicon.subjects or subject in ("you", "it")
    if verb != "should" and not pronoun and not any(is_past(w) for w in inverted[1:]):
        return False
    after = [t.word for t in words if t.start > comma]
    while len(after) > 1 and after[0] in english_set("discourse_markers"):
        after = after[1:]
    if after[:1] and after[0] in lexicon.consequences:
        return True
    # "Had I known, I would have sold my car": a subject, then the consequence's modal
    return (
        len(after) > 1
        and after[0] in english_set("subject_words")
        and after[1] in (lexicon.consequences)
    )


def _governed(
    text: str, sentence: Span, words: Sequence[Token], index: int, size: int, kind: str
) -> list[Supposition]:
    """What a phrase of a condition, a wish or a hedge at ``words[index]`` governs: its clause,
    up to the subject of the clause after it (the first of ``consequence_subjects`` past the
    phrase's own subject: "If it rains | I always take the bus"); and, for a condition, every
    other clause of its sentence that speaks of what will be, of the unreal, or asks ("In case
    it rains I'll stay in", "if it fails, what do I do?"), not one that states a present or a
    past ("If it rains I always take the bus": a habit)."""
    marker = Span(words[index].start, words[index + size - 1].end)
    held = [c for c in _clauses(text, sentence) if c.start < marker.end and marker.start < c.end]
    own = Span(held[0].start, held[-1].end) if held else sentence  # "what | if": one clause
    end = own.end
    subjects = _supposition_words().subjects
    for token in words[index + size + 1 :]:
        if token.start >= own.end:
            break
        if token.word in subjects:
            end = token.start
            break
    condition = Span(marker.start, end)
    if kind != "condition" or _granting(words, index, size, condition):
        return [Supposition(kind, marker, condition)]
    pieces = [c for c in _clauses(text, sentence) if c.end <= marker.start or c.start >= own.end]
    if end < own.end:
        pieces.append(Span(end, own.end))
    if own.start < marker.start:
        pieces.append(Span(own.start, marker.start))
    governed = [p for p in pieces if says_future(text[p.start : p.end]) or _is_question(text, p)]
    if _unreal(text, condition, governed):
        kind = "counterfactual"  # "if I won the lottery, I would buy a boat"
    return [Supposition(kind, marker, span) for span in (condition, *governed)]


_PRESENT_BE = frozenset({"am", "are", "is", "'m", "'re", "m", "re"})  # is_past("am") holds
_TIME_ADVERBS = frozenset({"ever", "just", "first", "finally", "eventually", "actually", "then"})


def _to_come(
    text: str, sentence: Span, words: Sequence[Token], index: int, size: int
) -> list[Supposition]:
    """A time clause of what is still to come at ``words[index]`` (english v19,
    ``time_to_come``): "once I've got my full licence, could I ...", "as soon as I get my visa
    I'll book flights", "when I eventually buy a house I want a big garden". Read as a
    condition over its own clause (up to the consequence's subject), when a subject follows the
    conjunction, nothing in the clause is past (but a participle after "have": "once I've
    got") or said with "will", and either an adverb of a time to come is in it
    (``to_come_adverbs``) or the rest of the sentence speaks of what will be, asks or wants
    (``to_come_wants``). "once I got home I cooked", "when I get home I always cook" and "next
    time I'll bring snacks" stay so."""
    lexicon = _supposition_words()
    after = words[index + size : index + size + 1]
    if not after or after[0].word not in english_set("subject_words"):
        return []
    found = _governed(text, sentence, words, index, size, "hedge")  # its own clause only
    own = found[0].scope
    inside = [t for t in words if own.start <= t.start < own.end][size:]
    opener = inside[-1:] if inside and inside[-1].word in english_set("question_openers") else []
    inside = inside[: len(inside) - len(opener)]  # "once I have the certificate | can I apply"
    own_words = [t.word for t in inside]
    # the tense is its first verb's: "once I got home" is past, "as soon as I get my shoes
    # resoled" and "once I've got my licence" are not
    verb = next((w for w in own_words[1:] if not w.endswith("ly") and w not in _TIME_ADVERBS), "")
    perfect = bool(own_words) and own_words[0].endswith(("'ve", "\u2019ve", "ive", "weve"))
    past = not perfect and verb not in _PRESENT_BE and (is_past(verb) or verb in ("was", "were"))
    if past or says_future(" ".join(own_words)):
        return []
    adverb = any(_has_phrase(own_words, p) for p in lexicon.to_come_adverbs)
    if words[index].word in lexicon.to_come_when and not (adverb or verb in _PRESENT_BE):
        return []  # "when I work at Pet Smart", "when I move to San Diego": so, or a plan
    rest = opener + [t for t in words if t.start >= own.end or t.end <= own.start]
    if any(t.word in lexicon.to_come_habits for t in rest):
        return []  # "I am always playing a game when I work at Pet Smart": a habit's time
    if not adverb:
        if not rest:
            return []
        rest_words = [t.word for t in rest]
        wants = any(_has_phrase(rest_words, p) for p in lexicon.to_come_wants)
        later = says_future(" ".join(rest_words)) or text[: sentence.end].rstrip().endswith("?")
        if not (wants or later or opener):
            return []
    return [Supposition("condition", found[0].marker, own)]


def _has_phrase(words: Sequence[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))


def _granting(words: Sequence[Token], index: int, size: int, condition: Span) -> bool:
    """Whether the condition phrase at ``words[index]`` leaves the rest of its sentence so
    (english v11): a concession ("even if": "I'm making a difference, even if it's a small
    one") or a condition of leave, whose words after the marker are one of
    ``leave_conditions`` ("I'll come over tomorrow if that's fine", "if that's ok with you")."""
    lexicon = _supposition_words()
    phrase = tuple(t.word for t in words[index : index + size])
    if phrase in lexicon.concessive:
        return True
    rest = tuple(
        t.word.strip(".,!?;:")
        for t in words[index + size :]
        if condition.start <= t.start < condition.end
    )
    tail = next((t for t in lexicon.leave_tails if rest[-len(t) :] == t), ())
    return rest[: len(rest) - len(tail)] in lexicon.leave


_UNREAL_MODALS = frozenset({"would", "could", "might"})


def _unreal(text: str, condition: Span, consequences: Sequence[Span]) -> bool:
    """A condition in the past with a consequence in the unreal ("would", "'d", "could",
    "might") says what is not so: "if I won the lottery, I would buy a boat", "if I lost my
    data, could I restore it?"; not "if it failed, what happens?" (a past that may be)."""
    words = tokens(text, *condition)[1:]
    if not any(is_past(t.word) and not t.word.endswith("eed") for t in words):
        return False  # not "need", "proceed"
    return any(
        t.word in _UNREAL_MODALS or t.word.endswith("'d")
        for piece in consequences
        for t in tokens(text, *piece)
    )


def is_conditional(text: str, sentence: Span, subject_start: int, future: bool) -> bool:
    """A consequence still to come of a condition before it in the sentence: "if it fails
    again, I'll cancel", "if the export flakes once more I'm moving the job" (``future``: the
    verb group speaks of what will be). A present taste under a condition stands: "if it's
    cold, I prefer tea"; so does a plan on a time to come: "when I retire I'll move to Spain"."""
    if not future:
        return False
    markers = english_set("condition_markers")
    words = [t.word for t in tokens(text, sentence.start, subject_start)]
    pairs = (" ".join(words[i : i + 2]) for i in range(len(words)))
    return any(w in markers for w in words) or any(p in markers for p in pairs)


def is_future(text: str, pred: Predicate) -> bool:
    """The verb group speaks of what will be: "I'll", "I'm going to", "I might", "I'm moving"."""
    if set(pred.lead) & english_set("future_leads"):
        return True
    if pred.verb.word.endswith("ing"):
        return True
    following = tokens(text, *pred.rest)[:1]
    return pred.is_be and bool(following) and following[0].word.endswith("ing")


def says_future(words: str) -> bool:
    """Words of a verb group that speak of what will be: "I'll cancel", "we're switching"."""
    return bool(_FUTURE.search(words))


_FUTURE = re.compile(
    r"\b(?:will|would|might|could|shall|gonna|going to)\b|'ll\b|'d\b"
    r"|\b(?:i'm|im|we're|i am|we are)\s+(?:\w+\s+)?\w+ing\b",
    re.IGNORECASE,
)


def is_report_verb(word: str) -> bool:
    """A verb of saying or believing ("said", "thought"): what follows it is the content, so
    "I always thought ..." is no habit of thinking; its "-ing" forms too ("saying", english v12)."""
    return word in _report_verbs()


@cache
def _report_verbs() -> frozenset[str]:
    """``is_report_verb``'s words in one set: it is asked of every word before a subject."""
    return english_words("reporting_verbs", "disowning_verbs") | _progressive_reports()


def is_reported(text: str, sentence: Span, subject_start: int) -> bool:
    """Someone other than the speaker reports the words ("she said I love tea"), or the
    speaker disowns them: a denied report ("I wouldn't say I'm a morning person", "I don't
    think I like it"), a belief now past ("I thought I'd like it"), "it's not that I ..."."""
    words = tokens(text, sentence.start, subject_start)
    turns = [i for i, t in enumerate(words) if t.word in english_set("contrast_turns")]
    words = words[turns[-1] + 1 :] if turns else words  # "she says X, but honestly I love Y"
    if [t.word for t in words[-2:]] in (["not", "that"], ["not", "like"]):
        return True  # "it's not that I dislike Java"
    skippable, negations = _report_skippable(), english_set("negations")
    progressive, leads = _progressive_reports(), english_set("progressive_report_leads")
    for index, word in enumerate(words):
        if not is_report_verb(word.word):
            continue
        saying = word.word in progressive
        if not saying and index and words[index - 1].word in _report_noun_leads():
            continue  # "on second thought, ...": a noun, no one reports
        back, denied, led = index - 1, False, False
        while back >= 0 and (
            words[back].word in skippable or (saying and words[back].word in leads)
        ):
            denied = denied or words[back].word in negations
            led = led or words[back].word in leads
            back -= 1
        speaker = {"i", "i've", "i'd", "i'll", "we"} | (_PROGRESSIVE_SPEAKER if saying else set())
        if saying and not (
            (led or (back >= 0 and words[back].word.endswith(("'s", "'re"))))
            and _governs(words, index)
        ):
            continue  # "thanks for saying"; "he was telling me about it and I love jazz"
        if saying and _asked(words, back):
            continue  # "can you keep telling me the price?": a request, no report
        if back < 0 or words[back].word not in speaker:
            return True
        if _governs(words, index) and (
            denied
            or (words[index].word in english_set("disowning_verbs") and not _perfect(words, back))
        ):
            return True
    return False


#: The speaker as the subject of a progressive report: "I'm saying I love it" (english v12).
_PROGRESSIVE_SPEAKER = {"i'm", "im", "we're", "we've", "we'd", "we'll"}


def _asked(words: tuple[Token, ...], subject: int) -> bool:
    """The subject at ``subject`` is the listener asked with a modal or "do" before it: "can you
    keep telling me", "would you keep mentioning"."""
    return (
        subject > 0
        and words[subject].word in ("you", "u")
        and words[subject - 1].word in english_words("modals") | {"do", "does", "did"}
    )


@cache
def _progressive_reports() -> frozenset[str]:
    """The "-ing" forms of the reporting verbs, derived from their "-s" forms ("says" ->
    "saying", "insists" -> "insisting"), less ``reporting_activities`` (english v12): "my
    sister keeps saying I love the Nest" is her word."""
    listed = english_set("reporting_verbs")
    bases = {w[:-1] for w in listed if w.endswith("s")} | {w for w in listed if w + "s" in listed}
    forms = {
        form
        for base in bases
        for form in inflections(base)
        if is_gerund(form) and not re.search(r"[^aeiou]eing$", form)  # "believeing"
    }
    return frozenset(forms - english_set("reporting_activities"))


@cache
def _report_noun_leads() -> frozenset[str]:
    """Words after which a reporting verb's form is a noun ("on second thought"); not "to",
    which also marks an infinitive ("she wanted to tell me I ...")."""
    return english_words("report_noun_leads", "prepositions") - {"to"}


@cache
def _report_skippable() -> frozenset[str]:
    """Words between a subject and its verb of saying: "I have always (not) thought"."""
    return english_words("adverbs", "modals", "negations") | {"have", "has", "had"}


def _governs(words: tuple[Token, ...], index: int) -> bool:
    """The speaker's verb of saying at ``index`` takes the clause that ends ``words``: no
    subordinator or coordinator between them ("I thought it was obvious since I like X": the
    "since" clause is the speaker's own)."""
    cuts = english_words("subordinators", "coordinators")
    return not any(t.word in cuts for t in words[index + 1 :])


def _perfect(words: tuple[Token, ...], back: int) -> bool:
    """ "I've always thought I was too short": a belief still held, not one given up."""
    return words[back].word in ("i've", "we've") or any(
        t.word in ("have", "'ve", "ve") for t in words[back + 1 :]
    )


def predicates(
    text: str,
    clause: Span,
    known_verbs: frozenset[str] = frozenset(),
    subjects: frozenset[str] = FIRST_PERSON,
    implied: bool = False,
) -> list[Predicate]:
    """Every subject + verb group in a clause whose subject is one of ``subjects``, and a verb
    coordinated with it ("I sell books and work at a bar"); with ``implied``, also a verb group
    opening a subjectless clause ("really love it"). ``known_verbs`` tells an emphatic "do"
    ("I do enjoy") from a main one ("I do yoga") and finds coordinated verbs."""
    words = tokens(text, clause.start, clause.end)
    heads = [(word, i + 1, True) for i, word in enumerate(words) if word.word in subjects]
    opening = opening_words(text, clause, 1)
    if implied and not heads and opening and opening[0].word not in english_set("subject_words"):
        heads = [(Token("", opening[0].start, opening[0].start), words.index(opening[0]), False)]
    joints: list[int] = []  # where a coordinated verb group begins: its "and"
    for subject, position, _ in list(heads):
        for k in range(position, len(words) - 1):
            if words[k].word in ("and", "or", "but") and _next_verb(words, k + 1) in known_verbs:
                heads.append((subject, k + 1, False))
                joints.append(words[k].start)
    found = []
    for subject, position, direct in heads:
        parsed = _parse_verb_group(words, position, subject if direct else None, known_verbs)
        if parsed is not None:
            lead, negated, verb, rest_start = parsed
            end = min([j for j in joints if j > rest_start], default=clause.end)
            found.append(Predicate(subject, lead, negated, verb, Span(rest_start, end), clause))
    return found


def _next_verb(words: tuple[Token, ...], position: int) -> str:
    while position < len(words) and words[position].word in english_set("adverbs"):
        position += 1
    return words[position].word if position < len(words) else ""


def _parse_verb_group(
    words: tuple[Token, ...], position: int, subject: Token | None, known_verbs: frozenset[str]
) -> tuple[tuple[str, ...], bool, Token, int] | None:
    """From ``position``: adverbs, modals and negations, then the main verb; ``subject`` is
    the token just before when it is a contraction that brings a verb ("I'm", "I'd")."""
    adverbs, modals, negations = (english_set(k) for k in ("adverbs", "modals", "negations"))
    word = subject.word if subject is not None else ""
    lead: list[str] = [_CONTRACTED[word]] if word in _CONTRACTED else []
    negated, verb = False, subject if word in _BE_SUBJECTS else None
    while verb is None and position < len(words):
        word = words[position].word
        after = words[position + 1].word if position + 1 < len(words) else ""
        pair = f"{word} {after}"
        if pair in english_set("lead_phrases") or pair in negations:  # "tend to", "can t"
            lead.extend([pair, word] if pair in negations else [pair])  # "can t" -> can, not
            negated, position = negated or word == "no" or pair in negations, position + 2
            continue
        emphatic = word in ("do", "does", "did") and (
            after in negations or after in adverbs or after in known_verbs
        )
        if word in negations or word in modals or word in adverbs or emphatic or _ly(word):
            negated = negated or word in negations
            lead.append(word)
        elif word in ("have", "has", "had", "'ve") and _is_participle(after):
            lead.append("have")
        else:
            verb = words[position]
        position += 1
    if verb is None:
        return None
    while (verb.word in english_set("be_forms") or verb is subject) and position < len(words):
        if " ".join(t.word for t in words[position : position + 2]) in english_set("lead_phrases"):
            position += 2  # "I'm a bit afraid of"
        elif words[position].word in english_words("negations", "adverbs"):
            negated, position = negated or words[position].word in negations, position + 1
        else:
            break
    return tuple(lead), negated, verb, words[position].start if position < len(words) else verb.end


def _ly(word: str) -> bool:
    """An adverb by its form: "strongly", "greatly" (not "rely", "apply": ``ly_verbs``)."""
    return len(word) >= 5 and word.endswith("ly") and word not in english_set("ly_verbs")


@cache
def adverb_run(by_form: bool = True) -> str:
    """A regex for any run of adverbs, each with the space after it ("really strongly "): the
    listed ``adverbs`` and, with ``by_form``, any "-ly" word as ``_ly`` reads one."""
    listed = word_alternation(english_set("adverbs"))
    if not by_form:
        return rf"(?:{listed}\s+)*"
    ly = rf"(?<![\w'’-])(?!{word_alternation(english_set('ly_verbs'))})[a-z]{{3,}}ly(?![\w'-])"
    return rf"(?:(?:{listed}|{ly})\s+)*"


def _is_participle(word: str) -> bool:
    if word in english_words("adverbs", "negations") or word == "been":
        return True
    if word in _irregular_forms() and not word.endswith("ing"):
        return word not in ("has", "have", "does", "goes", "is", "are", "am", "was", "were", "'m")
    return (
        len(word) > 4
        and word.endswith(tuple(english_set("participle_endings")))
        and word not in english_set("ed_non_past")
    )


def phrase_span(
    text: str, start: int, end: int, stops: str | None = None, max_words: int = 8
) -> Span | None:
    """The phrase in ``text[start:end]``: cut at the first ``stops`` match (a regex), trailing
    fillers removed, at most ``max_words`` words. None when nothing is left."""
    if stops and (cut := re.search(stops, text[start:end], re.IGNORECASE)) is not None:
        end = start + cut.start()
    found = tokens(text, start, end)
    # Cut short at ``max_words``: the last word kept had a word after it.
    words, dropped = found[:max_words], len(found) > max_words
    # "switched to light mode ... I prefer it": the topic is "light mode", not "to light mode".
    while words and words[0].word in LEADING_PREPOSITIONS:
        words = words[1:]
    fillers, dangling = english_set("trailing_fillers"), english_set("dangling_words")
    particles = english_set("dangling_particles") | english_set("dangling_when_cut")
    while words:
        if size := _filler_size(words, fillers):
            words = words[:-size]
        # A lone dangling word stays: "that" may refer back to the phrase it stands for.
        elif len(words) > 1 and (
            words[-1].word in dangling or (dropped and words[-1].word in particles)
        ):
            words, dropped = words[:-1], True
        else:
            break
    return Span(words[0].start, words[-1].end) if words else None


#: Words ``phrase_span`` drops from the front of a phrase ("switched to light mode").
LEADING_PREPOSITIONS = frozenset({"to", "into", "onto", "towards", "toward"})


def _filler_size(words: tuple[Token, ...], fillers: frozenset[str]) -> int:
    joined = (" ".join(t.word for t in words[-size:]) for size in (3, 2, 1))
    return next((3 - i for i, phrase in enumerate(joined) if phrase in fillers), 0)


@cache
def _determiner_pattern() -> re.Pattern[str]:
    return re.compile(r"^(?:" + word_alternation(english_set("determiners")) + r"\s*)+")


def normalise_phrase(phrase: str) -> str:
    """Key form: lower case, straight apostrophes, no quotes or brackets, no leading
    determiners ("the", "my", "some"), no trailing punctuation, single spaces."""
    key = re.sub(r"[\"“”«»()\[\]{}*_]", " ", phrase.lower().replace("’", "'"))
    key = re.sub(r"\s+", " ", key).strip(" \t.,;:!?-'")
    return _determiner_pattern().sub("", key).strip(" \t.,;:!?-'")


def plain(phrase: str) -> str:
    """Readable form for a value: lower case, single spaces, straight apostrophes."""
    return " ".join(phrase.lower().replace("’", "'").split()).strip(" .,;:!?")


#: Distinct texts whose claims each text extractor keeps (``remembered``).
CLAIM_CACHE = 16384


def remembered(read: Callable[[str], list[Claim]]) -> Callable[[str], tuple[Claim, ...]]:
    """``read`` (a text's claims), remembered for the last ``CLAIM_CACHE`` distinct texts.

    What a rule reads in a message depends on its text alone, and people repeat themselves
    ("ok", "thanks", the same question in every session), so a repeated text is read once. The
    claims are shared: callers (``claim_signals``) must not modify them.
    """
    return lru_cache(maxsize=CLAIM_CACHE)(lambda text: tuple(read(text)))


def claim_signals(
    event: StoredEvent, claims: Iterable[Claim], kind: SignalKind, producer: str
) -> Iterator[Signal]:
    """One signal per key and polarity sign in the event, citing every span that said it."""
    merged: dict[tuple[str, bool], Claim] = {}
    for claim in claims:
        kept = merged.setdefault(
            (claim.key, claim.polarity < 0), Claim(claim.key, "", 0.0, 0.0, [])
        )
        kept.value, kept.polarity = kept.value or claim.value, kept.polarity or claim.polarity
        kept.weight = max(kept.weight, claim.weight)
        kept.spans.extend(span for span in claim.spans if span not in kept.spans)
    for claim in merged.values():
        yield Signal(
            actor=event.actor or "",
            kind=kind,
            key=claim.key,
            value=claim.value,
            polarity=claim.polarity,
            weight=claim.weight,
            session_id=event.session_id,
            ts=event.ts,
            producer=producer,
            evidence=tuple(make_evidence(event, s.start, s.end) for s in sorted(claim.spans)),
        )
