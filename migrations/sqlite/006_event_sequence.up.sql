-- A per-workspace sequence for events: the feed pages by seq, and a writer takes the next
-- seq under its workspace's row lock, so events commit in seq order (ids need not).
-- Existing events are numbered by id. SQLite cannot add a NOT NULL column without a
-- default, so events is rebuilt; the step runs in one transaction.
-- Each statement ends with ';' at the end of a line (see docs/ARCHITECTURE.md, Storage).

CREATE TABLE IF NOT EXISTS event_sequences (
    workspace_id INTEGER NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS events_numbered (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    release_id INTEGER,
    account_id INTEGER,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    data TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    UNIQUE (workspace_id, seq),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    FOREIGN KEY (release_id) REFERENCES releases (id) ON DELETE SET NULL,
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE RESTRICT
);

INSERT INTO events_numbered (id, workspace_id, seq, release_id, account_id, actor, kind, message, data, created_at)
    SELECT id, workspace_id, ROW_NUMBER() OVER (PARTITION BY workspace_id ORDER BY id),
           release_id, account_id, actor, kind, message, data, created_at
    FROM events;

DROP TABLE events;

ALTER TABLE events_numbered RENAME TO events;

CREATE INDEX IF NOT EXISTS ix_events_release ON events (release_id, id);

INSERT INTO event_sequences (workspace_id, last_seq)
    SELECT workspace_id, MAX(seq) FROM events GROUP BY workspace_id;
