-- A running linking index follows other processes' profile writes by reading only the rows
-- written since it last looked (identity_profiles.version above the counter it saw), so that
-- read costs what changed, not every person.
CREATE INDEX identity_profiles_by_version ON identity_profiles (tenant, version);
