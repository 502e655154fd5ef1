"""SQL for the HTTP service's API keys (table ``api_keys``, migration 0005).

Mixed into ``SQLStore`` like ``GraphSQL``; it uses the same connection and ``_execute``.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from persona6.store.base import ApiKeyRow

_KEY_COLUMNS = "key_id, tenant, name, secret_hash, created_at, revoked_at"


class KeysSQL:
    """API-key reads and writes over ``self.conn``; ``SQLStore`` supplies the plumbing."""

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:  # supplied by SQLStore
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[None]:  # supplied by SQLStore
        raise NotImplementedError

    def add_api_key(self, key: ApiKeyRow) -> None:
        with self.transaction():
            self._execute(
                f"INSERT INTO api_keys ({_KEY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    key.key_id,
                    key.tenant,
                    key.name,
                    key.secret_hash,
                    key.created_at,
                    key.revoked_at,
                ],
            )

    def api_key(self, key_id: str) -> ApiKeyRow | None:
        row = self._execute(
            f"SELECT {_KEY_COLUMNS} FROM api_keys WHERE key_id = ?", [key_id]
        ).fetchone()
        return ApiKeyRow(*row) if row else None

    def api_keys(self, tenant: str | None = None) -> list[ApiKeyRow]:
        sql = f"SELECT {_KEY_COLUMNS} FROM api_keys"
        params: list[Any] = []
        if tenant is not None:
            sql += " WHERE tenant = ?"
            params.append(tenant)
        rows = self._execute(sql + " ORDER BY created_at, key_id", params).fetchall()
        return [ApiKeyRow(*row) for row in rows]

    def revoke_api_key(self, key_id: str, at: str) -> bool:
        with self.transaction():
            cur = self._execute(
                "UPDATE api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL",
                [at, key_id],
            )
            return int(cur.rowcount) == 1
