"""SQL for behaviour under failure: the reads ``persona6/behavior/`` needs, nothing stored.

Mixed into ``SQLStore`` like ``GraphSQL``; it uses the same connection and ``_execute``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from persona6.store.sql_lists import in_lists
from persona6.types import Signal


class BehaviorSQL:
    """Behaviour reads over ``self.conn``; ``SQLStore`` supplies ``_execute``."""

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:  # supplied by SQLStore
        raise NotImplementedError

    def signals_of_kinds(self, tenant: str, kinds: Iterable[str]) -> list[Signal]:
        from persona6.store.sql_graph import _SIGNAL_COLUMNS, _signal

        wanted = sorted(set(kinds))
        if not wanted:
            return []
        marks = ", ".join("?" * len(wanted))
        rows = self._execute(
            f"SELECT {_SIGNAL_COLUMNS} FROM signals WHERE tenant = ? AND kind IN ({marks})",
            [tenant, *wanted],
        ).fetchall()
        found = [_signal(row) for row in rows]
        found.sort(key=lambda s: (s.ts, s.session_id, s.actor, s.kind, s.key, s.value))
        return found

    def session_spans(self, tenant: str) -> dict[str, tuple[str, str]]:
        rows = self._execute(
            "SELECT session_id, MIN(ts), MAX(ts) FROM events WHERE tenant = ? GROUP BY session_id",
            [tenant],
        ).fetchall()
        return {row[0]: (row[1], row[2]) for row in rows}

    def actor_activity(
        self, tenant: str
    ) -> list[tuple[str, str, str, str | None, str, str | None, str]]:
        rows = self._execute(
            "SELECT actor, session_id, type, name, ts, text, event_id FROM events "
            "WHERE tenant = ? AND actor IS NOT NULL AND type IN ('message', 'action') "
            "AND (role IS NULL OR role = 'user') ORDER BY ts, seq",
            [tenant],
        ).fetchall()
        return [tuple(row) for row in rows]

    def event_times(self, tenant: str, event_ids: Iterable[str]) -> dict[str, str]:
        ids = sorted(set(event_ids))
        found: dict[str, str] = {}
        for chunk, marks in in_lists(ids):
            rows = self._execute(
                f"SELECT event_id, ts FROM events WHERE tenant = ? AND event_id IN ({marks})",
                [tenant, *chunk],
            ).fetchall()
            found.update((row[0], row[1]) for row in rows)
        return found

    def graph_version(self, tenant: str) -> tuple[Any, ...]:
        # The build watermark, and the epoch that every graph write moves (a forget, a link,
        # another process's build): recording events alone leaves it, and the caches, as is.
        row = self._execute(
            "SELECT (SELECT built_seq FROM build_state WHERE tenant = ?), "
            "(SELECT built_at FROM build_state WHERE tenant = ?), "
            "(SELECT epoch FROM graph_epochs WHERE tenant = ?)",
            [tenant, tenant, tenant],
        ).fetchone()
        return tuple(row)
