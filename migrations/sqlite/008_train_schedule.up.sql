-- Release trains that run themselves: the time zone of their kickoff, the reminder lead,
-- the target offset, the version bump, the RC tag pattern, a pause switch, and the
-- schedule's state (the anchor every N weeks counts from, the last kickoff that got its
-- release, the next kickoff and its reminder, in UTC). The orchestrator finds due trains
-- by (workspace_id, next_reminder_at); a paused train's next times are NULL.
-- Each statement ends with ';' at the end of a line (see docs/ARCHITECTURE.md, Storage).

ALTER TABLE release_configs ADD COLUMN rc_tag_pattern TEXT NOT NULL DEFAULT 'v{version}-rc.{cycle}';

ALTER TABLE release_configs ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';

ALTER TABLE release_configs ADD COLUMN reminder_seconds INTEGER NOT NULL DEFAULT 3600 CHECK (reminder_seconds >= 0);

ALTER TABLE release_configs ADD COLUMN target_seconds INTEGER CHECK (target_seconds > 0);

ALTER TABLE release_configs ADD COLUMN version_bump TEXT NOT NULL DEFAULT 'MINOR' CHECK (version_bump IN ('MAJOR', 'MINOR', 'PATCH'));

ALTER TABLE release_configs ADD COLUMN paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1));

ALTER TABLE release_configs ADD COLUMN schedule_anchor TEXT;

ALTER TABLE release_configs ADD COLUMN last_kickoff_at TEXT;

ALTER TABLE release_configs ADD COLUMN next_kickoff_at TEXT;

ALTER TABLE release_configs ADD COLUMN next_reminder_at TEXT;

CREATE INDEX IF NOT EXISTS ix_release_configs_due ON release_configs (workspace_id, next_reminder_at);
