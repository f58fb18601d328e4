-- Appending to the audit trail checked a foreign key from every event to its organization: 10,000
-- row checks in a bulk triage of 10,000 findings (~130 ms of it on PGlite, measured). The check
-- is redundant: store/events.ts locks the organization's audit head (audit_heads, which keeps
-- its own key to orgs) before it appends, so the organization exists and cannot go while the
-- events are written. No route or command deletes an organization, so the cascade this key
-- carried never ran.
ALTER TABLE events DROP CONSTRAINT IF EXISTS events_org_id_fkey;
