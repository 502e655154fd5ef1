"""Every error Persona6 raises on purpose, in one tree.

    Persona6Error                 root; the CLI prints its message on one line, no traceback
    ├── InvalidInput              a file or stream that cannot be read at all      (exit 3)
    │   └── InvalidEvent          one record that breaks the event envelope         (exit 3)
    ├── InvalidOption             a command-line or library argument that is wrong  (exit 2)
    ├── NotFound                  a person, session or event that is not stored     (exit 4)
    ├── StoreError                the database cannot be opened, migrated or used   (exit 5)
    └── MissingExtra              an optional extra is not installed                (exit 6)

Each message says where (file and line, or event id), what was wrong with which value, and what
to do about it. ``exit_code`` is the process exit status the CLI uses; docs/cli.md lists them.

One message, every surface
--------------------------
The same error reaches the command line, the HTTP API and the MCP tools, which name options
and next steps differently (``--event``, the query parameter ``event``, the tool argument
``event_id``). So a message that names an option or suggests a command is a template, and the
values it shows are keyword arguments::

    raise InvalidOption(
        "{--budget} {budget!r} is not a token count. Give e.g. {--budget} {default}",
        budget=budget,
        default=400,
    )

- ``{name}``, ``{name!r}``, ``{name:,}``: a value, ``exc.values[name]``.
- ``{--flag}``: an option, spelled as the command line spells it.
- ``{>step}``: a next step from ``NEXT_STEPS`` (a command, an endpoint or a tool, per surface),
  filled in from the values.

``exc.render(surface, names)`` writes the message for ``"cli"``, ``"http"`` or ``"mcp"``. The
CLI shows ``--flag``. HTTP and MCP show the parameter the library takes (``flag`` with ``-``
read as ``_``; ``--map`` is ``column_map``), or the surface's own name where ``names`` maps
that parameter to one (MCP's ``predict_reaction`` passes ``{"event": "event_id"}``).
``str(exc)`` is the CLI rendering, so the command line needs nothing else.

Anything else in braces is left as it is: a plain message, or a value holding braces, needs no
escaping. A template must not be an f-string (Python would read ``{--flag}`` first); values
go in as keyword arguments. tests/test_errors.py refuses a raise site whose message spells a
``--flag`` outside this form.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

Surface = Literal["cli", "http", "mcp"]

#: Next steps a message may suggest (``{>key}``), in the terms of each surface. A step that has
#: no equivalent on a surface says what does the same there. A few entries are not steps but
#: phrases each surface words its own way (``tenant_written``: whose tenant an ingest writes to).
NEXT_STEPS: dict[str, dict[Surface, str]] = {
    "build": {
        "cli": "persona6 build",
        "http": "POST /v1/build",
        "mcp": "any read tool (each brings the graph up to date first)",
    },
    # The tenant an ingest writes to, and where it came from: the command line may not have
    # been told one (then it is $PERSONA6_TENANT or 'default', not what the file says).
    "tenant_written": {
        "cli": "the one this ingest writes to, {requested!r} (--tenant, else $PERSONA6_TENANT, "
        "else 'default')",
        "http": "the API key's tenant {requested!r}",
        "mcp": "the server's tenant {requested!r}",
    },
    "ingest_per_tenant": {
        "cli": "Run the command again with --tenant {named} to store them in tenant {named!r} "
        "(a file that mixes tenants: one run per tenant with --on-error skip, docs/cli.md)",
        "http": "Send each tenant's events with an API key of that tenant",
        "mcp": "Record each tenant's events through a server of that tenant",
    },
    "list_actors": {
        "cli": "persona6 actors",
        "http": "GET /v1/actors",
        "mcp": "the list_persons tool (anonymous actors with traits are listed too)",
    },
    "list_persons": {
        "cli": "persona6 persons",
        "http": "GET /v1/persons",
        "mcp": "the list_persons tool",
    },
    "show_person": {
        "cli": "persona6 show {person}",
        "http": "GET /v1/persons/{person}",
        "mcp": "the get_person tool",
    },
    "list_failures": {
        "cli": "persona6 events --actor {person} --type outcome",
        "http": "GET /v1/persons/{person}/predict (its evidence cites their past failures)",
        "mcp": "predict_reaction without event_id (its evidence cites their past failures)",
    },
    "continuity": {
        "cli": "persona6 continuity SESSION",
        "http": "GET /v1/sessions/SESSION/continuity (GET /v1/sessions?actor={actor} "
        "lists the sessions)",
        "mcp": "the get_person tool (the traits its sessions built)",
    },
    "unlink": {
        "cli": "persona6 unlink {actor}",
        "http": "POST /v1/unlink (anonymous_id {actor!r})",
        "mcp": "persona6 unlink {actor} (links are undone on the command line)",
    },
    # Forgetting an anonymous actor as a person. An MCP server has the forget tool only when
    # started to allow it (persona6 mcp --allow-forget).
    "forget_person": {
        "cli": "persona6 forget --person {actor}",
        "http": "DELETE /v1/persons/{actor}",
        "mcp": "the forget tool with person_id {actor!r} (a server started to allow "
        "forgetting has it; else the HTTP API's DELETE /v1/persons/{actor})",
    },
    "links_history": {
        "cli": "persona6 links {actor} --all",
        "http": "GET /v1/links?anonymous_id={actor}&include_revoked=true",
        "mcp": "the command line's links command for {actor!r}, revoked links included",
    },
    "list_links": {
        "cli": "persona6 links",
        "http": "GET /v1/links",
        "mcp": "persona6 links (on the command line)",
    },
    "list_event_ids": {
        "cli": "persona6 events --json",
        "http": "GET /v1/events",
        "mcp": "the get_person tool (its traits cite event ids)",
    },
    "list_sessions": {
        "cli": "persona6 sessions",
        "http": "GET /v1/sessions",
        "mcp": "the get_person tool (its traits cite sessions)",
    },
    "backtest_linking": {
        "cli": "persona6 backtest linking",
        "http": "persona6 backtest linking (on the command line)",
        "mcp": "persona6 backtest linking (on the command line)",
    },
    "predict_event": {
        "cli": "persona6 predict {owner} --event {event}",
        "http": "GET /v1/persons/{owner}/predict?event={event}",
        "mcp": "predict_reaction with person_id {owner!r} and event_id {event!r}",
    },
}

#: Options whose library parameter is not the flag's name with ``-`` read as ``_``.
_PARAMETERS = {"map": "column_map", "auto_merge": "auto_merge_above"}

_PLACEHOLDER = re.compile(r"\{(--[a-z][a-z0-9-]*|>[a-z_]+|[a-z_]+)(![rs])?(:[^{}]*)?\}")


def render_message(
    template: str,
    values: Mapping[str, object],
    surface: Surface = "cli",
    names: Mapping[str, str] | None = None,
) -> str:
    """``template`` written for ``surface``: see the module docstring."""

    def fill(match: re.Match[str]) -> str:
        key, conversion, spec = match.group(1), match.group(2), match.group(3)
        if key.startswith("--"):
            if surface == "cli":
                return key
            name = key[2:].replace("-", "_")
            name = _PARAMETERS.get(name, name)
            return (names or {}).get(name, name)
        if key.startswith(">"):
            step = NEXT_STEPS.get(key[1:])
            if step is None:
                return match.group(0)
            return render_message(step[surface], values, surface, names)
        if key not in values:
            return match.group(0)
        value = values[key]
        shown = repr(value) if conversion == "!r" else value
        return format(shown, spec[1:]) if spec else str(shown)

    return _PLACEHOLDER.sub(fill, template)


class Persona6Error(Exception):
    """Root of every error Persona6 raises on purpose.

    ``message`` may be a template (module docstring) filled from ``values``; ``template`` and
    ``values`` are kept so each surface can ``render`` it in its own terms."""

    exit_code = 1

    def __init__(self, message: str = "", /, **values: object):
        self.template = message
        self.values = values
        super().__init__(render_message(message, values))

    def render(self, surface: Surface = "cli", names: Mapping[str, str] | None = None) -> str:
        """The message as ``surface`` names options and next steps (``names``: the
        surface's name for a library parameter, where it differs)."""
        if "template" not in self.__dict__:  # a subclass that bypassed __init__: as it is
            return str(self)
        return render_message(self.template, self.values, surface, names)


class InvalidInput(Persona6Error, ValueError):
    """A file or stream that cannot be read: missing, empty, unreadable or of an unknown format.

    ``problem`` and ``hint`` may be templates, filled from ``values``."""

    exit_code = 3

    def __init__(self, where: str, problem: str, hint: str, **values: object):
        self.where = where
        self.problem = problem
        self.hint = hint
        super().__init__(f"{where}: {problem}. {hint}", **values)


class InvalidEvent(InvalidInput):
    """One record that does not fit the event envelope.

    ``where`` is ``file:line`` (or an event id), ``field`` the offending field (``"(line)"`` when
    the whole line is at fault), ``value`` a short rendering of the bad value.
    """

    def __init__(
        self,
        where: str,
        field: str,
        problem: str,
        hint: str,
        value: object | None = None,
        **values: object,
    ):
        self.field = field
        self.value = value
        shown = "" if value is None else f" {_short(value)}"
        self.where = where
        self.problem = problem
        self.hint = hint
        if field == "(line)":
            message = f"{where}: {problem}{shown}. {hint}"
        else:
            message = f"{where}: {field_phrase(field)}{shown} {problem}. {hint}"
        Persona6Error.__init__(self, message, **values)


def field_phrase(field: str) -> str:
    """``field 'ts'``; a pair the rule is about together, ``user_id/anonymous_id``, reads
    ``fields 'user_id' and 'anonymous_id'`` (the report keeps the field as given)."""
    names = field.split("/")
    if len(names) == 1:
        return f"field {field!r}"
    quoted = [repr(name) for name in names]
    return f"fields {', '.join(quoted[:-1])} and {quoted[-1]}"


class InvalidOption(Persona6Error, ValueError):
    """An argument given to the CLI or the library that cannot be used as given."""

    exit_code = 2


class NotFound(Persona6Error, LookupError):
    """A person, session or event that the store does not hold (for this tenant)."""

    exit_code = 4


class StoreError(Persona6Error):
    """The database cannot be opened, migrated or written."""

    exit_code = 5


class MissingExtra(Persona6Error, ImportError):
    """An optional dependency is missing; the message carries the install command."""

    exit_code = 6

    def __init__(self, feature: str, extra: str):
        super().__init__(
            "{feature} needs the optional extra {extra!r}. "
            "Install it with: pip install 'persona6[{extra}]'",
            feature=feature,
            extra=extra,
        )


def type_phrase(value: object) -> str:
    """``"an int"``, ``"a list"``: the Python type of a wrong value, for messages."""
    name = type(value).__name__
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _short(value: object, limit: int = 60) -> str:
    """Render a bad value for a message: quoted, and cut so one line stays readable."""
    text = repr(value)
    if len(text) > limit:
        text = text[: limit - 5] + "...'" if text[0] in "'\"" else text[: limit - 3] + "..."
    return text
