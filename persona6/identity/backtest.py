"""``persona6 backtest linking``: how far linking can be trusted on the tenant's own people,
and the fit of the linking model on them.

1. **Split.** Known persons with enough sessions are shuffled (seeded). A share of them
   (``holdout_persons``) is held out entirely: their latest session is an anonymous actor that
   must come out as a new person. Of the others, the latest ``holdout_sessions`` sessions are
   held out as anonymous actors; the rest is their known history (the candidates).
2. **Cross-fitting.** Persons are split in two folds. For each fold the model is fitted on the
   other fold's persons and evaluated on this fold's held-out sessions, so no figure is
   measured on data its model saw:
   - *weights*: each person's history is cut in time (``cut``): their latest sessions (up to
     the per-person target, at most half) are compared with the *earlier* history of every
     candidate, their own (same) and the others' (different), as a link compares a later
     session with what came before, with a gap of as many sessions between the two where the
     history is long enough (``GAP_SHARE``); ``model.fit_ranking`` on the block similarities
     (``fit_weights`` for the constant), the stranger means ``m_b`` from the different pairs;
   - *calibration*: ``model.fit_sized_calibration`` on **out-of-fold** outcomes of the same
     sessions (each scored with weights fitted without it), with the people met in each
     session weighed as ``Linker.link`` weighs them (``_with_co_presence``): the scale
     (temperature and how it follows the query's evidence size) on the known persons alone,
     then the shift of the constant on those, on each of them once more without its own person
     (someone new to the others) and on the training fold's held-out persons (new).
3. **Report**: top-1 and top-3 accuracy over the held-out sessions of known persons, precision
   and recall of "a new person" (decision null below the threshold), and the expected
   calibration error of the top label (a candidate or new) over every held-out session, with
   the ECE a perfectly calibrated model would show on as many sessions at the same
   confidences (``calibrated_ece``): on a few dozen sessions an ECE of 0.1 can be chance.
4. **Save** (optional): the model fitted on every person becomes the tenant's linking model.

Until then the shipped model links, with its constant moved to the tenant (``shipped_shift``:
the same cut in time, the shipped weights kept, and the constant moved only as far as the
tenant's sessions require).
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

import numpy as np

from persona6.errors import InvalidOption
from persona6.identity import newcomer as newcomer_rules
from persona6.identity import separation
from persona6.identity.features import BLOCKS, FAMILIES, Profile, sum_profiles
from persona6.identity.model import (
    Calibration,
    LinkModel,
    Vectors,
    fit_ranking,
    fit_sized_calibration,
    fit_weights,
    idf_from,
    plausible_shift,
)
from persona6.identity.model import posterior as posterior_of
from persona6.identity.model import similarities as pair_sims
from persona6.identity.records import BacktestQuery, BacktestReport
from persona6.identity.scoring import (
    CompanionStats,
    Scored,
    add_identifiers,
    add_newcomer,
    context_llr,
    similarities_many,
)
from persona6.identity.settings import IdentitySettings
from persona6.store.base import IdentityUnitRow, Store

#: Training sessions per person: at least MAX_SESSIONS_PER_PERSON, more (up to
#: MAX_SESSIONS_CAP) when there are few persons, aiming at TARGET_SESSIONS in all.
MAX_SESSIONS_PER_PERSON = 12
MAX_SESSIONS_CAP = 40
TARGET_SESSIONS = 600
FOLDS = 2
#: Folds of training sessions whose out-of-fold scores the calibration is fitted on.
CALIBRATION_FOLDS = 5
#: Most of each person's history (their latest sessions) fitted on as later sessions: the
#: rest, their earlier history, must stay the larger part.
LATE_SHARE = 0.5
#: Sessions left out between each person's earlier history and their later sessions, as a
#: share of the later ones, as long as the earlier history keeps at least as many sessions as
#: the later (``cut``): an anonymous session may come long after the history it is compared
#: with, and the calibration should see that drift, not only the sessions right after.
GAP_SHARE = 1.0


@dataclass(slots=True)
class Query:
    """A held-out session of one person, as an anonymous actor."""

    person: str
    session_id: str
    profile: Profile
    known: bool  # False: the person is held out entirely (the truth is "new")
    co_actors: list[str] = field(default_factory=list)  # persons present in the session
    #: Later sessions of the person with another known person in them, passed over for this
    #: one (``held_out``): left out of the history as well.
    passed_over: int = 0


@dataclass(slots=True)
class Split:
    histories: dict[str, Profile]  # candidate -> history profile
    history_units: dict[str, list[Profile]]  # candidate -> history units, newest first
    by_session: dict[str, dict[str, Profile]]  # session -> candidate -> their unit in it
    queries: list[Query]
    held_out: list[str]
    #: id(unit) -> its separation row (separation.row), made once for every fit of a backtest
    rows: dict[int, np.ndarray | None] = field(default_factory=dict)
    #: Newcomer statements in every known person's first session and their later ones.
    newcomer: newcomer_rules.Measured | None = None


def split(store: Store, tenant: str, settings: IdentitySettings) -> Split:
    options = settings.backtest
    holdout_sessions = int(options["holdout_sessions"])
    min_history = int(options["min_history_sessions"])
    known = store.known_user_ids(tenant)
    sessions: dict[str, dict[str, Profile]] = defaultdict(dict)
    for unit in store.identity_units(tenant):
        if unit.person_id not in known:
            continue
        profile = Profile.from_json(json.loads(unit.body))
        mine = sessions[unit.person_id]
        if unit.session_id in mine:
            mine[unit.session_id].add(profile)
        else:
            mine[unit.session_id] = profile
    eligible = sorted(p for p, s in sessions.items() if len(s) >= min_history + holdout_sessions)
    if len(eligible) < 3:
        raise InvalidOption(
            "backtest: tenant {tenant!r} has {eligible} known persons with at least "
            "{needed} sessions; the backtest needs 3 or more. "
            "Ingest and build more history, then run {>backtest_linking} again",
            tenant=tenant,
            eligible=len(eligible),
            needed=min_history + holdout_sessions,
        )
    rng = random.Random(int(options["seed"]))
    rng.shuffle(eligible)
    eligible = eligible[: int(options["max_persons"])]
    share = float(options["holdout_persons"])
    count = min(len(eligible) - 2, round(share * len(eligible))) if share > 0 else 0
    held_out = sorted(eligible[:count])
    present: dict[str, set[str]] = defaultdict(set)  # session -> known persons who acted in it
    for person, mine in sessions.items():
        for session_id in mine:
            present[session_id].add(person)
    histories: dict[str, Profile] = {}
    units: dict[str, list[Profile]] = {}
    queries: list[Query] = []
    for person in sorted(eligible):
        ordered = sorted(sessions[person].items(), key=lambda kv: (kv[1].first_ts or "", kv[0]))
        count_ = 1 if person in held_out else holdout_sessions
        chosen, first = held_out_sessions(
            [present[s] == {person} for s, _ in ordered], count_, min_history
        )
        passed = len(ordered) - first - len(chosen)
        for index in chosen:
            session_id, profile = ordered[index]
            queries.append(Query(person, session_id, profile, person not in held_out, [], passed))
        if person in held_out:
            continue
        history = [p for _, p in ordered[:first]]
        units[person] = list(reversed(history))
        histories[person] = sum_profiles(history)
    for query in queries:
        query.co_actors = sorted(p for p in query.profile.companions if p != query.person)
    by_session: dict[str, dict[str, Profile]] = defaultdict(dict)
    for person, history in units.items():
        for unit in history:
            for session_id in unit.session_ids:
                by_session[session_id][person] = unit
    said = newcomer_rules.measured(
        [p.newcomer for _, p in sorted(mine.items(), key=lambda kv: (kv[1].first_ts or "", kv[0]))]
        for mine in sessions.values()
    )
    return Split(histories, units, dict(by_session), queries, held_out, newcomer=said)


def held_out_sessions(alone: list[bool], count: int, min_history: int) -> tuple[list[int], int]:
    """Which of a person's sessions (in time order; ``alone``: no other known person acted in
    it) are held out as anonymous, and where their history ends (the sessions before it).

    The latest ``count`` sessions in which the person acted alone, with at least
    ``min_history`` sessions before the first of them: an anonymous visit is one person's, and
    the backtest should measure that. A session of several known persons (a shared chat) holds
    a part of each, often a few lines, and every part of it held out at once leaves each with
    the others' posteriors for company (sqlpal: Lena and Priyanka's shared chat, the latest of
    both, came out as Bogdan and as "new", top-1 66.7% of 3). The later sessions passed over
    are left out of the history too, so it still ends before what is held out. A person
    without enough sessions alone (every session a conversation of two, as in LoCoMo) has their
    latest ``count`` held out as before, each speaker's part its own anonymous actor."""
    solo = [i for i, flag in enumerate(alone) if flag]
    if len(solo) >= count and solo[-count] >= min_history:
        chosen = solo[-count:]
        return chosen, chosen[0]
    return list(range(len(alone) - count, len(alone))), len(alone) - count


