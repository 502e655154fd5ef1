"""Building the graph: extract signals from changed sessions, re-consolidate affected persons.

Incremental by construction. A session's signals depend only on that session's events (and the
extractors that read them), and a person's traits only on the signals of the actors that are
that person (and the key-state version), so rebuilding exactly the sessions with new events and
exactly the persons they touch gives the same graph as a build from scratch
(tests/graph/test_build.py checks this as a property). What the graph was made with is recorded
at each build (``made_with``): a build that finds other extractors re-reads every session, one
that finds another key-state version recomputes every person (``changed_since_last_build``).
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import cache
from hashlib import blake2b

from pydantic import BaseModel, Field, TypeAdapter

from persona6.extract import EXTRACTORS, extract_session
from persona6.extract.text import load_lexicon
from persona6.graph.consolidate import (
    CHANGE_GROUPS,
    PLANS,
    POLAR,
    PRODUCER,
    Change,
    KeyState,
    SessionSay,
    change_group,
    changes_of_mind,
    config,
    fold_key,
    said_forms,
    sessions_by_key,
    state_version,
)
from persona6.store.base import EventQuery, KeyStateRow, SignalStage, StagedSignals, Store
from persona6.types import (
    KIND_NAMES,
    EventType,
    Signal,
    SignalKind,
    StoredEvent,
    StoredSignal,
    Trait,
)


class BuildReport(BaseModel):
    """What one build did."""

    tenant: str
    full: bool = Field(description="True when everything was rebuilt from the events.")
    sessions: int = Field(description="Sessions whose signals were (re)extracted.")
    events: int = Field(description="Events read from those sessions.")
    signals: int = Field(description="Signals extracted from them.")
    persons: int = Field(description="Persons whose traits were recomputed.")
    traits: int = Field(description="Traits recomputed for those persons.")
    changed: list[str] = Field(
        default_factory=list,
        description="What the graph was made with that changed since the last build, which "
        "a plain build brought up to date by itself: extractors ('preference v36 -> v37'; "
        "every session was re-read, ``full`` is true) or the key-state version ('key-state "
        "format 7 -> 8', 'graph settings'; every person was recomputed).",
    )
    seconds: float

    def changed_note(self) -> str | None:
        """What a plain build did beyond new sessions, and why, for people: 're-read 1,000
        sessions: extractors changed since the last build: preference v36 -> v37, ...'."""
        if not self.changed:
            return None
        if self.changed == [_UNRECORDED]:
            return (
                f"re-read {self.sessions:,} session{_s(self.sessions)}: the last build did not "
                "record its extractors (an older persona6 made it)"
            )
        if self.full:
            did, what = f"re-read {self.sessions:,} session{_s(self.sessions)}", "extractors"
        else:
            did, what = f"recomputed {self.persons:,} person{_s(self.persons)}", "key states"
        return f"{did}: {what} changed since the last build: {', '.join(self.changed)}"


def _s(number: int) -> str:
    return "" if number == 1 else "s"


