-- Release trains that run themselves: the time zone of their kickoff, the reminder lead,
-- the target offset, the version bump, the RC tag pattern, a pause switch, and the
-- schedule's state (the anchor every N weeks counts from, the last kickoff that got its
-- release, the next kickoff and its reminder, in UTC). The orchestrator finds due trains
-- by (workspace_id, next_reminder_at); a paused train's next times are NULL.
-- Every statement may run again after a crash (MariaDB's IF NOT EXISTS).
-- Each statement ends with ';' at the end of a line (see docs/ARCHITECTURE.md, Storage).

ALTER TABLE release_configs ADD COLUMN IF NOT EXISTS rc_tag_pattern VARCHAR(255) NOT NULL DEFAULT 'v{version}-rc.{cycle}';

ALTER TABLE release_configs ADD COLUMN IF NOT EXISTS time_zone VARCHAR(64) NOT NULL DEFAULT 'UTC';

ALTER TABLE release_configs ADD COLUMN IF NOT EXISTS reminder_seconds BIGINT NOT NULL DEFAULT 3600 CHECK (reminder_seconds >= 0);

ALTER TABLE release_configs ADD COLUMN IF NOT EXISTS target_seconds BIGINT CHECK (target_seconds > 0);

ALTER TABLE release_configs ADD COLUMN IF NOT EXISTS version_bump VARCHAR(8) NOT NULL DEFAULT 'MINOR' CHECK (version_bump IN ('MAJOR', 'MINOR', 'PATCH'));

ALTER TABLE release_configs ADD COLUMN IF NOT EXISTS paused BOOLEAN NOT NULL DEFAULT 0 CHECK (paused IN (0, 1));

ALTER TABLE release_configs ADD COLUMN IF NOT EXISTS schedule_anchor VARCHAR(10);

ALTER TABLE release_configs ADD COLUMN IF NOT EXISTS last_kickoff_at DATETIME(3);

ALTER TABLE release_configs ADD COLUMN IF NOT EXISTS next_kickoff_at DATETIME(3);

ALTER TABLE release_configs ADD COLUMN IF NOT EXISTS next_reminder_at DATETIME(3);

CREATE INDEX IF NOT EXISTS ix_release_configs_due ON release_configs (workspace_id, next_reminder_at);
