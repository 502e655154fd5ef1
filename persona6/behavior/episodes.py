"""Failure episodes as behaviour reads them: who failed, at what, how they reacted, and when
that reaction became known.

The episodes come from the stored FAILURE signals of ``persona6.failure.v9`` (the reaction label
is the extractor's; docs/behavior.md gives the taxonomy). Behaviour adds two things the
extractor does not need:

- **when the label became known** (``resolved_at``): the failure time plus the reaction latency
  (for an ``abandon`` said in words, "forget it", the moment it was said), or, for an ``abandon``
  without a word, the end of the session (nobody knows the person left until the session is
  over), as for a reaction whose latency is unknown (an invented time). A prediction made at time
  t uses only episodes resolved before t.
- **the failure's context**, computed from what had happened up to the failure and never after
  it (the extractor's ``position_in_session`` divides by the session's final length, which a
  prediction at failure time cannot know). Context features are strings ``name:value``:

  ``failure:<name>`` what failed (the extractor's failure name: error, timeout, assistant_error);
  ``error:<text>`` the failure's own text, lower-cased with spaces collapsed, cut to 40 chars;
  ``act:<type>:<name>:<head>`` the person's act just before the failure (its first word, e.g.
  ``action:command:cd``); ``act_error:<head>|<text>`` both together; ``position:<bucket>`` how
  many acts of the person came before it in the session (0, 1, 2-4, 5-9, 10-19, 20+);
  ``recent:<n>`` failures of the person in the 300 s before it (0, 1, 2+; none when the failure's
  time was invented, ``StoredEvent.ts_invented``); ``familiar:<yes|no>`` whether the failed act's
  exact text was used by the person before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from persona6.extract.failure import cues as failure_cues
from persona6.extract.failure import find_failures, is_act, recent_failures
from persona6.store.base import EventQuery, Store
from persona6.types import SignalKind, StoredEvent, format_ts, parse_ts

POSITION_BUCKETS = ((0, "0"), (1, "1"), (4, "2-4"), (9, "5-9"), (19, "10-19"))
ERROR_CHARS = 40


@dataclass(frozen=True, slots=True)
class Act:
    """A person's message or action, as behaviour needs it."""

    person_id: str
    actor: str
    session_id: str
    type: str
    name: str | None
    ts: str
    text: str | None
    event_id: str


@dataclass(frozen=True, slots=True)
class Episode:
    """One failure and the person's reaction to it."""

    person_id: str
    session_id: str
    failure_event_id: str
    failure_ts: str
    failure_name: str
    reaction: str
    latency: float | None
    resolved_at: str
    features: tuple[str, ...]
    evidence_ids: tuple[str, ...]
    actor: str = ""  # the actor the failure happened to (one of the person's ids)
    #: The action that decided the reaction, and whether it undid what the person did (a
    #: switch to a rollback, failure.v10's ``reaction_act`` / ``undoes``).
    act: str = ""
    undoes: bool = False


@dataclass(frozen=True, slots=True)
class StyleObservation:
    """One session's STYLE signal about a person (what archetype cues read)."""

    ts: str
    session_id: str
    key: str
    value: str
    weight: float
    measure: float | None
    evidence_ids: tuple[str, ...]


@dataclass(slots=True)
class PersonHistory:
    person_id: str
    acts: list[Act] = field(default_factory=list)
    styles: list[StyleObservation] = field(default_factory=list)
    episodes: list[Episode] = field(default_factory=list)
    first_text: dict[str, str] = field(default_factory=dict)  # text -> first time used
    memo: dict[Any, Any] = field(default_factory=dict)  # cue matches, indexes already computed


@dataclass(slots=True)
class TenantHistory:
    """Everything behaviour reads about a tenant, loaded once per graph build."""

    tenant: str
    built_seq: int
    identity: dict[str, str]
    persons: dict[str, PersonHistory]
    episodes: list[Episode]  # every person's, by failure time
    acts_by_id: dict[str, Act]
    by_failure: dict[str, Episode] = field(default_factory=dict)  # failure_event_id ->

    def person(self, person_id: str) -> PersonHistory:
        return self.persons.get(person_id) or PersonHistory(person_id)