def build(store: Store, tenant: str, *, full: bool = False) -> BuildReport:
    """Bring the tenant's graph up to date with its events (everything, with ``full``).

    Two phases, so that a live service keeps recording events during a build: extraction (most
    of the work) reads each changed session outside any write transaction; then one
    transaction, holding the tenant's graph lock, stores the signals and recomputes persons.
    The watermark is read first: events recorded meanwhile are past it, and the next build
    takes their sessions again.

    The cyclic garbage collector is paused meanwhile (``collector_paused``).
    """
    with collector_paused():
        return _build(store, tenant, full=full)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (if it runs), and restart it after.

    A build makes next to no reference cycles (none in a full build of 20,000 synthetic
    events: its objects are freed as their last reference goes), but it keeps more and more
    objects alive as it goes (the sessions read and their signals, the per-text caches), and
    each full collection walks all of them: at 20,000 events these walks took about a fifth
    of a full build. Cycles made meanwhile, by the build or by other threads, wait for the
    first collection after it. A collector paused by someone else is left as it is.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _build(store: Store, tenant: str, *, full: bool) -> BuildReport:
    started = time.perf_counter()
    made = _made_with_row(made_with())
    recorded = store.key_states(tenant, _TENANT, keys=[_MADE_WITH])
    changed = Changed() if full else changed_since_last_build(store, tenant, recorded, made)
    full = full or changed.extractors
    since = 0 if full else store.built_seq(tenant)
    target = store.max_seq(tenant)
    with ExitStack() as stack:
        if full:
            # Every session's (seq, event_id, ingested_at) in one read, before any events are.
            listed = store.event_seqs_by_session(tenant)
            sessions = list(listed)  # in order of first event, as sessions_since lists them
            # Each session's events are let go of once extracted, and its signals once staged
            # (``Store.signal_stage``: written to the store as they come, a batch at a time):
            # a full build keeps of a session only what its write needs (``ReadSession``).
            stage = stack.enter_context(store.signal_stage())
            read = [
                ReadSession.of(
                    extract_stored_session(store, tenant, session_id, listed.pop(session_id)),
                    stage,
                    tenant,
                )
                for session_id in sessions
            ]
            events = sum(session.events for session in read)
            signals = sum(session.staged.count for session in read)
        else:
            sessions = store.sessions_since(tenant, since)
            extracted = [
                extract_stored_session(store, tenant, session_id) for session_id in sessions
            ]
            events = sum(len(session.events) for session in extracted)
            signals = sum(len(session.signals) for session in extracted)
        with store.transaction():
            store.lock_graph(tenant)
            touched: dict[str, Scope] = {}
            if full:
                now = {
                    session_id: _digest(seqs)
                    for session_id, seqs in store.iter_event_seqs_by_session(tenant)
                }
                for session in _drained(read):  # each let go of once stored
                    stored = session.current(store, tenant, now.get(session.session_id), stage)
                    # Everything, for everyone: only who is touched matters.
                    touched.update(dict.fromkeys(stored))
            else:
                for session in extracted:
                    current = _current(store, tenant, session)
                    merge_scopes(touched, store_session(store, tenant, current))
                if changed.states:
                    for actor in _every_actor(store, tenant):
                        touched[actor] = None
            persons, traits = refresh_persons(store, tenant, touched)
            store.set_built_seq(tenant, max(target, store.built_seq(tenant)))
            if full:
                # Identity units are read from each session's signals too
                # (identity/features.py): every session's signals were re-made, so the next
                # identity refresh re-makes every session's units (it takes the sessions past
                # this mark), not only new sessions'.
                store.set_identity_units_seq(tenant, 0)
            if recorded != [made]:
                store.replace_key_states(tenant, _TENANT, [made], keys=[_MADE_WITH])
    return BuildReport(
        tenant=tenant,
        full=full,
        sessions=len(sessions),
        events=events,
        signals=signals,
        persons=persons,
        traits=traits,
        changed=changed.why,
        seconds=round(time.perf_counter() - started, 3),
    )


_TEXTURE = SignalKind.TEXTURE  # (``types.KIND_NAMES`` says why)

#: Where a tenant's ``made_with`` is kept: a key-state row of person "" (no actor has an empty
#: id), which builds read and write like the persons' rows, and which a full build keeps.
_TENANT = ""
_MADE_WITH = ("build", "made_with")


def made_with() -> dict[str, object]:
    """What the graph is made with now: the versioned extractors of the registry (a session's
    signals) with the version of the English word lists they all read (``english.yaml``: a
    change there changes what any text extractor reads, whether or not its owner bumped that
    extractor's version; said like an extractor, "english v12 -> v13"), and the key-state
    version (``state_version``: a person's traits from their signals). A build records it;
    the next one compares."""
    english = f"persona6.english.v{load_lexicon('english')['version']}"
    return {"extractors": sorted([*EXTRACTORS, english]), "states": state_version()}


