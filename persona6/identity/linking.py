"""Probabilistic linking: who an anonymous actor is, how sure, and on what evidence.

``Linker`` keeps, for one tenant, the profiles of the known persons in an index (index.py) that
follows the store incrementally (``sync``), and answers:

- ``link(actor)``: candidates from the index, re-scored exactly (scoring.py), co-present
  persons ruled out, anonymous co-actors weighed (scoring.context_llr), probabilities from the
  model (model.py), the decision (null below the threshold: a new person), and evidence on both
  sides for the best candidates, with where each starts (the constant and the prior);
- ``link_all()``: stitching first, then every unresolved anonymous actor; with
  ``auto_merge_above`` the confident ones are merged (method ``auto``, undoable);
- ``link_to(actor, person)``: a merge a person decided (method ``manual``);
- ``unlink(actor)``: revokes the actor's links, keeping them with the reason.

Every link or unlink re-consolidates the persons it touches (graph.build.refresh_persons).
A tenant without a fitted model links with the shipped one, its constant moved to the tenant's
known persons (backtest.shipped_shift), measured again at a ``sync`` that finds the tenant moved
enough to move it (``Linker._reshift``).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from persona6.errors import InvalidOption, NotFound
from persona6.graph.build import refresh_persons
from persona6.identity import identifiers as stated_ids
from persona6.identity import newcomer, separation, snapshot
from persona6.identity import profiles as profile_store
from persona6.identity.backtest import TenantShift, shipped_shift
from persona6.identity.features import BLOCK_FAMILY, CHARGRAM_BITS, FAMILIES, Profile
from persona6.identity.index import PersonIndex
from persona6.identity.model import LinkModel, Vectors, bounded_posterior, bucket, vectorize
from persona6.identity.records import (
    BacktestReport,
    Candidate,
    ContinuityReport,
    LinkAllReport,
    LinkEvidence,
    LinkRecord,
    LinkResult,
    Quote,
    StitchReport,
    UnlinkReport,
)
from persona6.identity.scoring import (
    CompanionStats,
    Scored,
    add_identifiers,
    add_newcomer,
    context_llr,
    rank,
    score_all,
)
from persona6.identity.settings import IdentitySettings, check_probability, settings_for
from persona6.store.base import IdentityLink, Store

#: Candidates explained with evidence (the others get probabilities and contributions only):
#: of these, the best, and any other at ``EXPLAINED_ABOVE`` or more.
EXPLAINED = 3
#: A candidate after the best is explained only at this probability or more: no answer shows
#: the matches of one less probable (``persona6 link`` prints the best's, MCP the decision's,
#: POST /v1/link those at ``server.api.LINK_FLOOR``, 0.01, or more), and explaining each cost a
#: link about 7 ms.
EXPLAINED_ABOVE = 0.01
#: Evidence items per family, per candidate.
EVIDENCE_PER_FAMILY = 3
#: Share by which the number of a tenant's persons must move (at least one person) before the
#: shipped model's shift is measured again (``Linker._shift_if_due``).
RESHIFT_SHARE = 0.1
#: Share of the persons it was measured on whose profiles must have changed since (new
#: sessions, new persons) before the shift is measured again: it calibrates the tenant as a
#: whole, and one new session of one person does not move it, while measuring it cost each
#: link after a write about 230 ms on a tenant of 7 persons.
RESHIFT_CHANGED = 0.5
#: Persons whose session rows (``Linker._rows_of``) are kept between links.
SESSION_ROWS_KEPT = 4096


@cache
def default_model() -> LinkModel:
    """The shipped model: fitted by ``persona6 backtest linking`` on the synthetic generator's
    people (docs/identity.md says how to refit it on your own)."""
    text = resources.files("persona6.data").joinpath("identity_model.json").read_text("utf-8")
    return LinkModel.from_json(json.loads(text))


def fitted_model(store: Store, tenant: str) -> LinkModel | None:
    """The tenant's own model (``persona6 backtest linking --save``), if it has one."""
    stored = store.latest_identity_model(tenant)
    return LinkModel.from_json(stored) if stored else None


def tenant_model(store: Store, tenant: str) -> LinkModel:
    """The tenant's own model, or the shipped one as it is (``Linker.sync`` moves the shipped
    one's constant to the tenant's persons: ``backtest.shipped_shift``)."""
    return fitted_model(store, tenant) or default_model()


def shifted(model: LinkModel, found: TenantShift) -> LinkModel:
    """The shipped ``model`` with its constant moved as the tenant requires (recorded in
    ``fitted_on``, so the model id says it)."""
    if not found.shift and not found.stranger:
        return model
    return replace(
        model,
        constant=round(model.constant + found.shift, 5),
        stranger={**model.stranger, **found.stranger},
        fitted_on={
            **model.fitted_on,
            "tenant_shift": {
                "shift": round(found.shift, 4),
                "best": round(found.best, 4),
                "sessions": found.sessions,
                "persons": found.persons,
                "stranger_pairs": found.pairs,
            },
        },
    )


def link_id(tenant: str, anonymous_id: str, user_id: str, method: str, nonce: str = "") -> str:
    blob = "\x1f".join((tenant, anonymous_id, user_id, method, nonce)).encode()
    return "ln_" + hashlib.blake2b(blob, digest_size=10).hexdigest()


def record(link: IdentityLink) -> LinkRecord:
    return LinkRecord(
        link_id=link.link_id,
        anonymous_id=link.anonymous_id,
        person_id=link.user_id,
        method=link.method,
        evidence_event_id=link.evidence_event_id,
        created_at=link.created_at,
        revoked_at=link.revoked_at,
        revoked_reason=link.revoked_reason,
        probability=link.probability,
        details=link.details,
    )


def reconsolidate(store: Store, tenant: str, actors: Iterable[str]) -> list[str]:
    """Recompute the traits of the persons these actors are or were (after a link change)."""
    touched = sorted(set(actors))
    refresh_persons(store, tenant, dict.fromkeys(touched))  # None: recompute them whole
    return touched


