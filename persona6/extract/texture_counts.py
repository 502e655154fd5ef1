"""The raw counts behind the message profile of persona6.texture.v2 (see ``texture``).

``TextureCounts.from_text`` reads one text and is the reference. ``from_texts`` gives the same
counts for many texts in a few passes over them joined by ``_JOIN`` (one findall per pattern,
not one per message), works on each distinct word once rather than on every token, and hashes
the character n-grams of all texts not seen lately at once (``ngrams.bucket_counts_each``),
remembering each text's counts (``_ngram_counts``) and word tokens (``_TOKENS``);
``tests/extract/test_texture.py`` checks that the two agree on arbitrary texts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
from numpy.typing import NDArray

from persona6.extract.ngrams import bucket_counts_each, crc_bucket
from persona6.extract.text import load_lexicon, material_spans, word_alternation

NGRAM_BUCKETS = 256

#: Pictographic emoji, flags and dingbats (not text emoticons, which are listed in the data file).
EMOJI = re.compile(
    "[\U0001f300-\U0001faff\U0001f1e6-\U0001f1ff\u2600-\u27bf\u2b50\u2b55\u2764\u2705\u274c]"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_BREAK = re.compile(r"[.!?\n]+")
_SPACE = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"\.{3,}|…")
PUNCTUATION = (".", ",", "!", "?", "...", ";", ":", "-", "'", '"', "(", ")")
_ALIASES = {"'": "'’‘", '"': '"“”'}
# Joins texts for pooled counting: not a letter, digit, mark or emoji, and "\x00" is neither
# whitespace nor a word character, so no cue spans two texts and each text's edges look to
# every pattern as a text's ends do (see TextureCounts.from_texts). Its lines are subtracted.
_JOIN = "\n\x00\n"
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_DIGITS = b"0123456789"
_APOSTROPHE = re.compile("'")
_ANY_APOSTROPHE = re.compile("['’]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

#: The surface dimensions, in order (see the docstring of ``texture``).
# fmt: off
SURFACE = (
    "case:upper_letter_share", "case:lowercase_message_start", "case:lowercase_sentence_start",
    "case:allcaps_word_rate", "case:lowercase_i_share", "rate:emoji_per_char",
    "rate:emoticon_per_char", "rate:digit_per_char", "rate:newline_per_char",
    "rate:hedge_per_word", "rate:politeness_per_word", "rate:contraction_per_word",
    "rate:bare_contraction_per_word", "len:log_mean_message_words", "len:log_std_message_words",
    "len:log_mean_message_chars", "len:log_std_message_chars", "len:log_mean_sentence_words",
    "len:mean_word_length", "lex:type_token_ratio",
)
# fmt: on


def own_text(text: str) -> str:
    """The text with the material the person pasted (``text.material_spans``: a forwarded
    email with its ``From:``/``Subject:`` header, a line quoted with ">", a code block, machine
    output) blanked out: each of its characters a space but its line breaks, so that every
    offset of the person's own words stays where it was. How a person writes, and what their
    style shows, is read from their own words only (texture.v2, style.v13)."""
    spans = material_spans(text)
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def own_texts(texts: Sequence[str]) -> list[str]:
    """The person's own words of each text: the material they pasted (``own_text``) cut out,
    and the texts that are pasted material alone left out (texture.v2)."""
    found: list[str] = []
    for text in texts:
        spans = material_spans(text)
        if spans:
            kept, at = [], 0
            for span in spans:  # in order of start
                kept.append(text[at : max(at, span.start)])
                at = max(at, span.end)
            kept.append(text[at:])
            text = "".join(kept).strip()
        if text:
            found.append(text)
    return found


@cache
def function_words() -> tuple[str, ...]:
    return tuple(str(word) for word in load_lexicon("function_words")["words"])


@cache
def _lexicon() -> dict[str, re.Pattern[str]]:
    data = load_lexicon("texture")
    emoticons = "|".join(re.escape(e) for e in sorted(data["emoticons"], key=len, reverse=True))
    hedges, politeness = word_alternation(data["hedges"]), word_alternation(data["politeness"])
    return {
        "hedges": re.compile(hedges, re.IGNORECASE),
        "politeness": re.compile(politeness, re.IGNORECASE),
        "emoticons": re.compile(rf"(?<!\S)(?:{emoticons})(?!\S)"),
        # word_alternation lower-cases the phrases, and its classes (\w, \s) ignore case, so on
        # lower-cased ASCII text these count what the IGNORECASE ones do, four times faster.
        "hedges_lower": re.compile(hedges),
        "politeness_lower": re.compile(politeness),
    }


@cache
def _emoticon_markers() -> frozenset[str]:
    """A piece of each emoticon of the list, rare in words: its first character that is no
    letter, digit, hyphen or apostrophe (":", "_"), else the emoticon whole ("xD"). A text
    holding none of them holds no emoticon, and is not searched."""
    markers = set()
    for emoticon in load_lexicon("texture")["emoticons"]:
        emoticon = str(emoticon)
        rare = [ch for ch in emoticon if not ch.isalnum() and ch not in "-'"]
        markers.add(rare[0] if rare else emoticon)
    return frozenset(markers)


@cache
def _phrase_keys(key: str) -> frozenset[str] | None:
    """One word of each phrase of a word list (its longest), lower-cased, or None when some
    phrase word is not one whole token (then no text can be skipped).

    A match of the list's pattern (``word_alternation``: whole words, joined by whitespace)
    makes every word of its phrase a whole token of the text; so, on ASCII text, a text with
    none of these words among its lower-cased tokens has no match."""
    phrases = [str(p).strip().lower().split() for p in load_lexicon("texture")[key]]
    if not all(_WORD.fullmatch(word) for words in phrases for word in words):
        return None
    return frozenset(max(words, key=len) for words in phrases if words)


def _phrases(
    key: str, texts: Sequence[str], per_text: Sequence[list[str]], types: Collection[str]
) -> int:
    """Matches of the ``key`` word list in the texts (``_lexicon``'s pattern over them joined by
    ``_JOIN``: no match spans two texts, so it is the sum over the texts). An ASCII text is
    searched lower-cased with the ``_lower`` pattern, and only when one of its lower-cased
    tokens is one of the list's ``_phrase_keys`` (few are; none at all when the lower-cased
    tokens of all the texts, ``types``, hold none and the texts are ASCII). Any other text is
    searched as it is with the case-blind pattern (whose Unicode case folding matches "ſ" as
    "s", "K" as "k": no token look applies)."""
    keys = _phrase_keys(key)
    ascii_only = all(map(str.isascii, texts))
    if keys is not None and ascii_only and keys.isdisjoint(types):
        return 0
    plain: list[str] = []
    wide: list[str] = []
    for text, tokens in zip(texts, per_text, strict=True):
        if not text.isascii():
            wide.append(text)
        elif keys is None or not keys.isdisjoint(map(str.lower, tokens)):
            plain.append(text)
    patterns = _lexicon()
    found = len(patterns[f"{key}_lower"].findall(_JOIN.join(plain).lower())) if plain else 0
    return found + (len(patterns[key].findall(_JOIN.join(wide))) if wide else 0)


@cache
def _bare_contractions() -> frozenset[str]:
    return frozenset(str(word) for word in load_lexicon("texture")["bare_contractions"])


@cache
def _function_word_set() -> frozenset[str]:
    return frozenset(function_words())


@cache
def _function_word_index() -> dict[str, int]:
    return {word: i for i, word in enumerate(function_words())}


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _log_mean_std(total: float, squares: float, n: int) -> tuple[float, float]:
    mean = _ratio(total, n)
    variance = max(_ratio(squares, n) - mean * mean, 0.0)
    return math.log1p(mean), math.log1p(math.sqrt(variance))


@dataclass(frozen=True, slots=True)
class TextureCounts:
    """Raw counts behind a message profile; ``a + b`` pools two samples exactly."""

    counts: Counter[str] = field(default_factory=Counter)
    function_words: Counter[str] = field(default_factory=Counter)
    ngrams: Counter[int] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)

    def __add__(self, other: TextureCounts) -> TextureCounts:
        return TextureCounts(
            self.counts + other.counts,
            self.function_words + other.function_words,
            self.ngrams + other.ngrams,
            self.types + other.types,
        )

    @property
    def words(self) -> int:
        return self.counts["words"]

    @classmethod
    def from_text(cls, text: str) -> TextureCounts:
        c: Counter[str] = Counter(messages=1, chars=len(text))
        tokens = [m.group() for m in _WORD.finditer(text)]
        lowered = [t.lower().replace("’", "'") for t in tokens]
        c["words"] = len(tokens)
        c["word_chars"] = sum(len(t) for t in tokens)
        c["msg_words_sq"] = len(tokens) ** 2
        c["msg_chars_sq"] = len(text) ** 2
        c["letters"] = sum(ch.isalpha() for ch in text)
        c["upper"] = sum(ch.isupper() for ch in text)
        c["digits"] = sum(ch.isdigit() for ch in text)
        c["newlines"] = text.count("\n")
        c["emoji"] = len(EMOJI.findall(text))
        patterns = _lexicon()
        c["emoticons"] = len(patterns["emoticons"].findall(text))
        c["hedges"] = len(patterns["hedges"].findall(text))
        c["politeness"] = len(patterns["politeness"].findall(text))
        c["allcaps"] = sum(len(t) > 1 and t.isupper() for t in tokens)
        c["pronoun_i"] = sum(w == "i" or w.startswith("i'") for w in lowered)
        c["lowercase_i"] = sum(t == "i" or t.startswith(("i'", "i’")) for t in tokens)
        c["contractions"] = sum("'" in w for w in lowered)
        c["bare_contractions"] = sum(w in _bare_contractions() for w in lowered)
        first = next((ch for ch in text if ch.isalpha()), "")
        c["starts_letter"] = int(bool(first))
        c["starts_lower"] = int(first.islower())
        sentences = [s for s in _SENTENCE_BREAK.split(text) if any(ch.isalpha() for ch in s)]
        c["sentences"] = len(sentences)
        c["sentence_words"] = sum(len(_WORD.findall(s)) for s in sentences)
        c["sentences_lower"] = sum(
            next(ch for ch in s if ch.isalpha()).islower() for s in sentences
        )
        ellipses = _ELLIPSIS.findall(text)
        c["punct:..."] = len(ellipses)
        for mark in PUNCTUATION:
            if mark != "...":
                c[f"punct:{mark}"] = sum(text.count(ch) for ch in _ALIASES.get(mark, mark))
        c["punct:."] -= sum(len(e) for e in ellipses if e != "…")
        known = _function_word_set()
        heads = ("n't" if w.endswith("n't") else w.split("'")[0] for w in lowered)
        fw = Counter(w for w in heads if w in known)
        flat = " " + _SPACE.sub(" ", text.lower()).strip() + " "
        grams = Counter(
            crc_bucket(flat[i : i + n], NGRAM_BUCKETS)
            for n in (2, 3, 4)
            for i in range(len(flat) - n + 1)
        )
        return cls(c, fw, grams, Counter(lowered))

    @classmethod
    def from_texts(cls, texts: Sequence[str]) -> TextureCounts:
        """The same as summing ``from_text`` over the texts (zero counts left out, as ``+``
        leaves them), counted over the texts joined by ``_JOIN``."""
        return _pooled(texts) if texts else cls()

    def values(self) -> list[float]:
        """The profile as floats, laid out as ``TEXTURE_LAYOUT``."""
        c, words, chars = self.counts, self.counts["words"], self.counts["chars"]
        # Most dimensions are 0 (0 / words is 0.0): only the counted ones are divided.
        fw = _zeros(len(function_words()))
        if words:
            at = _function_word_index()
            for word, count in self.function_words.items():
                if word in at:  # a count put in by hand may name another word
                    fw[at[word]] = count / words
        total_grams = sum(self.ngrams.values())
        grams = _zeros(NGRAM_BUCKETS)
        if total_grams:
            for bucket, count in self.ngrams.items():
                if 0 <= bucket < NGRAM_BUCKETS:
                    grams[bucket] = count / total_grams
        punct = [_ratio(c[f"punct:{mark}"], chars) for mark in PUNCTUATION]
        n = c["messages"]
        mean_words, std_words = _log_mean_std(words, c["msg_words_sq"], n)
        mean_chars, std_chars = _log_mean_std(chars, c["msg_chars_sq"], n)
        surface = [
            _ratio(c["upper"], c["letters"]),
            _ratio(c["starts_lower"], c["starts_letter"]),
            _ratio(c["sentences_lower"], c["sentences"]),
            _ratio(c["allcaps"], words),
            _ratio(c["lowercase_i"], c["pronoun_i"]),
            _ratio(c["emoji"], chars),
            _ratio(c["emoticons"], chars),
            _ratio(c["digits"], chars),
            _ratio(c["newlines"], chars),
            _ratio(c["hedges"], words),
            _ratio(c["politeness"], words),
            _ratio(c["contractions"], words),
            _ratio(c["bare_contractions"], words),
            mean_words,
            std_words,
            mean_chars,
            std_chars,
            math.log1p(_ratio(c["sentence_words"], c["sentences"])),
            _ratio(c["word_chars"], words),
            _ratio(len(self.types), words),
        ]
        return fw + grams + punct + surface

    def vector(self) -> NDArray[np.float64]:
        """The profile, laid out as ``TEXTURE_LAYOUT``."""
        return np.array(self.values(), dtype=np.float64)


def _zeros(size: int) -> list[float]:
    return [0.0] * size


def _classes(joined: str) -> tuple[int, int, int]:
    """Letters, upper-case letters and digits (``str.isalpha``, ``isupper``, ``isdigit``)."""
    # On ASCII those are exactly the ASCII ranges: count bytes in C; the (few) other
    # characters are asked one by one.
    raw = joined.encode("ascii", "ignore")
    letters, upper, digits = (
        len(raw) - len(raw.translate(None, kept))
        for kept in (_ASCII_LETTERS, _ASCII_UPPER, _ASCII_DIGITS)
    )
    if len(raw) < len(joined):
        wide = _NON_ASCII.findall(joined)
        letters += sum(map(str.isalpha, wide))
        upper += sum(map(str.isupper, wide))
        digits += sum(map(str.isdigit, wide))
    return letters, upper, digits


#: The word tokens (``_WORD``) of each text read lately, by text: people repeat themselves.
#: Bounded; the lists are shared, never changed.
_TOKENS: dict[str, list[str]] = {}
_TOKENS_LIMIT = 1 << 14


def _tokens_of(texts: Sequence[str]) -> list[list[str]]:
    known = _TOKENS
    found = []
    for text in texts:
        tokens = known.get(text)
        if tokens is None:
            if len(known) >= _TOKENS_LIMIT:
                known.clear()
            tokens = known[text] = _WORD.findall(text)
        found.append(tokens)
    return found


def _pooled(texts: Sequence[str]) -> TextureCounts:
    """``sum(TextureCounts.from_text(t) for t in texts)``, counted over the texts joined."""
    joined = _JOIN.join(texts)
    per_text = _tokens_of(texts)
    c: dict[str, int] = {"messages": len(texts), "chars": sum(map(len, texts))}
    c["words"] = sum(map(len, per_text))
    c["msg_words_sq"] = sum(len(tokens) ** 2 for tokens in per_text)
    c["msg_chars_sq"] = sum(len(text) ** 2 for text in texts)
    c["letters"], c["upper"], c["digits"] = _classes(joined)
    c["newlines"] = joined.count("\n") - 2 * (len(texts) - 1)
    c["emoji"] = 0 if joined.isascii() else len(EMOJI.findall(joined))
    patterns = _lexicon()
    c["emoticons"] = (
        len(patterns["emoticons"].findall(joined))
        if any(marker in joined for marker in _emoticon_markers())
        else 0
    )
    # Per distinct token (and per distinct lower-cased word) rather than per token; only the
    # few with an apostrophe need a look of their own.
    tokens = [token for found in per_text for token in found]
    distinct = Counter(tokens)
    c["word_chars"] = sum(map(len, tokens))
    c["allcaps"] = sum(distinct[t] for t in filter(str.isupper, distinct) if len(t) > 1)
    marked = list(filter(_ANY_APOSTROPHE.search, distinct))
    c["lowercase_i"] = distinct.get("i", 0) + sum(
        distinct[t] for t in marked if t.startswith(("i'", "i’"))
    )
    if "’" in joined:
        types: Counter[str] = Counter()
        for token, count in distinct.items():
            types[token.lower().replace("’", "'")] += count
    else:
        types = Counter(map(str.lower, tokens))
    # The word lists hold lower-case letters only: see _lexicon and _phrases.
    c["hedges"] = _phrases("hedges", texts, per_text, types)
    c["politeness"] = _phrases("politeness", texts, per_text, types)
    contracted = list(filter(_APOSTROPHE.search, types))
    c["pronoun_i"] = types.get("i", 0) + sum(types[w] for w in contracted if w.startswith("i'"))
    c["contractions"] = sum(types[w] for w in contracted)
    c["bare_contractions"] = sum(types[w] for w in _bare_contractions().intersection(types))
    known = _function_word_set()
    # A word without an apostrophe is its own head ("n't" has one, so it is counted below).
    fw = Counter({w: types[w] for w in known.intersection(types) if "'" not in w})
    for word in contracted:
        head = "n't" if word.endswith("n't") else word.split("'")[0]
        if head in known:
            fw[head] += types[word]
    firsts = [next(filter(str.isalpha, text), "") for text in texts]
    c["starts_letter"] = sum(1 for first in firsts if first)
    c["starts_lower"] = sum(1 for first in firsts if first.islower())
    # Tokens never span a sentence break, so the words of sentences (pieces with a letter) are
    # all words but those of the pieces without one (the joints among them).
    sentences = lower = unlettered_words = 0
    for piece in _SENTENCE_BREAK.split(joined):
        first = next(filter(str.isalpha, piece), None)
        if first is None:
            # An ASCII piece without a letter has no token ([^\W\d_] is a letter in ASCII).
            unlettered_words += 0 if piece.isascii() else len(_WORD.findall(piece))
        else:
            sentences += 1
            lower += first.islower()
    c["sentences"], c["sentences_lower"] = sentences, lower
    c["sentence_words"] = c["words"] - unlettered_words
    ellipses = _ELLIPSIS.findall(joined) if "..." in joined or "…" in joined else []
    c["punct:..."] = len(ellipses)
    for mark in PUNCTUATION:
        if mark != "...":
            c[f"punct:{mark}"] = sum(joined.count(ch) for ch in _ALIASES.get(mark, mark))
    c["punct:."] -= sum(len(e) for e in ellipses if e != "…")
    return TextureCounts(
        Counter({key: value for key, value in c.items() if value > 0}),
        fw,
        _ngram_counts(texts),
        types,
    )


#: The n-gram bucket counts of each text read lately (a row of ``NGRAM_BUCKETS``), by text:
#: people repeat themselves, and counting a text costs more than adding its row. Bounded.
_NGRAMS: dict[str, NDArray[np.int64]] = {}
_NGRAMS_LIMIT = 1 << 14


def _ngram_counts(texts: Sequence[str]) -> Counter[int]:
    """``bucket_counts`` of the texts flattened as ``from_text`` does, from each text's own
    counts (remembered; the texts not seen lately are counted together)."""
    known = _NGRAMS
    fresh = [text for text in dict.fromkeys(texts) if text not in known]
    if fresh:
        if len(known) + len(fresh) > _NGRAMS_LIMIT:
            known.clear()
            fresh = list(dict.fromkeys(texts))
        flats = [" " + _SPACE.sub(" ", text.lower()).strip() + " " for text in fresh]
        for text, row in zip(fresh, bucket_counts_each(flats, NGRAM_BUCKETS), strict=True):
            known[text] = row.copy()  # not a view: it would keep all the rows alive
    total = np.sum([known[text] for text in texts], axis=0)
    found = np.flatnonzero(total)
    return Counter(dict(zip(found.tolist(), total[found].tolist(), strict=True)))