def _made_with_row(made: dict[str, object]) -> KeyStateRow:
    body = json.dumps(made, sort_keys=True)
    return KeyStateRow(*_MADE_WITH, "", None, body, "[]")


#: ``BuildReport.changed`` of a tenant last built by a persona6 that recorded no ``made_with``.
_UNRECORDED = "extractors of the last build not recorded"


@dataclass(frozen=True, slots=True)
class Changed:
    """What changed since the last build: ``extractors``, every session is re-read (a new
    version may find signals in any session, not only in those its old one found some in);
    ``states``, every person is recomputed; ``why``, said for each."""

    extractors: bool = False
    states: bool = False
    why: list[str] = field(default_factory=list)


def changed_since_last_build(
    store: Store, tenant: str, recorded: list[KeyStateRow], made: KeyStateRow
) -> Changed:
    """Compare what the last build of the tenant recorded (``recorded``: its ``made_with``
    row, or none) with what the graph is made with now (``made``, as its row).

    The common case costs one row read by its key and one string compared; a build over an
    unchanged tenant stays as fast (10,000 events: a no-op build about 0.3 ms, this ~30 us).
    """
    if recorded and recorded[0].state == made.state:
        return Changed()
    now = json.loads(made.state)
    try:
        last = json.loads(recorded[0].state) if recorded else None
        extractors, states = list(last["extractors"]), str(last["states"])
    except (TypeError, KeyError, ValueError):
        if store.built_seq(tenant) == 0:
            return Changed()  # never built: this build reads every session anyway
        return Changed(extractors=True, why=[_UNRECORDED])
    why = _extractor_changes(extractors, now["extractors"])
    stale_states = states != now["states"]
    if stale_states:
        why.append(_state_change(states, now["states"]))
    return Changed(extractors=extractors != now["extractors"], states=stale_states, why=why)


