-- The audit trail and live-update feed; ids only grow.
-- Each statement ends with ';' at the end of a line (see docs/ARCHITECTURE.md, Storage).

CREATE TABLE IF NOT EXISTS events (
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

CREATE INDEX IF NOT EXISTS ix_events_feed ON events (workspace_id, id);

CREATE INDEX IF NOT EXISTS ix_events_release ON events (release_id, id);
