-- Framework mappings: an item of a framework (NIST AI RMF subcategory, ISO/IEC 42001 Annex A
-- control, OWASP LLM Top 10 risk, MITRE ATLAS technique) ↔ a zone, a finding, a remediation
-- item, or a control. A control is a free-text record held on the mapping itself (what is in
-- place, and the evidence that it works); remediation items map as remediations.
-- The catalog itself is not in the database: it is read from data/frameworks/ (see
-- src/services/framework-catalog.ts); framework and item are its ids, checked when written.
-- Findings also map automatically through their category ids (owasp-llm:LLM01, atlas:AML.T0051…):
-- those are read from findings.categories, not copied here.
CREATE TABLE framework_mappings (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id           uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  framework        text NOT NULL CHECK (framework IN ('nist-ai-rmf', 'iso-42001', 'owasp-llm', 'mitre-atlas')),
  item_id          text NOT NULL CHECK (length(item_id) BETWEEN 1 AND 40),
  target_type      text NOT NULL CHECK (target_type IN ('zone', 'finding', 'remediation', 'control')),
  zone_id          uuid REFERENCES zones(id) ON DELETE CASCADE,
  finding_id       uuid REFERENCES findings(id) ON DELETE CASCADE,
  remediation_id   uuid REFERENCES remediations(id) ON DELETE CASCADE,
  control_title    text CHECK (length(control_title) BETWEEN 1 AND 300),
  control_evidence text NOT NULL DEFAULT '' CHECK (length(control_evidence) <= 5000),
  note             text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL,
  CHECK (num_nonnulls(zone_id, finding_id, remediation_id, control_title) = 1),
  CHECK ((target_type = 'zone') = (zone_id IS NOT NULL)),
  CHECK ((target_type = 'finding') = (finding_id IS NOT NULL)),
  CHECK ((target_type = 'remediation') = (remediation_id IS NOT NULL)),
  CHECK ((target_type = 'control') = (control_title IS NOT NULL))
);
CREATE INDEX framework_mappings_item_idx ON framework_mappings (org_id, framework, item_id);
-- One mapping of a record to an item (controls are free text: several may map to one item).
CREATE UNIQUE INDEX framework_mappings_record_idx ON framework_mappings
  (org_id, framework, item_id, target_type, coalesce(zone_id, finding_id, remediation_id))
  WHERE target_type <> 'control';
