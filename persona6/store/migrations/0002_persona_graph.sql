-- The persona graph: signals extracted per session, traits consolidated per person, and the
-- build watermark. Everything here is derived from events and can be rebuilt from them.
CREATE TABLE signals (
    tenant TEXT NOT NULL,
    session_id TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    polarity REAL NOT NULL,
    weight REAL NOT NULL,
    measure REAL,
    ts TEXT NOT NULL,
    producer TEXT NOT NULL,
    evidence TEXT NOT NULL,
    vector TEXT,
    context TEXT NOT NULL
);
CREATE INDEX signals_by_session ON signals (tenant, session_id);
CREATE INDEX signals_by_actor ON signals (tenant, actor, kind, key);

CREATE TABLE traits (
    tenant TEXT NOT NULL,
    trait_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    body TEXT NOT NULL,
    confidence REAL NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    PRIMARY KEY (tenant, trait_id)
);
CREATE INDEX traits_by_person ON traits (tenant, person_id, kind, key);

CREATE TABLE evidence_index (
    tenant TEXT NOT NULL,
    event_id TEXT NOT NULL,
    trait_id TEXT NOT NULL
);
CREATE INDEX evidence_by_event ON evidence_index (tenant, event_id);
CREATE INDEX evidence_by_trait ON evidence_index (tenant, trait_id);

CREATE TABLE build_state (
    tenant TEXT NOT NULL PRIMARY KEY,
    built_seq INTEGER NOT NULL,
    built_at TEXT NOT NULL
);
