-- Undoes 006_event_sequence.up.sql: events without seq, paged by id again.

CREATE INDEX IF NOT EXISTS ix_events_feed ON events (workspace_id, id);

DROP INDEX IF EXISTS uq_events_seq ON events;

ALTER TABLE events DROP COLUMN IF EXISTS seq;

DROP TABLE IF EXISTS event_sequences;
