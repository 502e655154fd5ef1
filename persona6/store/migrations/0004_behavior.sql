-- Behaviour under failure (persona6/behavior/) reads the signals of one kind for a whole tenant
-- (failure episodes, style and task signals for archetypes); this index serves those reads.
-- Nothing new is stored: episodes, archetypes and predictions are computed from signals.
CREATE INDEX signals_by_kind ON signals (tenant, kind, ts);