@dataclass(slots=True)
class Outcome:
    llrs: list[float]
    candidates: list[str]
    truth: int | None  # index of the true person among candidates, None for new
    size: float = 0.0  # the query's evidence size (Vectors.size)


def _features(sims: dict[str, float], stranger: dict[str, float]) -> list[float]:
    return [sims[b] - stranger.get(b, 0.0) if b in sims else 0.0 for b in BLOCKS]


@dataclass(slots=True)
class Cut:
    """Each person's history cut in time: the earlier sessions (``early``, summed) stand for
    the known history, the latest ones (``late``, newest first) for the anonymous sessions
    that come after it. Fitting on late-against-early pairs is fitting on what linking is
    asked: a *later* session against the history, with whatever drifted in between (topics,
    projects, tools), which a session held out from the middle of a history does not show.
    A gap of sessions between the two (in neither) makes that drift as wide as a link meets."""

    early: dict[str, Profile]
    late: dict[str, list[Profile]]
    late_sessions: dict[str, set[str]]  # the late sessions and the gap's: not in ``early``


def cut(split_: Split, most: int, share: float = LATE_SHARE, gap: float = GAP_SHARE) -> Cut:
    """Each person's latest ``most`` history sessions, but no more than ``share`` of them (at
    least one, and at least one left before them); a single history session has nothing late.
    Before them ``gap`` times as many sessions are left out, as long as the earlier history
    keeps at least as many sessions as the late ones: the history a link compares with is the
    whole one, and one much smaller than it would make the fit's task harder than a link's."""
    if not 0.0 < share < 1.0:
        raise InvalidOption(
            f"backtest: the share of each history held out as later sessions is {share!r}; "
            "it must be between 0 and 1 (exclusive)"
        )
    early: dict[str, Profile] = {}
    late: dict[str, list[Profile]] = {}
    sessions: dict[str, set[str]] = {}
    for person, units in split_.history_units.items():  # newest first
        count, skipped = _late_count(len(units), most, share, gap)
        late[person] = units[:count]
        early[person] = (
            sum_profiles(units[count + skipped :]) if count else split_.histories[person]
        )
        sessions[person] = {s for u in units[: count + skipped] for s in u.session_ids}
    return Cut(early, late, sessions)


