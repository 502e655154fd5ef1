"""The synthetic product-log generator ``persona6.synth.v1``: a small generative model of people.

Every person is a latent persona drawn once, then played through their sessions; the draws that
made them are the ground truth. All phrasing lives in ``persona6/data/synth_personas.yaml``.

1. **Persona.** Person ``i`` gets archetype ``i mod 4`` (skeptic, operator, community_regular,
   newcomer) and their own values inside that archetype's ranges: a language texture (casing,
   rates of ``!!``, ``...``, emoji, hedges and thanks, message length, one lead and one tail
   signature word), 1-3 concerns from the archetype's share of the taxonomy, 2-3 preferences,
   an occupation and one more disclosure, one preference that changes, one piece of reported
   speech, habitual tasks, client habits (device, locale, whether the client logs them),
   failure rate, reaction probabilities (the archetype's, jittered and renormalised) and a
   lognormal reaction latency.
2. **Calendar.** 6-10 sessions over six weeks, one per day: the first in the first three days
   and anonymous (it ends with an ``identify`` event), the last in the final week and anonymous
   under a fresh id with no identify (the holdout for linking), the others identified. One
   community thread on day 13 joins up to four community regulars and one other person.
3. **Scheduling.** Preferences and disclosures are stated 1-2 times each in non-holdout sessions;
   the changing preference's old form in the first half of them and its new form in the second
   half; each concern 3-4 times in any sessions, a different wording each time; reported speech
   once. Each statement is worded once per person and appears verbatim wherever it is voiced.
4. **Session.** A talk phase (the scheduled statements and a few questions, each answered by the
   assistant) then a work phase of turns drawn by archetype weights: questions, actions
   (``run``, ``command``, ``submit``) and their outcomes, skeptics' challenges, regulars' social
   lines, operators' cancels. An outcome fails with the person's failure rate (never in the
   first session, so it always reaches its identify); the assistant may apologise; then the
   person reacts after a lognormal delay: retry, rephrase, switch (each a new attempt, at most
   three), abandon (the session ends), escalate, complain, self_fix or feedback (thumbs_down).

Randomness comes only from ``random.Random`` instances seeded from (seed, person) or (seed,
"community"), so one person's events do not depend on how many people are generated, and the
same arguments give byte-identical output. docs/synth.md describes the truth file and the knobs.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from persona6.errors import InvalidOption
from persona6.extract.text import packaged_yaml
from persona6.types import format_ts

GENERATOR = "persona6.synth.v1"
DEFAULT_START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
#: How a person may react to a failed action, in the order of ``reaction_probs``.
REACTIONS = tuple(
    ["retry", "rephrase", "switch", "abandon", "escalate", "complain", "self_fix", "feedback"]
)
HORIZON_DAYS = 42  # the log spans six weeks from ``start``
FIRST_DAYS = 3  # the anonymous first session falls in these first days
HOLDOUT_DAYS = 6  # the holdout session falls in these last days
COMMUNITY_DAY = 13
MAX_REGULARS_IN_THREAD = 4
MAX_ATTEMPTS = 3  # an action plus at most two retries; the last attempt always succeeds
RETRY_FAILURE_RATE = 0.3
APOLOGY_RATE = 0.5
SIGNATURE_RATE = 0.25
HOME_DEVICE_RATE = 0.85
CLIENT_LOGGING_RATE = 0.8
CONTEXT_RATES = {"short": 0.0, "medium": 0.1, "long": 0.5}


@dataclass(frozen=True, slots=True)
class SynthLog:
    """A generated log: envelope dicts sorted by time, and what is true about their people."""

    events: list[dict[str, Any]]
    truth: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Style:
    """How a person writes; each rate is the chance per message."""

    casing: str  # "lower" or "sentence"
    exclaim_rate: float  # "!!" (or "??" on a question)
    ellipsis_rate: float  # "..."
    emoji_rate: float
    hedge_rate: float  # "I think", "maybe", ...
    politeness_rate: float  # "please" on questions, "thanks" otherwise
    length: str  # "short", "medium" or "long": how often questions come with their context
    emojis: tuple[str, ...]  # the two this person uses
    signature_words: tuple[str, str]  # (one that leads a message, one that trails it)

    def as_truth(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


@dataclass(frozen=True, slots=True)
class Statement:
    """Something a person says about themselves, worded as they word it."""

    key: str
    text: str
    polarity: int = 0
    value: str = ""


@dataclass(frozen=True, slots=True)
class Persona:
    """One person's latent values: everything the events are generated from."""

    person_id: str
    name: str
    archetype: str
    anonymous_id: str
    holdout_anonymous_id: str
    style: Style
    device: str
    alt_device: str
    locale: str
    logs_client: bool
    start_offset_h: float
    turn_gap_s: float
    failure_rate: float
    sessions: int
    concerns: tuple[str, ...]
    preferences: tuple[Statement, ...]
    disclosures: tuple[Statement, ...]
    change: tuple[Statement, Statement]  # (before, after), both keyed by the preference
    reported: Statement
    tasks: Mapping[str, tuple[str, ...]]
    reaction_probs: Mapping[str, float]
    latency_mean_s: float
    latency_sigma: float


