"""Shared parts of the identity-linking benchmarks (link_locomo.py, link_greenberg.py,
link_c50.py): run Persona6 on a split, run the two baselines on the same split, print both.

Persona6 runs as a product would: the known history and the anonymous actors are ingested,
``build`` extracts signals, ``backtest linking --save`` fits the linking model on the history
alone (the anonymous actors play no part in it), and each anonymous actor is linked with
``Persona6.link``. Top-1 is the best candidate; the expected calibration error (10 bins) is
over the top label among the candidates and "a new person".

Baselines, fitted on the same history and calibrated the same way (a softmax temperature
fitted on each person's last history session against the rest):

- character 2-4-gram TF-IDF nearest centroid (scikit-learn, sublinear tf, cosine);
- Burrows' Delta on the 300 most frequent words (faststylometry), nearest author.

And a reference, not a baseline: a one-against-the-rest linear SVM (scikit-learn's
``LinearSVC``) on the same character 2-4-gram TF-IDF rows, one row per history session, as
authorship-attribution studies fit it. It is trained on every known person at once, which a
product cannot redo for each new person at 100k persons, but it shows how far a discriminative
model of the same features gets on the split: what the goals ask is read against it.
"""

from __future__ import annotations

import math
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from persona6 import Persona6


def require_bench() -> None:
    try:
        import faststylometry  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError:
        sys.exit(
            "the linking benchmarks need the 'bench' extra (scikit-learn, faststylometry). "
            "Install it with: pip install 'persona6[bench]'"
        )


@dataclass(frozen=True, slots=True)
class Split:
    """Events of the known history and of the anonymous actors, and who each actor is."""

    known: list[dict]
    anonymous: list[dict]
    truth: dict[str, str]  # anonymous id -> person
    history_texts: dict[str, list[str]]  # person -> texts of each history session, in order
    query_texts: dict[str, str]  # anonymous id -> its text


@dataclass(frozen=True, slots=True)
class Figures:
    name: str
    top1: float
    ece: float
    queries: int
    seconds: float
    extra: str = ""


def ece_of(confidences: Sequence[float], correct: Sequence[bool], bins: int = 10) -> float:
    total = len(confidences)
    error = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [
            i for i, c in enumerate(confidences) if low <= c < high or (b == bins - 1 and c >= 1)
        ]
        if members:
            confidence = sum(confidences[i] for i in members) / len(members)
            accuracy = sum(correct[i] for i in members) / len(members)
            error += len(members) / total * abs(confidence - accuracy)
    return error


def run_persona6(split: Split, progress: bool = True, fit: bool = True) -> tuple[Figures, dict]:
    """Persona6 on ``split``: with ``fit``, as the benchmarks run it (the model fitted on the
    history, ``backtest linking --save``); without, the shipped model as a tenant gets it
    before a fit of its own (its constant and stranger means measured on the known persons)."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, Persona6(db=Path(folder) / "link.db") as p6:
        p6.record(split.known)
        p6.record(split.anonymous)
        p6.build()
        backtest = p6.backtest_linking(save=True) if fit else None
        confidences, correct = [], []
        closed_confidences: list[float] = []
        closed_hits: list[bool] = []
        hits = 0
        new_probabilities: list[float] = []
        for i, (actor, person) in enumerate(sorted(split.truth.items())):
            result = p6.link(actor)
            new_probabilities.append(result.new_person_probability)
            best = result.candidates[0] if result.candidates else None
            hits += best is not None and best.person_id == person
            # Closed set, as the baselines: every actor is a known person, so "new" is left
            # out and the candidates renormalised (the posterior with prior_new -> 0).
            closed_confidences.append(
                best.probability / max(1e-12, 1.0 - result.new_person_probability)
                if best is not None
                else 0.0
            )
            closed_hits.append(best is not None and best.person_id == person)
            if best is not None and best.probability >= result.new_person_probability:
                confidences.append(best.probability)
                correct.append(best.person_id == person)
            else:
                confidences.append(result.new_person_probability)
                correct.append(False)
            if progress and i % 100 == 0:
                print(f"  linked {i}/{len(split.truth)}", file=sys.stderr)
        model = backtest.model if backtest else p6._linker().model.to_json()  # as it linked
        decided_new = sum(c == r for c, r in zip(confidences, new_probabilities, strict=True))
    n = len(split.truth)
    fitted = (
        f"backtest on history: top-1 {backtest.top1:.3f}, ECE {backtest.ece:.3f}, "
        if backtest
        else f"shipped model, {decided_new} of {n} decided 'new', "
        f"tenant shift {model['fitted_on'].get('tenant_shift')}, "
    )
    figures = Figures(
        "persona6" if fit else "persona6 (shipped model)",
        hits / n,
        ece_of(closed_confidences, closed_hits),
        n,
        time.perf_counter() - started,
        f"closed set: mean confidence {sum(closed_confidences) / n:.3f} against top-1 "
        f"{hits / n:.3f}; ECE with 'new' (prior_new {model['prior_new']}): "
        f"{ece_of(confidences, correct):.3f}; {fitted}T {model['temperature']}, "
        f"size slope {model.get('size_slope', 0)}, "
        f"separation {model.get('separation', 0)}",
    )
    return figures, model


def _calibrated(
    score: Callable[[dict[str, list[str]], list[str]], np.ndarray],
    split: Split,
    higher_is_closer: bool,
) -> tuple[np.ndarray, list[str]]:
    """Scores of the queries (rows) against persons (columns), as softmax probabilities with a
    temperature fitted on each person's last history session against the rest."""
    persons = sorted(split.history_texts)
    fit_history = {p: t[:-1] if len(t) > 1 else t for p, t in split.history_texts.items()}
    fit_queries = [split.history_texts[p][-1] for p in persons]
    fit_scores = score(fit_history, fit_queries)
    sign = 1.0 if higher_is_closer else -1.0
    best_t, best_loss = 1.0, math.inf
    for t in np.geomspace(1e-3, 10, 200):
        z = sign * fit_scores / t
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -float(logp[np.arange(len(persons)), np.arange(len(persons))].sum())
        if loss < best_loss:
            best_t, best_loss = float(t), loss
    actors = sorted(split.truth)
    scores = score(split.history_texts, [split.query_texts[a] for a in actors])
    z = sign * scores / best_t
    z -= z.max(axis=1, keepdims=True)
    probs = np.exp(z)
    probs /= probs.sum(axis=1, keepdims=True)
    return probs, persons


