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

from persona6.errors import InvalidInput
from persona6.store import POSTGRES_SCHEMES
from persona6.types import DEFAULT_TENANT

DEFAULT_DB = "persona6.db"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str
    tenant: str
    index_dir: Path | None = None


def settings(db: str | None = None, tenant: str | None = None) -> Settings:
    """Explicit values win over the environment, which wins over the defaults."""
    database = db or os.environ.get("PERSONA6_DB") or DEFAULT_DB
    return Settings(
        db=database,
        tenant=tenant or os.environ.get("PERSONA6_TENANT") or DEFAULT_TENANT,
        index_dir=index_dir(database),
    )


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
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f"{where}:{mark.line + 1}" if mark is not None else where
        raise InvalidInput(
            at, f"is not valid YAML ({getattr(exc, 'problem', exc)})", "Fix the YAML syntax"
        ) from None
