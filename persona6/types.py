"""Core records.

``Event`` is the envelope every adapter produces and the store keeps; it crosses boundaries (files,
CLI JSON, later HTTP), so it is a pydantic model and its JSON Schema is what ``persona6 schema``
prints. Summaries the store returns are pydantic models too, because the CLI prints them as JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

#: Longest ``text`` accepted, in characters. Longer text is almost always a pasted file or a log
#: dump; it is rejected so that one record cannot bloat every later stage. docs/events.md says so.
MAX_TEXT_CHARS = 100_000

#: Longest identifier (event, session, user, anonymous, tenant, name), in characters.
MAX_ID_CHARS = 256

DEFAULT_TENANT = "default"


class EventType(StrEnum):
    MESSAGE = "message"
    ACTION = "action"
    OUTCOME = "outcome"
    IDENTIFY = "identify"


class Role(StrEnum):
    USER = "user"
    ASSISTANT = "assistant"
    SYSTEM = "system"
    TOOL = "tool"


class FieldProblem(ValueError):
    """Raised inside validators; carries the problem and the fix so ingest can word its error."""

    def __init__(self, problem: str, hint: str, field: str | None = None):
        super().__init__(f"{problem}. {hint}")
        self.problem = problem
        self.hint = hint
        self.field = field


def format_ts(ts: datetime) -> str:
    """The one text form of a time in the store: UTC, microseconds, ``Z``; sorts as it reads."""
    # isoformat, not strftime: several times faster, and this runs once per ingested event.
    if ts.utcoffset():
        ts = ts.astimezone(UTC)
    text = ts.isoformat(timespec="microseconds")
    return text[:-6] + "Z" if text.endswith("+00:00") else text + "Z"


def parse_ts(value: str) -> datetime:
    """Parse a stored or user-given ISO-8601 time that must carry a timezone, into UTC."""
    parsed = parse_written_ts(value)
    # "Z" already parses as UTC; converting it again costs time on every ingested event.
    return parsed if parsed.tzinfo is UTC else parsed.astimezone(UTC)


def parse_written_ts(value: str) -> datetime:
    """Like ``parse_ts``, but in the offset it was written in (readers keep it: UTC_OFFSET)."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise FieldProblem(
            "is not an ISO-8601 time",
            "Write it like 2024-05-01T12:30:00Z or 2024-05-01T14:30:00+02:00",
        ) from exc
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise FieldProblem(
            "has no timezone",
            "Add one: a trailing Z for UTC (2024-05-01T12:30:00Z) or an offset (+02:00)",
        )
    return in_utc_range(parsed)


#: Said of a time that has no UTC form: Python's dates run from year 1 to year 9999.
OUT_OF_RANGE_PROBLEM = "is out of range: in UTC it falls before 0001-01-01 or after 9999-12-31"
OUT_OF_RANGE_HINT = (
    "Give a time between the years 1 and 9999 in UTC (0001-01-01T00:00:00Z to "
    "9999-12-31T23:59:59Z); check for a wrong year or a placeholder date"
)


def in_utc_range(moment: datetime) -> datetime:
    """``moment`` (aware) if it can be written in UTC, else the ``FieldProblem`` that says so:
    ``0001-01-01T00:00:00+01:00`` is in year 0 in UTC, which no date type holds."""
    if moment.tzinfo is UTC:
        return moment  # UTC to UTC cannot overflow; parse_ts reads every stored time
    try:
        moment.astimezone(UTC)
    except OverflowError:
        raise FieldProblem(OUT_OF_RANGE_PROBLEM, OUT_OF_RANGE_HINT) from None
    return moment


#: The ``attrs`` key that keeps the UTC offset an event's time was written in ("+05:30"), so that
#: the time of day and the weekday can be read on the person's clock while ``ts`` stays UTC.
#: Absent when the time was written in UTC (or as unix seconds): then local time is UTC, or the
#: IANA zone in ``attrs["timezone"]`` when there is one. docs/events.md gives the rules.
UTC_OFFSET = "utc_offset"

