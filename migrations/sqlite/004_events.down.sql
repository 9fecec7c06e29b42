-- Undoes 004_events.up.sql.

DROP TABLE IF EXISTS events;
