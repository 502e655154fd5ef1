"""Behaviour under failure: episodes, the reaction taxonomy, prediction, archetypes, backtests.

``BehaviorState`` keeps what these read (the tenant's episodes, style signals and acts, and the
archetype memberships) in memory, reloaded whenever the graph changes (``Store.graph_version``),
so repeated predictions and briefs are fast; predictions as of a past moment (``--event``, the
backtest) read prefix indexes over that history (``timeline.py``) instead of recomputing it.
kappa_p, the weight of a person's own counts, is estimated from the tenant's episodes
(``strength.py``) with the pools it was computed on, and at checkpoints for past moments.
docs/behavior.md describes the models.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from persona6.behavior.archetypes import (
    ArchetypeScore,
    MembershipLine,
    PersonArchetypes,
    Taxonomy,
    load_taxonomy,
    memberships,
)
from persona6.behavior.backtest import BacktestReport, backtest
from persona6.behavior.episodes import FailureAt, TenantHistory, failure_at, load_history
from persona6.behavior.predict import REACTIONS, Pools, Prediction, pools, predict
from persona6.behavior.strength import StrengthLine, strength_of
from persona6.behavior.timeline import ArchetypePools, Timeline, pools_at
from persona6.errors import InvalidOption, NotFound
from persona6.extract.task import name_words
from persona6.store.base import Store

__all__ = [
    "REACTIONS",
    "ArchetypeScore",
    "BacktestReport",
    "BehaviorState",
    "PersonArchetypes",
    "Prediction",
    "load_taxonomy",
]


class BehaviorState:
    """Behaviour over one store and tenant, with its in-memory caches."""

    def __init__(self, store: Store, tenant: str):
        self.store = store
        self.tenant = tenant
        self._version: Any = None
        self._history: TenantHistory | None = None
        self._taxonomies: dict[tuple[str, float], Taxonomy] = {}
        # Keyed by id(taxonomy): taxonomies are kept (self._taxonomies, packaged()), so an id
        # is never reused, and an edited taxonomy file is a new one.
        self._now: dict[int, tuple[dict[str, list[ArchetypeScore]], Pools]] = {}
        self._memo: dict[Any, Any] = {}

    # -- caches -----------------------------------------------------------------------------

    def history(self) -> TenantHistory:
        version = self.store.graph_version(self.tenant)
        if self._history is None or version != self._version:
            self._history = load_history(self.store, self.tenant)
            self._version = version
            self._now.clear()
            self._memo.clear()
        return self._history

    def cached(self, key: Any, make: Callable[[], Any]) -> Any:
        """``make()`` once per graph version: what later stages derive per person."""
        self.history()
        return self._derived(key, make)

    def _derived(self, key: Any, make: Callable[[], Any]) -> Any:
        """``cached`` for callers that have just called ``history()`` (one version check per
        operation: it is a query)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def taxonomy(self, path: str | Path | None = None) -> Taxonomy:
        if path is None:
            return load_taxonomy()
        file = Path(path)
        key = (str(file), file.stat().st_mtime if file.exists() else 0.0)
        if key not in self._taxonomies:
            self._taxonomies[key] = load_taxonomy(file)
        return self._taxonomies[key]

    def _current(self, taxonomy: Taxonomy) -> tuple[dict[str, list[ArchetypeScore]], Pools]:
        history = self.history()
        found = self._now.get(id(taxonomy))
        if found is None:
            scores: dict[str, list[ArchetypeScore]] = {}

            def weights(person_id: str) -> dict[str, float]:
                if person_id not in scores:
                    scores[person_id] = memberships(taxonomy, history.person(person_id))
                return {a.archetype: a.membership for a in scores[person_id]}

            now = pools(history.episodes, weights)
            now.strength = strength_of(now, history.episodes)
            now.strength_failure = strength_of(now, history.episodes, failure_only=True)
            found = (scores, now)
            self._now[id(taxonomy)] = found
        return found

    def timeline(self) -> Timeline:
        """The prefix indexes of the tenant's history (behavior/timeline.py)."""
        history = self.history()
        return self._derived(("timeline",), lambda: Timeline(history))

    def membership_at(self, taxonomy: Taxonomy, person_id: str, cutoff: str | None) -> dict:
        """The person's memberships from their history before ``cutoff`` (None: all of it)."""
        self.history()
        return self._membership_at(taxonomy, person_id, cutoff)

    def _membership_at(self, taxonomy: Taxonomy, person_id: str, cutoff: str | None) -> dict:
        lines: dict[str, MembershipLine] = self._derived(("lines", id(taxonomy)), dict)
        line = lines.get(person_id)
        if line is None:
            history = self._history
            assert history is not None  # callers have called history()
            line = lines[person_id] = MembershipLine(taxonomy, history.person(person_id))
        return line.at(cutoff)

    def pools_at(
        self, taxonomy: Taxonomy, person_id: str, cutoff: str | None, features: Sequence[str]
    ) -> tuple[Pools, dict[str, float]]:
        """The pools of the episodes known before ``cutoff`` and the person's memberships
        before it, from the prefix indexes (equal to recomputing them; tests check it)."""
        self.history()
        return self._pools_at(taxonomy, person_id, cutoff, features)

    def _pools_at(
        self, taxonomy: Taxonomy, person_id: str, cutoff: str | None, features: Sequence[str]
    ) -> tuple[Pools, dict[str, float]]:
        history = self._history
        assert history is not None  # callers have called history()
        timeline = self._derived(("timeline",), lambda: Timeline(history))
        archetypes = self._derived(
            ("archetype pools", id(taxonomy)),
            lambda: ArchetypePools(timeline, lambda p, c: self._membership_at(taxonomy, p, c)),
        )
        strengths = self._derived(
            ("strengths", id(taxonomy)), lambda: StrengthLine(timeline, archetypes)
        )
        strength = strengths.at(cutoff)
        return pools_at(timeline, archetypes, person_id, cutoff, features, strength)

    # -- operations ---------------------------------------------------------------------

    def require_person(self, person_id: str) -> None:
        self._require_person(self.history(), person_id)

    def _require_person(self, history: TenantHistory, person_id: str) -> None:
        if person_id in history.persons or self.store.traits_of(self.tenant, person_id):
            return
        if self.store.actors(self.tenant, names=[person_id]):
            return
        raise NotFound(
            "person {person!r} is not known in tenant {tenant!r}. "
            "List people with: {>list_persons}",
            person=person_id,
            tenant=self.tenant,
        )

    def archetypes(self, person_id: str, taxonomy_path: str | Path | None = None) -> list:
        """Soft memberships of the person (now), highest first, with cues and evidence."""
        self.require_person(person_id)
        taxonomy = self.taxonomy(taxonomy_path)
        scores, _ = self._current(taxonomy)
        if person_id not in scores:
            scores[person_id] = memberships(taxonomy, self.history().person(person_id))
        return scores[person_id]

    def person_archetypes(
        self, person_id: str, taxonomy_path: str | Path | None = None
    ) -> PersonArchetypes:
        found = self.archetypes(person_id, taxonomy_path)
        traits: dict[tuple[str, str], str] = {}
        for trait in self.store.traits_of(self.tenant, person_id):
            if trait.valid_to is None:
                traits.setdefault((trait.kind.value, trait.key), trait.id)
        taxonomy = self.taxonomy(taxonomy_path)
        cues = {c.name: c for a in taxonomy.archetypes for c in a.cues}
        result = []
        for score in found:
            listed = []
            for cue_score in score.cues:
                cue = cues.get(cue_score.cue)
                kind = {"style": "style", "reaction": "failure"}.get(cue.kind if cue else "")
                ids = []
                if kind == "style" and cue is not None and cue_score.strength > 0:
                    ids = [traits[(kind, cue.key)]] if (kind, cue.key) in traits else []
                elif kind == "failure" and cue_score.strength > 0:
                    ids = [t for (k, _), t in traits.items() if k == "failure"]
                listed.append(cue_score.model_copy(update={"traits": ids}))
            result.append(score.model_copy(update={"cues": listed}))
        return PersonArchetypes(person_id=person_id, taxonomy=taxonomy.source, archetypes=result)

    def predict(
        self,
        person_id: str,
        *,
        failure: str | None = None,
        event: str | None = None,
        taxonomy_path: str | Path | None = None,
    ) -> Prediction:
        """The person's reaction to a failure: in general, to failures named ``failure``, or
        to the stored failure ``event`` from what happened before it only."""
        if failure is not None and event is not None:
            raise InvalidOption(
                "predict: give {--failure} or {--event}, not both. "
                "{--event} already says what failed"
            )
        history = self.history()
        self._require_person(history, person_id)
        taxonomy = self.taxonomy(taxonomy_path)
        if event is None:
            _, now = self._current(taxonomy)
            membership = self._membership_at(taxonomy, person_id, None)
            features: tuple[str, ...] = ()
            extra: dict[str, Any] = {}
            if failure is not None:
                name = "_".join(name_words(failure))
                if not name:
                    raise InvalidOption(
                        "{--failure} {failure!r} is not a failure name. "
                        "Pass one like error, timeout or assistant_error",
                        failure=failure,
                    )
                features = (f"failure:{name}",)
                extra = {"failure": name}
            return predict(
                history, now, person_id, membership, features=features, extra_basis=extra
            )
        stored = self.store.event(self.tenant, event)
        if stored is None:
            raise NotFound(
                "event {event!r} is not stored in tenant {tenant!r}. List the person's "
                "failures with: {>list_failures}",
                event=event,
                tenant=self.tenant,
                person=person_id,
            )
        episode = history.by_failure.get(stored.event_id)
        found: FailureAt | None
        if episode is not None:  # its context, as failure_at would compute it (tests check it)
            found = FailureAt(
                stored, episode.person_id, episode.actor, episode.failure_name, episode.features
            )
        else:
            found = failure_at(self.store, history, stored)
        if found is None:
            what = stored.type.value + (f" {stored.name!r}" if stored.name else "")
            raise InvalidOption(
                f"event {event!r} is a {what}, not a failure. Pass the id of a failure: an "
                "outcome named like error or timeout, an assistant message reporting an error, "
                "or a person's message saying something broke"
            )
        if found.person_id != person_id:
            raise InvalidOption(
                "event {event!r} is a failure of {owner!r}, not of {person!r}. "
                "Run: {>predict_event}",
                event=event,
                owner=found.person_id,
                person=person_id,
            )
        cutoff = stored.ts
        at, membership = self._pools_at(taxonomy, person_id, cutoff, found.features)
        extra = {"event_id": event, "failure": found.failure_name, "known_before": cutoff}
        return predict(
            history,
            at,
            person_id,
            membership,
            features=found.features,
            cutoff=cutoff,
            extra_basis=extra,
        )

    def backtest(self, split: float = 0.6, taxonomy_path: str | Path | None = None):
        if not 0.0 < split < 1.0:
            raise InvalidOption(
                "{--split} {split} must be between 0 and 1 (the share of each person's "
                "episodes used as history only), e.g. 0.6",
                split=split,
            )
        taxonomy = self.taxonomy(taxonomy_path)
        history = self.history()
        return backtest(history, lambda p, c, f: self._pools_at(taxonomy, p, c, f), split)


BacktestReport.model_rebuild()
