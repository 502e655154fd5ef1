"""Storage: the ``Store`` interface and its backends."""

from persona6.store.base import EventQuery, EventRow, Store
from persona6.store.sqlite import SQLiteStore

__all__ = ["EventQuery", "EventRow", "SQLiteStore", "Store", "open_store", "shown_location"]


def shown_location(url: str) -> str:
    """Where a store is, fit to print: a PostgreSQL URL loses its password."""
    if url.startswith(("postgresql://", "postgres://")):
        from persona6.store.postgres import redact

        return redact(url)
    return url


POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def open_store(url: str) -> Store:
    """Open a store by location: a file path or ``sqlite:///path`` (``:memory:`` for tests), or
    a ``postgresql://user:password@host:port/database`` URL (the ``postgres`` extra)."""
    if url.startswith(POSTGRES_SCHEMES):
        # Imported here: psycopg is optional, and the module says so when it is missing.
        from persona6.store.postgres import PostgresStore

        return PostgresStore(url)
    if url.startswith("sqlite:///"):
        url = url.removeprefix("sqlite:///")
    return SQLiteStore(url)