@dataclass(frozen=True, slots=True)
class SessionPlan:
    kind: str  # "first_anonymous", "identified" or "holdout"
    start: datetime
    items: tuple[tuple[str, Statement], ...]  # (what kind of statement, the statement)


@dataclass(frozen=True, slots=True)
class PersonLog:
    events: list[dict[str, Any]]
    truth: dict[str, Any]
    distractors: list[dict[str, str]]


@dataclass(frozen=True, slots=True)
class Thread:
    session_id: str
    started: datetime
    participants: tuple[int, ...]  # person indices
    events: list[dict[str, Any]]


@cache
def load_personas() -> dict[str, Any]:
    """The persona definitions (archetypes and phrase banks), read once per process."""
    return packaged_yaml("synth_personas.yaml")


def generate(seed: int = 0, people: int = 12, start: datetime = DEFAULT_START) -> SynthLog:
    """Generate the log of ``people`` people from ``seed``, with its ground truth."""
    _check(seed, people, start)
    bank = load_personas()
    events: list[dict[str, Any]] = []
    persons: list[dict[str, Any]] = []
    distractors: list[dict[str, str]] = []
    for index in range(people):
        person = simulate_person(seed, index, start, bank)
        events.extend(person.events)
        persons.append(person.truth)
        distractors.extend(person.distractors)
    thread = community_thread(seed, people, start, bank)
    if thread is not None:
        events.extend(thread.events)
        for index in thread.participants:
            sessions = persons[index]["sessions"]
            actor = persons[index]["person_id"]
            sessions.append(_session_truth(thread.session_id, "community", actor, thread.started))
            sessions.sort(key=lambda session: session["started_at"])
    # Stable sort: events of one session keep their order (their times strictly increase).
    events.sort(key=lambda event: event["ts"])
    truth = {
        "seed": seed,
        "generator": GENERATOR,
        "start": format_ts(start),
        "people": persons,
        "reported_speech_event_ids": [d["event_id"] for d in distractors],
        "distractors": distractors,
        "community_session_id": thread.session_id if thread else None,
        "community_participants": (
            [persons[i]["person_id"] for i in thread.participants] if thread else []
        ),
    }
    return SynthLog(events=events, truth=truth)


def iter_events(
    seed: int = 0, people: int = 12, start: datetime = DEFAULT_START
) -> Iterator[dict[str, Any]]:
    """The events of ``generate`` lazily, person by person, then the community thread.

    Memory holds one person's events at a time. The stream is sorted within each person, not
    globally.
    """
    _check(seed, people, start)
    return _stream(seed, people, start, load_personas())


