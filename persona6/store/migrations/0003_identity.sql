-- Identity linking (persona6/identity/): per (session, actor) evidence units, per-person
-- profiles summed from them, fitted linking models, per-tenant settings, and the details of
-- links that linking made (probability, evidence; why a link was revoked). Units and profiles
-- are derived from events and signals and can be rebuilt (persona6 link --refresh).
-- Portable SQL: no dialect-specific types or functions.
CREATE TABLE identity_units (
    tenant TEXT NOT NULL,
    session_id TEXT NOT NULL,
    actor TEXT NOT NULL,
    person_id TEXT NOT NULL,
    known INTEGER NOT NULL,
    first_ts TEXT NOT NULL,
    last_ts TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (tenant, session_id, actor)
);
CREATE INDEX identity_units_by_actor ON identity_units (tenant, actor);
CREATE INDEX identity_units_by_person ON identity_units (tenant, person_id);

CREATE TABLE identity_profiles (
    tenant TEXT NOT NULL,
    person_id TEXT NOT NULL,
    sessions INTEGER NOT NULL,
    last_ts TEXT,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant, person_id)
);

CREATE TABLE identity_state (
    tenant TEXT NOT NULL PRIMARY KEY,
    units_seq INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE identity_models (
    tenant TEXT NOT NULL,
    model_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (tenant, model_id)
);

CREATE TABLE identity_settings (
    tenant TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant, name)
);

CREATE TABLE identity_link_details (
    tenant TEXT NOT NULL,
    link_id TEXT NOT NULL,
    probability REAL,
    details TEXT NOT NULL,
    revoked_reason TEXT,
    PRIMARY KEY (tenant, link_id)
);
