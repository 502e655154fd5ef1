"""The only place that reads the environment, and the reader of the user's own YAML files
(archetype taxonomies, assistant specs).

``PERSONA6_DB``      where the store lives (a SQLite path or a postgresql:// URL); default
                     ``./persona6.db``
``PERSONA6_TENANT``  the tenant commands act on; default ``default``
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from persona6.errors import InvalidInput
from persona6.types import DEFAULT_TENANT

DEFAULT_DB = "persona6.db"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str
    tenant: str


def settings(db: str | None = None, tenant: str | None = None) -> Settings:
    """Explicit values win over the environment, which wins over the defaults."""
    return Settings(
        db=db or os.environ.get("PERSONA6_DB") or DEFAULT_DB,
        tenant=tenant or os.environ.get("PERSONA6_TENANT") or DEFAULT_TENANT,
    )


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
