-- A counter per tenant that moves with every write of identity settings or of a linking model,
-- in any connection or process: with the graph's epoch (0006), what linking's answers depend on
-- (Store.linking_version), so caches of them (the server's probable persons) key on one cheap
-- read. Settings and models change no graph: graph_version, and the behaviour caches keyed on
-- it, stay as they are.
-- Portable SQL: no dialect-specific types or functions.
CREATE TABLE linking_epochs (
    tenant TEXT NOT NULL PRIMARY KEY,
    epoch INTEGER NOT NULL
);
