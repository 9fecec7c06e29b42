DROP TABLE IF EXISTS sandbox_runs;

DROP TABLE IF EXISTS sandbox_tickets;

DROP TABLE IF EXISTS sandbox_messages;

DROP TABLE IF EXISTS sandbox_releases;

DROP TABLE IF EXISTS sandbox_refs;

DROP TABLE IF EXISTS sandbox_states;