class Linker:
    """Linking for one tenant of one store; cheap to keep, and it keeps its index current.

    With ``index_dir``, the index is saved there (snapshot.py) and a new ``Linker`` restores
    it, re-indexing only the persons whose profiles changed since, instead of every person.
    """

    def __init__(self, store: Store, tenant: str, *, index_dir: Path | None = None):
        self.store = store
        self.tenant = tenant
        self.index: PersonIndex | None = None
        self.model: LinkModel | None = None
        self.companions: CompanionStats | None = None
        self._companions: snapshot.Companions = {}
        #: person -> their stated identifiers (``Profile.identifiers``), and value label ->
        #: how many known persons stated it (identifiers.py).
        self._identifiers: snapshot.Identifiers = {}
        self._holders: dict[str, set[str]] = {}
        self._stale_layout = False
        self._snapshot = snapshot.path_for(index_dir, tenant) if index_dir is not None else None
        #: person -> version of the profile indexed (Store.identity_profile_versions).
        self._versions: dict[str, int] = {}
        #: Persons re-indexed since the snapshot was saved or restored (None: no snapshot yet).
        self._unsaved: set[str] | None = None
        #: The store's profile counter when the index was last brought up to date.
        self._counter: int | None = None
        self._writer = snapshot.Writer()
        #: The model as stored or shipped; ``model`` is it with the tenant's shift, if any.
        self._base: LinkModel | None = None
        #: Whether the tenant has no model of its own (the shipped one is shifted to it).
        self._shipped = False
        #: How the shipped model's constant moved on this tenant (``backtest.shipped_shift``),
        #: and the profile counter and persons it was measured at.
        self.tenant_shift: TenantShift | None = None
        self._shifted_at: tuple[int | None, int] | None = None
        #: person -> (profile version, idf key, rows of their latest sessions): what the
        #: separation of close candidates learns from (separation.py), kept between links.
        self._session_rows: dict[str, tuple[int, str, NDArray[np.float32]]] = {}
        #: (person, person, their profile versions, idf key) -> inner products of the two
        #: persons' session rows.
        self._grams: dict[tuple[str, str, int, int, str], NDArray] = {}

    # -- keeping current ------------------------------------------------------------------

    def settings(self, **overrides: object) -> IdentitySettings:
        return settings_for(self.store, self.tenant, **overrides)

    def sync(self, *, full: bool = False) -> None:
        """Bring units, profiles and the index up to date with the built graph."""
        settings = self.settings()
        profile_store.refresh(self.store, self.tenant, settings, full=full)
        fitted = fitted_model(self.store, self.tenant)
        model = fitted or default_model()
        if "prior_new" in self.store.identity_settings(self.tenant):
            model = model.with_calibration(model.temperature, settings.prior_new)
        if full or self.index is None or self._base is None or self._base != model:
            self.model = self._base = model
            self._shipped = fitted is None
            self.tenant_shift = self._shifted_at = None
            if full or not self._restore():
                self._load(None)
        else:
            self._catch_up()
        if self._stale_layout and not full:
            # Units stored under an older character n-gram layout: re-make them all, once.
            self.sync(full=True)
            return
        if self._shipped:
            self._shift_if_due()
        self._save_if_due()

    def _shift_if_due(self) -> None:
        """Move the shipped model's constant to the tenant's persons (backtest.shipped_shift)
        when it can have changed materially since it was measured (``_reshift``)."""
        assert self._base is not None and self.index is not None
        persons = len(self.index)
        if self._shifted_at is None and self._snapshot is not None:
            # One measured by an earlier process, kept beside the saved index.
            saved = snapshot.load_shift(self._snapshot, self.tenant, self._base)
            if saved is not None:
                self._shift_to(saved[0], saved[1:])
        if not self._reshift():
            return
        found = shipped_shift(self.store, self.tenant, self._base)
        self._shift_to(found, (self._counter, persons))
        if self._snapshot is not None:
            snapshot.save_shift(
                self._snapshot, self.tenant, self._base, (found, self._counter, persons)
            )

    def _reshift(self) -> bool:
        """Whether the shift is measured (again): when none was, or since it was (at a profile
        counter, on a number of persons) the profiles moved, and

        - it was measured on no sessions (nothing to measure on then: any may give some);
        - the number of persons moved by ``RESHIFT_SHARE`` of it, at least one person;
        - or ``RESHIFT_CHANGED`` of those persons have a profile written since (its version
          is above the counter): new sessions, new persons.

        One person's new session on a small tenant is none of these: before, every write and
        build between two links measured it again."""
        assert self.index is not None
        if self._shifted_at is None or self.tenant_shift is None:
            return True
        counter, before = self._shifted_at
        if counter == self._counter:
            return False
        if counter is None or not self.tenant_shift.sessions:
            return True
        persons = len(self.index)
        if abs(persons - before) >= max(1.0, RESHIFT_SHARE * before):
            return True
        changed = sum(1 for version in self._versions.values() if version > counter)
        return changed >= max(1.0, RESHIFT_CHANGED * before)

    def _shift_to(self, found: TenantShift, at: tuple[int | None, int]) -> None:
        """Link with the shipped model moved by ``found``, measured at (profile counter,
        persons indexed) ``at``."""
        assert self._base is not None and self.index is not None
        self.tenant_shift, self._shifted_at = found, at
        self.model = shifted(self._base, found)
        self.index.model = self.model  # weights and stranger means are the base's: same index

    def _restore(self) -> bool:
        """Take the saved index if it is usable, and re-index what changed since it was
        saved; False if there is none to take."""
        assert self.model is not None
        if self._snapshot is None:
            return False
        found = snapshot.load(self._snapshot, self.tenant, self.model)
        if found is None:
            return False
        self.index, self._versions, self._companions = found.index, found.versions, found.companions
        self.companions = CompanionStats.from_companions(c for c, _ in self._companions.values())
        self._identifiers, self._holders = {}, {}
        for person, held in found.identifiers.items():
            self._hold(person, held)
        self._stale_layout = False
        self._unsaved = set()
        self._counter = None
        self._catch_up()
        return True

    def _catch_up(self) -> None:
        """Re-index the persons whose stored profile is not the version indexed, and drop
        those whose profile is gone: whichever process wrote them. One read of the tenant's
        counter when nothing moved; when it moved, the rows written since the counter last
        seen, and the count of profiles (every version is read only when that count says a
        profile was deleted, or when no counter was seen yet)."""
        assert self.index is not None
        counter = self.store.identity_profiles_version(self.tenant)
        if counter == self._counter:
            return
        if self._counter is not None:
            # Versions are committed in order (the counter is raised in the writer's
            # transaction), so every profile written since has a version above the last seen.
            newer = self.store.identity_profile_versions(self.tenant, after=self._counter)
            if self.store.identity_profile_count(self.tenant) == len(self._versions.keys() | newer):
                self._load(sorted(p for p, v in newer.items() if self._versions.get(p) != v), newer)
                self._counter = counter
                return
        now = self.store.identity_profile_versions(self.tenant)
        gone = sorted(set(self._versions) - set(now))
        self._drop(gone)
        if gone:
            # A profile deleted is a person forgotten: a saved index must not keep them, so it
            # is saved anew at once (the process that forgot deleted its own: snapshot.discard).
            self._unsaved = None
        self._load(sorted(p for p, v in now.items() if self._versions.get(p) != v), now)
        self._counter = counter

    def _save_if_due(self) -> None:
        """Save the index when there is none saved, or when enough distinct persons were
        re-indexed since (``snapshot.RESAVE_SHARE`` of them, at least
        ``snapshot.RESAVE_PERSONS``: what a restoring process would re-index), in the
        background; while a save runs, the next waits for a later sync."""
        if self._snapshot is None or self.index is None or self._stale_layout:
            return
        if self._unsaved is not None and len(self._unsaved) < max(
            snapshot.RESAVE_PERSONS, snapshot.RESAVE_SHARE * len(self.index)
        ):
            return
        if self._writer.busy():
            return
        try:
            arrays = snapshot.contents(
                self.tenant, self.index, self._versions, self._companions, self._identifiers
            )
        except Exception as exc:  # a cache: failing to make one must not fail the link
            snapshot.log.warning("linking index snapshot not made: %s", exc)
            return
        self._writer.start(self._snapshot, arrays)
        self._unsaved = set()

    def flush(self) -> None:
        """Wait for a snapshot being written, if any."""
        self._writer.wait()

    def _load(self, persons: list[str] | None, versions: dict[str, int] | None = None) -> None:
        """(Re)index these persons' profiles, with their stored ``versions``, or every profile
        (``None``). The counter, then the versions, are read before the profiles: a profile
        rewritten meanwhile counts as older than it is, and is re-indexed at the next sync."""
        assert self.model is not None
        if persons is None:
            self._counter = self.store.identity_profiles_version(self.tenant)
            versions = self.store.identity_profile_versions(self.tenant)
            self.index = PersonIndex(self.model)
            self._companions = {}
            self.companions = CompanionStats.from_companions([])
            self._identifiers, self._holders = {}, {}
            self._versions = {}
            self._stale_layout = False
            self._unsaved = None
        assert self.index is not None and versions is not None and self.companions is not None
        self._drop(persons or [])
        batch: list[tuple[str, Vectors]] = []
        for person_id, body in self.store.identity_profiles(self.tenant, persons):
            self._versions[person_id] = versions.get(person_id, 0)
            profile = Profile.from_json(json.loads(body))
            if profile.chargram_bits != CHARGRAM_BITS and profile.bags.get("chargrams"):
                self._stale_layout = True
            if profile.identifier_version != stated_ids.rules().version:
                self._stale_layout = True  # read under another identifiers.yaml: re-made
            self._companions[person_id] = (dict(profile.companions), profile.sessions)
            self.companions.add(profile.companions)
            self._hold(person_id, dict(profile.identifiers))
            batch.append((person_id, vectorize(profile, self.model)))
            if len(batch) >= 2000:
                self.index.upsert(batch)
                batch = []
        self.index.upsert(batch)

    def _drop(self, persons: list[str]) -> None:
        """Take these persons out of the index, the companion statistics and the versions
        (the statistics change by what they held: no full recount on every catch-up)."""
        assert self.index is not None and self.companions is not None
        self.index.remove(persons)
        for person in persons:
            held = self._companions.pop(person, None)
            if held is not None:
                self.companions.remove(held[0])
            self._hold(person, {})
            self._versions.pop(person, None)
        if persons and self._unsaved is not None:
            self._unsaved.update(persons)

    def _hold(self, person: str, identifiers: dict[str, int]) -> None:
        """Record a person's stated identifiers (none: forget them), and who holds each value."""
        for label in self._identifiers.pop(person, {}):
            holding = self._holders.get(label)
            if holding is not None:
                holding.discard(person)
                if not holding:
                    del self._holders[label]
        kept = {k: int(v) for k, v in identifiers.items() if v > 0}
        if kept:
            self._identifiers[person] = kept
            for label in kept:
                if ":" in label:
                    self._holders.setdefault(label, set()).add(person)

    # -- linking --------------------------------------------------------------------------

    def _check_anonymous(self, actor: str) -> Profile:
        self._refuse_person(actor)
        return self._anonymous_profile(actor)

    def _refuse_person(self, actor: str) -> None:
        known = self.store.known_user_ids(self.tenant)
        if actor in known:
            raise InvalidOption(
                "{actor!r} is a known person's user_id, not an anonymous actor. Link an "
                "anonymous id instead; list them with: {>list_actors}. To see what a session "
                "of {actor!r} confirms, use: {>continuity}",
                actor=actor,
            )

    def _anonymous_profile(self, actor: str) -> Profile:
        profile = profile_store.actor_profile(self.store, self.tenant, actor)
        if profile is None:
            exists = self.store.actors(self.tenant, names=[actor])
            if exists:
                raise NotFound(
                    "anonymous actor {actor!r} has events but no built evidence yet. "
                    "Run {>build}, then link again",
                    actor=actor,
                )
            raise NotFound(
                "anonymous actor {actor!r} is not stored in tenant {tenant!r}. "
                "List anonymous actors with: {>list_actors}",
                actor=actor,
                tenant=self.tenant,
            )
        return profile

    def link(self, actor: str, *, threshold: float | None = None) -> LinkResult:
        """Rank the known persons for one anonymous actor, and decide."""
        if threshold is not None:
            check_probability("{--threshold}", threshold)
        self.sync()
        self._refuse_person(actor)
        settings = self.settings(new_person_threshold=threshold)
        active = self.store.identity_links(self.tenant, actor)
        if active:
            return self._already_linked(actor, active[-1], settings)
        profile = self._anonymous_profile(actor)
        return self._link(actor, profile, settings, explain=True)

    def _already_linked(
        self, actor: str, link: IdentityLink, settings: IdentitySettings
    ) -> LinkResult:
        """An actor a link resolves (stitched, or merged): the link is the answer. Ranking it
        against the persons would compare it with a profile that holds its own sessions, and
        rule out the very person it logged in as, when both acted in one session."""
        assert self.model is not None
        how = link.method
        if link.evidence_event_id is not None:
            how += f" {link.evidence_event_id}"
        if link.probability is not None and link.method == "auto":
            how += f" at probability {link.probability:.3f}"
        if link.link_id != link.evidence_event_id:  # an identify link's id is its event's
            how += f" (link {link.link_id})"
        profile = profile_store.actor_profile(self.store, self.tenant, actor)
        return LinkResult(
            anonymous_id=actor,
            decision=link.user_id,
            candidates=[],
            threshold=settings.new_person_threshold,
            model_id=self.model.model_id,
            sessions=sorted(set(profile.session_ids)) if profile is not None else [],
            linked=record(link),
            note=f"already linked to {link.user_id} by {how}; to weigh it afresh, undo the "
            f"link first: persona6 unlink {actor}",
        )

    def _co_actors(self, actor: str, profile: Profile) -> tuple[set[str], list[str]]:
        """(known persons present in the actor's sessions, anonymous co-actors unresolved).
        The actor's own person is never among them: an anonymous actor who logs in halfway
        through a session is in it with the user_id it is linked to, and that is one person."""
        identity = self.store.identity_map(self.tenant)
        known = self.store.known_user_ids(self.tenant)
        own = identity.get(actor, actor)
        present: set[str] = set()
        anonymous: list[str] = []
        for other in sorted(profile.companions):
            person = identity.get(other, other)
            if person in (actor, own):
                continue
            if person in known:
                present.add(person)
            else:
                anonymous.append(person)
        return present, anonymous

    def _scores(
        self,
        query: Vectors,
        exclude: set[str],
        count: int,
        stated: dict[str, int] | None = None,
        newcomer: int = 0,
    ) -> list[Scored]:
        """The candidates, best first: the index's, and every known person who stated one of
        the identifiers the actor ``stated`` (the index may not propose them), each with what
        those identifiers say (content family), and what the actor's saying they are new here
        (in ``newcomer`` of their sessions) says, then the closest told apart."""
        assert self.index is not None and self.model is not None
        scored = rank(self.index, query, self.model, count, exclude)
        if stated:
            values = [k for k in stated if ":" in k]
            have = {s.person_id for s in scored} | set(exclude)
            holders = sorted(
                p
                for k in values
                for p in self._holders.get(k, ())
                if p not in have and p in self.index
            )
            if holders:
                scored += score_all(
                    query, ((p, self.index.vectors(p)) for p in dict.fromkeys(holders)), self.model
                )
            held = {k: len(self._holders.get(k, ())) for k in values}
            add_identifiers(scored, stated, self._identifiers, held, len(self.index))
            scored.sort(key=lambda s: (-s.llr, s.person_id))
        add_newcomer(scored, newcomer)
        return self._separated(query, scored)

    def _separated(self, query: Vectors, scored: list[Scored]) -> list[Scored]:
        """The best candidates told apart by a classifier of their own sessions
        (separation.py), its weight the model's; best first again."""
        assert self.model is not None
        weight = self.model.separation
        mine = separation.row(query) if weight > 0 and len(scored) > 1 else None
        if mine is None:
            return scored
        top = scored[: separation.CANDIDATES]
        values = self._separation_scores(mine, [s.person_id for s in top])
        for item, value in zip(top, values.tolist(), strict=True):
            item.separation = value
            item.contributions["texture"] += weight * value
            item.llr += weight * value
        scored.sort(key=lambda s: (-s.llr, s.person_id))
        return scored

    def _separation_scores(self, query: NDArray[np.float32], persons: list[str]) -> NDArray:
        """``separation.scores`` with the inner products among the candidates' sessions kept
        between links (each candidate's own block with their rows, each pair's in a bounded
        cache): a query then costs its products with the rows and one small solve."""
        rows = {p: self._rows_of(p) for p in persons}
        have = [i for i, p in enumerate(persons) if len(rows[p])]
        if len(have) < 2:
            return np.zeros(len(persons))
        names = [persons[i] for i in have]
        blocks = [[self._gram(a, b, rows) for b in names] for a in names]
        products = np.concatenate([rows[p] @ query for p in names])
        sizes = [len(rows[p]) for p in names]
        return separation.from_gram(np.block(blocks), sizes, products, have, len(persons))

    def _gram(self, a: str, b: str, rows: dict[str, NDArray[np.float32]]) -> NDArray:
        """Inner products of ``a``'s sessions with ``b``'s, kept until either profile or the
        model's idf changes (``_rows_of``)."""
        if a > b:
            return self._gram(b, a, rows).T
        assert self.model is not None
        vectors = snapshot.vectors_key(self.model)
        key = (a, b, self._versions.get(a, -1), self._versions.get(b, -1), vectors)
        found = self._grams.get(key)
        if found is None:
            found = rows[a] @ rows[b].T
            if len(self._grams) >= SESSION_ROWS_KEPT:
                self._grams.pop(next(iter(self._grams)))
            self._grams[key] = found
        return found

    def _rows_of(self, person: str) -> NDArray[np.float32]:
        """Rows of a person's latest sessions, kept until their profile or the model's idf
        changes: the rows are vectors (``model.vectorize`` reads only the idf), so a shift of
        the constant measured again (``_shift_if_due``) keeps them, where it made every
        candidate's rows be read and vectorized anew."""
        assert self.model is not None
        version = self._versions.get(person, -1)
        vectors = snapshot.vectors_key(self.model)
        kept = self._session_rows.get(person)
        if kept is not None and kept[0] == version and kept[1] == vectors:
            return kept[2]
        # Only the latest sessions are read: a person may have thousands.
        stored = self.store.identity_units(
            self.tenant, persons=[person], latest=separation.MOST_SESSIONS
        )
        units = [Profile.from_json(json.loads(u.body)) for u in stored]
        rows = separation.session_rows(units, self.model)
        if len(self._session_rows) >= SESSION_ROWS_KEPT:
            self._session_rows.pop(next(iter(self._session_rows)))
        self._session_rows[person] = (version, vectors, rows)
        return rows

    def _distribution(self, actor: str, count: int) -> tuple[dict[str, float], float] | None:
        """An anonymous co-actor's own candidate probabilities (without co-presence terms)."""
        assert self.model is not None and self.index is not None
        profile = profile_store.actor_profile(self.store, self.tenant, actor)
        if profile is None:
            return None
        present, _ = self._co_actors(actor, profile)
        query = vectorize(profile, self.model)
        scored = self._scores(query, present, count, dict(profile.identifiers), profile.newcomer)
        probs, new, _ = self._posterior(scored, query.size)
        return {s.person_id: p for s, p in zip(scored, probs, strict=True)}, new

    def _posterior(
        self, scored: list[Scored], size: float
    ) -> tuple[list[float], float, list[float]]:
        """(each candidate's probability, a new person's, the candidates' LLRs as bounded
        against a new person: ``model.kind_bounded``)."""
        assert self.model is not None and self.index is not None
        return bounded_posterior(
            [s.llr for s in scored],
            len(self.index),
            self.model,
            size=size,
            kinds=[s.kind for s in scored],
            contexts=[s.context for s in scored],
        )

    def _link(
        self, actor: str, profile: Profile, settings: IdentitySettings, *, explain: bool
    ) -> LinkResult:
        assert self.model is not None and self.index is not None
        assert self.companions is not None
        query = vectorize(profile, self.model)
        present, anonymous = self._co_actors(actor, profile)
        scored = self._scores(
            query, present, settings.candidates, dict(profile.identifiers), profile.newcomer
        )
        co_actors: list[tuple[dict[str, float], float]] = [({p: 1.0}, 0.0) for p in present]
        for other in anonymous:
            found = self._distribution(other, settings.candidates)
            if found is not None:
                co_actors.append(found)
        if co_actors:
            for item in scored:
                companions, sessions = self._companions.get(item.person_id, ({}, 0))
                extra = context_llr(
                    item.person_id, companions, sessions, co_actors, self.companions
                )
                item.contributions["context"] += extra
                item.llr += extra
            scored.sort(key=lambda s: (-s.llr, s.person_id))
        probs, new, bounded = self._posterior(scored, query.size)
        candidates = [
            Candidate(
                person_id=s.person_id,
                probability=round(p, 6),
                contributions={f: round(s.contributions.get(f, 0.0), 4) for f in FAMILIES},
            )
            for s, p in zip(scored, probs, strict=True)
        ]
        best = candidates[0] if candidates else None
        decision = (
            best.person_id
            if best is not None and best.probability >= settings.new_person_threshold
            else None
        )
        if explain and candidates:
            # The best, and those after it an answer shows the matches of; the runner-up's
            # profile too, when it is the rival the decision is told apart from.
            shown = {
                place
                for place, c in enumerate(candidates[:EXPLAINED])
                if place == 0 or c.probability >= EXPLAINED_ABOVE
            }
            persons = profile_store.load_profiles(
                self.store,
                self.tenant,
                [c.person_id for place, c in enumerate(candidates) if place in shown | {1}],
            )
            kinds = [s.kind for s in scored]
            for place, (candidate, item, held) in enumerate(
                zip(candidates[:EXPLAINED], scored, bounded, strict=False)
            ):
                if place not in shown:
                    continue
                other = persons.get(candidate.person_id)
                if other is not None:
                    candidate.evidence = explain_match(
                        profile,
                        other,
                        item,
                        self.model,
                        self._event_text,
                        rival=self._rival(scored, place, decision, persons),
                        vectors=(query, self.index.vectors(candidate.person_id)),
                    )
                    # What stated identifiers say comes first: it can undo every other match.
                    candidate.evidence[:0] = [
                        identifier_evidence(f, profile, other, self._event_text)
                        for f in item.identifiers
                    ]
                if item.newcomer:
                    candidate.evidence.insert(0, newcomer_evidence(item.newcomer, profile))
                start = baseline_evidence(
                    self.model, item.llr, query.size, len(self.index), self._shipped
                )
                # Where a candidate held back starts is why "new" can win over evidence
                # that is all for it: then it comes first.
                if start.stance == "against" and candidate.person_id != decision:
                    candidate.evidence.insert(0, start)
                else:
                    candidate.evidence.append(start)
                if held < item.llr - 0.005:
                    candidate.evidence.append(
                        kind_evidence(item, held, kinds, len(self.index), self.model.constant)
                    )
        excluded = {
            p: "acted in the same session as the anonymous actor: two people who meet in a "
            "session are not one person"
            for p in sorted(present)
        }
        return LinkResult(
            anonymous_id=actor,
            decision=decision,
            candidates=candidates[: max(10, EXPLAINED)],
            new_person_probability=round(new, 6),
            threshold=settings.new_person_threshold,
            excluded=excluded,
            model_id=self.model.model_id,
            sessions=sorted(set(profile.session_ids)),
        )

    def _rival(
        self, scored: list[Scored], place: int, decision: str | None, persons: dict[str, Profile]
    ) -> Rival | None:
        """Who the candidate at ``place`` is told apart from in its evidence (``explain_match``):
        the runner-up for the best candidate when it is the decision, the best for the others;
        None for a best candidate that is no decision (a new person is the alternative, and
        every piece of evidence separates from it by what it adds)."""
        assert self.index is not None
        if place == 0 and decision is None:
            return None
        other = 1 if place == 0 else 0
        if other >= len(scored):
            return None
        item = scored[other]
        return Rival(
            item.person_id, item, persons.get(item.person_id), self.index.vectors(item.person_id)
        )

    def _event_text(self, event_id: str) -> str | None:
        event = self.store.event(self.tenant, event_id)
        return event.text if event is not None else None

    def unresolved(self) -> list[str]:
        """Anonymous actors with evidence that no active link resolves."""
        identity = self.store.identity_map(self.tenant)
        return sorted(
            actor
            for actor, _, known in self.store.identity_unit_people(self.tenant)
            if not known and actor not in identity
        )

    def attributed_to(self, person: str) -> list[tuple[str, float]]:
        """The unresolved anonymous actors whose link decision is ``person`` (at or above the
        tenant's threshold), with the probability: what forgetting the person must mention,
        since no link row says so (graph/forget.py). Each is linked as ``link`` links it,
        without the explanation."""
        self.sync()
        settings = self.settings()
        found: list[tuple[str, float]] = []
        for actor in self.unresolved():
            profile = profile_store.actor_profile(self.store, self.tenant, actor)
            if profile is None:
                continue
            result = self._link(actor, profile, settings, explain=False)
            if result.decision == person and result.candidates:
                found.append((actor, result.candidates[0].probability))
        return found

    def link_all(
        self,
        *,
        auto_merge_above: float | Literal["off"] | None = None,
        threshold: float | None = None,
    ) -> LinkAllReport:
        """Stitch, then link every unresolved actor; merge the decisions at or above
        ``auto_merge_above`` (None: the tenant setting; "off": none, whatever the setting)."""
        from persona6.identity.stitching import stitch

        if threshold is not None:
            check_probability("{--threshold}", threshold)
        if auto_merge_above is not None and auto_merge_above != "off":
            check_probability("{--auto-merge}", auto_merge_above)
        stitched = stitch(self.store, self.tenant, self.settings())
        self.sync()
        settings = self.settings(new_person_threshold=threshold)
        auto: float | None = (
            None
            if auto_merge_above == "off"
            else settings.auto_merge_above
            if auto_merge_above is None
            else auto_merge_above
        )
        results = []
        for actor in self.unresolved():
            profile = profile_store.actor_profile(self.store, self.tenant, actor)
            if profile is not None:
                results.append(self._link(actor, profile, settings, explain=auto is not None))
        merged: list[LinkRecord] = []
        if auto is not None:
            merged = self._auto_merge(results, auto)
        return LinkAllReport(
            stitched=len(stitched.linked),
            results=results,
            merged=merged,
            auto_merge_above=auto,
        )

    def _auto_merge(self, results: list[LinkResult], above: float) -> list[LinkRecord]:
        """Merge the confident decisions, most probable first, never two co-present actors
        into one person."""
        ranked = sorted(
            (r for r in results if r.decision and r.candidates[0].probability >= above),
            key=lambda r: (-r.candidates[0].probability, r.anonymous_id),
        )
        taken: dict[str, set[str]] = {}  # session -> persons merged into it
        links: list[IdentityLink] = []
        for result in ranked:
            person = result.decision
            assert person is not None
            if any(person in taken.get(s, set()) for s in result.sessions):
                continue
            for session in result.sessions:
                taken.setdefault(session, set()).add(person)
            best = result.candidates[0]
            links.append(
                IdentityLink(
                    link_id=link_id(self.tenant, result.anonymous_id, person, "auto", _now()),
                    anonymous_id=result.anonymous_id,
                    user_id=person,
                    method="auto",
                    evidence_event_id=_first_event(best),
                    created_at=_now(),
                    probability=best.probability,
                    details={
                        "model_id": result.model_id,
                        "threshold": above,
                        "contributions": best.contributions,
                        "evidence": [e.model_dump(mode="json") for e in best.evidence],
                    },
                )
            )
        return self._write_links(links)

    def _write_links(self, links: list[IdentityLink]) -> list[LinkRecord]:
        if not links:
            return []
        with self.store.transaction():
            for link in links:
                self.store.add_identity_link(self.tenant, link)
            reconsolidate(
                self.store, self.tenant, [x for k in links for x in (k.anonymous_id, k.user_id)]
            )
        self.sync()
        return [record(k) for k in links]

    def link_to(self, actor: str, person: str, *, note: str | None = None) -> LinkRecord:
        """Merge an anonymous actor into a person by hand (method ``manual``)."""
        self.sync()
        self._check_anonymous(actor)
        if person not in self.store.known_user_ids(self.tenant):
            raise NotFound(
                "person {person!r} is not a known user_id in tenant {tenant!r}. "
                "List persons with: {>list_persons}",
                person=person,
                tenant=self.tenant,
            )
        active = self.store.identity_links(self.tenant, actor)
        if active:
            raise InvalidOption(
                "{actor!r} is already linked to {person!r} ({method}, {link}). Undo it first: "
                "{>unlink}",
                actor=actor,
                person=active[-1].user_id,
                method=active[-1].method,
                link=active[-1].link_id,
            )
        link = IdentityLink(
            link_id=link_id(self.tenant, actor, person, "manual", _now()),
            anonymous_id=actor,
            user_id=person,
            method="manual",
            evidence_event_id=None,
            created_at=_now(),
            details={"note": note} if note else {},
        )
        return self._write_links([link])[0]

    def unlink(
        self, actor: str, *, link: str | None = None, reason: str | None = None
    ) -> UnlinkReport:
        """Revoke the actor's active links (or one of them); the person is recomputed."""
        active = self.store.identity_links(self.tenant, actor)
        if link is not None:
            active = [k for k in active if k.link_id == link]
        if not active:
            every = self.store.identity_links(self.tenant, actor, include_revoked=True)
            if link is not None and any(k.link_id == link for k in every):
                raise InvalidOption(
                    "link {link!r} of {actor!r} is already revoked. "
                    "See its history with: {>links_history}",
                    link=link,
                    actor=actor,
                )
            raise NotFound(
                "{actor!r} has no active link{which} in tenant {tenant!r}. "
                "List links with: {>list_links}",
                actor=actor,
                which=f" {link!r}" if link else "",
                tenant=self.tenant,
            )
        at = _now()
        why = reason or "revoked by persona6 unlink"
        with self.store.transaction():
            for item in active:
                self.store.revoke_identity_link(self.tenant, item.link_id, at, why)
            persons = reconsolidate(self.store, self.tenant, [actor, *(k.user_id for k in active)])
        self.sync()
        revoked = self.store.identity_links(self.tenant, actor, include_revoked=True)
        ids = {k.link_id for k in active}
        return UnlinkReport(
            anonymous_id=actor,
            revoked=[record(k) for k in revoked if k.link_id in ids],
            persons_recomputed=persons,
        )


