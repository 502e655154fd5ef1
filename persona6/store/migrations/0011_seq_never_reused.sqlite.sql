-- An event's seq is never given twice. As INTEGER PRIMARY KEY, seq was MAX(seq) + 1: once a
-- forget deleted the newest events, the next event recorded took a seq at or below the
-- watermarks kept as seqs (build_state.built_seq, identity_state.units_seq), and no
-- incremental build or identity refresh ever read it. AUTOINCREMENT never gives a seq twice.
-- SQLite cannot change a key in place: the events are copied, seqs and all, into a table of
-- the same columns with the new key, which takes the name events; the indexes are made again.
-- The counter (sqlite_sequence) then starts above every seq stored or held by a watermark, so
-- a seq forgotten before this migration is not given again either.
-- (PostgreSQL's identity sequence never reuses a value: 0011_seq_never_reused.postgresql.sql.)
CREATE TABLE events_autoincrement (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant TEXT NOT NULL,
    event_id TEXT NOT NULL,
    ts TEXT NOT NULL,
    session_id TEXT NOT NULL,
    user_id TEXT,
    anonymous_id TEXT,
    actor TEXT,
    type TEXT NOT NULL,
    role TEXT,
    name TEXT,
    text TEXT,
    attrs TEXT NOT NULL,
    source TEXT,
    ingested_at TEXT NOT NULL,
    UNIQUE (tenant, event_id)
);
INSERT INTO events_autoincrement (seq, tenant, event_id, ts, session_id, user_id, anonymous_id,
    actor, type, role, name, text, attrs, source, ingested_at)
SELECT seq, tenant, event_id, ts, session_id, user_id, anonymous_id, actor, type, role, name,
    text, attrs, source, ingested_at FROM events ORDER BY seq;
DROP TABLE events;
ALTER TABLE events_autoincrement RENAME TO events;
CREATE INDEX events_by_session ON events (tenant, session_id);
CREATE INDEX events_by_actor ON events (tenant, actor);
CREATE INDEX events_by_alias ON events (tenant, anonymous_id)
    WHERE user_id IS NOT NULL AND anonymous_id IS NOT NULL;
CREATE INDEX events_by_seq ON events (tenant, seq);
DELETE FROM sqlite_sequence WHERE name IN ('events', 'events_autoincrement');
INSERT INTO sqlite_sequence (name, seq) VALUES ('events', MAX(
    (SELECT COALESCE(MAX(seq), 0) FROM events),
    (SELECT COALESCE(MAX(built_seq), 0) FROM build_state),
    (SELECT COALESCE(MAX(units_seq), 0) FROM identity_state)
));
