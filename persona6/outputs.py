"""Files Persona6 writes at a user's request (``--report``, ``export -o``, ``schema -o``,
``demo --out``): checked before anything is written, so a wrong path loses nothing.

An output path must not be the database (or its ``-wal``, ``-shm`` or ``-journal`` file), nor an
input of the same command: writing there would destroy what the command reads or keeps. Its
folder must exist and be writable, and it must not be a folder itself. Each problem is an
``InvalidOption`` (exit 2) that names the option, the path and what to do.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from persona6.errors import InvalidOption

#: Files SQLite keeps beside a database, which are as much the database as the file itself.
_SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def database_files(db: str | None) -> list[Path]:
    """The files that make up a SQLite database at ``db`` (none for PostgreSQL or memory)."""
    if not db or db == ":memory:" or db.startswith(("postgresql://", "postgres://")):
        return []
    db = db.removeprefix("sqlite:///")
    return [Path(db + suffix) for suffix in _SQLITE_COMPANIONS]


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.expanduser().resolve() == b.expanduser().resolve()


def check_output(
    option: str,
    path: str | Path,
    *,
    db: str | None = None,
    inputs: Iterable[str | Path] = (),
    folder: bool = False,
) -> Path:
    """``path`` if it may be written, else an ``InvalidOption`` that says why and what to do.

    ``option`` is the option's placeholder (``"{--report}"``); ``folder`` says the output is a
    folder (``demo --out``) rather than a file.
    """
    target = Path(path)
    for position, db_file in enumerate(database_files(db)):
        if _same(target, db_file):
            raise InvalidOption(
                option + " {path} is {what}; choose another path",
                path=str(path),
                what="the database file"
                if position == 0
                else f"a file of the database ({db_file.name})",
            )
    for source in inputs:
        if str(source) != "-" and _same(target, Path(source)):
            raise InvalidOption(
                option + " {path} is the input file; writing there would destroy it. "
                "Choose another path",
                path=str(path),
            )
    if folder:
        if target.exists() and not target.is_dir():
            raise InvalidOption(
                option + " {path} is a file, not a folder. Give a folder (it is created if "
                "missing), e.g. {suggested}",
                path=str(path),
                suggested=str(target.with_name(target.name + "-demo")),
            )
        writable = target if target.is_dir() else _existing_ancestor(target)
    else:
        if target.is_dir():
            raise InvalidOption(
                option + " {path} is a folder. Give a file name, e.g. {suggested}",
                path=str(path),
                suggested=str(target / "output"),
            )
        parent = target.expanduser().absolute().parent
        if not parent.is_dir():
            raise InvalidOption(
                option + " {path}: the folder {parent} does not exist. Create it first "
                "(mkdir -p {parent}), or choose another path",
                path=str(path),
                parent=str(parent),
            )
        if target.exists() and not os.access(target, os.W_OK):
            raise InvalidOption(
                option + " {path} is not writable. Change its permissions, or choose another path",
                path=str(path),
            )
        writable = parent
    if not os.access(writable, os.W_OK | os.X_OK):
        raise InvalidOption(
            option + " {path}: the folder {parent} is not writable. Give " + option + " a path "
            "in a folder you can write to",
            path=str(path),
            parent=str(writable),
        )
    return target


def _existing_ancestor(path: Path) -> Path:
    for candidate in path.expanduser().absolute().parents:
        if candidate.exists():
            return candidate
    return Path("/")


def write_output(option: str, path: str | Path, text: str, *, db: str | None = None) -> None:
    """Write ``text`` to ``path`` after ``check_output``; a failure to write is worded too."""
    target = check_output(option, path, db=db)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InvalidOption(
            option + " {path} cannot be written ({reason}). Choose another path",
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from None