def _now() -> str:
    from persona6.store.sql import _now as now

    return now()


def _first_event(candidate: Candidate) -> str | None:
    for item in candidate.evidence:
        for quote in item.anonymous:
            return quote.event_id
    return None


# -- evidence ---------------------------------------------------------------------------------

_FAMILY_OF_BAG = {b: f for b, f in BLOCK_FAMILY.items()}
_BAG_WORDING = {
    "claims": "states",
    "styles": "shows",
    "words": "writes about",
    "commands": "types",
    "steps": "does",
    "attrs": "uses",
}


@dataclass(frozen=True, slots=True)
class Rival:
    """The candidate another is told apart from in its evidence (``Linker._rival``)."""

    person_id: str
    scored: Scored
    profile: Profile | None
    vectors: Vectors


#: A family whose contribution separates the candidate from its rival by at least this much
#: LLR (a likelihood ratio of e) gets its best concrete match shown, whatever the others'.
FAMILY_EXPLAINED_ABOVE = 1.0


def _value_at(vector: tuple[NDArray[np.int32], NDArray[np.float32]] | None, index: int) -> float:
    if vector is None or not len(vector[0]):
        return 0.0
    at = int(np.searchsorted(vector[0], index))
    return float(vector[1][at]) if at < len(vector[0]) and vector[0][at] == index else 0.0


