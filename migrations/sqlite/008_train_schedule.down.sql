DROP INDEX IF EXISTS ix_release_configs_due;

ALTER TABLE release_configs DROP COLUMN next_reminder_at;

ALTER TABLE release_configs DROP COLUMN next_kickoff_at;

ALTER TABLE release_configs DROP COLUMN last_kickoff_at;

ALTER TABLE release_configs DROP COLUMN schedule_anchor;

ALTER TABLE release_configs DROP COLUMN paused;

ALTER TABLE release_configs DROP COLUMN version_bump;

ALTER TABLE release_configs DROP COLUMN target_seconds;

ALTER TABLE release_configs DROP COLUMN reminder_seconds;

ALTER TABLE release_configs DROP COLUMN time_zone;

ALTER TABLE release_configs DROP COLUMN rc_tag_pattern;