#: The ``attrs`` key set to ``true`` on an event whose time the input did not give: made up by
#: the ingest (an OpenAI message without a time of its own gets its conversation's time plus one
#: second per position) or, said so by the input, by an exporter. Such a time keeps the event in
#: order and dates it, but no measure of time is read from it: no pace, session length, time of
#: day or reaction latency (``StoredEvent.ts_invented``). docs/events.md gives the rules.
TS_INVENTED = "ts_invented"

_OFFSET_TEXT = re.compile(r"([+-])([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?")


def offset_text(offset: timedelta) -> str:
    """``timedelta(hours=5, minutes=30)`` -> ``"+05:30"`` (seconds only when it has some)."""
    sign = "-" if offset < timedelta(0) else "+"
    seconds = int(abs(offset).total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    return f"{text}:{seconds:02d}" if seconds else text


def parse_offset(value: Any) -> timedelta:
    """``"+05:30"`` -> ``timedelta(hours=5, minutes=30)``; raises ``FieldProblem`` otherwise."""
    found = _OFFSET_TEXT.fullmatch(value) if isinstance(value, str) else None
    if found is None:
        shown = repr(value)
        raise FieldProblem(
            f"{shown if len(shown) <= 40 else shown[:37] + '...'} is not a UTC offset",
            'Write it as +HH:MM or -HH:MM, e.g. "+05:30", or drop it',
            field=f"attrs.{UTC_OFFSET}",
        )
    sign, hours, minutes, seconds = found.groups()
    offset = timedelta(hours=int(hours), minutes=int(minutes), seconds=int(seconds or 0))
    return -offset if sign == "-" else offset


@lru_cache(maxsize=1024)  # bounded: the names come from the input
def known_zone(name: str) -> ZoneInfo | None:
    """The IANA zone of that name, or ``None`` when the timezone database does not know it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        # ValueError: not a relative key ("/etc/x", "../x"); OSError: a folder ("Europe") or a
        # name too long for the file system. None of them is a zone.
        return None


def local_datetime(ts: str, attrs: Mapping[str, Any]) -> datetime:
    """The stored UTC time ``ts`` on the clock of the person whose event it is.

    ``attrs["utc_offset"]``, the offset the input wrote the time in, decides. The IANA zone
    ``attrs["timezone"]`` is used when there is no offset, or when it gives that same offset at
    that moment (the result is then in the zone, which names it). Without either, UTC. A value
    that is not an offset, or a zone name the timezone database does not know, counts as absent.
    """
    moment = parse_ts(ts)
    offset: timedelta | None = None
    if UTC_OFFSET in attrs:
        try:
            offset = parse_offset(attrs[UTC_OFFSET])
        except FieldProblem:
            offset = None  # stored before the key was reserved: it says nothing about the clock
    name = attrs.get("timezone")
    zone = known_zone(name) if isinstance(name, str) and name else None
    if zone is not None:
        zoned = moment.astimezone(zone)
        if offset is None or zoned.utcoffset() == offset:
            return zoned
    return moment.astimezone(timezone(offset)) if offset else moment


class Event(BaseModel):
    """One thing a person said or did, or that happened to them, in a product."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    event_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_ID_CHARS,
        description="Stable id. Absent, it is derived from the event's content (see "
        "derive_event_id). Ingesting an id that is already stored changes nothing.",
    )
    ts: datetime = Field(
        description="When it happened: ISO-8601 with a timezone or Z. Stored in UTC; an offset "
        "other than UTC is kept in attrs.utc_offset.",
        json_schema_extra={"type": "string", "format": "date-time"},
    )
    session_id: str = Field(
        min_length=1, max_length=MAX_ID_CHARS, description="The session (chat, visit, run)."
    )
    user_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_ID_CHARS,
        description="A known person's stable id, or absent.",
    )
    anonymous_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_ID_CHARS,
        description="An actor whose person is not known, or absent.",
    )
    tenant: str = Field(
        default=DEFAULT_TENANT,
        min_length=1,
        max_length=MAX_ID_CHARS,
        description="The product or customer the event belongs to; queries never cross tenants.",
    )
    type: EventType = Field(description="message | action | outcome | identify.")
    role: Role | None = Field(
        default=None,
        description="Messages only: user | assistant | system | tool (default user).",
    )
    name: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_ID_CHARS,
        description="Actions and outcomes: what happened (command, submit, retry, cancel, "
        "thumbs_down; outcomes error, timeout, exception, success, ...).",
    )
    text: str | None = Field(
        default=None,
        max_length=MAX_TEXT_CHARS,  # checked in pydantic-core; ingest words the error
        description=f"The message, the action's detail or the outcome's detail; at most "
        f"{MAX_TEXT_CHARS:,} characters.",
    )
    attrs: dict[str, Any] = Field(
        default_factory=dict,
        description="Anything else: device, locale, error code, latency, model, ... "
        "utc_offset (+HH:MM) is the offset ts was written in, set from ts when not UTC; "
        "the person's local time is read with it. ts_invented (true) says the time was made "
        "up, not given: it orders the event but no measure of time is read from it.",
    )

    @field_validator("ts", mode="before")
    @classmethod
    def _ts_is_aware_iso(cls, value: Any) -> datetime:
        # The time stays in the offset it was written in until _keep_offset has noted it.
        if isinstance(value, datetime):
            if value.tzinfo is None or value.utcoffset() is None:
                raise FieldProblem("has no timezone", "Give a timezone-aware datetime")
            return in_utc_range(value)
        if not isinstance(value, str):
            raise FieldProblem(
                "is not a string",
                "Write the time as ISO-8601 text, e.g. 2024-05-01T12:30:00Z",
            )
        return parse_written_ts(value)

    @model_validator(mode="after")
    def _keep_offset(self) -> Event:
        """``ts`` to UTC, and an offset other than UTC into ``attrs["utc_offset"]``."""
        ts, attrs = self.ts, self.attrs
        offset = None if ts.tzinfo is UTC else ts.utcoffset()
        given = attrs.get(UTC_OFFSET) if attrs else None
        if given is not None:
            parsed = parse_offset(given)
            if offset and parsed != offset:
                raise FieldProblem(
                    f"{given!r} disagrees with the offset ts is written in ({offset_text(offset)})",
                    "Drop attrs.utc_offset (the offset of ts is kept), or write ts in UTC",
                    field=f"attrs.{UTC_OFFSET}",
                )
        if ts.tzinfo is not UTC:
            # object.__setattr__ because the model is frozen; ts is UTC once validated.
            object.__setattr__(self, "ts", ts.astimezone(UTC))
            if offset and given is None:
                object.__setattr__(self, "attrs", {**attrs, UTC_OFFSET: offset_text(offset)})
                # So that model_dump(exclude_unset=True) keeps it (ingest_events does).
                self.__pydantic_fields_set__.add("attrs")
        return self

    @model_validator(mode="after")
    def _invented_is_a_flag(self) -> Event:
        flag = self.attrs.get(TS_INVENTED) if self.attrs else None
        if flag is not None and not isinstance(flag, bool):
            shown = repr(flag)
            raise FieldProblem(
                f"{shown if len(shown) <= 40 else shown[:37] + '...'} is not true or false",
                "Write true when the time was made up rather than recorded (it then orders "
                "the event but is measured for nothing), or drop it",
                field=f"attrs.{TS_INVENTED}",
            )
        return self

    @model_validator(mode="after")
    def _envelope_rules(self) -> Event:
        has_actor = self.user_id is not None or self.anonymous_id is not None
        actor_fields = "user_id/anonymous_id"
        if self.type is EventType.MESSAGE:
            role = self.role or Role.USER
            if self.role is None:
                # object.__setattr__ because the model is frozen; the default belongs here.
                object.__setattr__(self, "role", role)
            if role is Role.USER and not has_actor:
                raise FieldProblem(
                    "are both missing: a user message needs an actor",
                    "Give user_id (a known person) or anonymous_id (an unknown actor)",
                    field=actor_fields,
                )
            if role is not Role.USER and has_actor:
                raise FieldProblem(
                    f"are set on an {role.value} message, which has no actor"
                    if role is Role.ASSISTANT
                    else f"are set on a {role.value} message, which has no actor",
                    "Only people act: drop user_id and anonymous_id from assistant, system "
                    "and tool messages, or set role to user",
                    field=actor_fields,
                )
            return self
        if self.role is not None:
            raise FieldProblem(
                f"is set on a {self.type.value} event",
                "Drop role; it belongs to messages only",
                field="role",
            )
        if self.type is EventType.IDENTIFY:
            if self.user_id is None or self.anonymous_id is None:
                raise FieldProblem(
                    "must both be given on an identify event",
                    "An identify event states that anonymous_id is the person user_id",
                    field=actor_fields,
                )
            return self
        if not has_actor:
            raise FieldProblem(
                f"are both missing: an {self.type.value} event needs an actor",
                "Give user_id (a known person) or anonymous_id (an unknown actor)",
                field=actor_fields,
            )
        if self.name is None:
            raise FieldProblem(
                f"is missing: an {self.type.value} event needs a name",
                "Say what happened, e.g. command, submit, retry, error, timeout, success",
                field="name",
            )
        return self

    @property
    def actor(self) -> str | None:
        """The event's subject: the known person if given, else the anonymous actor."""
        return self.user_id if self.user_id is not None else self.anonymous_id