def _late_count(sessions: int, most: int, share: float, gap: float) -> tuple[int, int]:
    """(later sessions, sessions of the gap before them) of a history of ``sessions`` (``cut``)."""
    count = min(sessions - 1, max(1, min(most, int(share * sessions))))
    return count, max(0, min(int(gap * count), sessions - 2 * count))


def _training_pairs(
    split_: Split,
    cut_: Cut,
    persons: list[str],
    candidates: dict[str, Vectors],
    model: LinkModel,
    per_person: int = MAX_SESSIONS_PER_PERSON,
) -> tuple[list[dict[str, float]], list[int], list[tuple[str, str, Vectors, dict[str, Vectors]]]]:
    """Block similarities of (late session, early history of each candidate) pairs, and per
    late session (person, session id, its vectors, the candidates' vectors)."""
    sims: list[dict[str, float]] = []
    labels: list[int] = []
    sessions: list[tuple[str, str, Vectors, dict[str, Vectors]]] = []
    for person in persons:
        for unit in cut_.late.get(person, [])[:per_person]:
            # The whole session is held out, from everyone who was in it: in use, an
            # anonymous session is in nobody's history.
            pool = dict(candidates)
            session_id = unit.session_ids[0]
            for other, their_unit in split_.by_session.get(session_id, {}).items():
                if session_id in cut_.late_sessions.get(other, ()):
                    continue  # late (or in the gap) for them too: not in their early history
                rest = cut_.early[other].copy()
                rest.add(their_unit, sign=-1)
                pool[other] = _vectorize(rest, model)
            query = _vectorize(unit, model)
            sessions.append((person, session_id, query, pool))
            for other, vectors in pool.items():
                sims.append(pair_sims(query, vectors))
                labels.append(int(other == person))
    return sims, labels, sessions


def _vectorize(profile: Profile, model: LinkModel) -> Vectors:
    from persona6.identity.model import vectorize

    return vectorize(profile, model)


def fit(
    split_: Split, persons: list[str], held_out: list[str], base: LinkModel
) -> tuple[LinkModel, list[Outcome]]:
    """Fit weights and calibration on these persons' history (and held-out persons).

    Weights are fitted on each person's latest sessions against everyone's earlier history
    (``cut``). The calibration is fitted on **out-of-fold** outcomes: those sessions are split
    in ``CALIBRATION_FOLDS`` folds, and each fold's sessions are scored with block weights
    fitted on the other folds, so the temperature learns how far an LLR can be trusted on
    sessions the weights have not seen (in-sample scores are too good, and make it
    over-confident).
    """
    idf = idf_from([u for units in split_.history_units.values() for u in units])
    shell = LinkModel(weights={}, stranger={}, constant=0.0, idf=idf)
    per_person = max(
        MAX_SESSIONS_PER_PERSON, min(MAX_SESSIONS_CAP, TARGET_SESSIONS // max(len(persons), 1))
    )
    cut_ = cut(split_, per_person)
    candidates = {p: _vectorize(h, shell) for p, h in cut_.early.items()}
    sims, labels, sessions = _training_pairs(split_, cut_, persons, candidates, shell, per_person)
    if not labels or sum(labels) == 0:
        raise InvalidOption(
            "backtest: no known person has two history sessions to learn from. "
            "Ingest more history, or lower backtest.holdout_sessions"
        )
    negatives = [s for s, y in zip(sims, labels, strict=True) if not y]
    stranger = {
        b: float(np.mean([s[b] for s in negatives if b in s]))
        for b in BLOCKS
        if any(b in s for s in negatives)
    }
    x = np.array([_features(s, stranger) for s in sims])
    y = np.array(labels, dtype=np.float64)
    _, intercept = fit_weights(x, y)
    groups: list[tuple[np.ndarray, int]] = []
    start = 0
    for person, _, _, pool in sessions:
        names = list(pool)
        groups.append((x[start : start + len(names)], names.index(person)))
        start += len(names)
    weights = fit_ranking(groups)
    model = LinkModel(
        weights={b: round(float(w), 5) for b, w in zip(BLOCKS, weights, strict=True)},
        stranger={b: round(v, 5) for b, v in stranger.items()},
        constant=round(intercept, 5),
        temperature=base.temperature,
        prior_new=base.prior_new,
        idf=idf,
        fitted_on={"pairs": len(labels), "same": int(sum(labels)), "persons": len(persons)},
    )
    # Out-of-fold LLRs of the training sessions (folds of sessions, seeded).
    order = list(range(len(groups)))
    random.Random(len(groups)).shuffle(order)
    fold_of = {g: i % CALIBRATION_FOLDS for i, g in enumerate(order)}
    oof: dict[int, np.ndarray] = {}
    if len(groups) >= 2 * CALIBRATION_FOLDS:
        for fold in range(CALIBRATION_FOLDS):
            train = [groups[g] for g in range(len(groups)) if fold_of[g] != fold]
            w = fit_ranking(train)
            for g in (g for g in range(len(groups)) if fold_of[g] == fold):
                oof[g] = intercept + groups[g][0] @ w
    outcomes: list[Outcome] = []
    for g, (person, _, query, pool) in enumerate(sessions):
        names = list(pool)
        if g in oof:
            llrs = [float(v) for v in oof[g]]
        else:
            llrs = [model.llr(pair_sims(query, pool[n]))[0] for n in names]
        outcomes.append(Outcome(llrs, names, names.index(person), query.size))
    keys = [(session_id, person) for person, session_id, _, _ in sessions]
    held_queries: list[tuple[str, Vectors]] = []
    for query in (q for q in split_.queries if not q.known and q.person in held_out):
        vectors = _vectorize(query.profile, model)
        held_queries.append((query.session_id, vectors))
        names = sorted(cut_.early)
        llrs = [model.llr(pair_sims(vectors, candidates[n]))[0] for n in names]
        outcomes.append(Outcome(llrs, names, None, vectors.size))
    weight, outcomes = _separation(split_, sessions, held_queries, outcomes, model)
    model = replace(model, separation=weight)
    found = fit_sized_calibration(_calibration_outcomes(outcomes), model)
    present = _with_co_presence(outcomes[: len(keys)], keys, split_, cut_, model, found)
    if present is not None:  # people met in the sessions move the LLRs: fit on what links see
        outcomes[: len(keys)] = present
        found = fit_sized_calibration(_calibration_outcomes(outcomes), model)
    return _calibrated(model, found), outcomes


#: Weights of the separation (separation.py) tried by ``_separation``, and the scales of the
#: LLR each is tried at (the calibration's temperature is fitted after, on what is chosen).
SEPARATION_WEIGHTS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0)
SEPARATION_SCALES = tuple(float(x) for x in np.geomspace(0.05, 5.0, 41))


