"""Behaviour under failure: episodes, the reaction taxonomy, prediction, archetypes, backtests.

``BehaviorState`` keeps what these read (the tenant's episodes, style signals and acts, and the
archetype memberships) in memory, reloaded whenever the graph changes (``Store.graph_version``),
so repeated predictions and briefs are fast. docs/behavior.md describes the models.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from persona6.behavior.archetypes import (
    ArchetypeScore,
    PersonArchetypes,
    Taxonomy,
    load_taxonomy,
    memberships,
)
from persona6.behavior.backtest import BacktestReport, backtest
from persona6.behavior.episodes import TenantHistory, failure_at, known_before, load_history
from persona6.behavior.predict import REACTIONS, Pools, Prediction, pools, predict
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
        self._now: dict[str, tuple[dict[str, list[ArchetypeScore]], Pools]] = {}
        self._at: dict[tuple[str, str, str | None], dict[str, float]] = {}
        self._memo: dict[Any, Any] = {}

    # -- caches -----------------------------------------------------------------------------

    def history(self) -> TenantHistory:
        version = self.store.graph_version(self.tenant)
        if self._history is None or version != self._version:
            self._history = load_history(self.store, self.tenant)
            self._version = version
            self._now.clear()
            self._at.clear()
            self._memo.clear()
        return self._history

    def cached(self, key: Any, make: Callable[[], Any]) -> Any:
        """``make()`` once per graph version: what later stages derive per person."""
        self.history()
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
        found = self._now.get(taxonomy.source)
        if found is None:
            scores: dict[str, list[ArchetypeScore]] = {}

            def weights(person_id: str) -> dict[str, float]:
                if person_id not in scores:
                    scores[person_id] = memberships(taxonomy, history.person(person_id))
                return {a.archetype: a.membership for a in scores[person_id]}

            found = (scores, pools(history.episodes, weights))
            self._now[taxonomy.source] = found
        return found

    def membership_at(self, taxonomy: Taxonomy, person_id: str, cutoff: str | None) -> dict:
        key = (taxonomy.source, person_id, cutoff)
        found = self._at.get(key)
        if found is None:
            history = self.history()
            scores = memberships(taxonomy, history.person(person_id), cutoff)
            found = self._at[key] = {a.archetype: a.membership for a in scores}
        return found

    # -- operations ---------------------------------------------------------------------

    def require_person(self, person_id: str) -> None:
        history = self.history()
        if person_id in history.persons or self.store.traits_of(self.tenant, person_id):
            return
        if self.store.actors(self.tenant, names=[person_id]):
            return
        raise NotFound(
            f"person {person_id!r} is not known in tenant {self.tenant!r}. "
            "List people with: persona6 persons"
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
        traits = {}
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
                "predict: give --failure or --event, not both. --event already says what failed"
            )
        self.require_person(person_id)
        history = self.history()
        taxonomy = self.taxonomy(taxonomy_path)
        if event is None:
            _, now = self._current(taxonomy)
            membership = self.membership_at(taxonomy, person_id, None)
            features: tuple[str, ...] = ()
            extra: dict[str, Any] = {}
            if failure is not None:
                name = "_".join(name_words(failure))
                if not name:
                    raise InvalidOption(
                        f"--failure {failure!r} is not a failure name. "
                        "Pass one like error, timeout or assistant_error"
                    )
                features = (f"failure:{name}",)
                extra = {"failure": name}
            return predict(
                history, now, person_id, membership, features=features, extra_basis=extra
            )
        stored = self.store.event(self.tenant, event)
        if stored is None:
            raise NotFound(
                f"event {event!r} is not stored in tenant {self.tenant!r}. List the person's "
                f"failures with: persona6 events --actor {person_id} --type outcome"
            )
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
                f"event {event!r} is a failure of {found.person_id!r}, not of {person_id!r}. "
                f"Run: persona6 predict {found.person_id} --event {event}"
            )
        cutoff = stored.ts
        known = known_before(history.episodes, cutoff)
        at = pools(known, lambda p: self.membership_at(taxonomy, p, cutoff))
        membership = self.membership_at(taxonomy, person_id, cutoff)
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
                f"--split {split} must be between 0 and 1 (the share of each person's "
                "episodes used as history only), e.g. 0.6"
            )
        taxonomy = self.taxonomy(taxonomy_path)
        return backtest(self.history(), lambda p, c: self.membership_at(taxonomy, p, c), split)


BacktestReport.model_rebuild()
