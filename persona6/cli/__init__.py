"""The command line: ``persona6 [--db PATH] [--tenant T] [--json] VERB [ARGS] [--db PATH] ...``.

The options every command shares may come before the verb or after it (``Persona6Command``).
One module per stage (``log``: the event log; ``graph``: the persona graph; ``demo``); this
module holds the group and the helpers they share.

Thin by design: each command parses its options, calls the ``Persona6`` facade and prints.
Data goes to stdout (a table, or JSON with ``--json``); progress and warnings go to stderr.
A ``Persona6Error`` becomes one line on stderr and its documented exit code (docs/cli.md).
"""

from __future__ import annotations

import errno
import json
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import click
from click.core import ParameterSource
from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from persona6 import __version__
from persona6.engine import Persona6
from persona6.errors import InvalidEvent, InvalidOption, Persona6Error
from persona6.types import local_datetime

F = TypeVar("F", bound=Callable[..., Any])


class _Stdout(Console):
    """Standard output. A reader that closes the pipe (``| head``) is left to the command
    group, which exits quietly with ``EXIT_CLOSED_OUTPUT``; rich alone would exit 1, which
    docs/cli.md keeps for bugs."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


# Piped output is not cut to 80 columns: whoever reads it wants whole ids and times.
out = _Stdout(soft_wrap=True, width=None if sys.stdout.isatty() else 200)
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
        help="Database: a SQLite file path or a postgresql:// URL. "
        "Default: $PERSONA6_DB or ./persona6.db.",
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
    echo(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def safe(value: object) -> str:
    """``value`` as text that rich prints as it is: what people wrote (quotes, statements
    made of their words, ids) may hold "[...]", which rich would read as markup, dropping
    "[docs]" and failing on a stray "[/]"."""
    return escape(str(value))


def print_table(title: str | None, columns: Iterable[str], rows: Iterable[Iterable[Any]]) -> None:
    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(column)
    for row in rows:
        # Cells are data (quotes, statements, ids): never read as markup (``safe``).
        table.add_row(*(Text("" if v is None else str(v)) for v in row))
    with out.capture() as captured:
        out.print(table)
    echo(captured.get())


def nothing_listed(p6: Persona6, what: str, filters: dict[str, str | None], hint: str) -> None:
    """One line on stderr in place of a table with no rows (a header alone says nothing): what
    was searched, and why it is empty, as ``persons`` says it. Standard output stays empty."""
    where = f"in tenant {p6.tenant!r} of {p6.location}"
    given = " ".join(f"{option} {value}" for option, value in filters.items() if value is not None)
    if given:
        line = f"no {what} match {given} {where}. {hint}"
    elif not p6.stats().events:
        line = (
            f"no {what} {where}: no events are stored. Ingest some: persona6 ingest "
            "EVENTS.jsonl (or try persona6 demo)"
        )
    else:
        line = f"no {what} {where}. {hint}"
    err.print(line, markup=False, highlight=False)


def echo(text: str, piece: int = 4096) -> None:
    """``text`` on stdout, a piece at a time. Python's buffered stdout takes one large write to
    a pipe whose reader has gone (``| head``) only in part and drops the rest without an error,
    so the command would go on and exit 0; in pieces, the next one fails with BrokenPipeError
    and the command stops with ``EXIT_CLOSED_OUTPUT``, as ``cat`` would."""
    for start in range(0, len(text), piece):
        click.echo(text[start : start + piece], nl=False)


#: The options a command may be given before its verb too (``persona6 --db X ingest F``), by
#: parameter name: the verb's own option of that name takes the value.
SHARED_OPTIONS = {"db": "--db", "tenant": "--tenant", "as_json": "--json"}

#: The exit status of a command whose standard output was closed by its reader (``| head``):
#: 128 + SIGPIPE, what a shell reports for ``cat``, ``yes`` and every other filter in a pipe.
EXIT_CLOSED_OUTPUT = 141


def given_before_verb(ctx: click.Context | None) -> dict[str, Any]:
    """The shared options given before the verb (``persona6 --db X VERB``), by parameter name."""
    if ctx is None:
        return {}
    root = ctx.find_root()
    return {
        name: value
        for name, value in root.params.items()
        if name in SHARED_OPTIONS and value is not None and value is not False
    }


class Persona6Command(click.Command):
    """A command that also takes the shared options given before its verb.

    ``persona6 --db a.db stats`` is ``persona6 stats --db a.db``: the value comes in as the
    command's default (click's ``default_map``), so the option given after the verb still
    wins, and giving both with different values is refused rather than one silently ignored.
    """

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        before = {} if parent is None or parent.resilient_parsing else given_before_verb(parent)
        verb = " ".join(filter(None, [*_verbs(parent), info_name]))
        takes = {param.name for param in self.params}
        for name in before:
            if name not in takes:
                raise InvalidOption(
                    "{option} before the verb does not apply to {verb}: it takes no {option}. "
                    "Leave it out (see persona6 {verb} --help)",
                    option=SHARED_OPTIONS[name],
                    verb=verb,
                )
        if before:
            extra["default_map"] = {**(extra.get("default_map") or {}), **before}
        ctx = super().make_context(info_name, args, parent=parent, **extra)
        for name, value in before.items():
            after = ctx.params.get(name)
            if ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE and after != value:
                raise InvalidOption(
                    "{option} is given twice with different values: {before!r} before the verb "
                    "and {after!r} after it. Give it once (before or after {verb}, either works)",
                    option=SHARED_OPTIONS[name],
                    before=value,
                    after=after,
                    verb=verb,
                )
        return ctx


def _verbs(ctx: click.Context | None) -> list[str]:
    """The verbs of the groups between the program and a command (``backtest`` of
    ``persona6 backtest linking``)."""
    names: list[str] = []
    while ctx is not None and ctx.parent is not None:
        names.insert(0, ctx.info_name or "")
        ctx = ctx.parent
    return names


class Persona6Group(click.Group):
    """Turns Persona6Error into a one-line message and its exit code, never a traceback; and a
    closed standard output (``persona6 show u-42 | head``) into a quiet exit 141."""

    command_class = Persona6Command
    group_class = type  # subgroups (backtest, keys) are Persona6Groups too

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            # Written now, not at exit: a reader that has gone (| true) fails the flush here,
            # where it is caught, rather than in the interpreter's shutdown.
            sys.stdout.flush()
            return result
        except Persona6Error as exc:
            click.echo(f"persona6: error: {exc}", err=True)
            stored = getattr(exc, "stored_before", None)
            if isinstance(exc, InvalidEvent) and stored is not None:
                then = (
                    # the message says what to run; nothing to fix
                    " (ingest is idempotent: running it again stores each event once)."
                    if exc.field == "tenant"
                    else ". Fix the record and run the same command again (ingest is "
                    "idempotent), or pass --on-error skip to store the good records and write "
                    "the bad ones to a report."
                )
                click.echo(
                    f"persona6: nothing from the failing batch was stored; {stored} events from "
                    f"earlier batches were{then}",
                    err=True,
                )
            ctx.exit(exc.exit_code)
        except BrokenPipeError:
            # The reader has all it wants. Point stdout at /dev/null so that the flush at exit
            # does not fail again (Python would print "Exception ignored ..." and exit 120).
            discard_stdout()
            ctx.exit(EXIT_CLOSED_OUTPUT)


def discard_stdout() -> None:
    """Send what is left of standard output to /dev/null (a stdout with no file descriptor,
    as under a test runner, is left alone)."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


