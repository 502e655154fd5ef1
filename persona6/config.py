"""The only place that reads the environment, and the reader of the user's own YAML files
(archetype taxonomies, assistant specs).

``PERSONA6_DB``      where the store lives (a SQLite path or a postgresql:// URL); default
                     ``./persona6.db``
``PERSONA6_TENANT``  the tenant commands act on; default ``default``
``PERSONA6_INDEX_DIR`` where saved linking indexes go (persona6/identity/snapshot.py); default
                     ``<db>.index`` beside a SQLite file, none for PostgreSQL or ``:memory:``;
                     ``off`` saves none
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from persona6.errors import InvalidInput, InvalidOption
from persona6.store import POSTGRES_SCHEMES
from persona6.types import DEFAULT_TENANT, MAX_ID_CHARS

DEFAULT_DB = "persona6.db"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str
    tenant: str
    index_dir: Path | None = None


def settings(db: str | None = None, tenant: str | None = None) -> Settings:
    """Explicit values win over the environment, which wins over the defaults.

    An explicit tenant must be a tenant name: ``""`` is refused rather than read as the
    default, so a script whose variable came out empty does not write to the wrong tenant."""
    database = db or os.environ.get("PERSONA6_DB") or DEFAULT_DB
    if tenant is not None:
        check_tenant(tenant)
    return Settings(
        db=database,
        tenant=tenant or os.environ.get("PERSONA6_TENANT") or DEFAULT_TENANT,
        index_dir=index_dir(database),
    )


def check_tenant(tenant: object) -> str:
    """``tenant`` if it is a usable tenant name, else the ``InvalidOption`` that says what is."""
    if (
        not isinstance(tenant, str)
        or not tenant
        or len(tenant) > MAX_ID_CHARS
        or tenant != tenant.strip()
    ):
        raise InvalidOption(
            "{--tenant} {tenant!r} is not a tenant name. Give 1 to {most} characters "
            "without leading or trailing spaces, or leave it out for the default tenant",
            tenant=tenant,
            most=MAX_ID_CHARS,
        )
    return tenant


def index_dir(db: str) -> Path | None:
    """Where the linking index of this store is saved: ``PERSONA6_INDEX_DIR`` (``off``: not
    at all), else beside a SQLite file; None for PostgreSQL and in-memory stores."""
    chosen = os.environ.get("PERSONA6_INDEX_DIR", "").strip()
    if chosen:
        return None if chosen.lower() == "off" else Path(chosen)
    if db.startswith(POSTGRES_SCHEMES) or ":memory:" in db:
        return None
    return Path(db.removeprefix("sqlite:///") + ".index")


def read_yaml_file(path: str | Path, missing_hint: str) -> Any:
    """A user's YAML file, parsed; a missing file or bad YAML is an ``InvalidInput`` naming the
    file (and the line of the YAML error)."""
    where = str(path)
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(where, "no such file", missing_hint) from None
    except IsADirectoryError:
        raise InvalidInput(
            where, "is a folder, not a file", "Pass the path of one YAML file"
        ) from None
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        raise InvalidInput(
            f"{where}:{line}",
            f"is not valid UTF-8 (byte {exc.object[exc.start : exc.start + 1]!r} "
            f"at byte offset {exc.start})",
            "Re-encode the file as UTF-8, e.g. iconv -f latin1 -t utf-8 IN > OUT",
        ) from None
    except OSError as exc:
        raise InvalidInput(
            where, f"cannot be read ({exc.strerror or exc})", "Check the path and its permissions"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f"{where}:{mark.line + 1}" if mark is not None else where
        raise InvalidInput(
            at, f"is not valid YAML ({getattr(exc, 'problem', exc)})", "Fix the YAML syntax"
        ) from None
