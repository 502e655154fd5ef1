"""Storage: the ``Store`` interface and its backends."""

from persona6.store.base import EventQuery, EventRow, Store
from persona6.store.sqlite import SQLiteStore

__all__ = ["EventQuery", "EventRow", "SQLiteStore", "Store", "open_store"]


def open_store(url: str) -> Store:
    """Open a store by location: a file path or ``sqlite:///path`` (``:memory:`` for tests).

    ``postgresql://`` URLs are served by the PostgreSQL backend once it is installed.
    """
    if url.startswith(("postgresql://", "postgres://")):
        from persona6.errors import StoreError

        raise StoreError(
            f"{url.split('@')[-1]}: the PostgreSQL backend is not part of this version yet. "
            "Use a SQLite file path for --db"
        )
    if url.startswith("sqlite:///"):
        url = url.removeprefix("sqlite:///")
    return SQLiteStore(url)