@click.group(cls=Persona6Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="persona6")
@click.option(
    "--db",
    metavar="PATH",
    default=None,
    help="Database: a SQLite file path or a postgresql:// URL (default: $PERSONA6_DB or "
    "./persona6.db). The same as the command's own --db.",
)
@click.option(
    "--tenant",
    metavar="T",
    default=None,
    help="Tenant to act on (default: $PERSONA6_TENANT or 'default'). The same as the "
    "command's own --tenant.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON on stdout, as the command's own --json."
)
def main(db: str | None, tenant: str | None, as_json: bool) -> None:
    """Persona6: evidence-backed persona graphs of the people in your product's logs.

    --db, --tenant and --json may come before the verb or after it; giving one in both places
    with different values is an error.

    \b
    Example:
      persona6 demo && persona6 stats
      persona6 --db demo.db --tenant default persons
    """


def count(number: int, noun: str) -> str:
    """``1 session``, ``2 sessions``: a count with its noun (plural by a trailing s)."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def utc_time(ts: str | None) -> str:
    """A stored time as a table shows it: to the second and with its ``Z``, so that nobody
    reads a UTC time as their own clock's (``2026-03-01T10:00:00Z``). JSON keeps the stored
    text."""
    return f"{ts[:19]}Z" if ts else ""


class LocalDates:
    """The dates of one person's activity as they lived them, for tables (``persons``,
    ``actors``, ``show``): an instant is dated on the clock of their event at it (or the first
    one after it), in the offset that event was written in (``attrs.utc_offset``, or the zone
    ``attrs.timezone``; docs/events.md, "Local time"), and in UTC without one. So an evening
    session in Chicago on 01-15 is on 01-15, though it is 01-16 in UTC. JSON keeps the stored
    UTC times; a table's full times keep their ``Z`` (``utc_time``)."""

    def __init__(self, p6: Persona6, actors: Iterable[str]):
        self._p6 = p6
        self._actors = list(actors)
        self._dates: dict[str, str] = {}

    def __call__(self, ts: str | None) -> str:
        if not ts:
            return ""
        if ts not in self._dates:
            self._dates[ts] = self._date(ts)
        return self._dates[ts]

    def _date(self, ts: str) -> str:
        after = [
            event
            for actor in self._actors
            for event in self._p6.events(actor=actor, since=ts, limit=1)
        ]
        if not after:  # nothing of theirs from then on (deleted meanwhile): UTC
            return ts[:10]
        clock = min(after, key=lambda event: event.ts)
        return local_datetime(ts, clock.attrs).date().isoformat()


