-- Forgetting events looks up the identity links they prove (identity_links_citing) by
-- evidence_event_id, a slice of ids at a time: an index lookup, not a read of every link.
CREATE INDEX identity_links_by_evidence ON identity_links (tenant, evidence_event_id);