class IngestReport(BaseModel):
    """What one ingest did."""

    source: str = Field(description="The file read, or '-' for standard input.")
    format: str = Field(description="The adapter used: native, openai, segment or csv.")
    tenant: str = Field(description="The tenant written to.")
    read: int = Field(description="Records read from the input.")
    stored: int = Field(description="Events newly stored.")
    duplicates: int = Field(description="Events already stored (same event_id): unchanged.")
    rejected: int = Field(description="Records rejected (only with on_error=skip).")
    report_path: str | None = Field(
        default=None, description="Where rejected records were written, if any were."
    )
    conflicts: int = Field(
        default=0,
        description="Of the duplicates, records whose event_id is stored with other content: "
        "not stored, the stored event is kept.",
    )
    first_conflict: str | None = Field(
        default=None, description="The first such record: where it is and what differs."
    )
    shared_ids: int = Field(
        default=0,
        description="Ids given both as a user_id and as the only id (anonymous_id) of events: "
        "one actor, so those events are that person's, with no identify event and no link to "
        "undo (docs/events.md). Stored as given.",
    )
    first_shared_id: str | None = Field(
        default=None, description="The first such id: where it is and what it means."
    )


class StoreStats(BaseModel):
    """What the store holds for one tenant."""

    tenant: str
    events: int
    sessions: int
    persons: int = Field(description="Distinct user_id values.")
    anonymous_actors: int = Field(description="Distinct anonymous_id values.")
    identify_links: int = Field(description="Active anonymous-to-person links from identify.")
    by_type: dict[str, int]
    first_ts: str | None
    last_ts: str | None
    schema_version: int


