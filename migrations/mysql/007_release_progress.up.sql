-- What the orchestrator needs to move releases: each release's own settings (a snapshot,
-- so editing a train never changes a started release), claim tokens and wait reasons on
-- tasks, and the announcements outbox (chat messages posted once per release, kind and cycle).
-- Each statement ends with ';' at the end of a line (see docs/ARCHITECTURE.md, Storage).

ALTER TABLE releases ADD COLUMN IF NOT EXISTS platforms VARCHAR(64) NOT NULL DEFAULT '';

ALTER TABLE releases ADD COLUMN IF NOT EXISTS settings TEXT;

ALTER TABLE tasks ADD COLUMN IF NOT EXISTS claim_token VARCHAR(64);

ALTER TABLE tasks ADD COLUMN IF NOT EXISTS waiting_for TEXT;

CREATE TABLE IF NOT EXISTS announcements (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    workspace_id BIGINT NOT NULL,
    release_id BIGINT NOT NULL,
    dedupe_key VARCHAR(255) NOT NULL,
    kind VARCHAR(64) NOT NULL,
    body TEXT NOT NULL,
    status VARCHAR(40) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3),
    last_error TEXT,
    channel_id VARCHAR(255),
    message_ts VARCHAR(64),
    first_attempt_at DATETIME(3),
    claim_owner VARCHAR(255),
    claim_token VARCHAR(64),
    claim_expires_at DATETIME(3),
    sent_at DATETIME(3),
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE (workspace_id, dedupe_key),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    FOREIGN KEY (release_id) REFERENCES releases (id) ON DELETE CASCADE,
    INDEX ix_announcements_due (workspace_id, status, next_attempt_at),
    INDEX ix_announcements_release (release_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX IF NOT EXISTS ix_releases_kickoff ON releases (workspace_id, status, kickoff_at);

CREATE INDEX IF NOT EXISTS ix_regression_slots_open ON regression_slots (workspace_id, cycle_id, slot_at);
