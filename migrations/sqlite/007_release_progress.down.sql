DROP INDEX IF EXISTS ix_regression_slots_open;

DROP INDEX IF EXISTS ix_releases_kickoff;

DROP TABLE IF EXISTS announcements;

ALTER TABLE tasks DROP COLUMN waiting_for;

ALTER TABLE tasks DROP COLUMN claim_token;

ALTER TABLE releases DROP COLUMN settings;

ALTER TABLE releases DROP COLUMN platforms;
