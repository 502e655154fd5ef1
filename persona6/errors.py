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
"""

from __future__ import annotations


class Persona6Error(Exception):
    """Root of every error Persona6 raises on purpose."""

    exit_code = 1


class InvalidInput(Persona6Error, ValueError):
    """A file or stream that cannot be read: missing, empty, unreadable or of an unknown format."""

    exit_code = 3

    def __init__(self, where: str, problem: str, hint: str):
        self.where = where
        self.problem = problem
        self.hint = hint
        super().__init__(f"{where}: {problem}. {hint}")


class InvalidEvent(InvalidInput):
    """One record that does not fit the event envelope.

    ``where`` is ``file:line`` (or an event id), ``field`` the offending field (``"(line)"`` when
    the whole line is at fault), ``value`` a short rendering of the bad value.
    """

    def __init__(
        self, where: str, field: str, problem: str, hint: str, value: object | None = None
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
            message = f"{where}: field {field!r}{shown} {problem}. {hint}"
        Exception.__init__(self, message)


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
            f"{feature} needs the optional extra {extra!r}. "
            f"Install it with: pip install 'persona6[{extra}]'"
        )


def _short(value: object, limit: int = 60) -> str:
    """Render a bad value for a message: quoted, and cut so one line stays readable."""
    text = repr(value)
    if len(text) > limit:
        text = text[: limit - 5] + "...'" if text[0] in "'\"" else text[: limit - 3] + "..."
    return text