def _session_start(split_: Split, session_id: str) -> str:
    """When a history session began (the earliest of its actors' units in it)."""
    found = [u.first_ts for u in split_.by_session.get(session_id, {}).values() if u.first_ts]
    return min(found, default="")


def _before(split_: Split, person: str, start: str) -> list[Profile]:
    """``person``'s history units (newest first) of sessions that began before ``start``."""
    return [u for u in split_.history_units.get(person, []) if (u.first_ts or "") < start]


def _rows(split_: Split, units: list[Profile], model: LinkModel, without: str) -> np.ndarray:
    """Separation rows of ``units`` (newest first, as histories are kept), oldest first,
    without the session ``without`` (an anonymous session is in nobody's history)."""
    rows = []
    for unit in reversed(units):
        if without in unit.session_ids:
            continue
        key = id(unit)
        if key not in split_.rows:
            split_.rows[key] = separation.row(_vectorize(unit, model))
        rows.append(split_.rows[key])
    return separation.stacked(rows)


def _separation(
    split_: Split,
    sessions: list[tuple[str, str, Vectors, dict[str, Vectors]]],
    held_queries: list[tuple[str, Vectors]],
    outcomes: list[Outcome],
    model: LinkModel,
) -> tuple[float, list[Outcome]]:
    """The weight of the separation of the closest candidates, and the outcomes with it.

    Every outcome's best ``separation.CANDIDATES`` candidates are told apart as a link at the
    query's time would tell them apart: by each one's sessions that began **before** the
    query's (the query's own session left out, ``_before``), so a later session is judged
    against as much history as a link made then would have, and nothing after it. (The LLRs
    stay those of the cut's early history, on which the block weights were fitted.) The weight
    is the one under which the known persons' out-of-fold LLRs, so moved, give the truth the
    highest likelihood (at the best scale of each, on a grid), or a larger one a sign test
    prefers (``separation.choose_weight``): 0 when telling them apart does not help on the
    tenant."""
    starts = {q.session_id: q.profile.first_ts or "" for q in split_.queries}
    queries = [(session_id, query) for _, session_id, query, _ in sessions] + held_queries
    moves: list[np.ndarray] = []
    for (session_id, query), outcome in zip(queries, outcomes, strict=True):
        move = np.zeros(len(outcome.llrs))
        mine = separation.row(query)
        if mine is not None and len(outcome.llrs) > 1:
            start = starts.get(session_id) or _session_start(split_, session_id)
            top = np.argsort(-np.asarray(outcome.llrs), kind="stable")[: separation.CANDIDATES]
            rows = [
                _rows(split_, _before(split_, outcome.candidates[i], start), model, session_id)
                for i in top
            ]
            move[top] = separation.scores(mine, rows)
        moves.append(move)
    best = separation.choose_weight(
        [
            (np.asarray(o.llrs), move, o.truth)
            for o, move in zip(outcomes, moves, strict=True)
            if o.truth is not None and len(o.llrs) > 1
        ],
        SEPARATION_WEIGHTS,
        SEPARATION_SCALES,
    )
    if not best:
        return 0.0, outcomes
    moved = [
        replace(o, llrs=[v + best * m for v, m in zip(o.llrs, move.tolist(), strict=True)])
        for o, move in zip(outcomes, moves, strict=True)
    ]
    return best, moved


def _calibrated(model: LinkModel, found: Calibration) -> LinkModel:
    """``model`` with the calibration ``found`` (its own prior of new persons kept)."""
    return model.with_calibration(
        found.temperature,
        model.prior_new,
        shift=found.shift,
        size_slope=found.size_slope,
        size_ref=found.size_ref,
    )


