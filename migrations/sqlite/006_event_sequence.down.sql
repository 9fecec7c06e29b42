-- Undoes 006_event_sequence.up.sql: events without seq, paged by id again.

CREATE TABLE IF NOT EXISTS events_by_id (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    release_id INTEGER,
    account_id INTEGER,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    data TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    FOREIGN KEY (release_id) REFERENCES releases (id) ON DELETE SET NULL,
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE RESTRICT
);

INSERT INTO events_by_id (id, workspace_id, release_id, account_id, actor, kind, message, data, created_at)
    SELECT id, workspace_id, release_id, account_id, actor, kind, message, data, created_at
    FROM events;

DROP TABLE events;

ALTER TABLE events_by_id RENAME TO events;

CREATE INDEX IF NOT EXISTS ix_events_feed ON events (workspace_id, id);

CREATE INDEX IF NOT EXISTS ix_events_release ON events (release_id, id);

DROP TABLE IF EXISTS event_sequences;
