"""The only place that reads the environment.

``PERSONA6_DB``      where the store lives (a SQLite path or a postgresql:// URL); default
                     ``./persona6.db``
``PERSONA6_TENANT``  the tenant commands act on; default ``default``
"""

from __future__ import annotations

import os
from dataclasses import dataclass

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
