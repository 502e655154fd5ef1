"""Relevance of what we know about a person to a task: BM25 with word-form normalisation and a
small concept expansion, all offline.

- **Words**: lower-cased letter runs, stop words dropped (``data/brief.yaml``), and a light
  suffix stemmer (``allergies`` -> ``allergy``, ``running`` -> ``run``, ``booked`` -> ``book``).
- **Expansion**: each task word that belongs to a concept group of ``data/brief.yaml`` (food,
  travel, fitness, ...) brings the group's other words in with weight ``expansion_weight``, so
  "restaurants in Rome" reaches "I avoid gluten" and "my shellfish allergy".
- **Score**: BM25 (k1 = 1.2, b = 0.75) of the weighted task words against each document (a
  trait's statement and the quotes it rests on), the IDF taken over the person's documents.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from persona6.extract.text import packaged_yaml

K1 = 1.2
B = 0.75
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class Lexicon:
    stop_words: frozenset[str]
    concepts: dict[str, frozenset[str]]  # stem -> every stem of its groups
    expansion_weight: float
    groups: dict[str, frozenset[str]]  # stem -> the names of the groups it belongs to
    task_verbs: frozenset[str]  # stems of what the agent is asked to do, not what about
    task_verb_weight: float


@cache
def brief_data() -> dict[str, Any]:
    return packaged_yaml("brief.yaml")


@cache
def lexicon() -> Lexicon:
    data = brief_data()
    stop = frozenset(str(w).lower() for w in data["stop_words"])
    concepts: dict[str, set[str]] = {}
    groups: dict[str, set[str]] = {}
    for name, words in data["concepts"].items():
        stems = {stem(str(w).lower()) for w in words}
        for s in stems:
            concepts.setdefault(s, set()).update(stems)
            groups.setdefault(s, set()).add(str(name))
    return Lexicon(
        stop,
        {k: frozenset(v) for k, v in concepts.items()},
        float(data["expansion_weight"]),
        {k: frozenset(v) for k, v in groups.items()},
        frozenset(stem(str(w).lower()) for w in data.get("task_verbs") or ()),
        float(data.get("task_verb_weight", 1.0)),
    )


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English suffix stemmer: plural, -ing, -ed, -ly, -ies; doubled consonants undone."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("ly", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + keep
            if keep == "" and suffix in ("ing", "ed") and len(w) > 3 and w[-1] == w[-2]:
                w = w[:-1]  # running -> runn -> run
            break
    else:
        if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
            w = w[:-1]
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]  # make / making, like / liked land on one form
    return w


def words(text: str) -> list[str]:
    stop = lexicon().stop_words
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in stop and len(w) > 1]


def wording(text: str) -> tuple[str, ...]:
    """Every word of ``text`` in its normalised form, stop words kept: "prefers mornings" and
    "prefers morning" are worded alike, "does not like dogs" and "likes dogs" are not. A word
    is stemmed until it stays the same ("mornings" -> "morning" -> "morn", as "morning")."""
    found = []
    for w in _WORD.findall(text.lower()):
        while (shorter := stem(w)) != w:
            w = shorter
        found.append(w)
    return tuple(found)


def specificity(word: str) -> float:
    """How much a task word (as ``words`` gives it) says what the task is about: 1, or
    ``task_verb_weight`` for a word of ``task_verbs`` that says only what the agent is to do
    ("book", "check", "arrange": brief.v14), whatever it is done to."""
    lex = lexicon()
    return lex.task_verb_weight if word in lex.task_verbs else 1.0


def expand(query: str) -> dict[str, float]:
    """The task's words with weight 1 (a word of ``task_verbs`` with ``task_verb_weight``),
    their concept neighbours with ``expansion_weight``."""
    lex = lexicon()
    weights: dict[str, float] = {}
    for w in words(query):
        weights[w] = specificity(w)
    for w in list(weights):
        for other in lex.concepts.get(w, ()):
            if other not in weights:
                weights[other] = lex.expansion_weight
            elif weights[other] < lex.expansion_weight:
                weights[other] = lex.expansion_weight  # a task verb that is a neighbour too
    return weights


def groups_of(text: str) -> frozenset[str]:
    """The concept groups of ``data/brief.yaml`` that the words of ``text`` itself belong to
    (not their neighbours): "book flights to Tokyo" is in travel (and entertainment, "book")."""
    known = lexicon().groups
    return frozenset(g for w in words(text) for g in known.get(w, ()))


def word_groups(word: str) -> frozenset[str]:
    """The concept groups of ``data/brief.yaml`` one word (as ``words`` gives it) belongs to."""
    return lexicon().groups.get(word, frozenset())


@cache
def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """The phrases of the word list ``name`` of ``data/brief.yaml``, each cut into words."""
    return tuple(found for p in brief_data()[name] if (found := tuple(words(str(p)))))


def names_any(text: str, listed: tuple[tuple[str, ...], ...]) -> bool:
    """Whether ``text`` holds one of the ``listed`` phrases, word forms normalised ("prefers
    PDFs" holds "pdf", "bullet points please" holds "bullet point")."""
    said = words(text)
    return any(
        said[i : i + len(phrase)] == list(phrase)
        for phrase in listed
        for i in range(len(said) - len(phrase) + 1)
    )


def bag(text: str) -> Counter[str]:
    return Counter(words(text))


def rank(query: str, documents: Sequence[str]) -> list[float]:
    """The BM25 score of each document for the expanded query (0 when nothing matches)."""
    return rank_bags(query, [bag(d) for d in documents])


@dataclass(frozen=True, slots=True)
class Index:
    """An inverted index of documents cut into words: what a warm cache holds."""

    postings: dict[str, list[tuple[int, int]]]  # word -> [(document, count)]
    lengths: list[int]
    average: float


def index(bags: Sequence[Counter[str]]) -> Index:
    postings: dict[str, list[tuple[int, int]]] = {}
    for i, found in enumerate(bags):
        for word, count in found.items():
            postings.setdefault(word, []).append((i, count))
    lengths = [sum(b.values()) for b in bags]
    return Index(postings, lengths, (sum(lengths) / len(lengths)) if lengths else 1.0)


def rank_index(query: str, idx: Index, extra: dict[str, float] | None = None) -> list[float]:
    """``rank`` over an ``Index``: the same scores, touching only documents with task words.
    ``extra`` adds terms of its own to the expanded query (the brief's ``act:`` words)."""
    n = len(idx.lengths)
    scores = [0.0] * n
    if not query.strip() or not n:
        return scores
    average = idx.average or 1.0
    for term, weight in {**expand(query), **(extra or {})}.items():
        postings = idx.postings.get(term)
        if not postings:
            continue
        df = len(postings)
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        for doc, tf in postings:
            norm = K1 * (1 - B + B * idx.lengths[doc] / average)
            scores[doc] += weight * idf * tf * (K1 + 1) / (tf + norm)
    return scores


def rank_bags(query: str, bags: Sequence[Counter[str]]) -> list[float]:
    """``rank`` over documents already cut into words."""
    if not query.strip() or not bags:
        return [0.0] * len(bags)
    terms = expand(query)
    n = len(bags)
    avg = sum(sum(b.values()) for b in bags) / n or 1.0
    df = Counter(t for b in bags for t in set(b) if t in terms)
    scores = []
    for bag in bags:
        length = sum(bag.values())
        score = 0.0
        for term, weight in terms.items():
            tf = bag.get(term, 0)
            if not tf:
                continue
            idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
            score += weight * idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avg))
        scores.append(score)
    return scores
