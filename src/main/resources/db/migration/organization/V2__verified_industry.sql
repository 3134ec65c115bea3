-- The industry as the operator saw it when accrediting the organization. Rules that give something for an industry
-- (SPEC §4.2: free participation in purchases of the nuclear industry) read this, not the free-text industry the
-- organization's admin may change at any time after accreditation.
ALTER TABLE organization ADD COLUMN verified_industry VARCHAR(200);
UPDATE organization SET verified_industry = industry WHERE status = 'ACCREDITED';