class SessionSummary(BaseModel):
    """One session as the store sees it."""

    session_id: str
    events: int
    messages: int
    actions: int
    outcomes: int
    actors: list[str] = Field(description="user_id or anonymous_id of everyone who acted.")
    first_ts: str
    last_ts: str


class ActorSummary(BaseModel):
    """One actor (a known person's user_id or an anonymous_id) as the store sees it."""

    actor: str
    known: bool = Field(description="True for a user_id, False for an anonymous_id.")
    linked_to: str | None = Field(
        default=None, description="The person an identify event links this anonymous actor to."
    )
    sessions: int
    messages: int
    actions: int
    outcomes: int
    first_ts: str
    last_ts: str


class StoredEvent(BaseModel):
    """An event as read back from the store, with its id settled and where it came from."""

    event_id: str
    ts: str
    session_id: str
    user_id: str | None = None
    anonymous_id: str | None = None
    tenant: str
    type: EventType
    role: Role | None = None
    name: str | None = None
    text: str | None = None
    attrs: dict[str, Any] = Field(default_factory=dict)
    source: str | None = Field(default=None, description="file:line it was ingested from.")

    @property
    def actor(self) -> str | None:
        return self.user_id if self.user_id is not None else self.anonymous_id

    @property
    def ts_invented(self) -> bool:
        """Whether the time was made up rather than recorded (``attrs["ts_invented"]``): it
        orders and dates the event, but measures of time (pace, session length, time of day,
        reaction latency) leave it out."""
        return self.attrs.get(TS_INVENTED) is True

    @property
    def local_ts(self) -> datetime:
        """When it happened on the actor's clock (``local_datetime``): read the hour of day and
        the weekday from this, never from ``ts``, which is UTC."""
        return local_datetime(self.ts, self.attrs)