def _figures(name: str, probs: np.ndarray, persons: list[str], split: Split, t0: float) -> Figures:
    actors = sorted(split.truth)
    best = probs.argmax(axis=1)
    correct = [persons[b] == split.truth[a] for a, b in zip(actors, best, strict=True)]
    return Figures(
        name,
        sum(correct) / len(actors),
        ece_of(list(probs.max(axis=1)), correct),
        len(actors),
        time.perf_counter() - t0,
    )


def _char_rows(history: dict[str, list[str]], queries: list[str]) -> tuple:
    """Char 2-4-gram TF-IDF rows (sublinear tf) of every history session and of the queries,
    fitted on the history, and the index of each history row's person (persons sorted)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    persons = sorted(history)
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(2, 4), sublinear_tf=True)
    matrix = vectorizer.fit_transform([t for p in persons for t in history[p]])
    owners = np.array([i for i, p in enumerate(persons) for _ in history[p]])
    return matrix, owners, vectorizer.transform(queries)


def tfidf_baseline(split: Split) -> Figures:
    from sklearn.preprocessing import normalize

    t0 = time.perf_counter()

    def score(history: dict[str, list[str]], queries: list[str]) -> np.ndarray:
        matrix, owners, asked = _char_rows(history, queries)
        centroids = np.vstack(
            [np.asarray(matrix[owners == i].mean(axis=0)) for i in range(len(history))]
        )
        return np.asarray(normalize(asked) @ normalize(centroids).T)

    probs, persons = _calibrated(score, split, higher_is_closer=True)
    return _figures("char 2-4-gram TF-IDF centroid", probs, persons, split, t0)


def svm_reference(split: Split) -> Figures:
    from sklearn.svm import LinearSVC

    t0 = time.perf_counter()

    def score(history: dict[str, list[str]], queries: list[str]) -> np.ndarray:
        matrix, owners, asked = _char_rows(history, queries)
        found = np.asarray(LinearSVC(C=1.0).fit(matrix, owners).decision_function(asked))
        if found.ndim == 1:  # two persons: one column, the second's margin
            found = np.column_stack([-found, found])
        return found

    probs, persons = _calibrated(score, split, higher_is_closer=True)
    return _figures("char 2-4-gram TF-IDF linear SVM (ref.)", probs, persons, split, t0)


def delta_baseline(split: Split, vocab: int = 300) -> Figures:
    from faststylometry import Corpus, calculate_burrows_delta
    from faststylometry.en import tokenise_remove_pronouns_en

    t0 = time.perf_counter()

    def score(history: dict[str, list[str]], queries: list[str]) -> np.ndarray:
        persons = sorted(history)
        train = Corpus()
        for person in persons:
            for i, text in enumerate(history[person]):
                train.add_book(person, f"{person}-{i}", text)
        test = Corpus()
        for i, text in enumerate(queries):
            test.add_book(f"q{i}", f"q{i}", text)
        train.tokenise(tokenise_remove_pronouns_en)
        test.tokenise(tokenise_remove_pronouns_en)
        delta = calculate_burrows_delta(train, test, vocab_size=vocab)
        # Rows: authors; columns: "author - title" of each test book. Missing: far away.
        columns = [f"q{i} - q{i}" for i in range(len(queries))]
        table = delta.reindex(index=persons, columns=columns)
        matrix = np.nan_to_num(table.to_numpy(dtype=float), nan=1e6)
        return matrix.T

    probs, persons = _calibrated(score, split, higher_is_closer=False)
    return _figures("Burrows' Delta (faststylometry)", probs, persons, split, t0)


def report(title: str, command: str, split: Split, rows: list[Figures]) -> None:
    people = len(split.history_texts)
    print(f"\n{title}: {len(split.truth)} anonymous actors, {people} candidate persons")
    print(f"  {command}")
    print(f"  {'method':34} {'top-1':>7} {'ECE':>7} {'seconds':>8}")
    for row in rows:
        print(f"  {row.name:34} {row.top1:7.3f} {row.ece:7.3f} {row.seconds:8.1f}  {row.extra}")


def history_texts(events: list[dict], person_of: Callable[[dict], str | None]) -> dict:
    """person -> one text per history session (their messages or commands), in time order."""
    sessions: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for event in sorted(events, key=lambda e: e["ts"]):
        person = person_of(event)
        if person is None or not event.get("text") or event["type"] == "outcome":
            continue
        sessions[person].setdefault(event["session_id"], []).append(event["text"])
    return {p: ["\n".join(t) for t in s.values()] for p, s in sessions.items()}