def _extractor_changes(before: list[str], now: list[str]) -> list[str]:
    """'preference v36 -> v37' for each extractor whose version changed, 'task v3 (new)' and
    'task v3 (gone)' for one added or removed, by name (``persona6.<name>.<version>``)."""

    def by_name(names: list[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for full_name in names:
            stem, _, version = full_name.rpartition(".")
            found.setdefault(stem.rpartition(".")[2] or full_name, []).append(version)
        return found

    old, new = by_name(before), by_name(now)
    said = []
    for name in sorted(old.keys() | new.keys()):
        was, is_ = sorted(old.get(name, [])), sorted(new.get(name, []))
        if was == is_:
            continue
        if not was:
            said.append(f"{name} {', '.join(is_)} (new)")
        elif not is_:
            said.append(f"{name} {', '.join(was)} (gone)")
        else:
            said.append(f"{name} {', '.join(was)} -> {', '.join(is_)}")
    return said


def _state_change(before: str, now: str) -> str:
    """'key-state format 7 -> 8', or 'graph settings' when only the settings' digest
    changed (``state_version``: ``<producer>/<format>/<digest>``)."""
    was, is_ = before.split("/"), now.split("/")
    if len(was) == 3 and was[0] == PRODUCER and was[1] != is_[1]:
        return f"key-state format {was[1]} -> {is_[1]}"
    if len(was) == 3 and was[:2] == is_[:2]:
        return "graph settings (data/graph.yaml, data/alternatives.yaml)"
    return f"key states {before} -> {now}"


def _every_actor(store: Store, tenant: str) -> set[str]:
    """Everyone a full recompute of persons would recompute: the actors of the stored signals
    and the persons holding traits."""
    actors = {actor for actor, _, _ in store.signal_keys(tenant)}
    actors.update(person for person, _, _ in store.persons(tenant))
    return actors


def _drained(sessions: list[ReadSession]) -> Iterator[ReadSession]:
    """The sessions in order, each removed from the list as it is handed out."""
    sessions.reverse()
    while sessions:
        yield sessions.pop()


#: What changed for one actor: for each (kind, key), the sessions whose signals of it were
#: replaced, each with whether it held signals of that key before; or None: everything.
Scope = dict[tuple[str, str], dict[str, bool]] | None


#: What a session held when it was read: (seq, event_id, ingested_at) of each event.
Seen = tuple[tuple[int, str, str], ...]


@dataclass(frozen=True, slots=True)
class ExtractedSession:
    """A session's events as read, and the signals extracted from them."""

    session_id: str
    events: list[StoredEvent]
    signals: list[Signal]
    #: The session's (seq, event_id, ingested_at) list, read just before its events.
    seen: Seen


@dataclass(frozen=True, slots=True)
class ReadSession:
    """What a full build keeps of a session between extracting it and storing its signals:
    where its signals are staged (``Store.signal_stage``) and the actors they are about, and
    of the events only what ``_current`` and ``store_session_actors`` read of them (whether
    their ids are those of ``seen``, the actors they name), not the events or the signals.
    """

    session_id: str
    staged: StagedSignals
    #: The actors of the signals but texture (``store_session_actors``), each once.
    actors: tuple[str, ...]
    #: The ``_digest`` of the session's ``seen``.
    seen: bytes
    #: Whether the events read are the ones ``seen`` lists (``_current``'s first test).
    read_seen: bool
    #: The actors the events name (user_id, anonymous_id), in the events' order.
    named: tuple[str, ...]
    events: int

    @classmethod
    def of(cls, session: ExtractedSession, stage: SignalStage, tenant: str) -> ReadSession:
        texture = _TEXTURE
        return cls(
            session.session_id,
            stage.add(tenant, session.signals),
            tuple({s.actor: None for s in session.signals if s.kind is not texture}),
            _digest(session.seen),
            _read_seen(session),
            tuple(dict.fromkeys(_named(session.events))),
            len(session.events),
        )

    def current(self, store: Store, tenant: str, now: bytes | None, stage: SignalStage) -> set[str]:
        """Store the session's signals as ``store_session_actors`` does, after ``_current``'s
        test (``now``: the ``_digest`` of the session's list read now, None if it has no
        events): if its events changed since they were read, it is read and extracted again."""
        if self.read_seen and now == self.seen:
            before = store.signal_keys(tenant, session_id=self.session_id)
            stage.write(tenant, self.session_id, self.staged)
            return _actors(before, self.actors, self.named)
        fresh = extract_stored_session(store, tenant, self.session_id)
        return store_session_actors(store, tenant, fresh)


def _digest(seen: Seen) -> bytes:
    """A session's (seq, event_id, ingested_at) list in 16 bytes (BLAKE2b of its ``repr``,
    which writes each list differently): a full build compares every session's list read
    before its events with the one read in its write, and keeps this of each instead of the
    list (about 250 bytes an event)."""
    return blake2b(repr(seen).encode(), digest_size=16).digest()


def _named(events: Iterable[StoredEvent]) -> Iterator[str]:
    """The actors the events name (user_id, anonymous_id), in the events' order."""
    return (
        named
        for event in events
        for named in (event.user_id, event.anonymous_id)
        if named is not None
    )


def _read_seen(session: ExtractedSession) -> bool:
    return sorted(e.event_id for e in session.events) == sorted(i for _, i, _ in session.seen)


def extract_stored_session(
    store: Store, tenant: str, session_id: str, seen: Seen | None = None
) -> ExtractedSession:
    """Read one session and extract its signals (no writes); ``seen``: its (seq, event_id,
    ingested_at) list, if read already (before its events)."""
    if seen is None:
        seen = store.session_event_seqs(tenant, session_id)  # before the events: see _current
    events = list(store.iter_events(EventQuery(tenant=tenant, session_id=session_id)))
    return ExtractedSession(session_id, events, extract_session(events), seen)


def _current(
    store: Store, tenant: str, session: ExtractedSession, now: Seen | None = None
) -> ExtractedSession:
    """The session as it is now: re-extracted if its events changed since it was read (events
    recorded meanwhile, or another process's forget), so older signals never overwrite what
    a concurrent build stored from newer events.

    The session is unchanged when its (seq, event_id, ingested_at) list read now equals the
    one read before its events and names the events read:
    any event recorded or deleted since the first list changes the list (a recorded event has
    a new seq or ingest time, even under an id forgotten before), and one recorded and
    forgotten again between the two reads shows among the events read. Otherwise the session
    is read and extracted again. ``now``: the list read now, if read already (inside the
    write transaction).
    """
    if now is None:
        now = store.session_event_seqs(tenant, session.session_id)
    if _read_seen(session) and now == session.seen:
        return session
    return extract_stored_session(store, tenant, session.session_id)


def refresh_session(
    store: Store, tenant: str, session_id: str
) -> tuple[int, int, dict[str, Scope]]:
    """Re-extract one session; return (events, signals, what each touched actor needs)."""
    session = extract_stored_session(store, tenant, session_id)
    return len(session.events), len(session.signals), store_session(store, tenant, session)


def store_session(store: Store, tenant: str, session: ExtractedSession) -> dict[str, Scope]:
    """Store a session's signals in place of its old ones; return what each touched actor
    needs recomputed.

    An actor needs the (kind, key) pairs whose signals in this session changed (a session
    that grew since the last build keeps most of its signals); an actor named by an identify
    event needs everything, because its person changed.
    """
    session_id, events, signals = session.session_id, session.events, session.signals
    touched: dict[str, Scope] = {}
    before = _by_actor_key(store.stored_signals_in_sessions(tenant, None, [session_id]))
    store.replace_session_signals(tenant, session_id, signals)
    after = _by_actor_key(store.stored_signals_in_sessions(tenant, None, [session_id]))
    for actor, kind, key in sorted(before.keys() | after.keys()):
        scope = touched.setdefault(actor, {})
        if scope is not None and before.get((actor, kind, key)) != after.get((actor, kind, key)):
            scope[(kind, key)] = {session_id: (actor, kind, key) in before}
    for event in events:
        for named in (event.user_id, event.anonymous_id):
            if named is not None:
                if event.type == EventType.IDENTIFY:
                    touched[named] = None
                else:
                    touched.setdefault(named, {})
    return touched


def store_session_actors(store: Store, tenant: str, session: ExtractedSession) -> set[str]:
    """Store a session's signals in place of its old ones, as ``store_session`` does; return
    only the actors it would name (a full build recomputes all of them whole): the actors of
    the old and new signals but texture, and every actor the events name. The old signals are
    not read back, only their (actor, kind, key)."""
    before = store.signal_keys(tenant, session_id=session.session_id)
    store.replace_session_signals(tenant, session.session_id, session.signals)
    texture = _TEXTURE
    actors = (s.actor for s in session.signals if s.kind is not texture)
    return _actors(before, actors, _named(session.events))


def _actors(
    before: set[tuple[str, str, str]], actors: Iterable[str], named: Iterable[str]
) -> set[str]:
    """``store_session_actors``'s actors: of the old signals (``before``, their (actor, kind,
    key)) but texture, of the new ones (``actors``) and named by the events."""
    found = {actor for actor, kind, _ in before if kind != _TEXTURE}
    found.update(actors)
    found.update(named)
    return found


def _by_actor_key(signals: list[StoredSignal]) -> dict[tuple[str, str, str], list[StoredSignal]]:
    """Signals (not texture: no traits rest on it) by (actor, kind, key), in stored order."""
    found: dict[tuple[str, str, str], list[StoredSignal]] = {}
    for signal in signals:
        found.setdefault((signal.actor, KIND_NAMES[signal.kind], signal.key), []).append(signal)
    return found


def merge_scopes(into: dict[str, Scope], more: dict[str, Scope]) -> None:
    for actor, scope in more.items():
        _widen(into, actor, scope)


def _widen(scopes: dict[str, Scope], name: str, scope: Scope) -> None:
    if name in scopes and scopes[name] is None:
        return
    if scope is None:
        scopes[name] = None
        return
    current = scopes.setdefault(name, {})
    assert current is not None
    for pair, sessions in scope.items():
        known = current.setdefault(pair, {})
        for session_id, had in sessions.items():
            known[session_id] = known.get(session_id, False) or had


def refresh_persons(store: Store, tenant: str, touched: dict[str, Scope]) -> tuple[int, int]:
    """Recompute what the touched actors' persons need; return (persons, traits recomputed).

    Only the touched (kind, key) pairs are recomputed, from their stored states, except that
    every trait of a touched change group takes part (a change of mind in one preference can
    supersede another, a new plan an earlier one: ``change_group``) and a person whose
    identity changed is recomputed whole. Both give what a full recompute
    would (``_update_person``).
    """
    identity = store.identity_map(tenant)
    scopes: dict[str, Scope] = {}
    for actor, scope in touched.items():
        person = identity.get(actor, actor)
        _widen(scopes, person, scope)
        if person != actor:
            _widen(scopes, actor, None)  # a linked actor no longer has traits of its own
    aliases: dict[str, set[str]] = {}
    for anonymous_id, user_id in identity.items():
        aliases.setdefault(user_id, set()).add(anonymous_id)
    total = 0
    for person in sorted(scopes):
        scope = scopes[person]
        if person in identity:
            store.replace_traits(tenant, person, [])
            store.replace_key_states(tenant, person, [])
            continue
        members = {person} | aliases.get(person, set())
        if scope is None:
            total += _recompute_person(store, tenant, person, members)
        elif scope:
            total += _update_person(store, tenant, person, members, scope)
    return len(scopes), total


#: The key-state row that says a person's states are complete and with what they were made;
#: its ``traits`` holds the changes of mind across keys last applied (``changes_of_mind``),
#: by change group.
_COMPLETE = ("", "")


def _recompute_person(store: Store, tenant: str, person: str, members: set[str]) -> int:
    """Every trait and key state of the person, from all their signals."""
    by_key: dict[tuple[str, str], list[Trait]] = {}
    rows: list[KeyStateRow] = []
    signals = store.stored_signals_of(tenant, members)
    sessions = sessions_by_key(signals)
    for (kind, key), found in sessions.items():
        by_key[(KIND_NAMES[kind], key)], row = _fold(person, KeyState(kind, key), found, None)
        rows += [row] if row is not None else []
    traits = [t for pair in sorted(by_key) for t in by_key[pair]]
    changes = _by_group(changes_of_mind(traits), traits)
    if rows:  # a person without signals keeps no states (as in a build that never saw them)
        rows.append(KeyStateRow(*_COMPLETE, state_version(), None, "{}", _dump_changes(changes)))
    traits = _shown(traits)
    store.replace_traits(tenant, person, traits)
    store.replace_key_states(tenant, person, rows)
    return len(traits)


def _update_person(
    store: Store,
    tenant: str,
    person: str,
    members: set[str],
    scope: dict[tuple[str, str], dict[str, bool]],
) -> int:
    """Recompute the touched keys of the person (and every trait of a change group they
    touch), folding the changed sessions into each key's stored state.

    A key's state is the fold of its sessions but the last one, stored with that session's
    signals. Folding is exact when every changed session is new to the key or is that last
    session, and all of them sort after the sessions folded before: then the new fold is the
    one a full recompute makes, because it folds the same sessions in the same order.
    Otherwise (an older session re-extracted or forgotten, a session out of time order) the
    key is folded again from all its signals. Without a complete set of current states (a
    database from before key states, or changed graph settings) the person is recomputed
    whole.

    Traits of a touched change group (polar kinds, plans: ``change_group``) whose keys are
    not touched come from their states; a change of mind across keys may rewrite them, so
    they are stored again when the changes applied differ from the last build's. A change
    never crosses groups: the changes of a group not touched stay as the last build applied
    them.
    """
    cfg = config()
    version = state_version()
    # Keys are consolidated folded (one thing in either number, ``fold_key``): the scope by
    # folded key, and the keys each was said with in the changed sessions.
    said: dict[tuple[str, str], set[str]] = {}
    folded: dict[tuple[str, str], dict[str, bool]] = {}
    for (kind, key), changed in scope.items():
        pair = (kind, fold_key(kind, key))
        said.setdefault(pair, set()).add(key)
        known = folded.setdefault(pair, {})
        for session_id, had in changed.items():
            known[session_id] = known.get(session_id, False) or had
    scope = folded
    groups = {g for kind, key in scope if (g := change_group(kind, key)) is not None}
    kinds = sorted(cfg.polar_kinds) if POLAR in groups else []
    kinds += [SignalKind.DISCLOSURE.value] if PLANS in groups else []
    rows = store.key_states(
        tenant,
        person,
        keys=[pair for pair in scope if change_group(*pair) not in groups] + [_COMPLETE],
        kinds=kinds or None,
    )
    stored = {(row.kind, row.key): row for row in rows}
    if _COMPLETE not in stored or any(row.version != version for row in rows):
        return _recompute_person(store, tenant, person, members)
    states: dict[tuple[str, str], tuple[KeyState, SessionSay | None]] = {}
    reread: set[tuple[str, str]] = set()
    for pair, changed in scope.items():
        row = stored.get(pair)
        last = row.last_session if row is not None else None
        if all(session_id == last or not had for session_id, had in changed.items()):
            kind = SignalKind(pair[0])
            if row is None:
                states[pair] = (KeyState(kind, pair[1]), None)
            else:
                state, tail = KeyState.from_json(kind, pair[1], row.state)
                states[pair] = (state, None if tail is None or last in changed else tail)
        else:
            reread.add(pair)
    changed_sessions = set().union(*(scope[pair] for pair in states))
    read = store.stored_signals_in_sessions(tenant, members, changed_sessions)
    found = sessions_by_key(read, keys=set(states))
    by_key: dict[tuple[str, str], list[Trait]] = {}
    new_rows: list[KeyStateRow] = []
    for pair, (state, tail) in states.items():
        changed = scope[pair]  # the sessions read hold other keys' changes too
        sessions = [s for s in found.get(_kind_key(pair), []) if s.session_id in changed]
        sessions += [tail] if tail is not None else []
        sessions.sort(key=lambda s: s.place)
        if state.last is not None and (not sessions or sessions[0].place <= state.last):
            # Out of time order, or the last session left the key (the one before it is
            # folded in the state): fold the key again from the start.
            reread.add(pair)
            continue
        by_key[pair], row = _fold(person, state, sessions, stored.get(pair))
        new_rows += [row] if row is not None else []
    for pair in scope:
        row = stored.get(pair)
        if row is not None:  # the keys its traits had, to replace them
            said[pair] |= said_forms(*pair, row.state)
    if reread:
        forms = {(kind, form) for kind, key in reread for form in said[(kind, key)]}
        found = sessions_by_key(store.stored_signals_of(tenant, members, keys=forms), keys=reread)
        for pair in reread:
            kind = SignalKind(pair[0])
            sessions = found.get(_kind_key(pair), [])
            by_key[pair], row = _fold(person, KeyState(kind, pair[1]), sessions, None)
            new_rows += [row] if row is not None else []
    rewrite = set(scope)
    for pair, row in stored.items():
        if pair not in scope and change_group(*pair) in groups:
            by_key[pair] = _polar_traits(row.traits)
    traits = [t for pair in sorted(by_key) for t in by_key[pair]]
    if groups:
        before = _load_changes(stored[_COMPLETE].traits)
        found = _by_group(changes_of_mind(traits, groups), traits)
        changes = {g: found.get(g, []) if g in groups else before.get(g, []) for g in CHANGE_GROUPS}
        if changes != before:
            # The traits these changes of mind rewrite (or rewrote, and no longer do).
            keys = {t.id: (KIND_NAMES[t.kind], fold_key(KIND_NAMES[t.kind], t.key)) for t in traits}
            for group in groups:
                for change in changes[group] + before.get(group, []):
                    rewrite |= {keys[i] for i in change[:2] if i in keys}
            new_rows.append(KeyStateRow(*_COMPLETE, version, None, "{}", _dump_changes(changes)))
    traits = _shown(traits)
    names = KIND_NAMES
    written_traits = [
        t for t in traits if (names[t.kind], fold_key(names[t.kind], t.key)) in rewrite
    ]
    shown = {(kind, form) for kind, key in rewrite for form in said.get((kind, key), {key})}
    shown |= {(names[t.kind], t.key) for t in written_traits}
    store.replace_traits(tenant, person, written_traits, keys=shown)
    written = set(scope) | {(row.kind, row.key) for row in new_rows}
    store.replace_key_states(tenant, person, new_rows, keys=written)
    return len(traits)


def _fold(
    person: str, state: KeyState, sessions: list[SessionSay], row: KeyStateRow | None
) -> tuple[list[Trait], KeyStateRow | None]:
    """Fold ``sessions`` (in order, after the state's) into the state; return the key's
    traits and its row to store: the fold of all but the last session, with that session."""
    for session in sessions[:-1]:
        state.add(session)
    if not sessions and state.last is None:
        return [], None  # no session left: no traits, no state
    last = sessions[-1] if sessions else None
    folded = state.to_json(last)
    if last is not None and state.all.sessions + 1 < state.sessions_needed():
        traits = []  # too few sessions for a trait (a sequence seen once): nothing to fold
    else:
        if last is not None:
            state.add(last)
        traits = state.traits(person)
    # The traits a change of mind across keys may rewrite are stored with their state: a
    # build that touches another key of their group reads them from it.
    grouped = change_group(state.kind, state.key) is not None
    body = "[" + ",".join(t.model_dump_json() for t in traits) + "]" if grouped else "[]"
    return traits, KeyStateRow(
        KIND_NAMES[state.kind],
        state.key,
        state_version(),
        None if last is None else last.session_id,
        folded,
        body,
    )


def _shown(traits: list[Trait]) -> list[Trait]:
    """The order ``finish`` gives, for traits ``changes_of_mind`` was applied to."""
    names = KIND_NAMES
    return sorted(traits, key=lambda t: (names[t.kind], -t.confidence, t.key, t.valid_from))


#: Traits of a change group parsed from key states, by their JSON: a service building after
#: every session reads the same ones again. Bounded.
_POLAR: dict[str, list[Trait]] = {}


def _polar_traits(text: str) -> list[Trait]:
    found = _POLAR.get(text)
    if found is None:
        if len(_POLAR) >= 4096:
            _POLAR.clear()
        found = _POLAR[text] = _traits_adapter().validate_json(text)
    return list(found)  # changes_of_mind replaces items of the list it is given


def _by_group(changes: list[Change], traits: list[Trait]) -> dict[str, list[Change]]:
    """The changes applied, by the change group of the trait they end (every group named)."""
    groups = {t.id: change_group(t.kind, t.key) for t in traits}
    found: dict[str, list[Change]] = {group: [] for group in CHANGE_GROUPS}
    for change in changes:
        found[groups[change[0]] or POLAR].append(change)
    return found


def _dump_changes(changes: dict[str, list[Change]]) -> str:
    return json.dumps(changes, ensure_ascii=False)


def _load_changes(text: str) -> dict[str, list[Change]]:
    found = json.loads(text)
    return {group: [tuple(c) for c in found.get(group, [])] for group in CHANGE_GROUPS}  # type: ignore[misc]


def _kind_key(pair: tuple[str, str]) -> tuple[SignalKind, str]:
    return (SignalKind(pair[0]), pair[1])


@cache
def _traits_adapter() -> TypeAdapter[list[Trait]]:
    return TypeAdapter(list[Trait])
