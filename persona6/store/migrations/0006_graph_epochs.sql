-- A counter per tenant that moves with every write to the graph (signals, traits, identity
-- links, forgotten events), in any connection or process: caches of derived answers key on it
-- (Store.graph_version), so recording events alone does not invalidate them.
-- Portable SQL: no dialect-specific types or functions.
CREATE TABLE graph_epochs (
    tenant TEXT NOT NULL PRIMARY KEY,
    epoch INTEGER NOT NULL
);
