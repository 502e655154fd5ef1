"""The command line: ``persona6 VERB [ARGS] [--db PATH] [--tenant T] [--json]``.

Thin by design: each command parses its options, calls the ``Persona6`` facade and prints.
Data goes to stdout (a table, or JSON with ``--json``); progress and warnings go to stderr.
A ``Persona6Error`` becomes one line on stderr and its documented exit code (docs/cli.md).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from persona6 import __version__
from persona6.engine import Persona6
from persona6.errors import InvalidEvent, Persona6Error

F = TypeVar("F", bound=Callable[..., Any])

# Piped output is not cut to 80 columns: whoever reads it wants whole ids and times.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, soft_wrap=True)


def store_options(func: F) -> F:
    """--db and --tenant on every command that touches the store."""
    func = click.option(
        "--tenant",
        default=None,
        help="Tenant to act on. Default: $PERSONA6_TENANT or 'default'.",
    )(func)
    func = click.option(
        "--db",
        default=None,
        help="Database: a SQLite file path. Default: $PERSONA6_DB or ./persona6.db.",
    )(func)
    return func


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")(func)


def open_engine(db: str | None, tenant: str | None) -> Persona6:
    return Persona6(db=db, tenant=tenant)


def print_json(value: Any) -> None:
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    elif isinstance(value, list):
        value = [v.model_dump(mode="json") if isinstance(v, BaseModel) else v for v in value]
    click.echo(json.dumps(value, indent=2, ensure_ascii=False))


def print_table(title: str | None, columns: Iterable[str], rows: Iterable[Iterable[Any]]) -> None:
    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    out.print(table)


class Persona6Group(click.Group):
    """Turns Persona6Error into a one-line message and its exit code, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Persona6Error as exc:
            click.echo(f"persona6: error: {exc}", err=True)
            stored = getattr(exc, "stored_before", None)
            if isinstance(exc, InvalidEvent) and stored is not None:
                click.echo(
                    f"persona6: nothing from the failing batch was stored; {stored} events from "
                    "earlier batches were. Fix the record and run the same command again "
                    "(ingest is idempotent), or pass --on-error skip to store the good records "
                    "and write the bad ones to a report.",
                    err=True,
                )
            ctx.exit(exc.exit_code)


@click.group(cls=Persona6Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="persona6")
def main() -> None:
    """Persona6: evidence-backed persona graphs of the people in your product's logs.

    \b
    Example:
      persona6 demo && persona6 stats
    """


@main.command()
@store_options
def init(db: str | None, tenant: str | None) -> None:
    """Create the database (or bring its schema up to date).

    \b
    Example:
      persona6 init --db data/persona6.db
    """
    with open_engine(db, tenant) as p6:
        version = p6.store.schema_version()
        err.print(f"[green]ready[/]: {p6.db} (schema version {version})")


