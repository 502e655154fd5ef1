"""Commands over the persona graph: build, persons, show, why, export, forget."""

from __future__ import annotations

from collections import Counter
from typing import Any

import click

from persona6.cli import (
    LocalDates,
    acts_named,
    cited,
    count,
    echo,
    err,
    json_option,
    main,
    open_engine,
    out,
    print_json,
    print_table,
    safe,
    store_options,
    utc_time,
)
from persona6.engine import Persona6
from persona6.errors import InvalidOption, NotFound
from persona6.graph.consolidate import chosen_sides
from persona6.graph.paths import sequence_paths
from persona6.identity.forgetting import for_surface
from persona6.outputs import check_output, write_output
from persona6.store.base import EventQuery
from persona6.types import PersonView


def warn_if_stale(p6: Persona6) -> None:
    pending = p6.pending_events()
    if pending:
        err.print(
            f"[yellow]warning[/]: {count(pending, 'ingested event')} "
            f"{'is' if pending == 1 else 'are'} not in the graph yet; "
            "run persona6 build"
        )


def tenants_knowing(p6: Persona6, person: str) -> list[str]:
    """The other tenants of the database whose traits or events name ``person``. The Store
    interface lists no tenants, so the shared SQL layer of every store is asked directly; an
    error path only, so the scan over every tenant's rows costs nothing that matters."""
    execute = getattr(p6.store, "_execute", None)
    if execute is None:
        return []
    rows = execute(
        "SELECT tenant FROM traits WHERE person_id = ? "
        "UNION SELECT tenant FROM events WHERE user_id = ? OR actor = ?",
        [person, person, person],
    ).fetchall()
    return sorted({str(row[0]) for row in rows} - {p6.tenant})


def person_elsewhere(
    p6: Persona6, person: str, given: str | None, command: str, *args: str
) -> NotFound | None:
    """The error of a person not known in the tenant acted on but known in others: which
    tenants know them, and ``command`` (``show``, ``context``, ...) run there, with ``args``
    after the person (``why``'s trait id)."""
    found = tenants_knowing(p6, person)
    if not found:
        return None
    named = ", ".join(repr(t) for t in found)
    return NotFound(
        "person {person!r} is not known in tenant {tenant!r}{source}; {known} {named}: "
        "persona6 {command} {person}{args} --tenant {first}",
        person=person,
        tenant=p6.tenant,
        source="" if given is not None else " (no --tenant given: $PERSONA6_TENANT or 'default')",
        known="tenant" if len(found) == 1 else "tenants",
        named=f"{named} {'knows' if len(found) == 1 else 'know'} them",
        command=command,
        args="".join(f" {a}" for a in args),
        first=found[0],
    )


def no_persons_yet(p6: Persona6) -> str:
    """Why ``persons`` lists nobody, and the command that changes that."""
    where = f"in tenant {p6.tenant!r} of {p6.location}"
    events = p6.stats().events
    if not events:
        return (
            f"no persons yet {where}: no events are stored. Ingest some, then build the graph: "
            "persona6 ingest EVENTS.jsonl && persona6 build (or try persona6 demo)"
        )
    pending = p6.pending_events()
    if pending:
        return (
            f"no persons yet {where}: {count(pending, 'event')} "
            f"{'is' if pending == 1 else 'are'} stored but not built into the graph. "
            "Run: persona6 build"
        )
    return (
        f"no persons yet {where}: the {count(events, 'stored event')} gave no traits (traits "
        "come from what people say and do: user messages, actions, outcomes). Ingest more, "
        "then run persona6 build"
    )


@main.command()
@click.option("--full", is_flag=True, help="Rebuild everything from the events.")
@store_options
@json_option
def build(full: bool, db: str | None, tenant: str | None, as_json: bool) -> None:
    """Extract signals from new sessions and consolidate them into traits (idempotent).

    Only sessions with new events, and the persons they touch, are recomputed; --full
    recomputes everything and gives the same graph. After an upgrade whose extractors changed
    version, every session is re-read by itself (and said so).

    \b
    Example:
      persona6 ingest events.jsonl && persona6 build
    """
    with open_engine(db, tenant) as p6:
        report = p6.build(full=full)
    if as_json:
        print_json(report)
        return
    note = report.changed_note()
    if note is not None:
        err.print(note, markup=False, highlight=False)
    err.print(
        f"built: {count(report.sessions, 'session')} ({count(report.events, 'event')}) -> "
        f"{count(report.signals, 'signal')}; {count(report.persons, 'person')} now "
        f"{'holds' if report.persons == 1 else 'hold'} "
        f"{count(report.traits, 'trait')} "
        f"({report.seconds:.2f}s)"
    )


