-- API keys of the HTTP service (persona6/server/keys.py). A key belongs to one tenant; only a
-- SHA-256 hash of its secret is stored, so a leaked database does not leak usable keys.
-- Portable SQL: no dialect-specific types or functions.
CREATE TABLE api_keys (
    key_id TEXT NOT NULL PRIMARY KEY,
    tenant TEXT NOT NULL,
    name TEXT,
    secret_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX api_keys_by_tenant ON api_keys (tenant);
