"""The command line: ``persona6 VERB [ARGS] [--db PATH] [--tenant T] [--json]``.

One module per stage (``log``: the event log; ``graph``: the persona graph; ``demo``); this
module holds the group and the helpers they share.

Thin by design: each command parses its options, calls the ``Persona6`` facade and prints.
Data goes to stdout (a table, or JSON with ``--json``); progress and warnings go to stderr.
A ``Persona6Error`` becomes one line on stderr and its documented exit code (docs/cli.md).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
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


def count(number: int, noun: str) -> str:
    """``1 session``, ``2 sessions``: a count with its noun (plural by a trailing s)."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def utc_time(ts: str | None) -> str:
    """A stored time as a table shows it: to the second and with its ``Z``, so that nobody
    reads a UTC time as their own clock's (``2026-03-01T10:00:00Z``). JSON keeps the stored
    text."""
    return f"{ts[:19]}Z" if ts else ""


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


def run() -> None:
    """Entry point for ``python -m persona6``."""
    main(prog_name="persona6")


# The command modules register their commands on ``main`` when imported.
from persona6.cli import behavior, demo, graph, identity, log, mcp, server  # noqa: E402, F401
