"""Commands over the event log: init, ingest, stats, sessions, actors, events, schema."""

from __future__ import annotations

import itertools
import json

import click
from rich.markup import escape

from persona6.cli import (
    LocalDates,
    clip,
    count,
    err,
    json_option,
    main,
    nothing_listed,
    open_engine,
    print_json,
    print_table,
    safe,
    store_options,
    utc_time,
)
from persona6.config import settings
from persona6.ingest.actors import HINT as SHARED_HINT
from persona6.outputs import write_output


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
        err.print(f"[green]ready[/]: {safe(p6.location)} (schema version {version})")


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
    if report.conflicts:
        err.print(
            f"[yellow]warning[/]: {count(report.conflicts, 'record')} had the event_id of a "
            f"stored event but other content, and {'was' if report.conflicts == 1 else 'were'} "
            f"not stored (the stored event is kept). First: {escape(report.first_conflict or '')}"
            ". Give distinct events distinct event_ids, or leave event_id out to derive it "
            "from the content"
        )
    if report.shared_ids:
        err.print(
            f"[yellow]warning[/]: {count(report.shared_ids, 'id')} used both as a user_id and "
            f"as an anonymous_id. First: {escape(report.first_shared_id or '')}. {SHARED_HINT}"
        )
    if report.rejected:
        err.print(
            f"[yellow]warning[/]: {count(report.rejected, 'record')} rejected; reasons in "
            f"{safe(report.report_path)}"
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
        ["first event", utc_time(result.first_ts)],
        ["last event", utc_time(result.last_ts)],
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
        if not found and not as_json:
            nothing_listed(
                p6, "sessions", {"--actor": actor}, "Who acted, and where: persona6 actors"
            )
            return
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
                utc_time(s.first_ts),
                utc_time(s.last_ts),
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
        if not found:
            nothing_listed(p6, "actors", {}, "What the store holds: persona6 stats")
            return
        rows = []
        for a in found:
            date = LocalDates(p6, [a.actor])  # each actor's dates on their own clock
            rows.append(
                [
                    a.actor,
                    "person" if a.known else "anonymous",
                    a.linked_to,
                    a.sessions,
                    a.messages,
                    a.actions,
                    a.outcomes,
                    date(a.first_ts),
                    date(a.last_ts),
                ]
            )
    print_table(
        None,
        ["actor", "kind", "linked to", "sessions", "msgs", "actions", "outcomes", "first", "last"],
        rows,
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
        first = next(found, None)
        if first is None:
            given = {
                "--user": user_id,
                "--anonymous": anonymous_id,
                "--actor": actor,
                "--session": session_id,
                "--type": event_type,
                "--since": since,
                "--until": until,
            }
            hint = "Who acted: persona6 actors; which sessions: persona6 sessions"
            nothing_listed(p6, "events", given, hint)
            return
        found = itertools.chain([first], found)
        print_table(
            None,
            ["ts", "session", "actor", "type", "role/name", "text"],
            [
                [
                    utc_time(e.ts),
                    e.session_id,
                    e.actor,
                    e.type.value,
                    e.role.value if e.role else e.name,
                    clip(e.text),
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
        write_output("{--output}", output, text + "\n", db=settings(None, None).db)
    else:
        click.echo(text)