def write(log: SynthLog, out_dir: str | Path) -> tuple[Path, Path]:
    """Write ``events.jsonl`` and ``truth.json`` into ``out_dir`` (created if missing)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    events_path, truth_path = out / "events.jsonl", out / "truth.json"
    with events_path.open("w", encoding="utf-8", newline="\n") as handle:
        for event in log.events:
            handle.write(json.dumps(event, ensure_ascii=False) + "\n")
    truth_path.write_text(
        json.dumps(log.truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8", newline="\n"
    )
    return events_path, truth_path


def _stream(
    seed: int, people: int, start: datetime, bank: dict[str, Any]
) -> Iterator[dict[str, Any]]:
    for index in range(people):
        yield from simulate_person(seed, index, start, bank).events
    thread = community_thread(seed, people, start, bank)
    if thread is not None:
        yield from thread.events


def _check(seed: object, people: object, start: object) -> None:
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise InvalidOption(f"synth: seed {seed!r} is not an integer. Pass e.g. seed=0")
    if not isinstance(people, int) or isinstance(people, bool) or people < 1:
        raise InvalidOption(
            f"synth: people {people!r} is not a positive integer. Pass e.g. people=12"
        )
    if not isinstance(start, datetime) or start.utcoffset() is None:
        raise InvalidOption(
            f"synth: start {start!r} is not a timezone-aware datetime. "
            "Pass e.g. datetime(2026, 1, 5, 9, tzinfo=UTC)"
        )


def _session_truth(session_id: str, kind: str, actor: str, started: datetime) -> dict[str, str]:
    started_at = format_ts(started)
    return {"session_id": session_id, "kind": kind, "actor": actor, "started_at": started_at}


def _person_rng(seed: int, index: int) -> random.Random:
    # A string seed is hashed with SHA-512 by random.Random: stable across runs and platforms.
    return random.Random(f"{GENERATOR}:{seed}:person:{index}")


def _hex_id(rng: random.Random, prefix: str, bits: int = 64) -> str:
    return f"{prefix}{rng.getrandbits(bits):0{bits // 4}x}"


def _between(rng: random.Random, bounds: Sequence[float], digits: int = 3) -> float:
    return round(rng.uniform(bounds[0], bounds[1]), digits)


def _weighted(rng: random.Random, weights: Mapping[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _cased(text: str, casing: str) -> str:
    """Apply a casing habit; idempotent, so a statement worded once stays the same substring."""
    if casing == "lower":
        return text.lower()
    return text[:1].upper() + text[1:]


def voice(
    rng: random.Random, style: Style, core: str, tex: Mapping[str, Any], plain: bool = False
) -> str:
    """Dress a core phrase in a person's texture; the cased core stays a verbatim substring.

    ``plain`` leaves out hedges and thanks, which would make a statement unsure or absurd
    ("maybe I work as a nurse", "this is broken again, thanks").
    """
    core = _cased(core, style.casing)
    question = core.endswith("?")
    lead = ""
    # A lead before a capitalised core would leave a capital mid-sentence; "I ..." is fine.
    if style.casing == "lower" or core.startswith(("I ", "I'")):
        if not plain and not question and rng.random() < style.hedge_rate:
            lead = rng.choice(tex["hedges"]) + " "
        elif rng.random() < SIGNATURE_RATE:
            lead = style.signature_words[0] + " "
    body = core[:-1] if question else core
    if not plain and rng.random() < style.politeness_rate:
        body += ", " + rng.choice(tex["please"] if question else tex["thanks"])
    elif not question and rng.random() < SIGNATURE_RATE:
        body += ", " + style.signature_words[1]
    draw = rng.random()
    if question:
        end = "??" if draw < style.exclaim_rate else "?"
    elif draw < style.exclaim_rate:
        end = "!!"
    elif draw < style.exclaim_rate + style.ellipsis_rate:
        end = "..."
    else:
        end = "" if style.casing == "lower" else "."
    text = lead + body + end
    if rng.random() < style.emoji_rate:
        text += " " + rng.choice(style.emojis)
    # Long-winded people explain why they ask.
    if question and rng.random() < CONTEXT_RATES[style.length]:
        text += " " + rng.choice(tex["context"])
    return _cased(text, style.casing)


def sample_persona(rng: random.Random, index: int, bank: Mapping[str, Any]) -> Persona:
    """Draw person ``index``'s latent values; the first consumer of the person's generator."""
    archetypes = list(bank["archetypes"])
    archetype = archetypes[index % len(archetypes)]
    arch = bank["archetypes"][archetype]
    st = arch["style"]
    casing = rng.choice(st["casing"])
    style = Style(
        casing=casing,
        exclaim_rate=_between(rng, st["exclaim"]),
        ellipsis_rate=_between(rng, st["ellipsis"]),
        emoji_rate=_between(rng, st["emoji"]),
        hedge_rate=_between(rng, st["hedge"]),
        politeness_rate=_between(rng, st["polite"]),
        length=rng.choice(st["length"]),
        emojis=tuple(rng.sample(bank["texture"]["emoji"], 2)),
        signature_words=(
            rng.choice(bank["texture"]["lead_words"]),
            rng.choice(bank["texture"]["tail_words"]),
        ),
    )
    preferences = tuple(
        Statement(p["key"], _cased(p["text"], casing), p["polarity"])
        for p in rng.sample(bank["preferences"], rng.randint(2, 3))
    )
    kinds = bank["disclosures"]
    disclosures = []
    for kind in [kinds[0], rng.choice(kinds[1:])]:
        value = rng.choice(kind["values"])
        text = _cased(kind["template"].format(value=value), casing)
        disclosures.append(Statement(kind["key"], text, 0, value))
    change = rng.choice(bank["preference_changes"])
    devices = rng.sample(arch["devices"], 2)
    tasks = {
        name: tuple(
            _task_text(rng, text, casing if name == "submit" else "keep")
            for text in rng.sample(bank["tasks"][name], 4)
        )
        for name in arch["actions"]
    }
    jittered = {r: arch["reaction_probs"][r] * rng.uniform(0.7, 1.3) for r in REACTIONS}
    total = sum(jittered.values())
    return Persona(
        person_id=_hex_id(rng, "u-", 40),
        name=rng.choice(bank["names"]),
        archetype=archetype,
        anonymous_id=_hex_id(rng, "anon-", 48),
        holdout_anonymous_id=_hex_id(rng, "anon-", 48),
        style=style,
        device=devices[0],
        alt_device=devices[1],
        locale=rng.choice(bank["locales"]),
        logs_client=rng.random() < CLIENT_LOGGING_RATE,
        start_offset_h=_between(rng, arch["start_offset_h"], 2),
        turn_gap_s=_between(rng, arch["turn_gap_s"], 1),
        failure_rate=_between(rng, arch["failure_rate"]),
        sessions=rng.randint(*arch["sessions"]),
        concerns=tuple(rng.sample(arch["concerns"], rng.randint(1, 3))),
        preferences=preferences,
        disclosures=tuple(disclosures),
        change=(
            Statement(change["key"], _cased(change["before_text"], casing), 1, change["before"]),
            Statement(change["key"], _cased(change["after_text"], casing), 1, change["after"]),
        ),
        reported=Statement("reported", _cased(rng.choice(bank["reported_speech"]), casing)),
        tasks=tasks,
        reaction_probs={r: round(p / total, 3) for r, p in jittered.items()},
        latency_mean_s=_between(rng, arch["latency_s"]["mean"], 1),
        latency_sigma=arch["latency_s"]["sigma"],
    )


def _task_text(rng: random.Random, text: str, casing: str) -> str:
    text = text.replace("{n}", str(rng.randint(2, 9)))
    return text if casing == "keep" else _cased(text, casing)


def plan_sessions(
    rng: random.Random, persona: Persona, start: datetime, bank: Mapping[str, Any]
) -> list[SessionPlan]:
    """Lay the person's sessions on the calendar and schedule what is said in which."""
    n = persona.sessions
    middle = [d for d in range(FIRST_DAYS, HORIZON_DAYS - HOLDOUT_DAYS) if d != COMMUNITY_DAY]
    first, holdout = rng.randrange(FIRST_DAYS), HORIZON_DAYS - 1 - rng.randrange(HOLDOUT_DAYS)
    days = [first, *sorted(rng.sample(middle, n - 2)), holdout]
    items: list[list[tuple[str, Statement]]] = [[] for _ in range(n)]
    said = n - 1  # statements stay out of the holdout, so that linking it is not trivial

    def put(kind: str, statement: Statement, sessions: Sequence[int], times: int) -> None:
        for i in rng.sample(list(sessions), min(times, len(sessions))):
            items[i].append((kind, statement))

    for statement in persona.preferences:
        put("preference", statement, range(said), rng.randint(1, 2))
    for statement in persona.disclosures:
        put("disclosure", statement, range(said), rng.randint(1, 2))
    before, after = persona.change
    put("change_before", before, range(said // 2), rng.randint(1, 2))
    put("change_after", after, range(said // 2, said), rng.randint(1, 2))
    put("reported", persona.reported, range(said), 1)
    for key in persona.concerns:
        times = min(rng.randint(3, 4), n)
        wordings = rng.sample(bank["concerns"][key], times)
        for i, wording in zip(sorted(rng.sample(range(n), times)), wordings, strict=True):
            items[i].append(("concern", Statement(key, _cased(wording, persona.style.casing))))
    plans = []
    for i, day in enumerate(days):
        kind = "first_anonymous" if i == 0 else "holdout" if i == n - 1 else "identified"
        seconds = round((persona.start_offset_h + rng.uniform(-1.5, 1.5)) * 3600)
        at = start + timedelta(days=day, seconds=seconds)
        plans.append(SessionPlan(kind, at, tuple(items[i])))
    return plans


class _Player:
    """Plays one person's sessions into events and records what happened (a mutable builder)."""

    def __init__(self, persona: Persona, rng: random.Random, bank: Mapping[str, Any]):
        self.p, self.rng, self.bank = persona, rng, bank
        self.arch = bank["archetypes"][persona.archetype]
        self.events: list[dict[str, Any]] = []
        self.sessions: list[dict[str, Any]] = []
        self.episodes: list[dict[str, Any]] = []
        self.distractors: list[dict[str, str]] = []
        self.said: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.clock = DEFAULT_START
        self.session_id = self.field = self.actor = ""
        self.attrs: dict[str, str] | None = None

    def emit(self, kind: str, gap_s: float, *, by_person: bool = True, **fields: Any) -> str:
        """Append one envelope dict ``gap_s`` after the previous event; return its id."""
        self.clock += timedelta(milliseconds=max(1, round(gap_s * 1000)))
        event: dict[str, Any] = {
            "event_id": _hex_id(self.rng, "evt-"),
            "ts": format_ts(self.clock),
            "session_id": self.session_id,
        }
        if kind == "identify":
            event["user_id"], event["anonymous_id"] = self.p.person_id, self.p.anonymous_id
        elif by_person:
            event[self.field] = self.actor
        event["type"] = kind
        event.update((k, v) for k, v in fields.items() if v is not None)
        self.events.append(event)
        return event["event_id"]

    def think(self, text: str) -> float:
        return self.p.turn_gap_s * self.rng.uniform(0.5, 1.5) + len(text) / 6

    def user(self, core: str, gap_s: float | None = None, plain: bool = False) -> str:
        text = voice(self.rng, self.p.style, core, self.bank["texture"], plain)
        gap = self.think(text) if gap_s is None else gap_s
        attrs = dict(self.attrs) if self.attrs else None
        return self.emit("message", gap, role="user", text=text, attrs=attrs)

    def assistant(self, text: str, gap_s: float | None = None) -> str:
        gap = self.rng.uniform(1.0, 6.0) if gap_s is None else gap_s
        return self.emit("message", gap, by_person=False, role="assistant", text=text)

    def act(self, name: str, text: str, gap_s: float) -> str:
        attrs = dict(self.attrs) if self.attrs else None
        return self.emit("action", gap_s, name=name, text=text, attrs=attrs)

    def play(self, plan: SessionPlan) -> None:
        p, rng, arch = self.p, self.rng, self.arch
        self.session_id = _hex_id(rng, "sess-", 48)
        self.clock = plan.start
        identified = plan.kind == "identified"
        self.field = "user_id" if identified else "anonymous_id"
        actors = {"first_anonymous": p.anonymous_id, "holdout": p.holdout_anonymous_id}
        self.actor = actors.get(plan.kind, p.person_id)
        device = p.device if rng.random() < HOME_DEVICE_RATE else p.alt_device
        self.attrs = {"device": device, "locale": p.locale} if p.logs_client else None
        self.sessions.append(_session_truth(self.session_id, plan.kind, self.actor, plan.start))
        talk: list[tuple[str, Statement | None]] = list(plan.items)
        talk += [("ask", None)] * rng.randint(*arch["talk_asks"])
        rng.shuffle(talk)
        for kind, statement in talk:
            if statement is None:
                self.ask()
            else:
                self.state(kind, statement)
        failure_rate = 0.0 if plan.kind == "first_anonymous" else p.failure_rate
        for _ in range(rng.randint(*arch["work_turns"])):
            turn = _weighted(rng, arch["turns"])
            if turn == "action":
                if not self.attempt(failure_rate):
                    break  # abandoned: nothing more in this session
            elif turn == "ask":
                self.ask()
            elif turn in ("challenge", "social"):  # a skeptic's pushback, a regular's warmth
                if turn == "challenge":
                    self.ask()
                self.user(rng.choice(self.bank[turn]))
                self.assistant(rng.choice(self.bank["assistant"][turn]))
            elif turn == "cancel":
                name = rng.choice([n for n in p.tasks if n != "submit"] or list(p.tasks))
                text = rng.choice(p.tasks[name])
                self.act(name, text, self.think(text))
                self.act("cancel", text, rng.uniform(1.0, 4.0))
        if plan.kind == "first_anonymous":
            self.emit("identify", rng.uniform(5.0, 30.0))

    def ask(self) -> None:
        pair = self.rng.choice(self.arch["questions"])
        self.user(pair["q"])
        self.assistant(pair["a"])

    def state(self, kind: str, statement: Statement) -> None:
        event_id = self.user(statement.text, plain=kind != "concern")
        self.said.setdefault((kind, statement.key), []).append((event_id, format_ts(self.clock)))
        if kind == "reported":
            self.distractors.append(
                {"event_id": event_id, "person_id": self.p.person_id, "statement": statement.text}
            )
        ack = "preference" if kind.startswith("change") else kind
        self.assistant(self.rng.choice(self.bank["assistant"]["ack"][ack]))

    def attempt(self, failure_rate: float) -> bool:
        """One action, its outcome and the reactions to failures; False if the person leaves."""
        rng, p = self.rng, self.p
        name = _weighted(rng, self.arch["actions"])
        text = rng.choice(p.tasks[name])
        self.act(name, text, self.think(text))
        for attempt in range(MAX_ATTEMPTS):
            rate = (failure_rate, RETRY_FAILURE_RATE, 0.0)[attempt]
            failure = self.outcome(rate)
            if failure is None:
                if rng.random() < self.arch["thumbs_up_rate"]:
                    self.act("thumbs_up", text, rng.uniform(2.0, 10.0))
                return True
            failure_id, failed_at = failure
            reaction = _weighted(rng, p.reaction_probs)
            delay = rng.lognormvariate(
                math.log(p.latency_mean_s) - p.latency_sigma**2 / 2, p.latency_sigma
            )
            gap = max(0.2, delay - (self.clock - failed_at).total_seconds())
            mark = len(self.events)
            reaction_ids, next_try = self.react(reaction, name, text, gap)
            reacted_at = self.events[mark]["ts"] if reaction_ids else None
            latency = datetime.fromisoformat(reacted_at) - failed_at if reacted_at else None
            self.episodes.append(
                {
                    "failure_event_id": failure_id,
                    "session_id": self.session_id,
                    "reaction": reaction,
                    "reaction_event_ids": reaction_ids,
                    "latency_s": round(latency.total_seconds(), 3) if latency else None,
                }
            )
            if next_try is None:
                return reaction != "abandon"
            name, text = next_try
        return True

    def outcome(self, failure_rate: float) -> tuple[str, datetime] | None:
        """The outcome of the last action: None on success, else the failure's id and time."""
        rng = self.rng
        if rng.random() >= failure_rate:
            latency = rng.randint(*self.bank["success_latency_ms"])
            self.emit("outcome", latency / 1000, name="success", attrs={"latency_ms": latency})
            return None
        error = rng.choice(self.bank["errors"])
        latency = rng.randint(*error["latency_ms"])
        attrs = {"code": error["code"], "latency_ms": latency}
        event_id = self.emit(
            "outcome", latency / 1000, name=error["name"], text=error["message"], attrs=attrs
        )
        failed_at = self.clock
        if rng.random() < APOLOGY_RATE:
            apology = rng.choice(self.bank["assistant"]["apology"])
            self.assistant(apology.format(message=error["message"]), rng.uniform(0.5, 2.0))
        return event_id, failed_at

    def react(
        self, reaction: str, name: str, text: str, gap: float
    ) -> tuple[list[str], tuple[str, str] | None]:
        """Emit a reaction to a failed ``name`` action; return its event ids and the next
        attempt as (action name, text), if the reaction is one. A retry keeps the name."""
        rng, bank, tasks = self.rng, self.bank, self.p.tasks
        if reaction == "abandon":
            return [], None
        if reaction == "retry":
            return [self.act("retry", text, gap)], (name, text)
        if reaction == "rephrase":
            rephrase = bank["rephrase"]
            if name == "submit":
                prefix = rng.choice(rephrase["query_prefixes"])
                new = _cased(f"{prefix} {text[:1].lower()}{text[1:]}", self.p.style.casing)
            else:
                new = f"{text} {rng.choice(rephrase['flags'])}"
            return [self.act(name, new, gap)], (name, new)
        if reaction == "switch":
            others = [n for n in tasks if n != name] or [name]
            other = rng.choice(others)
            new = rng.choice([t for t in tasks[other] if t != text] or list(tasks[other]))
            return [self.act(other, new, gap)], (other, new)
        if reaction == "feedback":
            return [self.act("thumbs_down", text, gap)], None
        line = rng.choice(bank["reactions"][reaction])
        event_id = self.user(line, gap, plain=reaction != "escalate")
        if reaction == "escalate":
            self.assistant(rng.choice(bank["assistant"]["handoff"]))
        elif reaction == "complain" and rng.random() < 0.5:
            self.assistant(rng.choice(bank["assistant"]["sorry"]))
        return [event_id], None

    def truth(self) -> dict[str, Any]:
        p = self.p

        def ids(kind: str, key: str) -> list[str]:
            return [event_id for event_id, _ in self.said.get((kind, key), [])]

        def stated(kind: str, s: Statement, **extra: Any) -> dict[str, Any]:
            return {"key": s.key, **extra, "statement": s.text, "event_ids": ids(kind, s.key)}

        before, after = p.change
        return {
            "person_id": p.person_id,
            "name": p.name,
            "archetype": p.archetype,
            "anonymous_ids": [p.anonymous_id, p.holdout_anonymous_id],
            "holdout_anonymous_id": p.holdout_anonymous_id,
            "sessions": self.sessions,
            "preferences": [stated("preference", s, polarity=s.polarity) for s in p.preferences],
            "preference_change": {
                "key": before.key,
                "before": before.value,
                "after": after.value,
                "before_statement": before.text,
                "after_statement": after.text,
                "changed_at": self.said[("change_after", after.key)][0][1],
                "before_event_ids": ids("change_before", before.key),
                "after_event_ids": ids("change_after", after.key),
            },
            "disclosures": [stated("disclosure", s, value=s.value) for s in p.disclosures],
            "concerns": [{"key": key, "event_ids": ids("concern", key)} for key in p.concerns],
            "style": p.style.as_truth(),
            "client": {
                "device": p.device,
                "alt_device": p.alt_device,
                "locale": p.locale,
                "logs_client": p.logs_client,
            },
            "failure_rate": p.failure_rate,
            "reaction_probs": dict(p.reaction_probs),
            "reaction_latency_s": {
                "distribution": "lognormal",
                "mean": p.latency_mean_s,
                "sigma": p.latency_sigma,
                "median": round(p.latency_mean_s * math.exp(-(p.latency_sigma**2) / 2), 3),
            },
            "failure_episodes": self.episodes,
        }


def simulate_person(seed: int, index: int, start: datetime, bank: Mapping[str, Any]) -> PersonLog:
    """Person ``index``'s events (sorted by time), truth and reported-speech distractors."""
    rng = _person_rng(seed, index)
    persona = sample_persona(rng, index, bank)
    player = _Player(persona, rng, bank)
    for plan in plan_sessions(rng, persona, start, bank):
        player.play(plan)
    return PersonLog(player.events, player.truth(), player.distractors)


def community_thread(
    seed: int, people: int, start: datetime, bank: Mapping[str, Any]
) -> Thread | None:
    """The multi-person thread: community regulars help one other person, no assistant."""
    archetypes = list(bank["archetypes"])
    step = len(archetypes)
    first_regular = archetypes.index("community_regular")
    regulars = list(range(first_regular, people, step))[:MAX_REGULARS_IN_THREAD]
    # The asker is the first newcomer if there is one; small logs borrow more people.
    candidates = [archetypes.index("newcomer"), *range(min(people, 16))]
    others: list[int] = []
    for i in candidates:
        if i < people and i not in regulars and i not in others:
            others.append(i)
        if len(others) >= max(1, 3 - len(regulars)):
            break
    if len(regulars) + len(others) < 3:
        return None
    rng = random.Random(f"{GENERATOR}:{seed}:community")
    personas = {i: sample_persona(_person_rng(seed, i), i, bank) for i in regulars + others}
    asker, helpers = personas[others[0]], [personas[i] for i in regulars + others[1:]]
    session_id = _hex_id(rng, "sess-", 48)
    clock = start + timedelta(days=COMMUNITY_DAY, seconds=round(rng.uniform(8.0, 10.0) * 3600))
    lines = bank["community"]
    topic = rng.choice(lines["topics"])
    answers = rng.sample(topic["help"], len(topic["help"]))
    script = [(asker, topic["ask"])]
    script += [
        (h, answers[i % len(answers)].format(name=asker.name)) for i, h in enumerate(helpers)
    ]
    script.append((asker, rng.choice(lines["thanks"]).format(name=helpers[0].name)))
    for _ in range(rng.randint(2, 4)):
        speaker, listener = rng.sample(helpers, 2) if len(helpers) > 1 else (helpers[0], asker)
        script.append((speaker, rng.choice(lines["banter"]).format(name=listener.name)))
    events, started = [], clock
    for speaker, core in script:
        clock += timedelta(milliseconds=round(rng.uniform(30.0, 300.0) * 1000))
        event: dict[str, Any] = {
            "event_id": _hex_id(rng, "evt-"),
            "ts": format_ts(clock),
            "session_id": session_id,
            "user_id": speaker.person_id,
            "type": "message",
            "role": "user",
            "text": voice(rng, speaker.style, core, bank["texture"]),
        }
        if speaker.logs_client:
            event["attrs"] = {"device": speaker.device, "locale": speaker.locale}
        events.append(event)
    return Thread(session_id, started, tuple(regulars + others), events)