def label_margin(
    block: str,
    label: str,
    model: LinkModel,
    query: Vectors,
    person: Vectors,
    rival: Vectors | None,
) -> float:
    """What one shared label adds to the candidate's LLR over the rival's: the label's term of
    the block's inner product, ``w_b q_l (p_l - r_l)`` (a rival that shares it as much gains as
    much from it; without a rival, what it adds over a stranger's nothing)."""
    index = bucket(block, label)
    mine = _value_at(query.sparse.get(block), index)
    if not mine:
        return 0.0
    theirs = _value_at(person.sparse.get(block), index)
    other = _value_at(rival.sparse.get(block), index) if rival is not None else 0.0
    return model.weights.get(block, 0.0) * mine * (theirs - other)


def explain_match(
    query: Profile,
    person: Profile,
    scored: Scored,
    model: LinkModel,
    text_of: Callable[[str], str | None] | None = None,
    *,
    rival: Rival | None = None,
    vectors: tuple[Vectors, Vectors] | None = None,
) -> list[LinkEvidence]:
    """Concrete matches (and clashes) between an anonymous actor and one candidate, ordered by
    how far each tells the candidate apart from ``rival`` (``margin``): the runner-up for the
    decision, which every reason shared with it does not separate from ("client=web" in all
    of three persons' sessions), or a new person (then by what each adds).

    ``text_of`` (event id -> text) widens a matched word to the sentence around it;
    ``vectors`` are the actor's and the candidate's (made from the profiles when not given)."""
    found: list[tuple[float, LinkEvidence]] = []
    here, theirs_v = (
        vectors
        if vectors is not None
        else (
            vectorize(query, model),
            vectorize(person, model),
        )
    )
    against = rival.vectors if rival is not None else None
    theirs_name = rival.person_id if rival is not None else ""
    rival_sessions = rival.profile.label_sessions if rival and rival.profile else {}

    def quotes(profile: Profile, block: str, label: str) -> list[Quote]:
        items = _quotes(profile, block, label)
        if text_of is None or block not in ("words", "commands"):
            return items
        return [_widened(q, text_of(q.event_id)) for q in items]

    for block in ("claims", "styles", "words", "commands", "steps", "attrs"):
        mine = query.bags.get(block, {})
        theirs = person.bags.get(block, {})
        idf = model.idf.get(block)
        shared = [label for label in mine if label in theirs]
        margins = {
            label: label_margin(block, label, model, here, theirs_v, against) for label in shared
        }
        ranked = sorted(
            shared,
            key=lambda label: (
                -margins[label],
                -(idf[bucket(block, label)] if idf else 1.0)
                * math.log1p(mine[label])
                * math.log1p(theirs[label]),
                label,
            ),
        )
        for label in _distinct(ranked)[:EVIDENCE_PER_FAMILY]:
            seen = person.label_sessions.get(block, {}).get(label, 0)
            summary = (
                f"{_BAG_WORDING[block]} “{label}” in {seen} of {person.sessions} past sessions; "
                f"{mine[label]} time{'s' if mine[label] != 1 else ''} here"
            )
            also = rival_sessions.get(block, {}).get(label, 0)
            if also and rival is not None and rival.profile is not None:
                summary += f"; {theirs_name} too, in {also} of {rival.profile.sessions}"
            if rival is not None:
                summary += f" (LLR {margins[label]:+.2f} over {theirs_name})"
            found.append(
                (
                    margins[label],
                    LinkEvidence(
                        family=BLOCK_FAMILY[block],
                        feature=label,
                        summary=summary,
                        anonymous=quotes(query, block, label),
                        person=quotes(person, block, label),
                        margin=round(margins[label], 4),
                    ),
                )
            )
    # Clashes: a preference or decision stated the other way round.
    mine_claims = query.bags.get("claims", {})
    theirs_claims = person.bags.get("claims", {})
    for label in sorted(mine_claims):
        kind, _, key = label.partition(": ")
        if kind.endswith(("+", "-")):
            opposite = f"{kind[:-1]}{'-' if kind.endswith('+') else '+'}: {key}"
            if opposite in theirs_claims:
                found.append(
                    (
                        1e6,
                        LinkEvidence(
                            family="content",
                            feature=label,
                            stance="against",
                            summary=f"states “{label}” here; “{opposite}” in "
                            f"{person.label_sessions.get('claims', {}).get(opposite, 0)} of "
                            f"{person.sessions} past sessions (or a change of mind)",
                            anonymous=_quotes(query, "claims", label),
                            person=_quotes(person, "claims", opposite),
                        ),
                    )
                )
    found.sort(key=lambda x: -x[0])
    # Clashes first (they may undo a link), then the matches that separate most; each family
    # that separates by FAMILY_EXPLAINED_ABOVE or more keeps its best match among them.
    clashes = [e for _, e in found if e.stance == "against"]
    matches = [e for _, e in found if e.stance != "against"]
    chosen = matches[: 3 * EVIDENCE_PER_FAMILY]
    for family in FAMILIES:
        if _family_margin(scored, rival, family) < FAMILY_EXPLAINED_ABOVE:
            continue
        if any(e.family == family for e in chosen):
            continue
        best = next((e for e in matches if e.family == family), None)
        if best is not None:
            chosen.append(best)
    shown = clashes + chosen
    # Always shown: how each family's blocks add up to its contribution, the blocks that speak
    # against included (concrete matches above only ever speak for).
    shown.extend(_block_items(query, person, scored, model, rival))
    if scored.separation is not None and model.separation > 0:
        # Always shown: it can decide between the closest candidates on its own.
        moved = model.separation * scored.separation
        theirs_moved = (
            model.separation * rival.scored.separation
            if rival is not None and rival.scored.separation is not None
            else 0.0
        )
        shown.append(
            LinkEvidence(
                family="texture",
                feature="told apart from the closest candidates",
                stance="for" if moved >= 0 else "against",
                summary=f"a classifier of the {separation.CANDIDATES} closest candidates' own "
                f"past sessions (their character n-grams) places this session "
                f"{_placed(scored.separation)} ({scored.separation:+.2f}: +1 among "
                f"theirs, -1 among the others'); LLR {moved:+.2f}",
                anonymous=_quotes(query, "texture", "messages"),
                person=_quotes(person, "texture", "messages"),
                margin=round(moved - theirs_moved, 4),
            )
        )
    # By how far each tells the candidate apart from the rival, clashes first.
    return clashes + sorted(
        shown[len(clashes) :], key=lambda e: -(e.margin if e.margin is not None else 0.0)
    )


