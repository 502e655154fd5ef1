"""SQL for identity linking: evidence units, person profiles, models, settings and link details.

Mixed into ``SQLStore`` like ``GraphSQL``: the same connection, dialect and ``_execute``.
Bodies read whole (a unit, a profile, a model) are JSON text, the same on every backend.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from persona6.store.base import IdentityLink, IdentityUnitRow
from persona6.store.sql_lists import in_lists


class IdentitySQL:
    """Identity queries; ``SQLStore`` supplies ``_execute`` and ``_executemany``."""

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:  # supplied by SQLStore
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any:  # from SQLStore
        raise NotImplementedError

    def _bump_graph(self, tenant: str) -> None:  # supplied by GraphSQL
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[None]:  # supplied by SQLStore
        raise NotImplementedError

    # -- units and profiles ---------------------------------------------------------------

    def identity_units_seq(self, tenant: str) -> int:
        row = self._execute(
            "SELECT units_seq FROM identity_state WHERE tenant = ?", [tenant]
        ).fetchone()
        return int(row[0]) if row else 0

    def set_identity_units_seq(self, tenant: str, seq: int) -> None:
        from persona6.store.sql import _now

        self._identity_state_row(tenant)
        self._execute(
            "UPDATE identity_state SET units_seq = ?, updated_at = ? WHERE tenant = ?",
            [seq, _now(), tenant],
        )

    def identity_profiles_version(self, tenant: str) -> int:
        row = self._execute(
            "SELECT profiles_version FROM identity_state WHERE tenant = ?", [tenant]
        ).fetchone()
        return int(row[0]) if row else 0

    def next_identity_profiles_version(self, tenant: str) -> int:
        from persona6.store.sql import _now

        self._identity_state_row(tenant)
        # One statement: a concurrent writer waits on the row and raises it again after.
        self._execute(
            "UPDATE identity_state SET profiles_version = profiles_version + 1, updated_at = ? "
            "WHERE tenant = ?",
            [_now(), tenant],
        )
        return self.identity_profiles_version(tenant)

    def _identity_state_row(self, tenant: str) -> None:
        """Make the tenant's identity_state row if it has none (counters at 0)."""
        from persona6.store.sql import _now

        row = self._execute("SELECT 1 FROM identity_state WHERE tenant = ?", [tenant]).fetchone()
        if row is None:
            self._execute(
                "INSERT INTO identity_state (tenant, units_seq, profiles_version, updated_at) "
                "VALUES (?, 0, 0, ?)",
                [tenant, _now()],
            )

    def replace_identity_units(
        self, tenant: str, session_id: str, rows: Sequence[IdentityUnitRow]
    ) -> None:
        self._execute(
            "DELETE FROM identity_units WHERE tenant = ? AND session_id = ?", [tenant, session_id]
        )
        if rows:
            self._executemany(
                "INSERT INTO identity_units (tenant, session_id, actor, person_id, known, "
                "first_ts, last_ts, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        tenant,
                        session_id,
                        r.actor,
                        r.person_id,
                        int(r.known),
                        r.first_ts,
                        r.last_ts,
                        r.body,
                    )
                    for r in rows
                ],
            )

    def identity_units(
        self,
        tenant: str,
        *,
        actors: Iterable[str] | None = None,
        persons: Iterable[str] | None = None,
        session_id: str | None = None,
        latest: int | None = None,
    ) -> list[IdentityUnitRow]:
        where, params = ["tenant = ?"], [tenant]
        if session_id is not None:
            where.append("session_id = ?")
            params.append(session_id)
        found: list[IdentityUnitRow] = []
        groups: list[tuple[str, list[str]]] = []
        if actors is not None:
            groups.append(("actor", sorted(set(actors))))
        if persons is not None:
            groups.append(("person_id", sorted(set(persons))))
        if not groups:
            return self._units(" AND ".join(where), params, latest)
        for column, names in groups:
            for chunk, marks in in_lists(names):
                clause = " AND ".join([*where, f"{column} IN ({marks})"])
                found.extend(self._units(clause, [*params, *chunk], latest))
        unique = {(u.session_id, u.actor): u for u in found}
        ordered = sorted(unique.values(), key=lambda u: (u.first_ts, u.session_id, u.actor))
        return ordered if latest is None else ordered[max(len(ordered) - latest, 0) :]

    def _units(
        self, where: str, params: Sequence[Any], latest: int | None = None
    ) -> list[IdentityUnitRow]:
        """Units in time order; only the ``latest`` ones when given (the newest read first)."""
        columns = "session_id, actor, person_id, known, first_ts, last_ts, body"
        if latest is None:
            sql = f"SELECT {columns} FROM identity_units WHERE {where} "
            sql += "ORDER BY first_ts, session_id, actor"
            rows = self._execute(sql, params).fetchall()
        else:
            sql = f"SELECT {columns} FROM identity_units WHERE {where} "
            sql += "ORDER BY first_ts DESC, session_id DESC, actor DESC LIMIT ?"
            rows = self._execute(sql, [*params, max(latest, 0)]).fetchall()[::-1]
        return [IdentityUnitRow(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6]) for r in rows]

    def identity_unit_people(self, tenant: str) -> list[tuple[str, str, bool]]:
        rows = self._execute(
            "SELECT DISTINCT actor, person_id, known FROM identity_units WHERE tenant = ?",
            [tenant],
        ).fetchall()
        return [(r[0], r[1], bool(r[2])) for r in rows]

    def set_identity_unit_person(self, tenant: str, actor: str, person_id: str) -> None:
        self._bump_graph(tenant)
        self._execute(
            "UPDATE identity_units SET person_id = ? WHERE tenant = ? AND actor = ?",
            [person_id, tenant, actor],
        )

    def replace_identity_profile(
        self,
        tenant: str,
        person_id: str,
        sessions: int,
        last_ts: str | None,
        body: str,
        *,
        version: int,
    ) -> None:
        from persona6.store.sql import _now

        self.delete_identity_profile(tenant, person_id)
        self._execute(
            "INSERT INTO identity_profiles (tenant, person_id, sessions, last_ts, body, "
            "version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [tenant, person_id, sessions, last_ts, body, version, _now()],
        )

    def delete_identity_profile(self, tenant: str, person_id: str) -> None:
        self._execute(
            "DELETE FROM identity_profiles WHERE tenant = ? AND person_id = ?", [tenant, person_id]
        )

    def identity_profile_versions(self, tenant: str, *, after: int | None = None) -> dict[str, int]:
        if after is None:
            rows = self._execute(
                "SELECT person_id, version FROM identity_profiles WHERE tenant = ?", [tenant]
            ).fetchall()
        else:
            rows = self._execute(
                "SELECT person_id, version FROM identity_profiles WHERE tenant = ? AND version > ?",
                [tenant, after],
            ).fetchall()
        return {r[0]: int(r[1]) for r in rows}

    def identity_profiles(
        self, tenant: str, person_ids: Iterable[str] | None = None
    ) -> Iterator[tuple[str, str]]:
        if person_ids is None:
            cur = self._execute(
                "SELECT person_id, body FROM identity_profiles WHERE tenant = ? ORDER BY person_id",
                [tenant],
            )
            while batch := cur.fetchmany(500):
                yield from ((r[0], r[1]) for r in batch)
            return
        names = sorted(set(person_ids))
        for chunk, marks in in_lists(names):
            rows = self._execute(
                "SELECT person_id, body FROM identity_profiles WHERE tenant = ? "
                f"AND person_id IN ({marks}) ORDER BY person_id",
                [tenant, *chunk],
            ).fetchall()
            yield from ((r[0], r[1]) for r in rows)

    def identity_profile_count(self, tenant: str) -> int:
        row = self._execute(
            "SELECT COUNT(*) FROM identity_profiles WHERE tenant = ?", [tenant]
        ).fetchone()
        return int(row[0])

    # -- models and settings --------------------------------------------------------------

    def linking_version(self, tenant: str) -> tuple[Any, ...]:
        # graph_version's three values and the linking epoch, in one read.
        row = self._execute(
            "SELECT (SELECT built_seq FROM build_state WHERE tenant = ?), "
            "(SELECT built_at FROM build_state WHERE tenant = ?), "
            "(SELECT epoch FROM graph_epochs WHERE tenant = ?), "
            "(SELECT epoch FROM linking_epochs WHERE tenant = ?)",
            [tenant, tenant, tenant, tenant],
        ).fetchone()
        return tuple(row)

    def _bump_linking(self, tenant: str) -> None:
        """Move the tenant's linking epoch (``linking_version``): called by every write of
        settings or models, after it, in its transaction."""
        self._execute(
            "INSERT INTO linking_epochs (tenant, epoch) VALUES (?, 1) "
            "ON CONFLICT (tenant) DO UPDATE SET epoch = linking_epochs.epoch + 1",
            [tenant],
        )

    def save_identity_model(self, tenant: str, model_id: str, body: dict[str, Any]) -> None:
        from persona6.store.sql import _now

        with self.transaction():
            self._execute(
                "DELETE FROM identity_models WHERE tenant = ? AND model_id = ?", [tenant, model_id]
            )
            self._execute(
                "INSERT INTO identity_models (tenant, model_id, created_at, body) "
                "VALUES (?, ?, ?, ?)",
                [tenant, model_id, _now(), json.dumps(body, sort_keys=True)],
            )
            self._bump_linking(tenant)

    def latest_identity_model(self, tenant: str) -> dict[str, Any] | None:
        row = self._execute(
            "SELECT body FROM identity_models WHERE tenant = ? "
            "ORDER BY created_at DESC, model_id DESC LIMIT 1",
            [tenant],
        ).fetchone()
        return json.loads(row[0]) if row else None

    def identity_settings(self, tenant: str) -> dict[str, Any]:
        rows = self._execute(
            "SELECT name, value FROM identity_settings WHERE tenant = ? ORDER BY name", [tenant]
        ).fetchall()
        return {r[0]: json.loads(r[1]) for r in rows}

    def set_identity_setting(self, tenant: str, name: str, value: Any | None) -> None:
        from persona6.store.sql import _now

        with self.transaction():
            self._execute(
                "DELETE FROM identity_settings WHERE tenant = ? AND name = ?", [tenant, name]
            )
            if value is not None:
                self._execute(
                    "INSERT INTO identity_settings (tenant, name, value, updated_at) "
                    "VALUES (?, ?, ?, ?)",
                    [tenant, name, json.dumps(value), _now()],
                )
            self._bump_linking(tenant)

    # -- links ----------------------------------------------------------------------------

    def identity_links(
        self,
        tenant: str,
        anonymous_id: str | None = None,
        *,
        include_revoked: bool = False,
        user_id: str | None = None,
    ) -> list[IdentityLink]:
        where, params = ["l.tenant = ?"], [tenant]
        if anonymous_id is not None:
            where.append("l.anonymous_id = ?")
            params.append(anonymous_id)
        if user_id is not None:
            where.append("l.user_id = ?")
            params.append(user_id)
        if not include_revoked:
            where.append("l.revoked_at IS NULL")
        rows = self._execute(
            f"{_LINK_SELECT} WHERE {' AND '.join(where)} ORDER BY l.created_at, l.link_id",
            params,
        ).fetchall()
        return [_link(r) for r in rows]

    def identity_links_citing(self, tenant: str, event_ids: Collection[str]) -> list[IdentityLink]:
        wanted = set(event_ids)
        if not wanted:
            return []
        found: dict[str, Sequence[Any]] = {}
        for chunk, marks in in_lists(sorted(wanted)):
            rows = self._execute(
                f"{_LINK_SELECT} WHERE l.tenant = ? AND l.evidence_event_id IN ({marks})",
                [tenant, *chunk],
            ).fetchall()
            found.update((r[0], r) for r in rows)
        # Details are JSON text with no index: a few ids are searched for in SQL, one LIKE
        # each; more are compared in Python after one read of every details text that is not
        # empty (DETAILS_SEARCHED_IDS). Either way the JSON strings are compared exactly after:
        # SQLite's LIKE ignores ASCII case, and a quoted id may end a longer string ("x\"e-1").
        if len(wanted) <= DETAILS_SEARCHED_IDS:
            where = " OR ".join(["d.details LIKE ? ESCAPE '\\'"] * len(wanted))
            params = [_containing(_json_text(event_id)) for event_id in sorted(wanted)]
        else:
            where, params = "d.details <> '{}'", []
        rows = self._execute(f"{_LINK_SELECT} WHERE l.tenant = ? AND ({where})", [tenant, *params])
        for r in rows.fetchall():
            if r[0] not in found and not wanted.isdisjoint(_json_strings(r[8])):
                found[r[0]] = r
        return [_link(r) for r in sorted(found.values(), key=lambda r: (r[5], r[0]))]

    def rewrite_identity_link(
        self, tenant: str, link_id: str, evidence_event_id: str | None, details: dict[str, Any]
    ) -> None:
        self._bump_graph(tenant)
        self._execute(
            "UPDATE identity_links SET evidence_event_id = ? WHERE tenant = ? AND link_id = ?",
            [evidence_event_id, tenant, link_id],
        )
        self._execute(
            "UPDATE identity_link_details SET details = ? WHERE tenant = ? AND link_id = ?",
            [_json_text(details), tenant, link_id],
        )

    def delete_identity_links(self, tenant: str, link_ids: Collection[str]) -> None:
        self._bump_graph(tenant)
        for chunk, marks in in_lists(sorted(set(link_ids))):
            for table in ("identity_link_details", "identity_links"):
                self._execute(
                    f"DELETE FROM {table} WHERE tenant = ? AND link_id IN ({marks})",
                    [tenant, *chunk],
                )

    def add_identity_link(
        self,
        tenant: str,
        link: IdentityLink,
    ) -> None:
        self._bump_graph(tenant)
        self._execute(
            "INSERT INTO identity_links (tenant, link_id, anonymous_id, user_id, method, "
            "evidence_event_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (tenant, link_id) DO NOTHING",
            [
                tenant,
                link.link_id,
                link.anonymous_id,
                link.user_id,
                link.method,
                link.evidence_event_id,
                link.created_at,
            ],
        )
        self._execute(
            "DELETE FROM identity_link_details WHERE tenant = ? AND link_id = ?",
            [tenant, link.link_id],
        )
        self._execute(
            "INSERT INTO identity_link_details (tenant, link_id, probability, details) "
            "VALUES (?, ?, ?, ?)",
            [
                tenant,
                link.link_id,
                link.probability,
                _json_text(link.details),
            ],
        )

    def revoke_identity_link(self, tenant: str, link_id: str, at: str, reason: str) -> None:
        self._bump_graph(tenant)
        self._execute(
            "UPDATE identity_links SET revoked_at = ? WHERE tenant = ? AND link_id = ?",
            [at, tenant, link_id],
        )
        updated = self._execute(
            "UPDATE identity_link_details SET revoked_reason = ? WHERE tenant = ? AND link_id = ?",
            [reason, tenant, link_id],
        )
        if not updated.rowcount:
            self._execute(
                "INSERT INTO identity_link_details (tenant, link_id, probability, details, "
                "revoked_reason) VALUES (?, ?, ?, ?, ?)",
                [tenant, link_id, None, "{}", reason],
            )

    # -- events identity reads ------------------------------------------------------------

    def events_with_both_ids(self, tenant: str) -> list[tuple[str, str, str, str]]:
        rows = self._execute(
            "SELECT event_id, anonymous_id, user_id, type FROM events WHERE tenant = ? "
            "AND user_id IS NOT NULL AND anonymous_id IS NOT NULL ORDER BY ts, seq",
            [tenant],
        ).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def events_with_attr(self, tenant: str, name: str) -> list[tuple[str, str | None, str]]:
        """(event_id, actor, attrs JSON) of events whose attrs mention ``name`` as a key."""
        # LIKE narrows (SQLite's ignores ASCII case, which only widens it); the caller parses the
        # JSON and checks the key exactly. The name is quoted as ingest writes attrs (non-ASCII
        # as is), and the escape character is explicit because PostgreSQL's LIKE would otherwise
        # read the backslashes of a JSON-escaped name as escapes.
        rows = self._execute(
            "SELECT event_id, actor, attrs FROM events WHERE tenant = ? "
            "AND attrs LIKE ? ESCAPE '\\' ORDER BY ts, seq",
            [tenant, _containing(json.dumps(name, ensure_ascii=False))],
        ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def stored_actors(self, tenant: str, names: Collection[str], *, known: bool) -> set[str]:
        found: set[str] = set()
        which = "IS NOT NULL" if known else "IS NULL"
        # Slices within SQLite's 500 terms of a compound SELECT.
        for chunk, _ in in_lists(sorted(set(names)), 200):
            # EXISTS stops at the first event: DISTINCT would read every event of every name.
            listed = " UNION ALL ".join(["SELECT CAST(? AS TEXT) AS actor"] * len(chunk))
            rows = self._execute(
                f"SELECT n.actor FROM ({listed}) n WHERE EXISTS (SELECT 1 FROM events e "
                f"WHERE e.tenant = ? AND e.actor = n.actor AND e.user_id {which})",
                [*chunk, tenant],
            ).fetchall()
            found.update(r[0] for r in rows)
        return found

    def known_user_ids(self, tenant: str) -> set[str]:
        rows = self._execute(
            "SELECT DISTINCT user_id FROM events WHERE tenant = ? AND user_id IS NOT NULL",
            [tenant],
        ).fetchall()
        return {r[0] for r in rows}


_LINK_SELECT = (
    "SELECT l.link_id, l.anonymous_id, l.user_id, l.method, l.evidence_event_id, "
    "l.created_at, l.revoked_at, d.probability, d.details, d.revoked_reason "
    "FROM identity_links l LEFT JOIN identity_link_details d "
    "ON d.tenant = l.tenant AND d.link_id = l.link_id"
)

#: Up to this many event ids, ``identity_links_citing`` searches link details for each in SQL.
#: A LIKE reads every details text once per id: on 5,000 merges with 5 KB of details each, about
#: 0.12 s per id on SQLite and 0.16 s on PostgreSQL, where reading them all once and comparing
#: in Python took 1.1 to 1.6 s on both; at 4 ids a search costs at most half the read.
DETAILS_SEARCHED_IDS = 4


def _json_text(value: Any) -> str:
    """JSON as link details are stored (non-ASCII as is), and as an id is searched in them."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _containing(text: str) -> str:
    """A LIKE pattern (escape character ``\\``) for a text holding ``text``."""
    for special in ("\\", "%", "_"):
        text = text.replace(special, "\\" + special)
    return f"%{text}%"


def _json_strings(text: str) -> set[str]:
    """Every string (key or value) of a JSON text."""
    found: set[str] = set()
    stack = [json.loads(text)]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            found.update(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found


def _link(row: Sequence[Any]) -> IdentityLink:
    return IdentityLink(
        link_id=row[0],
        anonymous_id=row[1],
        user_id=row[2],
        method=row[3],
        evidence_event_id=row[4],
        created_at=row[5],
        revoked_at=row[6],
        probability=row[7],
        details=json.loads(row[8]) if row[8] else {},
        revoked_reason=row[9],
    )
