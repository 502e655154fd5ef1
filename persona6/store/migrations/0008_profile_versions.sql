-- Which version of each person's linking profile is stored, so that a saved linking index
-- (persona6/identity/snapshot.py) can tell which persons changed since it was saved and
-- re-index only those.
--   identity_state.profiles_version: a per-tenant counter, raised once by each rewrite of
--     profiles; it never goes down, so a version is never given twice;
--   identity_profiles.version: the counter's value when the row was written.
ALTER TABLE identity_state ADD COLUMN profiles_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE identity_profiles ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