def _bucket(n: int) -> str:
    return next((label for top, label in POSITION_BUCKETS if n <= top), "20+")


def error_signature(text: str | None) -> str:
    return " ".join((text or "").lower().split())[:ERROR_CHARS]


def act_head(act: Act | None) -> str:
    if act is None:
        return "none"
    if act.type == "message":
        return "message"
    words = (act.text or "").split()
    return f"{act.type}:{(act.name or '').lower()}:{words[0].lower() if words else ''}"


def context_features(
    failure_name: str,
    failure_text: str | None,
    prior: Act | None,
    position: int,
    recent: int | None,
    familiar: bool | None,
) -> tuple[str, ...]:
    """The context of a failure as features (see the module docstring)."""
    error = error_signature(failure_text)
    head = act_head(prior)
    found = [f"failure:{failure_name}", f"act:{head}", f"position:{_bucket(position)}"]
    if recent is not None:
        found.append(f"recent:{min(recent, 2)}{'+' if recent >= 2 else ''}")
    if error:
        found += [f"error:{error}", f"act_error:{head}|{error}"]
    if familiar is not None:
        found.append(f"familiar:{'yes' if familiar else 'no'}")
    return tuple(found)


def _recent(context: dict[str, Any]) -> int | None:
    """A stored episode's ``recent_failures``; None when its failure's time was invented."""
    recent = context.get("recent_failures", 0)
    return None if recent is None else int(recent)


def load_history(store: Store, tenant: str) -> TenantHistory:
    """Read the tenant's failure episodes, style signals and acts (one pass each)."""
    identity = store.identity_map(tenant)
    persons: dict[str, PersonHistory] = {}

    def person_of(actor: str) -> PersonHistory:
        pid = identity.get(actor, actor)
        found = persons.get(pid)
        if found is None:
            found = persons[pid] = PersonHistory(pid)
        return found

    acts_by_id: dict[str, Act] = {}
    session_acts: dict[tuple[str, str], list[Act]] = defaultdict(list)
    for actor, session_id, kind, name, ts, text, event_id in store.actor_activity(tenant):
        history = person_of(actor)
        act = Act(history.person_id, actor, session_id, kind, name, ts, text, event_id)
        history.acts.append(act)
        acts_by_id[event_id] = act
        session_acts[(session_id, actor)].append(act)
        if text is not None and kind == "action":
            history.first_text.setdefault(text, ts)
    signals = store.signals_of_kinds(tenant, [SignalKind.FAILURE.value, SignalKind.STYLE.value])
    failures = [s for s in signals if s.kind is SignalKind.FAILURE]
    times = store.event_times(tenant, [s.context.get("failure_event_id", "") for s in failures])
    spans = store.session_spans(tenant) if failures else {}
    episodes: list[Episode] = []
    for signal in signals:
        history = person_of(signal.actor)
        ids = tuple(dict.fromkeys(e.event_id for e in signal.evidence))
        if signal.kind is SignalKind.STYLE:
            history.styles.append(
                StyleObservation(
                    signal.ts,
                    signal.session_id,
                    signal.key,
                    signal.value,
                    signal.weight,
                    signal.measure,
                    ids,
                )
            )
            continue
        context = signal.context
        failure_id = str(context.get("failure_event_id", ""))
        failure_ts = times.get(failure_id)
        if failure_ts is None:
            continue
        if signal.measure is None:  # left without a word, or an invented time
            resolved = spans.get(signal.session_id, (failure_ts, failure_ts))[1]
        else:
            resolved = format_ts(parse_ts(failure_ts) + timedelta(seconds=signal.measure))
        prior = acts_by_id.get(str(context.get("prior_event_id") or ""))
        own = session_acts.get((signal.session_id, signal.actor), [])
        position = sum(1 for a in own if a.ts < failure_ts)
        familiar = None
        if prior is not None and prior.type == "action" and prior.text is not None:
            familiar = history.first_text.get(prior.text, prior.ts) < prior.ts
        features = context_features(
            str(context.get("failure_name", signal.key)),
            context.get("failure_text"),
            prior,
            position,
            _recent(context),
            familiar,
        )
        reaction_ids = [str(i) for i in context.get("reaction_event_ids", [])[:3]]
        evidence = tuple(dict.fromkeys([failure_id, *ids, *reaction_ids]))
        found = Episode(
            history.person_id,
            signal.session_id,
            failure_id,
            failure_ts,
            str(context.get("failure_name", signal.key)),
            signal.value,
            signal.measure,
            resolved,
            features,
            evidence,
            signal.actor,
            str(context.get("reaction_act") or ""),
            bool(context.get("undoes", False)),
        )
        history.episodes.append(found)
        episodes.append(found)
    episodes.sort(key=lambda e: (e.failure_ts, e.failure_event_id))
    for history in persons.values():
        history.episodes.sort(key=lambda e: (e.failure_ts, e.failure_event_id))
        # Time order (stable): "before t" is then a prefix, found by bisection.
        history.acts.sort(key=lambda a: a.ts)
        history.styles.sort(key=lambda s: s.ts)
    by_failure = {e.failure_event_id: e for e in reversed(episodes)}  # the first, if several
    return TenantHistory(
        tenant, store.built_seq(tenant), identity, persons, episodes, acts_by_id, by_failure
    )