class Evidence(BaseModel):
    """The exact span of one stored event that a claim rests on: ``quote == text[start:end]``."""

    model_config = ConfigDict(frozen=True)

    event_id: str = Field(description="The event the claim rests on.")
    start: int = Field(ge=0, description="Start offset of the quote in the event's text.")
    end: int = Field(ge=0, description="End offset (exclusive) of the quote in the event's text.")
    quote: str = Field(description="text[start:end], verbatim.")


class SignalKind(StrEnum):
    PREFERENCE = "preference"
    DISCLOSURE = "disclosure"
    CONCERN = "concern"
    TOPIC = "topic"
    DECISION = "decision"
    STYLE = "style"
    TASK = "task"
    TEXTURE = "texture"
    FAILURE = "failure"


#: Each kind's name: ``kind.value`` runs an enum descriptor written in Python (3.11), and the
#: hot paths of a build (consolidation, the store's signal rows) ask it of every signal.
KIND_NAMES: dict[str, str] = {kind: kind.value for kind in SignalKind}


class Signal(BaseModel):
    """One observation about one actor, produced by one versioned extractor from cited events."""

    model_config = ConfigDict(frozen=True)

    actor: str = Field(description="user_id or anonymous_id of the person the signal is about.")
    kind: SignalKind
    key: str = Field(description="What it is about, normalised (e.g. 'dark mode', 'cost').")
    value: str = Field(default="", description="The readable claim or the measured value.")
    polarity: float = Field(
        default=0.0, ge=-1.0, le=1.0, description="+1 for, -1 against, 0 neutral."
    )
    weight: float = Field(default=1.0, ge=0.0, description="How strongly this one signal speaks.")
    measure: float | None = Field(
        default=None, description="A measured quantity, for numeric signals (seconds, a rate)."
    )
    vector: tuple[float, ...] | None = Field(
        default=None, description="A compact feature vector (language texture profiles)."
    )
    context: dict[str, Any] = Field(
        default_factory=dict,
        description="Structured detail a later stage needs (a failure episode's failure event, "
        "its reaction and latency); never a claim by itself.",
    )
    session_id: str
    ts: str = Field(description="Time of the newest event it cites (stored UTC form).")
    producer: str = Field(description="Versioned extractor name, e.g. persona6.preference.v2.")
    evidence: tuple[Evidence, ...] = Field(default=())


@dataclass(frozen=True, slots=True)
class StoredSignal:
    """A signal as a build reads it back: the fields consolidation uses, with evidence and
    context kept as the stored JSON and parsed only when needed (builds read many thousands)."""

    session_id: str
    actor: str
    kind: SignalKind
    key: str
    value: str
    polarity: float
    weight: float
    measure: float | None
    ts: str
    producer: str
    evidence_json: str
    context_json: str

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return tuple(Evidence.model_construct(**e) for e in json.loads(self.evidence_json))

    @property
    def context(self) -> dict[str, Any]:
        return json.loads(self.context_json)  # type: ignore[no-any-return]

    def order(self) -> tuple[str, str, str, str, str, str, str]:
        """A total order of signals, so that every choice a build makes is deterministic."""
        return (
            self.ts,
            self.session_id,
            self.actor,
            self.kind.value,
            self.key,
            self.value,
            self.evidence_json,
        )