@main.command()
@store_options
@json_option
def persons(db: str | None, tenant: str | None, as_json: bool) -> None:
    """Everyone the graph holds traits about, with their linked anonymous actors.

    \b
    Example:
      persona6 persons --json
    """
    with open_engine(db, tenant) as p6:
        found = p6.persons()
        if not found and not as_json:
            err.print(no_persons_yet(p6), markup=False, highlight=False)
            return
        warn_if_stale(p6)
        if as_json:
            print_json(found)
            return
        rows = []
        for p in found:
            date = LocalDates(p6, [p.person_id, *p.aliases])
            rows.append(
                [
                    p.person_id,
                    ", ".join(p.aliases),
                    p.sessions,
                    p.events,
                    p.traits,
                    date(p.first_seen),
                    date(p.last_seen),
                ]
            )
    print_table(
        None,
        ["person", "aliases", "sessions", "events", "traits", "first seen", "last seen"],
        rows,
    )


@main.command()
@click.argument("person")
@click.option("--all", "show_all", is_flag=True, help="Also superseded traits.")
@click.option(
    "--quotes",
    type=click.IntRange(min=0),
    default=2,
    show_default=True,
    help="Evidence quotes shown per trait.",
)
@store_options
@json_option
def show(
    person: str, show_all: bool, quotes: int, db: str | None, tenant: str | None, as_json: bool
) -> None:
    """A person's traits grouped by kind, with confidence, stability and evidence quotes.

    \b
    Example:
      persona6 show u-42 --quotes 3
    """
    with open_engine(db, tenant) as p6:
        warn_if_stale(p6)
        try:
            view = p6.person(person)
        except NotFound as error:
            if error.values.get("person") != person:
                raise
            raise person_elsewhere(p6, person, tenant, "show") or error from None
        if as_json:
            print_json(view)
            return
        shown = [
            item.event_id
            for t in view.traits
            for item in (*t.evidence[-quotes:], *t.counter_evidence[-1:])
        ]
        print_person(
            view,
            LocalDates(p6, [view.person.person_id, *view.person.aliases]),
            show_all,
            quotes,
            acts_named(p6, shown) if quotes else {},
        )
        if not view.traits:
            _linked_elsewhere(p6, person)


def _linked_elsewhere(p6: Persona6, actor: str) -> None:
    """An anonymous actor an active link resolves has no traits of its own: its events are
    its person's, so say whose and the command that shows them (``show`` printed a header
    alone)."""
    try:
        found = [k for k in p6.links(actor) if k.revoked_at is None]
    except NotFound:
        return
    if found:
        k = found[0]
        out.print(
            f"no traits of its own: linked to {safe(k.person_id)} (link {safe(k.link_id)}, "
            f"method {safe(k.method)}), whose traits rest on its events: persona6 show "
            f"{safe(k.person_id)}"
        )