def clip(text: str | None, width: int = 80, around: str | None = None) -> str:
    """``text`` on one line, at most ``width`` characters, elided with "…". When it names
    ``around`` (a matched word, any case) past the cut, the part around it is shown instead,
    so the quote shows what it is quoted for."""
    if not text:
        return ""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    at = flat.lower().find(around.lower()) if around else -1
    keep = width - 2  # between an ellipsis each side
    if at < 0 or at + len(around or "") <= width - 1 or len(around or "") > keep // 2:
        return flat[: width - 1] + "…"
    start = min(at - keep // 3, len(flat) - (width - 1))
    space = flat.find(" ", start, min(at, start + 12))
    start = space + 1 if space >= 0 else start  # from a word's start
    if len(flat) - start <= width - 1:  # the rest fits after one ellipsis
        return "…" + flat[start:]
    return "…" + flat[start : start + keep] + "…"


def acts_named(p6: Persona6, event_ids: Iterable[str]) -> dict[str, str]:
    """The name of each action and outcome among ``event_ids``, read in one query. An act's
    quote is its argument ("economy flex", "mastercard"), which says nothing without what was
    done with it (``select_fare``); a message's quote says it itself, so messages are left out."""
    ids = list(dict.fromkeys(event_ids))
    if not ids:
        return {}
    found = p6.store.events_by_id(p6.tenant, ids)
    return {
        event_id: event.name
        for event_id, event in found.items()
        if event.type.value in ("action", "outcome") and event.name
    }


def cited(quote: str, event_id: str, acts: dict[str, str], width: int) -> tuple[str, str]:
    """A quote as ``show``, ``why`` and ``continuity`` print it, as plain text (not markup):
    the act's name and ": " before an act's quote ("select_fare: " before "economy flex"; ""
    before a message's), and the quote, exact, clipped so that both fit in ``width``."""
    name = acts.get(event_id)
    before = f"{name}: " if name else ""
    return before, clip(quote, max(width - len(before), 20))


def run() -> None:
    """Entry point for ``python -m persona6``."""
    main(prog_name="persona6")


# The command modules register their commands on ``main`` when imported.
from persona6.cli import behavior, demo, graph, identity, log, mcp, server  # noqa: E402, F401
