-- The audit trail and live-update feed; ids only grow.
-- Each statement ends with ';' at the end of a line (see docs/ARCHITECTURE.md, Storage).

CREATE TABLE IF NOT EXISTS events (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    workspace_id BIGINT NOT NULL,
    release_id BIGINT,
    account_id BIGINT,
    actor VARCHAR(255) NOT NULL,
    kind VARCHAR(64) NOT NULL,
    message TEXT NOT NULL,
    data TEXT,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    FOREIGN KEY (release_id) REFERENCES releases (id) ON DELETE SET NULL,
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE RESTRICT,
    INDEX ix_events_feed (workspace_id, id),
    INDEX ix_events_release (release_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
