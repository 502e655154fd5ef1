-- The append-only event log and the identity links that identify events state.
-- Portable SQL: {{seq_pk}} is the only per-dialect token (see persona6/store/sql.py).
CREATE TABLE events (
    seq {{seq_pk}},
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
-- actor = COALESCE(user_id, anonymous_id): one index serves both kinds of actor. The partial
-- index finds the few events that carry both ids (identify events) by their anonymous id.
-- Fewer, narrower indexes keep ingest fast (docs/benchmarks.md).
CREATE INDEX events_by_session ON events (tenant, session_id);
CREATE INDEX events_by_actor ON events (tenant, actor);
CREATE INDEX events_by_alias ON events (tenant, anonymous_id)
    WHERE user_id IS NOT NULL AND anonymous_id IS NOT NULL;

CREATE TABLE identity_links (
    tenant TEXT NOT NULL,
    link_id TEXT NOT NULL,
    anonymous_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    method TEXT NOT NULL,
    evidence_event_id TEXT,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    PRIMARY KEY (tenant, link_id)
);
CREATE INDEX identity_links_by_anonymous ON identity_links (tenant, anonymous_id);