def _family_margin(scored: Scored, rival: Rival | None, family: str) -> float:
    """What a family adds to the candidate's LLR over the rival's (over a stranger's 0 when
    there is none)."""
    theirs = rival.scored.contributions.get(family, 0.0) if rival is not None else 0.0
    return scored.contributions.get(family, 0.0) - theirs


def _distinct(labels: list[str]) -> list[str]:
    """``labels`` (best first) without one whose words lie within a better one's, or hold
    them: "plain" after "plain list" (a word and the pair it is in) says the same match
    twice."""
    kept: list[tuple[str, set[str]]] = []
    for label in labels:
        words = set(label.split())
        if not any(words <= other or other <= words for _, other in kept):
            kept.append((label, words))
    return [label for label, _ in kept]


#: How each block is named in an explanation (features.py says what it holds).
_BLOCK_NAMES = {
    "fw": "function words",
    "char": "character n-grams",
    "surface": "punctuation and casing",
    "chargrams": "character n-grams of all typed",
    "words": "words",
    "self": "what they say of themselves",
    "claims": "stated preferences and facts",
    "actions": "kinds of actions",
    "commands": "command words",
    "steps": "actions and outcomes",
    "sequences": "what follows what",
    "styles": "operating style",
    "hours": "time of day and weekday",
    "rhythm": "pace and session length",
    "attrs": "context attributes",
}
#: A block whose share of the LLR is smaller than this is left out of its family's item.
_BLOCK_SHOWN_ABOVE = 0.005