@dataclass(frozen=True, slots=True)
class FailureAt:
    """A stored failure event, read from what happened up to it and nothing after."""

    event: StoredEvent
    person_id: str
    actor: str
    failure_name: str
    features: tuple[str, ...]


def failure_at(store: Store, history: TenantHistory, event: StoredEvent) -> FailureAt | None:
    """The failure ``event`` is, with its context; None when it is not a failure."""
    # Only the session up to the failure is read (events of the same time may precede it).
    until = format_ts(parse_ts(event.ts) + timedelta(microseconds=1))
    session = list(
        store.iter_events(
            EventQuery(tenant=history.tenant, session_id=event.session_id, until=until)
        )
    )
    cut = next((i for i, e in enumerate(session) if e.event_id == event.event_id), None)
    if cut is None:
        return None
    before = session[: cut + 1]  # strictly up to the failure: nothing after it is read
    failures = find_failures(before)
    found = failures[-1] if failures and failures[-1].index == cut else None
    if found is None or not found.actor:
        return None
    actor = found.actor
    person_id = history.identity.get(actor, actor)
    # As the extractor reads it (so that a stored episode's context is the same): the prior is
    # the actor's last act before the failure, the position their acts before its time.
    at = next((i for i in range(cut - 1, -1, -1) if is_act(before[i], actor)), None)
    prior_event = None if at is None else before[at]
    prior = (
        None
        if prior_event is None
        else Act(
            person_id,
            actor,
            prior_event.session_id,
            prior_event.type.value,
            prior_event.name,
            prior_event.ts,
            prior_event.text,
            prior_event.event_id,
        )
    )
    position = sum(
        1
        for e in before[:-1]
        if e.actor == actor
        and e.ts < event.ts
        and (e.type == "action" or (e.type == "message" and e.role in (None, "user")))
    )
    rules = failure_cues()
    recent = recent_failures(failures, [parse_ts(f.event.ts) for f in failures], len(failures) - 1)
    familiar = None
    if prior is not None and prior.type == "action" and prior.text is not None:
        first = history.person(person_id).first_text.get(prior.text, prior.ts)
        familiar = first < prior.ts
    text = (event.text or "")[: rules.failure_text_chars]
    features = context_features(found.name, text, prior, position, recent, familiar)
    return FailureAt(event, person_id, actor, found.name, features)


def known_before(episodes: Sequence[Episode], cutoff: str | None) -> list[Episode]:
    """The episodes whose reaction was known before ``cutoff`` (all of them for None)."""
    if cutoff is None:
        return list(episodes)
    return [e for e in episodes if e.resolved_at < cutoff and e.failure_ts < cutoff]
