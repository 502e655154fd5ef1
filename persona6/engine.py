"""The facade: one object that a program, the CLI and (later) the HTTP API all call.

It orchestrates the stages and holds no logic of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from persona6 import graph, identity
from persona6.behavior import BacktestReport, BehaviorState, PersonArchetypes, Prediction
from persona6.config import check_tenant, settings
from persona6.context import DEFAULT_BUDGET, Brief, compose_brief
from persona6.context.notes import with_note
from persona6.errors import InvalidOption, NotFound, type_phrase
from persona6.graph.build import BuildReport
from persona6.graph.export import to_graphml
from persona6.graph.forget import ForgetReport
from persona6.graph.paths import sequence_paths
from persona6.graph.texture import person_texture_traits
from persona6.ingest import pipeline
from persona6.store import EventQuery, Store, open_store, shown_location
from persona6.types import (
    ActorSummary,
    Event,
    EventType,
    EvidenceLink,
    IngestReport,
    PersonExport,
    PersonSummary,
    PersonView,
    SessionSummary,
    StoredEvent,
    StoreStats,
    Trait,
    TraitExplanation,
    format_ts,
    parse_ts,
)


class Persona6:
    """Persona6 over one store, acting for one tenant.

    >>> with Persona6(db=":memory:") as p6:
    ...     p6.ingest("events.jsonl")  # doctest: +SKIP
    """

    def __init__(
        self, db: str | Path | None = None, *, tenant: str | None = None, store: Store | None = None
    ):
        if db is not None and not isinstance(db, str | Path):
            raise InvalidOption(
                "Persona6(db={db!r}) is not a database location. Pass a file path such as "
                "'persona6.db', ':memory:', or a postgresql:// URL",
                db=db,
            )
        config = settings(str(db) if db is not None else None, tenant)
        self.db = config.db
        self.tenant = config.tenant
        self.store = store if store is not None else open_store(config.db)
        # A store handed in may not live at ``config.db``: save no index for it.
        self.index_dir = config.index_dir if store is None else None

    @property
    def location(self) -> str:
        """Where the store is, fit to print (a PostgreSQL URL without its password)."""
        return shown_location(self.db)

    # -- the event log --------------------------------------------------------------------

    def ingest(
        self,
        path: str | Path,
        *,
        format: str | None = None,
        on_error: pipeline.OnError = "fail",
        report_path: str | Path | None = None,
        column_map: dict[str, str] | None = None,
        progress: Callable[[int, int | None, int | None], None] | None = None,
        tenant: str | None = None,
    ) -> IngestReport:
        """Store the events of a file (``-`` for standard input); see ``persona6.ingest``.

        ``tenant`` defaults to this object's tenant; every event is written to it.
        """
        if not isinstance(path, str | Path):
            raise InvalidOption(
                "ingest() got {kind} for the path. Pass one file path as a string, or '-' "
                "for standard input",
                kind="None" if path is None else type_phrase(path),
            )
        return pipeline.ingest(
            self.store,
            path,
            format=format,
            tenant=self.tenant if tenant is None else check_tenant(tenant),
            on_error=on_error,
            report_path=report_path,
            column_map=column_map,
            progress=progress,
        )

    def record(self, events: list[dict[str, Any]] | list[Event], *, source: str = "api") -> int:
        """Store events given as objects, all or none; return how many were new.

        ``source`` names them in error messages (``source[index]``) and in the log."""
        return self.record_events(events, source=source).stored

    def record_events(
        self, events: list[dict[str, Any]] | list[Event], *, source: str = "api"
    ) -> IngestReport:
        """``record``, answered with the whole report: the duplicates among the events, and
        those of them whose event_id is stored with other content (``conflicts``: not stored,
        the stored event kept; usually an exporter reusing ids)."""
        if isinstance(events, dict | Event):
            raise InvalidOption(
                "record() got one event, not a list of events. Pass a list of events: "
                "record([event])"
            )
        if not isinstance(events, list | tuple):
            raise InvalidOption(
                "record() got {kind}, not a list of events. Pass a list of dicts with the "
                "fields of docs/events.md, e.g. record([{example}])",
                kind="None" if events is None else type_phrase(events),
                example='{"ts": "2024-05-01T12:30:00Z", "session_id": "s-1", '
                '"user_id": "u-1", "type": "message", "text": "hi"}',
            )
        return pipeline.ingest_events(self.store, events, tenant=self.tenant, source=source)

    def actors(self, *, limit: int | None = None) -> list[ActorSummary]:
        """Everyone who acted in this tenant: known persons first, then anonymous actors."""
        return self.store.actors(self.tenant, limit=limit)

    def stats(self) -> StoreStats:
        return self.store.stats(self.tenant)

    def sessions(
        self, *, actor: str | None = None, limit: int | None = None
    ) -> list[SessionSummary]:
        return self.store.sessions(self.tenant, actor=actor, limit=limit)

    def events(
        self,
        *,
        user_id: str | None = None,
        anonymous_id: str | None = None,
        actor: str | None = None,
        session_id: str | None = None,
        type: str | None = None,
        since: str | datetime | None = None,
        until: str | datetime | None = None,
        limit: int | None = None,
    ) -> Iterator[StoredEvent]:
        """Stored events in time order, narrowed by every filter given."""
        if type is not None and type not in {t.value for t in EventType}:
            raise InvalidOption(
                "{--type} {type!r} is not an event type. Use one of: {types}",
                type=type,
                types=", ".join(t.value for t in EventType),
            )
        if limit is not None and limit < 1:
            raise InvalidOption("{--limit} {limit} must be at least 1", limit=limit)
        return self.store.iter_events(
            EventQuery(
                tenant=self.tenant,
                user_id=user_id,
                anonymous_id=anonymous_id,
                actor=actor,
                session_id=session_id,
                type=type,
                since=_bound("{--since}", since),
                until=_bound("{--until}", until),
                limit=limit,
            )
        )

    # -- the persona graph ----------------------------------------------------------------

    def build(self, *, full: bool = False) -> BuildReport:
        """Bring the graph up to date with the log (incrementally, or from scratch)."""
        return graph.build(self.store, self.tenant, full=full)

    def pending_events(self) -> int:
        """How many ingested events the graph does not reflect yet (0 when built)."""
        return self.store.events_after(self.tenant, self.store.built_seq(self.tenant))

    def persons(self) -> list[PersonSummary]:
        """Every known person and unlinked anonymous actor with traits, most traits first:
        the traits ``person`` gives them (paths for the sequences they fold, and the texture
        traits read from their messages), not the store's count of stored rows."""
        found = [
            self._summary(person_id, len(self._traits(person_id)))
            for person_id, _, _ in self.store.persons(self.tenant)
        ]
        return sorted(found, key=lambda p: (-p.traits, p.person_id))

    def _traits(self, person_id: str) -> list[Trait]:
        """A person's traits as shown: stored, sequences folded into paths, and texture."""
        # Recurring action sequences as paths, not every fragment of them (graph/paths.py).
        traits = sequence_paths(self.store.traits_of(self.tenant, person_id))
        # How they write (graph/texture.py): read from their messages, not stored.
        return traits + person_texture_traits(self.store, self.tenant, person_id)

    def person(self, person_id: str) -> PersonView:
        """A person with all their traits and evidence."""
        _require_text("person_id", person_id)
        traits = self._traits(person_id)
        summary = self._summary(person_id, len(traits))
        if not traits and not summary.events:
            raise NotFound(
                "person {person!r} is not known in tenant {tenant!r}. "
                "List people with: {>list_persons}",
                person=person_id,
                tenant=self.tenant,
            )
        return PersonView(person=summary, traits=traits)

    def why(self, person_id: str, trait_id: str) -> TraitExplanation:
        """The evidence chain of one trait: session, time and quote of every cited event."""
        _require_text("person_id", person_id)
        _require_text("trait_id", trait_id)
        trait = self.store.trait(self.tenant, trait_id)
        if trait is None and trait_id.startswith("tr_"):
            # a texture trait or a path: derived when read
            trait = next((t for t in self._traits(person_id) if t.id == trait_id), None)
        if trait is None or trait.person_id != person_id:
            if not self.store.traits_of(self.tenant, person_id) and not self.store.actors(
                self.tenant, names=[person_id]
            ):
                # no such person here: listing their traits would fail too
                raise NotFound(
                    "person {person!r} is not known in tenant {tenant!r}. "
                    "List people with: {>list_persons}",
                    person=person_id,
                    tenant=self.tenant,
                )
            raise NotFound(
                "trait {trait!r} is not a trait of {person!r}. List them with: {>show_person}",
                trait=trait_id,
                person=person_id,
            )
        chain = []
        for stance, items in (("supports", trait.evidence), ("against", trait.counter_evidence)):
            for item in items:
                event = self.store.event(self.tenant, item.event_id)
                chain.append(
                    EvidenceLink(
                        event_id=item.event_id,
                        session_id=event.session_id if event else "",
                        ts=event.ts if event else "",
                        start=item.start,
                        end=item.end,
                        quote=item.quote,
                        stance=stance,
                        text=event.text if event else None,
                    )
                )
        return TraitExplanation(trait=trait, chain=chain)

    def export(self, person_id: str, format: str = "json") -> str:
        """Everything the graph holds about a person, as JSON or GraphML text."""
        view = self.person(person_id)
        if format == "json":
            return view.model_dump_json(indent=2)
        if format == "graphml":
            cited = {e.event_id for t in view.traits for e in (*t.evidence, *t.counter_evidence)}
            events = {i: e for i in sorted(cited) if (e := self.store.event(self.tenant, i))}
            return to_graphml(person_id, view.traits, events)
        raise InvalidOption(
            "{--format} {format!r} is not known. Use json or graphml", format=format
        )

    def person_record(self, person_id: str) -> PersonExport:
        """Everything held about a person (traits, their events, identity links), as one
        record: what an access request is answered with."""
        view = self.person(person_id)
        seen: set[str] = set()
        events: list[StoredEvent] = []
        for actor in [person_id, *view.person.aliases]:
            for event in self.events(actor=actor):
                if event.event_id not in seen:
                    seen.add(event.event_id)
                    events.append(event)
        events.sort(key=lambda e: (e.ts, e.event_id))
        aliases = set(view.person.aliases)
        links = [
            linked.model_dump(mode="json")
            for stored in self.store.identity_links(self.tenant, None, include_revoked=True)
            if (linked := identity.linking.record(stored)).person_id == person_id
            or linked.anonymous_id in aliases
        ]
        return PersonExport(person=view.person, traits=view.traits, events=events, links=links)

    def require_person(self, person_id: str) -> None:
        """Raise ``NotFound`` unless the person has events or traits in this tenant."""
        self._behavior().require_person(person_id)

    def forget(
        self,
        *,
        event: str | None = None,
        session: str | None = None,
        person: str | None = None,
        include_linked: bool = False,
    ) -> ForgetReport:
        """Delete an event, a session or a person's events, and every trait resting on them.
        Forgetting a person, the report's ``linked`` says what became of each anonymous actor
        linked to them; an actor ``link`` only attributes to them is kept unless
        ``include_linked`` (graph.forget_person)."""
        given = [
            (name, value)
            for name, value in (("event", event), ("session", session), ("person", person))
            if value is not None
        ]
        if len(given) != 1:
            raise InvalidOption("give exactly one of {--event}, {--session} or {--person}")
        if include_linked and person is None:
            raise InvalidOption(
                "{--include-linked} forgets, with a person, the anonymous actors `link` "
                "attributes to them: give it with {--person} only (an event or a session "
                "forgets no one linked)"
            )
        for name, value in given:
            _require_text(name, value)
        stale = self.__dict__.pop("_identity_linker", None)  # it holds the forgotten evidence
        if stale is not None:
            stale.flush()
        with self.store.erasing():  # nothing of it left readable on disk either
            if event is not None:
                report = graph.forget_event(self.store, self.tenant, event)
            elif session is not None:
                report = graph.forget_session(self.store, self.tenant, session)
            else:
                assert person is not None
                report = graph.forget_person(
                    self.store, self.tenant, person, include_linked=include_linked
                )
        if self.index_dir is not None:  # the saved linking index holds it too
            identity.snapshot.discard(self.index_dir, self.tenant)
        return report

    def _summary(self, person_id: str, traits: int) -> PersonSummary:
        identity = self.store.identity_map(self.tenant)
        aliases = sorted(a for a, u in identity.items() if u == person_id)
        sessions: set[str] = set()
        events = 0
        first = last = None
        for actor in [person_id, *aliases]:
            for summary in self.store.sessions(self.tenant, actor=actor):
                sessions.add(summary.session_id)
            for found in self.store.actors(self.tenant, names=[actor]):
                events += found.messages + found.actions + found.outcomes
                first = min(filter(None, (first, found.first_ts)), default=None)
                last = max(filter(None, (last, found.last_ts)), default=None)
        return PersonSummary(
            person_id=person_id,
            aliases=aliases,
            sessions=len(sessions),
            events=events,
            traits=traits,
            first_seen=first,
            last_seen=last,
        )

    # -- identity: linking anonymous actors to persons (persona6/identity/) ---------------

    def _linker(self) -> identity.Linker:
        # Kept on the instance (not in __init__, which other stages own): the index inside
        # follows the store incrementally, so it is built once per Persona6 object.
        found = self.__dict__.get("_identity_linker")
        if found is None:
            found = self.__dict__["_identity_linker"] = identity.Linker(
                self.store, self.tenant, index_dir=self.index_dir
            )
        return found

    def stitch(self, *, identifier_attrs: list[str] | None = None) -> identity.StitchReport:
        """Make the deterministic links the log proves (identify, shared ids, identifier
        attrs); see persona6.identity.stitching."""
        return identity.linking.stitch_links(self._linker(), identifier_attrs)

    def link(self, anonymous_id: str, *, threshold: float | None = None) -> identity.LinkResult:
        """Which known person an anonymous actor is (or a new one), how sure, and why."""
        _require_text("anonymous_id", anonymous_id)
        return self._linker().link(anonymous_id, threshold=threshold)

    def link_all(
        self,
        *,
        auto_merge_above: float | Literal["off"] | None = None,
        threshold: float | None = None,
    ) -> identity.LinkAllReport:
        """Stitch, then link every unresolved anonymous actor; merge those at or above
        ``auto_merge_above`` (default: the tenant setting, off unless set; "off": merge none,
        whatever the setting)."""
        return self._linker().link_all(auto_merge_above=auto_merge_above, threshold=threshold)

    def link_to(self, anonymous_id: str, person_id: str) -> identity.LinkRecord:
        """Merge an anonymous actor into a person by hand (undo with ``unlink``)."""
        return self._linker().link_to(anonymous_id, person_id)

    def unlink(
        self, anonymous_id: str, *, link_id: str | None = None, reason: str | None = None
    ) -> identity.UnlinkReport:
        """Revoke an anonymous actor's links (kept, with the reason); persons are recomputed."""
        return self._linker().unlink(anonymous_id, link=link_id, reason=reason)

    def links(
        self, anonymous_id: str | None = None, *, include_revoked: bool = False
    ) -> list[identity.LinkRecord]:
        """Identity links with their provenance."""
        return identity.linking.list_links(
            self._linker(), anonymous_id, include_revoked=include_revoked
        )

    def continuity(self, session_id: str) -> identity.ContinuityReport:
        """What a known person's session confirms, adds and contradicts in their persona."""
        return identity.linking.session_continuity(self._linker(), session_id)

    def backtest_linking(self, *, save: bool = False) -> identity.BacktestReport:
        """Linking's accuracy and calibration on this tenant's own people; ``save`` makes the
        model fitted on them the tenant's linking model."""
        return identity.linking.run_backtest(self._linker(), save=save)

    def identity_settings(self, **changes: object) -> dict[str, object]:
        """Set identity settings (None: unchanged, "default": reset) and return those in force."""
        return identity.linking.configure(self._linker(), **changes)

    # -- behaviour and the agent brief (persona6/behavior/, persona6/context/) ------------

    def _behavior(self) -> BehaviorState:
        """The behaviour caches of this engine (created on first use)."""
        state = self.__dict__.get("_behavior_state")
        if state is None or state.tenant != self.tenant:
            state = self.__dict__["_behavior_state"] = BehaviorState(self.store, self.tenant)
        return state

    def merged_into(self, actor: str) -> identity.LinkRecord | None:
        """The active link that merged ``actor`` into a person (an ``identify`` event, a shared
        identifier, a manual or automatic link); None when nothing did. An actor merged into
        a person is answered for as that person (``predict``, ``archetypes``, ``context``):
        their history is the person's."""
        # The actor's active links, oldest first: the latest wins, as in ``identity_map``.
        found = self.store.identity_links(self.tenant, actor)
        if not found or found[-1].user_id == actor:
            return None
        return identity.linking.record(found[-1])

    def _person_of(self, actor: str) -> str:
        link = self.merged_into(actor)
        return actor if link is None else link.person_id

    def predict(
        self,
        person_id: str,
        *,
        failure: str | None = None,
        event: str | None = None,
        archetypes: str | Path | None = None,
    ) -> Prediction:
        """How the person will react to a failure (to ``event``, from before it only). An
        actor merged into a person is predicted as that person (``merged_into``)."""
        _require_text("person_id", person_id)
        _require_text("failure", failure, optional=True)
        _require_text("event", event, optional=True)
        return self._behavior().predict(
            self._person_of(person_id), failure=failure, event=event, taxonomy_path=archetypes
        )

    def archetypes(
        self, person_id: str, *, archetypes: str | Path | None = None
    ) -> PersonArchetypes:
        """The person's soft membership in each archetype, with the cues and evidence (of the
        person an actor was merged into, ``merged_into``)."""
        _require_text("person_id", person_id)
        return self._behavior().person_archetypes(self._person_of(person_id), archetypes)

    def backtest_reactions(
        self, *, split: float = 0.6, archetypes: str | Path | None = None
    ) -> BacktestReport:
        """Predict each person's later failure episodes from what came before them."""
        return self._behavior().backtest(split, archetypes)

    def context(
        self,
        person_id: str,
        *,
        task: str | None = None,
        budget: int = DEFAULT_BUDGET,
        assistant: str | Path | None = None,
        archetypes: str | Path | None = None,
    ) -> Brief:
        """The brief for an agent serving the person: the user layer with the assistant's. For
        an actor merged into a person (``merged_into``), the person's brief, with a first line
        saying so (in the budget)."""
        _require_text("person_id", person_id)
        _require_text("task", task, optional=True)

        def brief(person: str, budget: int) -> Brief:
            return compose_brief(
                self.store,
                self.tenant,
                self._behavior(),
                person,
                task=task,
                budget=budget,
                assistant=assistant,
                taxonomy_path=archetypes,
            )

        link = self.merged_into(person_id)
        if link is None:
            return brief(person_id, budget)
        return with_note(
            brief,
            link.person_id,
            budget,
            "Linked",
            f"{person_id} is {link.person_id} (linked by {link.method})",
            [link.evidence_event_id] if link.evidence_event_id else [],
        )

    # -- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        linker = self.__dict__.get("_identity_linker")
        if linker is not None:
            linker.flush()  # a saved index being written
        self.store.close()

    def __enter__(self) -> Persona6:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _bound(option: str, value: str | datetime | None) -> str | None:
    """``value`` as a stored time; ``option`` is its placeholder in messages (``{--since}``)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise InvalidOption(option + ": give a timezone-aware time")
        return format_ts(value)
    from persona6.types import FieldProblem

    try:
        return format_ts(parse_ts(value))
    except FieldProblem as exc:
        raise InvalidOption(
            option + " {value!r} {problem}. {hint}",
            value=value,
            problem=exc.problem,
            hint=exc.hint,
        ) from None


def _require_text(parameter: str, value: object, *, optional: bool = False) -> None:
    """Library callers pass ids and texts as ``str``; say so, rather than fail deep inside."""
    if isinstance(value, str) or (optional and value is None):
        return
    if value is None:
        raise InvalidOption(
            "{parameter} is None, not text. Pass it as a string",
            parameter=parameter,
        )
    raise InvalidOption(
        "{parameter} {value!r} is {kind}, not text. Pass a string, e.g. {parameter}={text!r}",
        parameter=parameter,
        value=value,
        kind=type_phrase(value),
        text=str(value),
    )
