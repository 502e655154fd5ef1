"""Errors: one message per error, rendered in the terms of each surface (CLI, HTTP, MCP); and a
guard that no raise site spells a command-line option or command outside that form."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from persona6.cli import main
from persona6.errors import (
    NEXT_STEPS,
    InvalidEvent,
    InvalidInput,
    InvalidOption,
    NotFound,
    Persona6Error,
)

PACKAGE = Path(__file__).resolve().parents[1] / "persona6"


def test_str_is_the_cli_rendering_with_flags_and_values():
    exc = InvalidOption(
        "{--budget} {budget!r} is not a token count from {low} to {high:,}",
        budget=5,
        low=40,
        high=100_000,
    )
    assert str(exc) == exc.render("cli") == "--budget 5 is not a token count from 40 to 100,000"
    assert exc.values == {"budget": 5, "low": 40, "high": 100_000}


def test_http_and_mcp_name_the_library_parameter_without_dashes():
    exc = InvalidOption("{--on-error} {on_error!r} is not known", on_error="later")
    assert exc.render("http") == "on_error 'later' is not known"
    assert exc.render("mcp") == "on_error 'later' is not known"


def test_a_surface_supplies_its_own_name_for_a_parameter():
    exc = InvalidOption("give {--failure} or {--event}, not both")
    assert exc.render("mcp", {"event": "event_id"}) == "give failure or event_id, not both"
    assert exc.render("http") == "give failure or event, not both"


def test_the_csv_column_map_is_named_as_the_library_names_it():
    assert InvalidOption("fix {--map}").render("http") == "fix column_map"


def test_a_next_step_is_written_for_each_surface_with_the_values():
    exc = NotFound(
        "trait {trait!r} is unknown. List them with: {>show_person}", trait="t", person="u-1"
    )
    assert str(exc) == "trait 't' is unknown. List them with: persona6 show u-1"
    assert exc.render("http") == "trait 't' is unknown. List them with: GET /v1/persons/u-1"
    assert exc.render("mcp") == "trait 't' is unknown. List them with: the get_person tool"


def test_every_next_step_has_a_rendering_for_every_surface():
    for key, step in NEXT_STEPS.items():
        assert set(step) == {"cli", "http", "mcp"}, key
        assert "--" not in step["http"] and "--" not in step["mcp"], key


def test_braces_that_are_no_placeholder_and_values_with_braces_stay_as_they_are():
    exc = InvalidOption("{x} {json}: {--type} {type!r}", json='{"{--db}": 1}', type="{a}")
    assert exc.render("http") == "{x} {\"{--db}\": 1}: type '{a}'"
    assert str(InvalidOption("a plain message {with} braces")) == "a plain message {with} braces"


def test_input_errors_render_their_problem_and_hint():
    exc = InvalidEvent(
        "f.csv:1", "ts", "is mapped to a missing column", "Fix {--map} {name}=<one>", name="ts"
    )
    assert str(exc) == "f.csv:1: field 'ts' is mapped to a missing column. Fix --map ts=<one>"
    assert exc.render("http").endswith("Fix column_map ts=<one>")
    assert InvalidInput("a", "is bad", "Leave {--assistant} out").render("mcp") == (
        "a: is bad. Leave assistant out"
    )


def test_an_error_made_without_a_template_renders_as_its_text():
    exc = InvalidInput.__new__(InvalidInput)
    Exception.__init__(exc, "server: said no")
    assert exc.render("http") == "server: said no"


# -- the guard ------------------------------------------------------------------------------------

#: Command lines on purpose, whatever the surface: API keys are made, and servers started, only
#: on the command line.
DELIBERATE = {
    ("persona6/server/api.py", "persona6 keys create --tenant TENANT"),
    ("persona6/server/keys.py", "List keys with: persona6 keys list"),
    ("persona6/server/mcp.py", "persona6 mcp"),
    ("persona6/client.py", "Check the URL and that `persona6 serve` is running"),
}

#: The command line speaks in its own terms: its errors reach no other surface.
CLI_PACKAGE = "persona6/cli/"

_FLAG = re.compile(r"(?<![\w{-])--[a-z]")
_COMMANDS = "|".join(re.escape(name) for name in sorted(main.commands))
_COMMAND = re.compile(rf"\bpersona6 (?:{_COMMANDS})(?![\w-])")


def _raise_literals(tree: ast.AST):
    """(line, text) of every string literal in the arguments of each ``raise X(...)``; an
    f-string counts by its literal parts."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            for arg in [*node.exc.args, *(k.value for k in node.exc.keywords)]:
                for part in ast.walk(arg):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str):
                        yield part.lineno, part.value


def _offences() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE.parent).as_posix()
        if where.startswith(CLI_PACKAGE):
            continue
        for line, text in _raise_literals(ast.parse(path.read_text("utf-8"))):
            if _FLAG.search(text) or _COMMAND.search(text):
                known = any(f == where and s in text for f, s in DELIBERATE)
                if not known:
                    found.append((where, line, text))
    return found


def test_no_raise_site_spells_a_cli_option_or_command_outside_the_template_form():
    assert _offences() == [], (
        "write options as {--flag} and commands as {>step} (persona6/errors.py), so each "
        "surface names them in its own terms"
    )


def test_every_next_step_a_message_names_exists():
    named = set()
    for path in PACKAGE.rglob("*.py"):
        for _, text in _raise_literals(ast.parse(path.read_text("utf-8"))):
            named.update(re.findall(r"\{>([a-z_]+)\}", text))
    assert named and named <= set(NEXT_STEPS)


@pytest.mark.parametrize(
    ("text", "offends"),
    [
        ("--budget 5 is not a token count", True),
        ("Run: persona6 predict u-1", True),
        ("List people with: persona6 persons", True),
        ("{--budget} {budget!r} is not a token count", False),
        ("List people with: {>list_persons}", False),
        ("is not a persona6 database", False),
        ("Upgrade persona6: pip install -U persona6", False),
    ],
)
def test_the_guard_tells_spelled_out_options_and_commands_from_templates(text, offends):
    tree = ast.parse(f"raise InvalidOption({text!r})")
    hits = [t for _, t in _raise_literals(tree) if _FLAG.search(t) or _COMMAND.search(t)]
    assert bool(hits) is offends


def test_the_root_error_keeps_a_plain_message():
    assert str(Persona6Error("plain")) == "plain"


def test_a_rule_on_two_fields_names_both_in_the_plural():
    exc = InvalidEvent("f.jsonl:7", "user_id/anonymous_id", "are both missing", "Give one")
    assert str(exc) == "f.jsonl:7: fields 'user_id' and 'anonymous_id' are both missing. Give one"
    assert exc.field == "user_id/anonymous_id"  # the report's field column keeps the pair