def _calibration_outcomes(
    outcomes: list[Outcome],
) -> list[tuple[list[float], int | None, int, float]]:
    """The outcomes as ``fit_sized_calibration`` takes them, and each known person's session
    once more with that person taken out of the candidates: then it is a session of someone
    new to them. The few held-out persons alone would leave the known-or-new shift to a
    handful of sessions; these are as many as the training sessions, and as close to the
    known persons' as a stranger gets (the scale is fitted on known persons only)."""
    found: list[tuple[list[float], int | None, int, float]] = []
    for o in outcomes:
        found.append((o.llrs, o.truth, len(o.candidates), o.size))
        if o.truth is not None and len(o.candidates) > 1:
            others = [v for i, v in enumerate(o.llrs) if i != o.truth]
            found.append((others, None, len(others), o.size))
    return found


def _with_co_presence(
    outcomes: list[Outcome],
    keys: list[tuple[str, str]],
    split_: Split,
    cut_: Cut,
    model: LinkModel,
    found: Calibration,
) -> list[Outcome] | None:
    """The training outcomes as ``Linker.link`` would score them, people met in the session
    included (scoring.context_llr): a co-actor whose session is late too is weighed by its own
    outcome's posterior (under the calibration ``found`` without this term), any other co-actor
    is a known person in the session and ruled out. None when no session had a co-actor."""
    where = {key: i for i, key in enumerate(keys)}
    provisional = _calibrated(model, found)
    stats = CompanionStats.from_companions(p.companions for p in cut_.early.values())
    changed = False
    result: list[Outcome] = []
    for (session_id, person), outcome in zip(keys, outcomes, strict=True):
        co: list[tuple[dict[str, float], float]] = []
        ruled_out: set[str] = set()
        for other in split_.by_session.get(session_id, {}):
            if other == person:
                continue
            mine = where.get((session_id, other))
            if mine is None:
                ruled_out.add(other)
                co.append(({other: 1.0}, 0.0))
                continue
            theirs = outcomes[mine]
            probs, new = posterior_of(
                theirs.llrs, len(theirs.candidates), provisional, size=theirs.size
            )
            co.append((dict(zip(theirs.candidates, probs, strict=True)), new))
        if not co:
            result.append(outcome)
            continue
        changed = True
        names, llrs = [], []
        for name, llr in zip(outcome.candidates, outcome.llrs, strict=True):
            if name in ruled_out:
                continue
            early = cut_.early[name]
            names.append(name)
            llrs.append(llr + context_llr(name, early.companions, early.sessions, co, stats))
        truth = names.index(person) if person in names else None
        result.append(Outcome(llrs, names, truth, outcome.size))
    return result if changed else None


#: Known persons whose sessions set the shipped model's constant on a tenant without a fit of
#: its own (``shipped_shift``); a larger tenant gives a seeded sample of them.
SHIFT_PERSONS = 50
#: Later sessions compared in all, at most MAX_SESSIONS_PER_PERSON of each person.
SHIFT_SESSIONS = 200
#: How many comparisons of strangers the shipped model's mean similarity of a block counts
#: for when the tenant's own strangers move it (``tenant_strangers``).
STRANGER_PRIOR = 1.0


@dataclass(frozen=True, slots=True)
class TenantShift:
    """How far the shipped model's constant moves on a tenant (``shipped_shift``), and how
    alike the tenant's own strangers are, block by block (``tenant_strangers``)."""

    shift: float  # applied: 0 while the shipped constant is plausible on the tenant
    best: float  # the shift that fits the tenant's sessions best
    sessions: int  # later sessions of known persons compared
    persons: int  # known persons compared
    #: block -> mean similarity between different persons of the tenant, drawn towards the
    #: shipped model's by ``STRANGER_PRIOR``; empty: the shipped model's means.
    stranger: dict[str, float] = field(default_factory=dict)
    pairs: int = 0  # comparisons of different persons they were measured on


def tenant_strangers(model: LinkModel, comparisons: list[dict[str, float]]) -> dict[str, float]:
    """Block -> how alike two different persons of the tenant are, from ``comparisons``
    (later sessions against other persons' earlier history), each block's mean drawn towards
    the shipped model's as if it had been seen on ``STRANGER_PRIOR`` more comparisons.

    The shipped stranger means come from the synthetic generator's people, who differ in
    everything; a tenant whose customers share a timezone, a device or the product's own
    event sequences would otherwise see every one of them "alike" on those blocks, and a
    stranger would gain evidence for every known person (a solar installer's customers, all
    at utc_offset -05:00: context +1.5 for a stranger)."""
    sums: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for sims in comparisons:
        for block, value in sims.items():
            sums[block] += value
            counts[block] += 1
    return {
        block: round(
            (sums[block] + STRANGER_PRIOR * model.stranger.get(block, 0.0))
            / (counts[block] + STRANGER_PRIOR),
            6,
        )
        for block in sorted(counts)
    }


