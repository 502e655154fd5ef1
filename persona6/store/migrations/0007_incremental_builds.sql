-- What a build keeps of each person's (kind, key) so that the next build folds new sessions
-- into it instead of reading every past signal again (persona6/graph/consolidate.py,
-- KeyState; docs/graph.md). Derived like the rest of the graph: a missing or stale row
-- (another `version`) is recomputed from the signals.
--   state: the fold of every session of the key but the last one, as JSON;
--   last_session: that last session, whose signals are folded in at each build, so that a
--     session still receiving events is re-read alone;
--   traits: the key's traits before changes of mind across keys, as JSON (polar kinds only:
--     a build needs every polar trait of the person, not only those of the keys it touched).
CREATE TABLE key_states (
    tenant TEXT NOT NULL,
    person_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    version TEXT NOT NULL,
    last_session TEXT,
    state TEXT NOT NULL,
    traits TEXT NOT NULL,
    PRIMARY KEY (tenant, person_id, kind, key)
);

-- The newest events of a tenant (the build watermark, sessions with events past it): without
-- it, both read every event of the tenant through the session or actor index at each build.
-- Appends to its end as events are recorded, so ingest pays little for it.
CREATE INDEX events_by_seq ON events (tenant, seq);