class TraitStatus(StrEnum):
    ACTIVE = "active"  # the current reading of the evidence
    SUPERSEDED = "superseded"  # true once, replaced by a later trait (valid_to is set)
    CONTESTED = "contested"  # the evidence disagrees with itself; both sides are kept


class Trait(BaseModel):
    """One claim about a person, consolidated from signals of one kind and key across sessions.

    Its confidence grows with independent sessions, not with repetition inside one session
    (docs/graph.md gives the formula). Its evidence is exact quotes of the person's own events.
    """

    id: str = Field(description="Stable id: the same claim keeps its id across rebuilds.")
    person_id: str = Field(description="The person (user_id, or an anonymous actor not linked).")
    kind: SignalKind
    key: str
    value: str = Field(default="", description="The prevailing value (e.g. 'terse').")
    statement: str = Field(description="The claim in one readable sentence.")
    polarity: float = Field(default=0.0, description="Net polarity of the supporting signals.")
    measure: float | None = Field(default=None, description="Mean measured quantity, if numeric.")
    confidence: float = Field(ge=0.0, le=1.0)
    status: TraitStatus = TraitStatus.ACTIVE
    sessions: int = Field(description="Distinct sessions that support the claim.")
    counter_sessions: int = Field(default=0, description="Distinct sessions that speak against it.")
    signals: int = Field(description="Supporting signals (several may come from one session).")
    first_seen: str
    last_seen: str
    span_days: float = Field(description="Days between the first and last supporting evidence.")
    valid_from: str
    valid_to: str | None = None
    producers: list[str] = Field(description="Versioned extractors the signals came from.")
    evidence: list[Evidence]
    counter_evidence: list[Evidence] = Field(default_factory=list)
    evidence_sessions: dict[str, str] = Field(
        default_factory=dict, description="event_id -> session_id of each evidence item."
    )
    supersedes: str | None = Field(default=None, description="Trait id this one replaced.")


class PersonSummary(BaseModel):
    """A person as the graph sees them."""

    person_id: str
    aliases: list[str] = Field(
        default_factory=list, description="Anonymous actors linked to this person."
    )
    sessions: int = Field(description="Sessions the person (or an alias) acted in.")
    events: int = Field(description="Events the person (or an alias) is the actor of.")
    traits: int = Field(description="Traits currently held (any status).")
    first_seen: str | None = None
    last_seen: str | None = None


class PersonView(BaseModel):
    """A person with every trait and its evidence (``persona6 show --json``)."""

    person: PersonSummary
    traits: list[Trait]


class PersonExport(BaseModel):
    """Everything Persona6 holds about a person, for an access request: the summary, every
    trait with its evidence, every event the person (or an alias) wrote, and identity links."""

    person: PersonSummary
    traits: list[Trait]
    events: list[StoredEvent] = Field(
        description="Every stored event whose actor is the person or one of their aliases."
    )
    links: list[dict[str, Any]] = Field(
        description="Identity links that tie an anonymous id to the person, with provenance "
        "(the records `persona6 links --json` prints), revoked ones included."
    )


class EvidenceLink(BaseModel):
    """One link of an evidence chain: the quote, where it sits, and which way it speaks."""

    event_id: str
    session_id: str
    ts: str
    start: int
    end: int
    quote: str
    stance: str = Field(description="supports or against")
    text: str | None = Field(default=None, description="The whole event text, for context.")


class TraitExplanation(BaseModel):
    """Why Persona6 holds a trait (``persona6 why``)."""

    trait: Trait
    chain: list[EvidenceLink]
