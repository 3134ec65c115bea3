-- A notice is kept as its message key and typed arguments (JSON: [{"t": type, "v": value}, ...]) and rendered in
-- the reader's language at each reading (UI.md convention 11). title and body keep the text rendered for the
-- recipient at delivery: the e-mail's text, and all there is for rows written before this migration (whose
-- message_key is NULL), which therefore stay displayable as they were.
ALTER TABLE notification ADD COLUMN message_key VARCHAR(200);
ALTER TABLE notification ADD COLUMN args JSONB;