def print_person(
    view: PersonView,
    date: LocalDates,
    show_all: bool,
    quotes: int,
    acts: dict[str, str] | None = None,
) -> None:
    """``show``'s view: the person, then their traits by kind, dated on the person's clock;
    ``acts`` names the actions and outcomes among the quoted events (``acts_named``)."""
    acts = acts or {}
    who = view.person
    out.print(
        f"[bold]{safe(who.person_id)}[/]"
        + (f" (also {safe(', '.join(who.aliases))})" if who.aliases else "")
        + f": {count(who.sessions, 'session')}, {count(who.events, 'event')}, "
        f"{date(who.first_seen)} to {date(who.last_seen)}"
    )
    kinds: dict[str, list[Any]] = {}
    hidden: dict[str, Any] = {}  # superseded traits left out without --all, by id
    for trait in view.traits:
        if show_all or trait.status.value != "superseded" or trait.valid_to is None:
            kinds.setdefault(trait.kind.value, []).append(trait)
        else:
            hidden[trait.id] = trait
    # The two traits of "X over Y" (one for each side, preference v25: "against Y (prefers X
    # instead)") rest on the same spans: one line, the chosen side's, with both ids (--json
    # keeps them apart).
    other_sides = chosen_sides(view.traits)
    for kind, traits in kinds.items():
        out.print(f"\n[bold underline]{kind}[/]")
        alike: dict[tuple[Any, ...], list[Any]] = {}
        place: dict[str, tuple[Any, ...]] = {}
        for t in traits:
            same = (t.statement, t.status, t.confidence, t.sessions, t.valid_from, t.valid_to)
            place[t.id] = (*same, tuple(e.event_id for e in t.evidence))
        for t in sorted(traits, key=lambda t: t.id in other_sides):
            chosen = other_sides.get(t.id)
            where = place[chosen.id] if chosen is not None and chosen.id in place else place[t.id]
            alike.setdefault(where, []).append(t)
        for group in alike.values():
            t = group[0]
            validity = f" until {date(t.valid_to)}" if t.valid_to else ""
            flag = "" if t.status.value == "active" else safe(f" [{t.status.value}]")
            out.print(
                f"  {safe(t.statement)}{flag}  [dim]conf {t.confidence:.2f} · {t.sessions}/"
                f"{who.sessions} sessions · {count(round(t.span_days), 'day')} · since "
                f"{date(t.valid_from)}{validity} · {safe(', '.join(g.id for g in group))}[/]"
            )
            for item in t.evidence[-quotes:] if quotes else []:
                act, quote = cited(item.quote, item.event_id, acts, 90)
                out.print(f"    {safe(act)}[green]“{safe(quote)}”[/] [dim]{safe(item.event_id)}[/]")
            for item in t.counter_evidence[-1:] if quotes else []:
                act, quote = cited(item.quote, item.event_id, acts, 80)
                out.print(
                    f"    [red]against: {safe(act)}“{safe(quote)}”[/] [dim]{safe(item.event_id)}[/]"
                )
            # a change of mind: what it replaced, though that is hidden (the other side of a
            # contrast may be the one that replaced it)
            old = next((hidden[g.supersedes] for g in group if g.supersedes in hidden), None)
            if old is not None and other_sides.get(old.id, old).id in hidden:
                # the old pair by its chosen side, as --all lists it ("prefers metric over
                # cups", not "against cups (prefers metric instead)")
                old = other_sides.get(old.id, old)
            if old is not None:
                out.print(
                    f"    [yellow]changed from: {safe(old.statement)}[/] [dim](until "
                    f"{date(old.valid_to)} · {safe(old.id)})[/]"
                )
    if hidden:
        out.print(
            f"\n[dim]{count(len(hidden), 'superseded trait')} not shown (true once, replaced "
            "later); show them with --all[/]"
        )
    if any(t.statement.startswith(WITH_OTHERS) for ts in kinds.values() for t in ts):
        out.print(f"[dim]{safe(WITH_OTHERS)}: {WITH_OTHERS_MEANS}[/]")


#: What the preference and disclosure extractors put before a claim said with "we", and what
#: it means: the legend ``show`` and ``why`` print where a statement holds it.
WITH_OTHERS = "(with others)"
WITH_OTHERS_MEANS = (
    "said with 'we' or 'our': a fact of a household, team or group the person belongs to, "
    "weighed less than their own"
)


@main.command()
@click.argument("person")
@click.argument("trait_id")
@store_options
@json_option
def why(person: str, trait_id: str, db: str | None, tenant: str | None, as_json: bool) -> None:
    """The evidence chain of one trait: session, time and quote of every cited event.

    \b
    Example:
      persona6 why u-42 tr_3f9a0c1d2e4b5a69
    """
    with open_engine(db, tenant) as p6:
        try:
            explanation = p6.why(person, trait_id)
        except NotFound as error:
            # Not their trait because they are not known here at all (the engine's "person
            # ... is not known", no trait named): say where they are.
            if "trait" in error.values:
                # a trait id copied from another person's show: say whose it is
                stored = p6.store.trait(p6.tenant, trait_id)
                if stored is None or stored.person_id == person:
                    raise
                raise NotFound(
                    "trait {trait!r} belongs to {owner!r}, not to {person!r}. See it with: "
                    "persona6 why {owner} {trait}{named} (the traits of {person!r}: persona6 "
                    "show {person}{named})",
                    trait=trait_id,
                    owner=stored.person_id,
                    person=person,
                    named="" if tenant is None else f" --tenant {p6.tenant}",
                ) from None
            raise person_elsewhere(p6, person, tenant, "why", trait_id) or error from None
        t = explanation.trait
        # A change of mind, either way: what this trait replaced, and what replaced it.
        replaced = p6.store.trait(p6.tenant, t.supersedes) if t.supersedes else None
        # The traits ``show`` lists, without the person's texture, which supersedes nothing
        # and is read from every message they wrote.
        shown = sequence_paths(p6.store.traits_of(p6.tenant, person))
        successors = [s for s in shown if s.supersedes == t.id]
        # what each act quoted was (one read): its quote alone is only its argument
        acts = {} if as_json else acts_named(p6, [link.event_id for link in explanation.chain])
    if as_json:
        print_json(explanation)
        return
    out.print(
        f"[bold]{safe(t.statement)}[/] ({t.kind.value}, confidence {t.confidence:.2f}, "
        f"{count(t.sessions, 'session')}, {t.counter_sessions} against)"
    )
    if t.statement.startswith(WITH_OTHERS):
        out.print(f"[dim]{safe(WITH_OTHERS)}: {WITH_OTHERS_MEANS}[/]")
    print_table(
        None,
        ["stance", "time", "session", "event", "quote"],
        [
            [
                link.stance,
                utc_time(link.ts),
                link.session_id,
                link.event_id,
                "".join(cited(link.quote, link.event_id, acts, 70)),
            ]
            for link in explanation.chain
        ],
    )
    if replaced is not None:
        out.print(
            f"replaces: {safe(replaced.statement)} (until {utc_time(replaced.valid_to or '')}; "
            f"persona6 why {safe(person)} {safe(replaced.id)})"
        )
    for later in successors:
        out.print(
            f"replaced by: {safe(later.statement)} (since {utc_time(later.valid_from)}; "
            f"persona6 why {safe(person)} {safe(later.id)})"
        )


