-- A per-workspace sequence for events: the feed pages by seq, and a writer takes the next
-- seq under its workspace's row lock, so events commit in seq order. Auto-increment ids
-- are handed out at insert, not at commit, so concurrent transactions commit them out of
-- order and a reader paging by id would skip the one that commits late.
-- Existing events are numbered by id. Every statement may run again after a crash (the
-- ALTERs use MariaDB's IF [NOT] EXISTS; the numbering gives the same numbers again).
-- Each statement ends with ';' at the end of a line (see docs/ARCHITECTURE.md, Storage).

CREATE TABLE IF NOT EXISTS event_sequences (
    workspace_id BIGINT NOT NULL,
    last_seq BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE events ADD COLUMN IF NOT EXISTS seq BIGINT NULL AFTER workspace_id;

UPDATE events JOIN (
        SELECT id, ROW_NUMBER() OVER (PARTITION BY workspace_id ORDER BY id) AS n FROM events
    ) numbered ON numbered.id = events.id
    SET events.seq = numbered.n;

ALTER TABLE events MODIFY seq BIGINT NOT NULL;

CREATE UNIQUE INDEX IF NOT EXISTS uq_events_seq ON events (workspace_id, seq);

DROP INDEX IF EXISTS ix_events_feed ON events;

INSERT INTO event_sequences (workspace_id, last_seq)
    SELECT workspace_id, MAX(seq) FROM events GROUP BY workspace_id
    ON DUPLICATE KEY UPDATE last_seq = GREATEST(event_sequences.last_seq, VALUES(last_seq));
