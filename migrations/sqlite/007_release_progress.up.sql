-- What the orchestrator needs to move releases: each release's own settings (a snapshot,
-- so editing a train never changes a started release), claim tokens and wait reasons on
-- tasks, and the announcements outbox (chat messages posted once per release, kind and cycle).
-- Each statement ends with ';' at the end of a line (see docs/ARCHITECTURE.md, Storage).

ALTER TABLE releases ADD COLUMN platforms TEXT NOT NULL DEFAULT '';

ALTER TABLE releases ADD COLUMN settings TEXT;

ALTER TABLE tasks ADD COLUMN claim_token TEXT;

ALTER TABLE tasks ADD COLUMN waiting_for TEXT;

CREATE TABLE IF NOT EXISTS announcements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    release_id INTEGER NOT NULL,
    dedupe_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    channel_id TEXT,
    message_ts TEXT,
    first_attempt_at TEXT,
    claim_owner TEXT,
    claim_token TEXT,
    claim_expires_at TEXT,
    sent_at TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    UNIQUE (workspace_id, dedupe_key),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    FOREIGN KEY (release_id) REFERENCES releases (id) ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS ix_announcements_due ON announcements (workspace_id, status, next_attempt_at);

CREATE INDEX IF NOT EXISTS ix_announcements_release ON announcements (release_id, id);

CREATE INDEX IF NOT EXISTS ix_releases_kickoff ON releases (workspace_id, status, kickoff_at);

CREATE INDEX IF NOT EXISTS ix_regression_slots_open ON regression_slots (workspace_id, cycle_id, slot_at);