def _block_items(
    query: Profile,
    person: Profile,
    scored: Scored,
    model: LinkModel,
    rival: Rival | None = None,
) -> list[LinkEvidence]:
    """One item per family: each block's similarity beside how alike strangers are, and its
    share of the LLR (``w_b (s_b - m_b)``), so the family's number in the table is accounted
    for, a block below strangers speaking against. What a family holds beyond its blocks (the
    separation of the closest candidates, who the actor was with) is named with its share.
    Largest family first, by the size of its contribution."""
    parts: dict[str, list[tuple[str, float, float, float]]] = {}
    for block, value in scored.sims.items():
        stranger = model.stranger.get(block, 0.0)
        share = model.weights.get(block, 0.0) * (value - stranger)
        parts.setdefault(BLOCK_FAMILY[block], []).append(
            (_BLOCK_NAMES.get(block, block), value, stranger, share)
        )
    items: list[tuple[float, LinkEvidence]] = []
    for family in FAMILIES:
        total = scored.contributions.get(family, 0.0)
        # What the blocks do not hold (too small to show or not) is the family's own extra.
        rest = total - sum(b[3] for b in parts.get(family, []))
        blocks = sorted(
            (b for b in parts.get(family, []) if abs(b[3]) >= _BLOCK_SHOWN_ABOVE),
            key=lambda x: -abs(x[3]),
        )
        margin = _family_margin(scored, rival, family)
        # A family moved by what its blocks do not hold alone (who the actor was with) is
        # accounted for too, once it moves the LLR at all.
        if not blocks and abs(total) < _BLOCK_SHOWN_ABOVE and abs(margin) < _BLOCK_SHOWN_ABOVE:
            continue
        alike_word = "writes alike" if family == "texture" else "alike"
        alike = [b for b in blocks if b[1] >= b[2]]
        unlike = [b for b in blocks if b[1] < b[2]]

        def listed(chosen: list[tuple[str, float, float, float]]) -> str:
            return ", ".join(f"{n} {v:.2f} (strangers {m:.2f}) {c:+.2f}" for n, v, m, c in chosen)

        said = [
            f"{alike_word}: {listed(alike)}" if alike else "",
            f"less alike than strangers: {listed(unlike)}" if unlike else "",
        ]
        if abs(rest) >= _BLOCK_SHOWN_ABOVE:
            beyond = (
                "told apart from the closest candidates"
                if family == "texture"
                else "who they were with"
                if family == "context"
                else "stated identifiers"
                if family == "content" and scored.identifiers
                else "other evidence"
            )
            said.append(f"{beyond}: {rest:+.2f}")
        if rival is not None:
            theirs = rival.scored.contributions.get(family, 0.0)
            said.append(
                f"{rival.person_id} gets {theirs:+.2f} here, so it adds {margin:+.2f} over them"
            )
        items.append(
            (
                -abs(total),
                LinkEvidence(
                    family=family,
                    feature=f"{family} block by block",
                    stance="for" if total >= 0 else "against",
                    summary=f"LLR {total:+.2f} in all; " + "; ".join(p for p in said if p),
                    anonymous=_quotes(query, "texture", "messages") if family == "texture" else [],
                    person=_quotes(person, "texture", "messages") if family == "texture" else [],
                    margin=round(margin, 4),
                ),
            )
        )
    items.sort(key=lambda x: x[0])
    return [item for _, item in items]