@main.command()
@click.argument("person")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "graphml"]), default="json", show_default=True
)
@click.option("--output", "-o", default=None, help="Write to this file instead of stdout.")
@store_options
def export(person: str, fmt: str, output: str | None, db: str | None, tenant: str | None) -> None:
    """Everything the graph holds about a person, as JSON or GraphML.

    \b
    Example:
      persona6 export u-42 --format graphml -o u-42.graphml
    """
    with open_engine(db, tenant) as p6:
        if output:
            check_output("{--output}", output, db=p6.db)
        text = p6.export(person, fmt)
    if output:
        write_output("{--output}", output, text, db=p6.db)
    else:
        echo(text + "\n")


@main.command()
@click.option("--event", default=None, help="Delete this event.")
@click.option("--session", default=None, help="Delete every event of this session.")
@click.option("--person", default=None, help="Delete this person's events (and aliases').")
@click.option(
    "--include-linked",
    is_flag=True,
    help="With --person: also forget the anonymous actors `link` attributes to them (kept "
    "otherwise, as they are not theirs unless merged).",
)
@store_options
@json_option
def forget(
    event: str | None,
    session: str | None,
    person: str | None,
    include_linked: bool,
    db: str | None,
    tenant: str | None,
    as_json: bool,
) -> None:
    """Delete events and recompute every trait that rested on them; unsupported traits vanish.

    A person's linked anonymous actors are listed after the count, each with what became of it.

    \b
    Example:
      persona6 forget --session s-193
      persona6 forget --person u-42 --include-linked
    """
    given = {"event": event, "session": session, "person": person}
    if sum(value is not None for value in given.values()) != 1:
        raise InvalidOption(
            "give exactly one of {--event}, {--session} or {--person}, e.g. persona6 forget "
            "{--session} s-193 (what is stored: persona6 sessions, persona6 actors)"
        )
    for name, value in given.items():
        if value is not None and not value.strip():
            raise InvalidOption(
                "{option} is empty: give the id of the {name} to forget ({listing})",
                option=f"--{name}",
                name=name,
                listing={
                    "event": "persona6 events",
                    "session": "persona6 sessions",
                    "person": "persona6 actors",
                }[name],
            )
    with open_engine(db, tenant) as p6:
        # Read before they go: a person's events are more than ``persons`` counts for them.
        theirs = whose(p6, person) if person is not None and not as_json else None
        try:
            report = p6.forget(
                event=event, session=session, person=person, include_linked=include_linked
            )
        except NotFound:
            raise nothing_to_forget(event, session, person, p6.tenant, tenant) from None
    # Each linked actor's note names the next step as a command (the library's default too).
    report = report.model_copy(update={"linked": for_surface(report.linked, "cli")})
    if as_json:
        print_json(report)
        return
    forgot = count(report.events, "event")
    if theirs is not None:
        attributed = sum(1 for a in report.linked if a.link == "attributed" and a.forgotten)
        forgot += f": {parts_forgotten(report.events, *theirs, attributed=attributed)}"
    err.print(
        f"forgot {forgot}; recomputed "
        f"{count(report.sessions, 'session')} and {count(report.persons, 'person')}"
    )
    for linked in report.linked:  # what became of each anonymous actor linked to the person
        err.print(f"  {safe(linked.actor)}: {safe(linked.note)}")


