"""persona6.texture.v1: language texture, a stylometric profile of how a person writes.

One TEXTURE signal per (session, actor): key ``profile`` over the actor's own messages (value
"", ``measure`` = words it rests on, ``vector`` = the profile, evidence = the three longest
messages), and key ``actions`` over the actor's action texts such as shell commands (``measure``
= actions it rests on), which links people who type rather than write.

The profiles are built from raw counts (``TextureCounts``, ``ActionCounts``) that add up, so
identity linking can sum the counts of any set of messages (a session, a person) and normalise
once: ``(a + b).vector()``. ``texture_vector(texts)`` and ``action_vector(texts)`` do it for a
list of texts. ``texture_distance`` compares two message profiles block by block.

``TEXTURE_LAYOUT`` names each dimension of the message profile, in order:

- ``fw:<word>``, 165 dims: count of each function word of ``data/function_words.yaml`` / words.
  A token ending in "n't" counts as ``n't``; another contraction counts as its head ("i'm" -> i).
- ``ng:<bucket>``, 256 dims: character 2-, 3- and 4-grams of the lower-cased text (whitespace
  runs made one space, a space added at each end) hashed with ``zlib.crc32`` into 256 buckets,
  count / all n-grams.
- ``punct:<mark>``, 12 dims: . , ! ? ... ; : - ' " ( ) per character ("..." and "…" count as
  ellipsis only; curly quotes count with straight ones).
- 20 surface dims: case (share of uppercase letters, of messages and sentences starting lower
  case, ALL-CAPS words per word, share of the pronoun I written "i"), rates (emoji, emoticons,
  digits and newlines per character; hedges, politeness markers, apostrophe contractions and
  bare contractions like "dont" per word; lists in ``data/texture.yaml``), lengths (log1p of
  mean and standard deviation of message words and characters, log1p of mean sentence words,
  mean word length) and the type-token ratio (which falls as the sample grows: compare
  profiles over similar amounts of text, or give it little weight).

``ACTION_LAYOUT``: ``head:<bucket>`` (128, command heads hashed, share of actions), ``sub:<bucket>``
(64, head + first argument or flag hashed), flag style per token (short ``-x``, combined ``-la``,
long ``--x``, long with value ``--x=1``), log1p of mean tokens and characters per action, the
share of actions using each shell idiom of ``data/texture.yaml`` (pipe, chain, redirect, ...),
the share of uppercase letters and digits per character.

Changing a word list changes the layout: bump the producer version with it.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
from numpy.typing import ArrayLike, NDArray

from persona6.extract.base import is_person_message, registered
from persona6.extract.task import command_head, signal_for, whole_span
from persona6.extract.text import load_lexicon, word_alternation
from persona6.types import Evidence, Signal, SignalKind, StoredEvent

NAME = "persona6.texture.v1"

NGRAM_BUCKETS = 256
HEAD_BUCKETS = 128
SUB_BUCKETS = 64

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

#: The surface dimensions, in order (see the module docstring).
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


@cache
def function_words() -> tuple[str, ...]:
    return tuple(str(word) for word in load_lexicon("function_words")["words"])


@cache
def _lexicon() -> dict[str, re.Pattern[str]]:
    data = load_lexicon("texture")
    emoticons = "|".join(re.escape(e) for e in sorted(data["emoticons"], key=len, reverse=True))
    patterns = {
        "hedges": re.compile(word_alternation(data["hedges"]), re.IGNORECASE),
        "politeness": re.compile(word_alternation(data["politeness"]), re.IGNORECASE),
        "emoticons": re.compile(rf"(?<!\S)(?:{emoticons})(?!\S)"),
    }
    patterns.update({f"mark:{name}": re.compile(p) for name, p in data["action_markers"].items()})
    return patterns


@cache
def _bare_contractions() -> frozenset[str]:
    return frozenset(str(word) for word in load_lexicon("texture")["bare_contractions"])


def _layout() -> tuple[str, ...]:
    punct = tuple(f"punct:{mark}" for mark in PUNCTUATION)
    ngrams = tuple(f"ng:{b}" for b in range(NGRAM_BUCKETS))
    return tuple(f"fw:{w}" for w in function_words()) + ngrams + punct + SURFACE


def _action_marks() -> tuple[str, ...]:
    return tuple(name for name in _lexicon() if name.startswith("mark:"))


TEXTURE_LAYOUT: tuple[str, ...] = _layout()
ACTION_LAYOUT: tuple[str, ...] = (
    tuple(f"head:{b}" for b in range(HEAD_BUCKETS))
    + tuple(f"sub:{b}" for b in range(SUB_BUCKETS))
    + ("flag:short_per_token", "flag:combined_short_per_token", "flag:long_per_token")
    + ("flag:long_with_value_per_token", "len:log_mean_tokens", "len:log_mean_chars")
    + _action_marks()
    + ("case:upper_letter_share", "rate:digit_per_char")
)
#: Where each block of the message profile sits: function words, n-grams, the rest.
TEXTURE_BLOCKS: dict[str, slice] = {
    "function_words": slice(0, len(function_words())),
    "char_ngrams": slice(len(function_words()), len(function_words()) + NGRAM_BUCKETS),
    "surface": slice(len(function_words()) + NGRAM_BUCKETS, len(TEXTURE_LAYOUT)),
}


def _bucket(text: str, buckets: int) -> int:
    # crc32, not hash(): Python salts str hashes per process, and profiles are stored.
    return zlib.crc32(text.encode("utf-8")) % buckets


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
        known = set(function_words())
        heads = ("n't" if w.endswith("n't") else w.split("'")[0] for w in lowered)
        fw = Counter(w for w in heads if w in known)
        flat = " " + _SPACE.sub(" ", text.lower()).strip() + " "
        grams = Counter(
            _bucket(flat[i : i + n], NGRAM_BUCKETS)
            for n in (2, 3, 4)
            for i in range(len(flat) - n + 1)
        )
        return cls(c, fw, grams, Counter(lowered))

    @classmethod
    def from_texts(cls, texts: Sequence[str]) -> TextureCounts:
        return sum((cls.from_text(text) for text in texts), cls())

    def vector(self) -> NDArray[np.float64]:
        """The profile, laid out as ``TEXTURE_LAYOUT``."""
        c, words, chars = self.counts, self.counts["words"], self.counts["chars"]
        fw = [_ratio(self.function_words[w], words) for w in function_words()]
        total_grams = sum(self.ngrams.values())
        grams = [_ratio(self.ngrams[b], total_grams) for b in range(NGRAM_BUCKETS)]
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
        return np.array(fw + grams + punct + surface, dtype=np.float64)


def texture_vector(texts: Sequence[str]) -> NDArray[np.float64]:
    """The message profile of ``texts`` pooled (laid out as ``TEXTURE_LAYOUT``)."""
    return TextureCounts.from_texts(texts).vector()


def _cosine_distance(a: NDArray[np.float64], b: NDArray[np.float64]) -> float:
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return 1.0 - float(a @ b) / norm if norm else (0.0 if not a.any() and not b.any() else 1.0)


def texture_distance(a: ArrayLike, b: ArrayLike) -> float:
    """0 (same texture) to 1: the mean of the cosine distances of the function-word and n-gram
    blocks and the mean Canberra distance of the punctuation and surface dimensions, so that
    no block outweighs another by its scale."""
    x, y = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    words = _cosine_distance(
        x[TEXTURE_BLOCKS["function_words"]], y[TEXTURE_BLOCKS["function_words"]]
    )
    grams = _cosine_distance(x[TEXTURE_BLOCKS["char_ngrams"]], y[TEXTURE_BLOCKS["char_ngrams"]])
    rest = slice(TEXTURE_BLOCKS["char_ngrams"].stop, len(TEXTURE_LAYOUT))
    left, right = x[rest], y[rest]
    scale = np.abs(left) + np.abs(right)
    canberra = np.divide(np.abs(left - right), scale, out=np.zeros_like(scale), where=scale > 0)
    return (words + grams + float(canberra.mean())) / 3.0


_SHORT_FLAG = re.compile(r"^-[A-Za-z0-9]$")
_COMBINED_FLAGS = re.compile(r"^-[A-Za-z]{2,}$")
_LONG_FLAG = re.compile(r"^--[\w-]+$")
_LONG_WITH_VALUE = re.compile(r"^--[\w-]+=")


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
        parts = text.split()
        head = command_head(text)
        rest = parts[parts.index(head) + 1 :] if head in parts else parts[1:]
        sub = rest[0].lower() if rest and (rest[0].isalpha() or rest[0].startswith("-")) else ""
        c: Counter[str] = Counter(actions=1, tokens=len(parts), chars=len(text))
        c["short"] = sum(bool(_SHORT_FLAG.match(p)) for p in parts)
        c["combined"] = sum(bool(_COMBINED_FLAGS.match(p)) for p in parts)
        c["long"] = sum(bool(_LONG_FLAG.match(p)) for p in parts)
        c["long_value"] = sum(bool(_LONG_WITH_VALUE.match(p)) for p in parts)
        for mark in _action_marks():
            c[mark] = int(_lexicon()[mark].search(text) is not None)
        c["letters"] = sum(ch.isalpha() for ch in text)
        c["upper"] = sum(ch.isupper() for ch in text)
        c["digits"] = sum(ch.isdigit() for ch in text)
        heads = Counter({_bucket(head, HEAD_BUCKETS): 1}) if head else Counter()
        subs = Counter({_bucket(f"{head} {sub}", SUB_BUCKETS): 1}) if head else Counter()
        return cls(c, heads, subs)

    @classmethod
    def from_texts(cls, texts: Sequence[str]) -> ActionCounts:
        return sum((cls.from_text(text) for text in texts), cls())

    def vector(self) -> NDArray[np.float64]:
        """The profile, laid out as ``ACTION_LAYOUT``."""
        c, n, tokens = self.counts, self.counts["actions"], self.counts["tokens"]
        values = [_ratio(self.heads[b], n) for b in range(HEAD_BUCKETS)]
        values += [_ratio(self.subs[b], n) for b in range(SUB_BUCKETS)]
        values += [_ratio(c[k], tokens) for k in ("short", "combined", "long", "long_value")]
        values += [math.log1p(_ratio(tokens, n)), math.log1p(_ratio(c["chars"], n))]
        values += [_ratio(c[mark], n) for mark in _action_marks()]
        values += [_ratio(c["upper"], c["letters"]), _ratio(c["digits"], c["chars"])]
        return np.array(values, dtype=np.float64)


def action_vector(texts: Sequence[str]) -> NDArray[np.float64]:
    """The action profile of ``texts`` pooled (laid out as ``ACTION_LAYOUT``)."""
    return ActionCounts.from_texts(texts).vector()


def _longest_evidence(events: Sequence[StoredEvent], limit: int = 3) -> list[Evidence]:
    ranked = sorted(events, key=lambda e: -len((e.text or "").strip()))[:limit]
    return [span for span in (whole_span(e) for e in ranked) if span is not None]


@registered
class TextureExtractor:
    name = NAME

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        actors = dict.fromkeys(e.actor for e in session if e.actor and e.type != "identify")
        for actor in actors:
            messages = [e for e in session if is_person_message(e) and e.actor == actor]
            counts = TextureCounts.from_texts([e.text or "" for e in messages])
            if counts.words:
                yield _signal(actor, "profile", counts.words, counts.vector(), messages)
            actions = [
                e
                for e in session
                if e.type == "action" and e.actor == actor and (e.text or "").strip()
            ]
            if actions:
                vector = action_vector([e.text or "" for e in actions])
                yield _signal(actor, "actions", len(actions), vector, actions)


def _signal(
    actor: str, key: str, measure: int, vector: NDArray[np.float64], events: Sequence[StoredEvent]
) -> Signal:
    return signal_for(
        actor,
        key,
        events,
        _longest_evidence(events),
        producer=NAME,
        kind=SignalKind.TEXTURE,
        measure=float(measure),
        # Rounded so that the stored JSON stays compact; rates differ well above 1e-6.
        vector=tuple(round(float(x), 6) for x in vector),
        context={"events": len(events), "dims": len(vector)},
    )