def _placed(value: float) -> str:
    if value >= 0.5:
        return "among theirs"
    if value > 0:
        return "nearer theirs than the others'"
    if value > -0.5:
        return "nearer the others' than theirs"
    return "among the others'"


def baseline_evidence(
    model: LinkModel, llr: float, size: float, known: int, shipped: bool
) -> LinkEvidence:
    """Where every candidate starts before the evidence: the model's constant (the LLR of a
    candidate no more alike than a typical stranger) and the prior odds against a new person
    (``prior_new``, shared by ``known`` persons); "against" when together they favour "new".
    The contributions of the families do not show them, yet they decide a link as much."""
    scale = model.scale(size)
    prior = math.log(max(1e-12, 1.0 - model.prior_new) / max(known, 1)) - math.log(
        max(model.prior_new, 1e-12)
    )
    start = scale * model.constant + prior
    moved = model.fitted_on.get("tenant_shift")
    if moved:
        origin = (
            f"the shipped model's {model.constant - moved['shift']:+.2f}, set "
            f"{moved['shift']:+.2f} for this tenant by linking {moved['sessions']} later "
            f"sessions of its {moved['persons']} known persons"
        )
        if moved.get("stranger_pairs"):
            origin += (
                f"; how alike strangers are measured on {moved['stranger_pairs']} "
                "comparisons of different persons here"
            )
    elif shipped:
        origin = (
            "the shipped model's, fitted on synthetic people; fit one on your own with "
            "persona6 backtest linking --save"
        )
    else:
        origin = "fitted on this tenant's people"
    odds = scale * llr + prior
    scaled = f"LLR × {scale:.2f} + prior" if abs(scale - 1.0) >= 0.005 else "LLR + prior"
    return LinkEvidence(
        family="baseline",
        feature="constant and prior",
        stance="for" if start >= 0 else "against",
        summary=f"starts at LLR {model.constant:+.2f}, what a candidate no more alike than a "
        f"typical stranger gets ({origin}), and {prior:+.2f} for the prior (1 of {known} known "
        f"persons; prior_new {model.prior_new:g}); with the evidence, LLR {llr:+.2f}, and "
        f"log-odds of this person over a new one {odds:+.2f} ({scaled})",
    )


def identifier_evidence(
    finding: stated_ids.Finding,
    query: Profile,
    person: Profile,
    text_of: Callable[[str], str | None] | None,
) -> LinkEvidence:
    """What one type of stated identifier says (identifiers.llr), with the values as said on
    both sides: read from the events, since units keep only their hashes."""
    shown = stated_ids.rules().types[finding.kind].shown
    theirs = [(_said(person, label, text_of), n) for label, n in finding.theirs]
    here = [_said(query, label, text_of) for label in finding.here]
    values = ", ".join(f"{v} in {n} of {person.sessions}" for v, n in theirs[:3])
    more = f" and {len(theirs) - 3} more" if len(theirs) > 3 else ""
    if finding.match:
        summary = (
            f"states {shown} {values}{more} past sessions; here {here[0]}: the same. Someone "
            f"else states it about {_one_in(finding.other_rate)} times"
            + (
                f" ({finding.holders} other known person{'s' if finding.holders != 1 else ''} did)"
                if finding.holders
                else " (shared in a household, say)"
            )
        )
    else:
        kinds = len(finding.theirs)
        summary = (
            f"states {shown} {values}{more} past sessions; here {', '.join(here)}. With "
            f"{kinds} value{'s' if kinds != 1 else ''} in the {finding.sessions} "
            f"session{'s' if finding.sessions != 1 else ''} that state one, a value not seen "
            f"before comes about {_one_in(finding.p_new)} times (rule of succession)"
        )
    quoted = [q for label in finding.here for q in _identifier_quotes(query, label, text_of)]
    theirs_quoted = [
        q
        for label, _ in finding.theirs[: 1 if finding.match else 2]
        for q in _identifier_quotes(person, finding.here[0] if finding.match else label, text_of)[
            -1:
        ]
    ]
    return LinkEvidence(
        family="content",
        feature=f"stated {shown}",
        stance="for" if finding.llr >= 0 else "against",
        summary=f"{summary}: LLR {finding.llr:+.2f}",
        anonymous=[_widened(q, text_of(q.event_id)) if text_of else q for q in quoted[:2]],
        person=[_widened(q, text_of(q.event_id)) if text_of else q for q in theirs_quoted],
    )


