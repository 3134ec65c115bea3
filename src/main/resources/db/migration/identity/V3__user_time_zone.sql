-- The user's time zone (issue 16): an IANA region id such as Europe/Moscow, in which pages show dates and times.
-- Empty until the first sign-in brings the browser's zone, or the user picks one on the account page.
ALTER TABLE app_user ADD COLUMN time_zone VARCHAR(64);
