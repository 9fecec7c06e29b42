DROP TABLE IF EXISTS announcements;

DROP INDEX IF EXISTS ix_regression_slots_open ON regression_slots;

DROP INDEX IF EXISTS ix_releases_kickoff ON releases;

ALTER TABLE tasks DROP COLUMN IF EXISTS waiting_for;

ALTER TABLE tasks DROP COLUMN IF EXISTS claim_token;

ALTER TABLE releases DROP COLUMN IF EXISTS settings;

ALTER TABLE releases DROP COLUMN IF EXISTS platforms;