def shipped_shift(store: Store, tenant: str, model: LinkModel) -> TenantShift:
    """The shift of the shipped ``model``'s constant that the tenant's own known persons
    require, its weights, stranger means and scale kept.

    The constant is where a candidate no more alike than a typical stranger starts, and it was
    fitted on the synthetic generator's people. On sessions less alike than theirs (shorter,
    other words), the right person can stand far above every stranger and still below the
    constant, and every link comes out "new". So each known person's later sessions are
    compared with every known person's earlier history, cut as the fit cuts it (``cut``; a
    known person who was in the session is ruled out, as a link rules them out): their own
    history is the right answer, and the same session without it is someone new
    (``_calibration_outcomes``). The constant moves to the nearest shift these outcomes leave
    plausible (``model.plausible_shift``): not at all on people like the synthetic ones, and
    no further than a handful of sessions show on a small tenant.

    Reads the units of at most ``SHIFT_PERSONS`` persons but parses only the later sessions
    and the gap before them: the earlier history is the stored profile without them (profiles
    are sums of units). No shift without two persons, one of them with two sessions.
    """
    known = sorted(store.known_user_ids(tenant))
    if len(known) > SHIFT_PERSONS:
        known = sorted(random.Random(0).sample(known, SHIFT_PERSONS))
    rows: dict[str, dict[str, list[IdentityUnitRow]]] = defaultdict(lambda: defaultdict(list))
    present: dict[str, set[str]] = defaultdict(set)  # session -> known persons in it
    for row in store.identity_units(tenant, persons=known):
        rows[row.person_id][row.session_id].append(row)
        present[row.session_id].add(row.person_id)
    persons = sorted(rows.keys() & set(known))
    if len(persons) < 2 or all(len(rows[p]) < 2 for p in persons):
        return TenantShift(0.0, 0.0, 0, len(persons))
    per_person = max(1, min(MAX_SESSIONS_PER_PERSON, SHIFT_SESSIONS // len(persons)))
    profiles = {
        p: Profile.from_json(json.loads(body))
        for p, body in store.identity_profiles(tenant, persons)
    }
    early: dict[str, Vectors] = {}
    late: list[tuple[str, str, Profile]] = []
    for person in persons:
        if person not in profiles:
            continue
        ordered = sorted(
            rows[person].items(), key=lambda kv: (min(r.first_ts for r in kv[1]), kv[0])
        )
        count, skipped = _late_count(len(ordered), per_person, LATE_SHARE, GAP_SHARE)
        history = profiles[person].copy()
        for index, (session_id, found) in enumerate(reversed(ordered)):
            if index >= count + skipped:
                break
            unit = sum_profiles(Profile.from_json(json.loads(r.body)) for r in found)
            history.add(unit, sign=-1)
            if index < count:
                late.append((person, session_id, unit))
        early[person] = _vectorize(history, model)
    compared: list[tuple[list[str], list[dict[str, float]], str, float]] = []
    for person, session_id, unit in late:
        names = [n for n in early if n == person or n not in present[session_id]]
        query = _vectorize(unit, model)
        compared.append(
            (names, similarities_many(query, [early[n] for n in names]), person, query.size)
        )
    others = [
        s
        for names, sims, person, _ in compared
        for n, s in zip(names, sims, strict=True)
        if n != person
    ]
    strangers = tenant_strangers(model, others)
    local = replace(model, stranger={**model.stranger, **strangers})
    outcomes = [
        Outcome([local.llr(s)[0] for s in sims], names, names.index(person), size)
        for names, sims, person, size in compared
    ]
    shift, best = plausible_shift(_calibration_outcomes(outcomes), local)
    return TenantShift(
        round(shift, 4), round(best, 4), len(outcomes), len(early), strangers, len(others)
    )


@dataclass(slots=True)
class Linked:
    query: Query
    names: list[str]
    probs: list[float]
    new: float
    contributions: list[dict[str, float]]


def evaluate(split_: Split, queries: list[Query], model: LinkModel) -> list[Linked]:
    """Link held-out sessions against the histories as ``Linker.link`` links an actor (exact
    scan): the blocks, the identifiers the session states (``scoring.add_identifiers``), the
    closest candidates told apart, the people met in the session."""
    names = sorted(split_.histories)
    candidates = {n: _vectorize(split_.histories[n], model) for n in names}
    stats = CompanionStats.from_companions(h.companions for h in split_.histories.values())
    # As Linker._hold keeps them: each candidate's stated identifiers, and who holds each value.
    identifiers = {
        n: {k: int(v) for k, v in h.identifiers.items() if v > 0}
        for n, h in split_.histories.items()
    }
    holders = Counter(k for held in identifiers.values() for k in held if ":" in k)
    first: dict[tuple[str, str], tuple[list[float], list[dict[str, float]]]] = {}
    sizes: dict[tuple[str, str], float] = {}
    kinds: dict[tuple[str, str], list[float]] = {}
    contexts: dict[tuple[str, str], list[float]] = {}
    for query in queries:
        vectors = _vectorize(query.profile, model)
        scored = [Scored(n, *model.llr(pair_sims(vectors, candidates[n]))) for n in names]
        stated = dict(query.profile.identifiers)
        if stated:
            held = {k: holders.get(k, 0) for k in stated if ":" in k}
            add_identifiers(scored, stated, identifiers, held, len(names))
        add_newcomer(scored, query.profile.newcomer)
        llrs = [s.llr for s in scored]
        families = [s.contributions for s in scored]
        mine = separation.row(vectors) if model.separation > 0 and len(names) > 1 else None
        if mine is not None:  # as Linker._separated: the best candidates told apart
            top = np.argsort(-np.asarray(llrs), kind="stable")[: separation.CANDIDATES]
            rows = [
                _rows(split_, split_.history_units[names[i]], model, query.session_id) for i in top
            ]
            for i, value in zip(top.tolist(), separation.scores(mine, rows).tolist(), strict=True):
                llrs[i] += model.separation * value
                families[i] = {
                    **families[i],
                    "texture": families[i]["texture"] + model.separation * value,
                }
        first[(query.session_id, query.person)] = (llrs, families)
        sizes[(query.session_id, query.person)] = vectors.size
        kinds[(query.session_id, query.person)] = [f["behaviour"] + f["context"] for f in families]
        contexts[(query.session_id, query.person)] = [f["context"] for f in families]
    by_session: dict[str, list[Query]] = defaultdict(list)
    for query in queries:
        by_session[query.session_id].append(query)
    results: list[Linked] = []
    for query in queries:
        llrs, contributions = first[(query.session_id, query.person)]
        llrs = list(llrs)
        contributions = [dict(c) for c in contributions]
        mask = [True] * len(names)
        co: list[tuple[dict[str, float], float]] = []
        anonymous = {q.person for q in by_session[query.session_id] if q is not query}
        for other in query.co_actors:
            if other in anonymous:
                other_llrs, _ = first[(query.session_id, other)]
                probs, new = posterior_of(
                    other_llrs,
                    len(names),
                    model,
                    size=sizes[(query.session_id, other)],
                    kinds=kinds[(query.session_id, other)],
                    contexts=contexts[(query.session_id, other)],
                )
                co.append((dict(zip(names, probs, strict=True)), new))
            elif other in candidates:
                mask[names.index(other)] = False  # known and present: not the same person
                co.append(({other: 1.0}, 0.0))
        if co:
            for i, name in enumerate(names):
                history = split_.histories[name]
                extra = context_llr(name, history.companions, history.sessions, co, stats)
                llrs[i] += extra
                contributions[i]["context"] = contributions[i].get("context", 0.0) + extra
        kept = [i for i in range(len(names)) if mask[i]]
        mine = kinds[(query.session_id, query.person)]
        context = contexts[(query.session_id, query.person)]
        probs, new = posterior_of(
            [llrs[i] for i in kept],
            len(names),
            model,
            size=sizes[(query.session_id, query.person)],
            kinds=[mine[i] for i in kept],
            contexts=[context[i] for i in kept],
        )
        full = [0.0] * len(names)
        for i, p in zip(kept, probs, strict=True):
            full[i] = p
        results.append(Linked(query, names, full, new, contributions))
    return results


def backtest(
    store: Store, tenant: str, settings: IdentitySettings, base: LinkModel
) -> tuple[BacktestReport, LinkModel]:
    """Cross-fitted figures on the tenant's own people, and the model fitted on all of them."""
    split_ = split(store, tenant, settings)
    persons = sorted({q.person for q in split_.queries})
    rng = random.Random(int(settings.backtest["seed"]) + 1)
    order = persons[:]
    rng.shuffle(order)
    folds = [sorted(order[i::FOLDS]) for i in range(FOLDS)]
    linked: list[Linked] = []
    for fold in folds:
        train = [p for p in persons if p not in fold]
        model, _ = fit(
            split_,
            [p for p in train if p in split_.histories],
            [p for p in train if p in split_.held_out],
            base,
        )
        linked += evaluate(split_, [q for q in split_.queries if q.person in fold], model)
    final, outcomes = fit(
        split_,
        [p for p in persons if p in split_.histories],
        [p for p in persons if p in split_.held_out],
        base,
    )
    later = [o for o in outcomes if o.truth is not None and o.llrs]
    later_hits = sum(int(np.argmax(o.llrs)) == o.truth for o in later)
    report = summarize(linked, settings.new_person_threshold)
    # The figures stay with the model it saves: ``link`` says how far to trust it from them.
    figures = {
        "top1": report.top1,
        "ece": report.ece,
        "ece_bound": report.ece_bound,
        "queries": report.queries,
    }
    final = replace(
        final,
        fitted_on={
            **final.fitted_on,
            "tenant": tenant,
            "source": "persona6 backtest linking",
            "backtest": figures,
        },
    )
    return report.model_copy(
        update={
            "model": _summary(final),
            "persons": len(persons),
            "later_queries": len(later),
            "later_top1": round(later_hits / len(later), 4) if later else None,
            "newcomer": _newcomer_figures(split_.newcomer),
        }
    ), final


def _newcomer_figures(found: newcomer_rules.Measured | None) -> dict[str, object] | None:
    """The measured newcomer rates beside the shipped ones (BacktestReport.newcomer)."""
    if found is None:
        return None
    shipped = newcomer_rules.rules()
    return {
        "first": found.first,
        "first_sessions": found.first_sessions,
        "later": found.later,
        "later_sessions": found.later_sessions,
        "first_rate": round(found.first / found.first_sessions, 4)
        if found.first_sessions
        else None,
        "later_rate": round(found.later / found.later_sessions, 4)
        if found.later_sessions
        else None,
        "first_session_rate": shipped.first_session_rate,
        "later_session_rate": shipped.later_session_rate,
        "llr": round(shipped.llr, 4),
    }


def summarize(linked: list[Linked], threshold: float) -> BacktestReport:
    top1 = top3 = known = 0
    tp = fp = fn = 0
    confidences: list[float] = []
    correct: list[bool] = []
    rows: list[BacktestQuery] = []
    for item in linked:
        order = sorted(range(len(item.names)), key=lambda i: -item.probs[i])
        best = order[0] if order else None
        best_p = item.probs[best] if best is not None else 0.0
        says_new = best is None or best_p < threshold
        truth_known = item.query.known
        decision = None if says_new or best is None else item.names[best]
        truth = item.query.person if truth_known else None
        rows.append(
            BacktestQuery(
                session_id=item.query.session_id,
                person=item.query.person,
                truth=truth,
                decision=decision,
                best=item.names[best] if best is not None else None,
                probability=round(best_p, 4),
                new_person_probability=round(item.new, 4),
                right=decision == truth,
                co_actors=item.query.co_actors,
                passed_over=item.query.passed_over,
            )
        )
        if truth_known:
            known += 1
            top = [item.names[i] for i in order[:3]]
            top1 += bool(top) and top[0] == item.query.person
            top3 += item.query.person in top
        if says_new and not truth_known:
            tp += 1
        elif says_new and truth_known:
            fp += 1
        elif not says_new and not truth_known:
            fn += 1
        # The top label among the candidates and "new", and whether it is right.
        if best is not None and best_p >= item.new:
            confidences.append(best_p)
            correct.append(truth_known and item.names[best] == item.query.person)
        else:
            confidences.append(item.new)
            correct.append(not truth_known)
    ece, bins = calibration_error(confidences, correct)
    expected, bound = calibrated_ece(confidences)
    return BacktestReport(
        persons=0,
        queries=known,
        new_queries=len(linked) - known,
        top1=round(top1 / known, 4) if known else 0.0,
        top3=round(top3 / known, 4) if known else 0.0,
        new_person_precision=round(tp / (tp + fp), 4) if tp + fp else None,
        new_person_recall=round(tp / (tp + fn), 4) if tp + fn else None,
        ece=round(ece, 4),
        ece_if_calibrated=round(expected, 4),
        ece_bound=round(bound, 4),
        threshold=threshold,
        model={},
        saved=False,
        reliability=bins,
        rows=sorted(rows, key=lambda r: (r.truth is None, r.person, r.session_id)),
        passed_over=sum(1 for item in linked if item.query.passed_over),
    )


def calibration_error(
    confidences: list[float], correct: list[bool], bins: int = 10
) -> tuple[float, list[dict[str, float]]]:
    """Expected calibration error over equal-width bins, and the bins."""
    if not confidences:
        return 0.0, []
    total = len(confidences)
    error = 0.0
    table: list[dict[str, float]] = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [
            i
            for i, c in enumerate(confidences)
            if (low <= c < high) or (b == bins - 1 and c == 1.0)
        ]
        if not members:
            continue
        confidence = sum(confidences[i] for i in members) / len(members)
        accuracy = sum(correct[i] for i in members) / len(members)
        error += len(members) / total * abs(confidence - accuracy)
        table.append(
            {
                "from": low,
                "to": high,
                "confidence": round(confidence, 4),
                "accuracy": round(accuracy, 4),
                "count": len(members),
            }
        )
    return error, table


#: Outcomes drawn for ``calibrated_ece``, and the share of them the bound leaves above it.
CALIBRATED_DRAWS = 2000
CALIBRATED_TAIL = 0.05


def calibrated_ece(confidences: list[float], bins: int = 10) -> tuple[float, float]:
    """(median, 95th percentile) of the ECE a perfectly calibrated model shows at these
    confidences: each outcome drawn right with the probability its confidence says (seeded),
    the ECE measured as ``calibration_error`` measures it, ``CALIBRATED_DRAWS`` times.

    An ECE is a mean of differences between confidence and accuracy in bins, and the accuracy
    of a bin of a few outcomes is far from its confidence by chance alone: 106 outcomes at
    LoCoMo's confidences give a calibrated model a median ECE of 0.044 and one above 0.063 in
    one draw of 20; 10 held-out sessions, 0.1 and more. An ECE under the bound is no evidence
    of miscalibration; one above it is (one time in 20 by chance). (0, 0) without outcomes.
    """
    if not confidences:
        return 0.0, 0.0
    values = np.clip(np.asarray(confidences, dtype=np.float64), 0.0, 1.0)
    which = np.minimum((values * bins).astype(np.int64), bins - 1)  # 1.0 in the last bin
    rng = np.random.default_rng(0)
    right = rng.random((CALIBRATED_DRAWS, len(values))) < values
    error = np.zeros(CALIBRATED_DRAWS)
    for b in np.unique(which):
        members = which == b
        gap = right[:, members].mean(axis=1) - values[members].mean()
        error += members.sum() / len(values) * np.abs(gap)
    return float(np.median(error)), float(np.quantile(error, 1.0 - CALIBRATED_TAIL))


def _summary(model: LinkModel) -> dict[str, object]:
    return {
        "weights": model.weights,
        "stranger": model.stranger,
        "constant": model.constant,
        "temperature": round(model.temperature, 4),
        "size_slope": round(model.size_slope, 4),
        "size_ref": round(model.size_ref, 4),
        "prior_new": round(model.prior_new, 4),
        "separation": model.separation,
        "fitted_on": model.fitted_on,
        "families": list(FAMILIES),
        "model_id": model.model_id,
        "log_odds_note": "LLR = constant + sum_b weight_b * (similarity_b - stranger_b), "
        "+ separation * f for the closest candidates (f: where the session falls among "
        "their own past sessions)",
        "calibration": "P(p) ∝ (1-prior_new)/N exp(LLR * scale(size)), P(new) ∝ prior_new; "
        "scale(size) = exp(size_slope * (size - size_ref)) / temperature",
    }