def newcomer_evidence(value: float, query: Profile) -> LinkEvidence:
    """What the actor's saying they are new here says against every candidate (newcomer.py)."""
    found = newcomer.rules()
    return LinkEvidence(
        family="content",
        feature="says they are new here",
        stance="against",
        summary=f"says they are new here, which a person's first session says about "
        f"{_one_in(found.first_session_rate)} times and a later one about "
        f"{_one_in(found.later_session_rate)} (identity.yaml newcomer): against every known "
        f"person alike, LLR {value:+.2f}",
        anonymous=_quotes(query, "newcomer", "said"),
    )


def _one_in(p: float) -> str:
    return f"1 in {max(1, round(1.0 / max(p, 1e-9))):,}"


def _identifier_quotes(
    profile: Profile, label: str, text_of: Callable[[str], str | None] | None
) -> list[Quote]:
    """Where a stated identifier was said, its quote read from the event (units keep none)."""
    found = []
    for event_id, start, end, _ in profile.pointers.get("identifiers", {}).get(label, [])[-2:]:
        text = text_of(str(event_id)) if text_of is not None else None
        if text is not None and 0 <= int(start) < int(end) <= len(text):
            found.append(
                Quote(event_id=str(event_id), start=int(start), end=int(end), quote=text[start:end])
            )
    return found


def _said(profile: Profile, label: str, text_of: Callable[[str], str | None] | None) -> str:
    """A stated identifier as said (the latest time), or a note when no event holds it now."""
    quotes = _identifier_quotes(profile, label, text_of)
    return quotes[-1].quote if quotes else "(a value no longer stored)"


def kind_evidence(
    item: Scored, held: float, kinds: list[float], known: int, constant: float
) -> LinkEvidence:
    """Why behaviour and context count for less against a new person than their LLRs say
    (``model.kind_bounded``), and when context on its own was held to even odds, that too."""
    alike = sum(1 for k in kinds if k >= item.kind) - 1
    rare = item.llr - max(0.0, constant + item.kind - math.log((known + 2) / (alike + 2)))
    context = (
        f"; context (LLR {item.context:+.2f}: device, OS, locale, client) on its own lifts a "
        "candidate at most to even odds with a new person, since new people share it too, at "
        "a rate the known persons cannot show"
        if held < rare - 0.005
        else ""
    )
    return LinkEvidence(
        family="baseline",
        feature="kind of customer",
        stance="against",
        summary=f"behaviour and context (LLR {item.kind:+.2f}) say what kind of customer this "
        f"is; the known persons show that kind in {alike + 1} of {known}, so a stranger is of it "
        f"too at least {alike + 2} in {known + 2} times (rule of succession){context}: against "
        f"a new person this candidate counts at LLR {held:+.2f}, not {item.llr:+.2f}, whoever "
        "of the known persons it is",
    )


_SENTENCE_END = re.compile(r"[.!?]\s|\n")
#: Longest widened quote either side of the match, in characters.
WIDEN_REACH = 120


def _widened(quote: Quote, text: str | None) -> Quote:
    """The sentence (or line) around a matched word, within WIDEN_REACH either side."""
    if not text or text[quote.start : quote.end] != quote.quote:
        return quote
    low = max(0, quote.start - WIDEN_REACH)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, low, quote.start)]
    start = ends[-1] if ends else low
    after = _SENTENCE_END.search(text, quote.end, quote.end + WIDEN_REACH)
    end = after.start() + 1 if after else min(len(text), quote.end + WIDEN_REACH)
    while start < quote.start and text[start].isspace():
        start += 1
    end = max(end, quote.end)
    while end > quote.end and text[end - 1].isspace():
        end -= 1
    return Quote(event_id=quote.event_id, start=start, end=end, quote=text[start:end])


def _quotes(profile: Profile, block: str, label: str) -> list[Quote]:
    return [
        Quote(event_id=p[0], start=int(p[1]), end=int(p[2]), quote=str(p[3]))
        for p in profile.pointers.get(block, {}).get(label, [])[-2:]
    ]


# -- the rest of what the facade asks for -----------------------------------------------------


def stitch_links(linker: Linker, identifier_attrs: list[str] | None = None) -> StitchReport:
    from persona6.identity.stitching import stitch

    settings = linker.settings(identifier_attrs=identifier_attrs)
    report = stitch(linker.store, linker.tenant, settings)
    linker.sync()
    return report


def list_links(
    linker: Linker, anonymous_id: str | None = None, *, include_revoked: bool = False
) -> list[LinkRecord]:
    found = linker.store.identity_links(
        linker.tenant, anonymous_id, include_revoked=include_revoked
    )
    if (
        anonymous_id is not None
        and not found
        and not linker.store.actors(linker.tenant, names=[anonymous_id])
    ):
        raise NotFound(
            "actor {actor!r} is not stored in tenant {tenant!r}. List actors with: {>list_actors}",
            actor=anonymous_id,
            tenant=linker.tenant,
        )
    return [record(k) for k in found]


def run_backtest(linker: Linker, *, save: bool = False) -> BacktestReport:
    from persona6.identity.backtest import backtest

    linker.sync()
    settings = linker.settings()
    base = tenant_model(linker.store, linker.tenant).with_calibration(1.0, settings.prior_new)
    report, model = backtest(linker.store, linker.tenant, settings, base)
    if save:
        with linker.store.transaction():
            linker.store.save_identity_model(linker.tenant, model.model_id, model.to_json())
        linker.sync()
    return report.model_copy(update={"saved": save})


def session_continuity(linker: Linker, session_id: str) -> ContinuityReport:
    from persona6.identity.continuity import continuity

    linker.sync()
    assert linker.model is not None
    settings = linker.settings()

    def link_of(actor: str) -> LinkResult | None:
        """link's decision on an anonymous actor no link resolves (no evidence explained),
        or None when it has no built evidence."""
        try:
            profile = linker._anonymous_profile(actor)
        except NotFound:
            return None
        return linker._link(actor, profile, settings, explain=False)

    return continuity(linker.store, linker.tenant, session_id, linker.model, link_of)


def configure(linker: Linker, **changes: object) -> dict[str, object]:
    """Store setting overrides (``None`` leaves one as it is, "default" resets it); return
    the settings now in force."""
    from persona6.identity.settings import validated

    with linker.store.transaction():
        for name, value in changes.items():
            if value is None:
                continue
            validated(name, None)  # an unknown name is refused, whatever the value
            if value == "default":
                linker.store.set_identity_setting(linker.tenant, name, None)
            elif name == "auto_merge_above" and value == "off":
                linker.store.set_identity_setting(linker.tenant, name, "off")
            else:
                linker.store.set_identity_setting(linker.tenant, name, validated(name, value))
    return linker.settings().to_json()
