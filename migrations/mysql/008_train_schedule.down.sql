DROP INDEX IF EXISTS ix_release_configs_due ON release_configs;

ALTER TABLE release_configs DROP COLUMN IF EXISTS next_reminder_at;

ALTER TABLE release_configs DROP COLUMN IF EXISTS next_kickoff_at;

ALTER TABLE release_configs DROP COLUMN IF EXISTS last_kickoff_at;

ALTER TABLE release_configs DROP COLUMN IF EXISTS schedule_anchor;

ALTER TABLE release_configs DROP COLUMN IF EXISTS paused;

ALTER TABLE release_configs DROP COLUMN IF EXISTS version_bump;

ALTER TABLE release_configs DROP COLUMN IF EXISTS target_seconds;

ALTER TABLE release_configs DROP COLUMN IF EXISTS reminder_seconds;

ALTER TABLE release_configs DROP COLUMN IF EXISTS time_zone;

ALTER TABLE release_configs DROP COLUMN IF EXISTS rc_tag_pattern;