def parse_column_map(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> dict[str, str]:
    if not value:
        return {}
    mapping: dict[str, str] = {}
    for pair in value.split(","):
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise click.BadParameter(
                f"{pair!r} is not FIELD=COLUMN. Example: --map ts=timestamp,session_id=conversation"
            )
        mapping[field.strip()] = column.strip()
    return mapping


@main.command()
@click.argument("path")
@click.option(
    "--format",
    "fmt",
    default=None,
    help="native, openai, segment or csv. Default: detected from the name and first record.",
)
@click.option(
    "--on-error",
    type=click.Choice(["fail", "skip"]),
    default="fail",
    show_default=True,
    help="fail: stop at the first bad record, storing nothing of its batch. "
    "skip: store the good records, write the bad ones to --report.",
)
@click.option(
    "--report",
    "report_path",
    default=None,
    help="Where --on-error skip writes rejected records. Default: PATH.rejected.jsonl.",
)
@click.option(
    "--map",
    "column_map",
    callback=parse_column_map,
    default=None,
    help="CSV column mapping FIELD=COLUMN,... e.g. ts=timestamp,session_id=conv.",
)
@store_options
@json_option
def ingest(
    path: str,
    fmt: str | None,
    on_error: str,
    report_path: str | None,
    column_map: dict[str, str],
    db: str | None,
    tenant: str | None,
    as_json: bool,
) -> None:
    """Store the events of PATH (- for standard input). Re-ingesting changes nothing.

    \b
    Example:
      persona6 ingest chats.jsonl --format openai --on-error skip
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    with (
        open_engine(db, tenant) as p6,
        Progress(
            TextColumn("ingesting"),
            BarColumn(),
            TextColumn("{task.fields[records]:,} records"),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        ) as bar,
    ):
        task = bar.add_task("ingest", total=None, records=0)

        def progress(records: int, done: int | None, total: int | None) -> None:
            bar.update(task, completed=done or 0, total=total, records=records)

        report = p6.ingest(
            path,
            format=fmt,
            on_error=on_error,  # type: ignore[arg-type]
            report_path=report_path,
            column_map=column_map,
            progress=progress,
        )
    if as_json:
        print_json(report)
        return
    print_table(
        None,
        ["source", "format", "tenant", "read", "stored", "duplicates", "rejected"],
        [
            [
                report.source,
                report.format,
                report.tenant,
                report.read,
                report.stored,
                report.duplicates,
                report.rejected,
            ]
        ],
    )
    if report.rejected:
        err.print(
            f"[yellow]warning[/]: {report.rejected} records rejected; reasons in "
            f"{report.report_path}"
        )


@main.command()
@store_options
@json_option
def stats(db: str | None, tenant: str | None, as_json: bool) -> None:
    """What the store holds for the tenant.

    \b
    Example:
      persona6 stats --json
    """
    with open_engine(db, tenant) as p6:
        result = p6.stats()
    if as_json:
        print_json(result)
        return
    rows = [
        ["events", result.events],
        *[[f"  {kind}", count] for kind, count in result.by_type.items()],
        ["sessions", result.sessions],
        ["known persons (user_id)", result.persons],
        ["anonymous actors", result.anonymous_actors],
        ["identify links", result.identify_links],
        ["first event", result.first_ts],
        ["last event", result.last_ts],
        ["schema version", result.schema_version],
    ]
    print_table(f"tenant {result.tenant}", ["what", "count"], rows)


@main.command()
@click.option("--actor", default=None, help="Only sessions this user_id or anonymous_id acted in.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@store_options
@json_option
def sessions(
    actor: str | None, limit: int | None, db: str | None, tenant: str | None, as_json: bool
) -> None:
    """Sessions, most recent first, with who acted in them.

    \b
    Example:
      persona6 sessions --actor u-42 --limit 10
    """
    with open_engine(db, tenant) as p6:
        found = p6.sessions(actor=actor, limit=limit)
    if as_json:
        print_json(found)
        return
    print_table(
        None,
        ["session", "events", "msgs", "actions", "outcomes", "actors", "first", "last"],
        [
            [
                s.session_id,
                s.events,
                s.messages,
                s.actions,
                s.outcomes,
                ", ".join(s.actors),
                s.first_ts[:19],
                s.last_ts[:19],
            ]
            for s in found
        ],
    )


@main.command()
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@store_options
@json_option
def actors(limit: int | None, db: str | None, tenant: str | None, as_json: bool) -> None:
    """Everyone who acted: known persons, then anonymous actors (and whom identify links them to).

    \b
    Example:
      persona6 actors --json
    """
    with open_engine(db, tenant) as p6:
        found = p6.actors(limit=limit)
    if as_json:
        print_json(found)
        return
    print_table(
        None,
        ["actor", "kind", "linked to", "sessions", "msgs", "actions", "outcomes", "first", "last"],
        [
            [
                a.actor,
                "person" if a.known else "anonymous",
                a.linked_to,
                a.sessions,
                a.messages,
                a.actions,
                a.outcomes,
                a.first_ts[:10],
                a.last_ts[:10],
            ]
            for a in found
        ],
    )


@main.command()
@click.option("--user", "user_id", default=None, help="Only events of this user_id.")
@click.option("--anonymous", "anonymous_id", default=None, help="Only events of this anonymous_id.")
@click.option("--actor", default=None, help="Only events whose user_id or anonymous_id is this.")
@click.option("--session", "session_id", default=None, help="Only events of this session.")
@click.option("--type", "event_type", default=None, help="message, action, outcome or identify.")
@click.option("--since", default=None, help="From this ISO-8601 time (inclusive).")
@click.option("--until", default=None, help="Up to this ISO-8601 time (exclusive).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@store_options
@json_option
def events(
    user_id: str | None,
    anonymous_id: str | None,
    actor: str | None,
    session_id: str | None,
    event_type: str | None,
    since: str | None,
    until: str | None,
    limit: int | None,
    db: str | None,
    tenant: str | None,
    as_json: bool,
) -> None:
    """Stored events in time order. With --json, one JSON object per line (JSONL).

    \b
    Example:
      persona6 events --session s-1 --since 2026-01-01T00:00:00Z
    """
    with open_engine(db, tenant) as p6:
        found = p6.events(
            user_id=user_id,
            anonymous_id=anonymous_id,
            actor=actor,
            session_id=session_id,
            type=event_type,
            since=since,
            until=until,
            limit=limit,
        )
        if as_json:
            for event in found:
                click.echo(event.model_dump_json(exclude_none=True))
            return
        print_table(
            None,
            ["ts", "session", "actor", "type", "role/name", "text"],
            [
                [
                    e.ts[:19],
                    e.session_id,
                    e.actor,
                    e.type.value,
                    e.role.value if e.role else e.name,
                    _clip(e.text),
                ]
                for e in found
            ],
        )


@main.command()
@click.option("--output", "-o", default=None, help="Write to this file instead of stdout.")
def schema(output: str | None) -> None:
    """The JSON Schema of the native event envelope (docs/events.md explains it).

    \b
    Example:
      persona6 schema -o event.schema.json
    """
    from persona6.types import Event

    text = json.dumps(Event.model_json_schema(), indent=2)
    if output:
        Path(output).write_text(text + "\n", encoding="utf-8")
    else:
        click.echo(text)


@main.command()
@click.option(
    "--out", "out_dir", default="persona6-demo", show_default=True, help="Folder for the log."
)
@click.option("--seed", default=7, show_default=True, help="Random seed of the generator.")
@click.option("--people", type=click.IntRange(min=4), default=12, show_default=True)
@store_options
@json_option
def demo(
    out_dir: str, seed: int, people: int, db: str | None, tenant: str | None, as_json: bool
) -> None:
    """Generate a realistic multi-session product log, ingest it, build and show the personas.

    The log (events.jsonl) and its ground truth (truth.json) are written to --out; each
    person's latent archetype from the ground truth is shown beside what Persona6 found.

    \b
    Example:
      persona6 demo --db demo.db --seed 7
    """
    from persona6 import synth

    log = synth.generate(seed=seed, people=people)
    events_path, truth_path = synth.write(log, Path(out_dir))
    with open_engine(db, tenant) as p6:
        report = p6.ingest(events_path)
        built = p6.build()
        holds = p6.stats()
        views = [p6.person(p["person_id"]) for p in log.truth["people"]]
        unlinked = [a.actor for a in p6.actors() if not a.known and a.linked_to is None]
    if as_json:
        print_json(
            {
                "log": str(events_path),
                "truth": str(truth_path),
                "ingest": report.model_dump(mode="json"),
                "build": built.model_dump(mode="json"),
                "stats": holds.model_dump(mode="json"),
                "persons": [v.model_dump(mode="json") for v in views],
            }
        )
        return
    err.print(f"wrote {events_path} ({len(log.events)} events) and {truth_path}")
    out.print(
        f"Ingested [bold]{report.read}[/] events ({report.stored} new) into [bold]{p6.db}[/]: "
        f"{holds.sessions} sessions, {holds.persons} people, {holds.identify_links} identify "
        f"links. Built {built.traits} traits from {built.signals} signals "
        f"in {built.seconds:.1f}s."
    )
    latent = {p["person_id"]: p["archetype"] for p in log.truth["people"]}
    for view in views:
        who = view.person
        out.print(
            f"\n[bold]{who.person_id}[/] [dim](latent: {latent[who.person_id]}; "
            f"{who.sessions} sessions, {who.events} events)[/]"
        )
        for line in persona_digest(view):
            out.print(f"  {line}")
    out.print(
        f"\n{len(unlinked)} anonymous actors are not linked to anyone yet (each person's last "
        "session, held out for identity linking)."
    )
    db_hint = f" --db {p6.db}" if db else ""
    out.print(
        f"Next: persona6 show PERSON{db_hint} (every trait with its quotes), "
        f"persona6 why PERSON TRAIT_ID{db_hint}."
    )


#: Trait kinds in the order a digest shows them, with how many of each.
_DIGEST = (
    ("preference", 2),
    ("concern", 1),
    ("style", 2),
    ("failure", 1),
    ("disclosure", 1),
    ("decision", 1),
    ("task", 1),
)


def persona_digest(view: Any, quote_width: int = 60) -> list[str]:
    """A few strongest traits of a person, one line each, with one quote; changes of mind."""
    lines: list[str] = []
    active = [t for t in view.traits if t.valid_to is None]
    for kind, count in _DIGEST:
        chosen = sorted(
            (t for t in active if t.kind.value == kind),
            key=lambda t: (-t.sessions, -t.confidence, t.key),
        )[:count]
        for t in chosen:
            quote = f" “{_clip(t.evidence[-1].quote, quote_width)}”" if t.evidence else ""
            lines.append(
                f"{kind:<10} {t.statement} [dim]({t.confidence:.2f}, {t.sessions} sessions)"
                f"{quote}[/]"
            )
    by_id = {t.id: t for t in view.traits}
    for t in view.traits:
        if t.supersedes and t.supersedes in by_id:
            old = by_id[t.supersedes]
            lines.append(
                f"{'changed':<10} {old.statement} -> {t.statement} [dim](on {t.valid_from[:10]})[/]"
            )
    return lines


def _clip(text: str | None, width: int = 80) -> str:
    if not text:
        return ""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def run() -> None:
    """Entry point for ``python -m persona6``."""
    main(prog_name="persona6")


# -- the persona graph ----------------------------------------------------------------------


def warn_if_stale(p6: Persona6) -> None:
    pending = p6.pending_events()
    if pending:
        err.print(
            f"[yellow]warning[/]: {pending} ingested events are not in the graph yet; "
            "run persona6 build"
        )


@main.command()
@click.option("--full", is_flag=True, help="Rebuild everything from the events.")
@store_options
@json_option
def build(full: bool, db: str | None, tenant: str | None, as_json: bool) -> None:
    """Extract signals from new sessions and consolidate them into traits (idempotent).

    Only sessions with new events, and the persons they touch, are recomputed; --full
    recomputes everything and gives the same graph.

    \b
    Example:
      persona6 ingest events.jsonl && persona6 build
    """
    with open_engine(db, tenant) as p6:
        report = p6.build(full=full)
    if as_json:
        print_json(report)
        return
    err.print(
        f"built: {report.sessions} sessions ({report.events} events) -> {report.signals} "
        f"signals; {report.persons} persons now hold {report.traits} traits "
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
        warn_if_stale(p6)
        found = p6.persons()
    if as_json:
        print_json(found)
        return
    print_table(
        None,
        ["person", "aliases", "sessions", "events", "traits", "first seen", "last seen"],
        [
            [
                p.person_id,
                ", ".join(p.aliases),
                p.sessions,
                p.events,
                p.traits,
                (p.first_seen or "")[:10],
                (p.last_seen or "")[:10],
            ]
            for p in found
        ],
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
        view = p6.person(person)
    if as_json:
        print_json(view)
        return
    who = view.person
    out.print(
        f"[bold]{who.person_id}[/]"
        + (f" (also {', '.join(who.aliases)})" if who.aliases else "")
        + f": {who.sessions} sessions, {who.events} events, "
        f"{(who.first_seen or '')[:10]} to {(who.last_seen or '')[:10]}"
    )
    kinds: dict[str, list[Any]] = {}
    for trait in view.traits:
        if show_all or trait.status.value != "superseded" or trait.valid_to is None:
            kinds.setdefault(trait.kind.value, []).append(trait)
    for kind, traits in kinds.items():
        out.print(f"\n[bold underline]{kind}[/]")
        for t in traits:
            validity = f" until {t.valid_to[:10]}" if t.valid_to else ""
            flag = "" if t.status.value == "active" else f" [{t.status.value}]"
            out.print(
                f"  {t.statement}{flag}  [dim]conf {t.confidence:.2f} · {t.sessions}/"
                f"{who.sessions} sessions · {t.span_days:.0f} days · since "
                f"{t.valid_from[:10]}{validity} · {t.id}[/]"
            )
            for item in t.evidence[-quotes:] if quotes else []:
                out.print(f"    [green]“{_clip(item.quote, 90)}”[/] [dim]{item.event_id}[/]")
            for item in t.counter_evidence[-1:] if quotes else []:
                out.print(f"    [red]against: “{_clip(item.quote, 80)}”[/] [dim]{item.event_id}[/]")


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
        explanation = p6.why(person, trait_id)
    if as_json:
        print_json(explanation)
        return
    t = explanation.trait
    out.print(
        f"[bold]{t.statement}[/] ({t.kind.value}, confidence {t.confidence:.2f}, "
        f"{t.sessions} sessions, {t.counter_sessions} against)"
    )
    print_table(
        None,
        ["stance", "time", "session", "event", "quote"],
        [
            [link.stance, link.ts[:19], link.session_id, link.event_id, _clip(link.quote, 70)]
            for link in explanation.chain
        ],
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
        text = p6.export(person, fmt)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text)


@main.command()
@click.option("--event", default=None, help="Delete this event.")
@click.option("--session", default=None, help="Delete every event of this session.")
@click.option("--person", default=None, help="Delete this person's events (and aliases').")
@store_options
@json_option
def forget(
    event: str | None,
    session: str | None,
    person: str | None,
    db: str | None,
    tenant: str | None,
    as_json: bool,
) -> None:
    """Delete events and recompute every trait that rested on them; unsupported traits vanish.

    \b
    Example:
      persona6 forget --session s-193
    """
    with open_engine(db, tenant) as p6:
        report = p6.forget(event=event, session=session, person=person)
    if as_json:
        print_json(report)
        return
    err.print(
        f"forgot {report.events} events; recomputed {report.sessions} sessions and "
        f"{report.persons} persons"
    )