#: What the events of a session that ``forget --person`` deletes whole, other than the
#: person's own, are: by role (only messages have one), or by type.
_WITH_THEM = {
    "assistant": ("assistant reply", "assistant replies"),
    "system": ("system message", "system messages"),
    "tool": ("tool message", "tool messages"),
    "identify": ("identify event", "identify events"),
}


def whose(p6: Persona6, person: str) -> tuple[int, Counter[str]]:
    """Before ``forget --person``: the person's own events as ``persons`` counts them
    (messages, actions and outcomes of them and of the actors linked to them), and what the
    others it deletes with them are: a session in which nobody else acted goes whole,
    assistant replies included (persona6/graph/forget.py). One aggregate read for their own
    and one read of each such session; their events in sessions with others are not read."""
    tenant = p6.tenant
    members = {person} | {a for a, u in p6.store.identity_map(tenant).items() if u == person}
    own = sum(
        a.messages + a.actions + a.outcomes for a in p6.store.actors(tenant, names=sorted(members))
    )
    sessions = {s.session_id: s for m in sorted(members) for s in p6.store.sessions(tenant, m)}
    rest: Counter[str] = Counter()
    for summary in sessions.values():
        if not set(summary.actors) <= members:
            continue
        for event in p6.store.iter_events(EventQuery(tenant=tenant, session_id=summary.session_id)):
            if event.type.value == "identify":
                rest["identify"] += 1
            elif event.actor not in members:
                rest[event.role.value if event.role is not None else event.type.value] += 1
    return own, rest


def parts_forgotten(events: int, own: int, rest: Counter[str], attributed: int = 0) -> str:
    """What ``forget --person`` deleted, in the words of ``persons`` (whose count is their own
    events only): "34 of theirs, and 5 assistant replies in the sessions only they took part
    in". With ``--include-linked``, the ``attributed`` actors ``link`` attributes to them went
    too, unread before (finding them is ``link``'s work): what is beyond theirs is counted as
    those actors' events and their sessions' replies."""
    listed = own + sum(rest.values())
    if listed == events or (attributed and listed < events):
        named = [
            f"{n} {_WITH_THEM.get(kind, (f'{kind} event', f'{kind} events'))[n != 1]}"
            for kind, n in sorted(rest.items(), key=lambda item: (-item[1], item[0]))
        ]
        said = f"{own} of theirs"
        if named:
            said += f", and {' and '.join(named)} in the sessions only they took part in"
        if listed < events:
            said += (
                f", and {events - listed} more: those of the {count(attributed, 'actor')} "
                "`link` attributes to them (their events, and the assistant replies in the "
                "sessions no one else took part in)"
            )
        return said
    # not what forget deleted (a store changed meanwhile): the difference, unnamed
    return (
        f"{own} of theirs, and {events - own} more of their sessions' (assistant replies in "
        "the sessions only they took part in, their identify events)"
    )


#: What ``forget`` can be asked to delete: its option, and the command that lists them.
_FORGETTABLE = {
    "event": ("--event", "persona6 events --json"),
    "session": ("--session", "persona6 sessions"),
    "person": ("--person", "persona6 actors"),
}


def nothing_to_forget(
    event: str | None, session: str | None, person: str | None, acted_on: str, given: str | None
) -> NotFound:
    """The error of a ``forget`` that found nothing: it was forgotten already, or it is another
    tenant's (a second ``forget`` of the same event lands here, and so does one without the
    ``--tenant`` its events were ingested with)."""
    noun, value = next(
        (noun, value)
        for noun, value in (("event", event), ("session", session), ("person", person))
        if value is not None
    )
    option, listing = _FORGETTABLE[noun]
    return NotFound(
        "{noun} {value!r} has nothing stored in tenant {tenant!r}{source}: it was forgotten "
        "already, was never stored (check the id), or is another tenant's. For another "
        "tenant, name it: persona6 forget {option} {value} --tenant TENANT. What this tenant "
        "holds: {listing}",
        noun=noun,
        value=value,
        tenant=acted_on,
        source="" if given is not None else " (no --tenant given: $PERSONA6_TENANT or 'default')",
        option=option,
        listing=listing,
    )
