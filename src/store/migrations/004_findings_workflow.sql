-- Findings as hypotheses, typed in by hand or from red-team exercises, routed by rules, and a
-- person's queue (a regressed finding is put in its zone owner's queue).

CREATE TABLE exercises (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  scope        text NOT NULL DEFAULT '',
  participants text[] NOT NULL CHECK (cardinality(participants) >= 1),
  started_on   date NOT NULL,
  ended_on     date,
  zone_id      uuid REFERENCES zones(id),
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL,
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX exercises_org_idx ON exercises (org_id, started_on DESC);

ALTER TABLE findings ADD COLUMN source text NOT NULL DEFAULT 'import' CHECK (source IN ('import', 'manual', 'exercise'));
ALTER TABLE findings ADD COLUMN exercise_id uuid REFERENCES exercises(id);
ALTER TABLE findings ADD COLUMN created_by text;
ALTER TABLE findings ADD COLUMN user_scenario text;
ALTER TABLE findings ADD COLUMN threat_model text;
ALTER TABLE findings ADD COLUMN system_boundary text;
ALTER TABLE findings ADD COLUMN introduced_on date;
-- Taken by a run imported without a zone (routed by rules, or left unrouted): such runs judge
-- absence among these findings only.
ALTER TABLE findings ADD COLUMN routed boolean NOT NULL DEFAULT false;
-- Over the content columns as the importer gave them: a re-import rewrites them only when it changed.
ALTER TABLE findings ADD COLUMN content_hash text NOT NULL DEFAULT '';
CREATE INDEX findings_exercise_idx ON findings (exercise_id) WHERE exercise_id IS NOT NULL;
CREATE INDEX findings_unrouted_idx ON findings (org_id, first_seen_at DESC) WHERE zone_id IS NULL;
CREATE INDEX findings_org_first_seen_idx ON findings (org_id, first_seen_at DESC);

-- A re-import of a finding that is still present and unchanged writes no findings row: only its
-- run_findings outcome (measured: rewriting 200k ~850-byte rows to move last_seen_at cost more
-- than the rest of the import together). Last seen is read from run_findings; absence is judged
-- by an anti-join with the staged run, not by a last_run_id column.
ALTER TABLE findings DROP COLUMN last_seen_at;
ALTER TABLE findings DROP COLUMN last_run_id;
-- Per-row foreign-key checks on the import path cost as much as the inserts they guard
-- (measured ~4.6 µs per check and row on PostgreSQL): runs and findings are never deleted one
-- by one, and the merge writes these columns from rows it has just read or written.
ALTER TABLE findings DROP CONSTRAINT findings_first_run_id_fkey;
ALTER TABLE run_findings DROP CONSTRAINT run_findings_run_id_fkey;
ALTER TABLE run_findings DROP CONSTRAINT run_findings_finding_id_fkey;
CREATE INDEX runs_zone_idx ON runs (org_id, zone_id, imported_at DESC);

CREATE TABLE routing_rules (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id     uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  position   integer NOT NULL CHECK (position >= 1),
  field      text NOT NULL CHECK (field IN ('target', 'rule', 'location')),
  pattern    text NOT NULL CHECK (length(pattern) BETWEEN 1 AND 500),
  format     text,
  zone_id    uuid NOT NULL REFERENCES zones(id),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX routing_rules_org_idx ON routing_rules (org_id, position);

CREATE TABLE queue_items (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id     uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users(id),
  kind       text NOT NULL CHECK (kind IN ('finding.regressed')),
  finding_id uuid NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
  run_id     uuid REFERENCES runs(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  read_at    timestamptz
);
CREATE INDEX queue_items_user_idx ON queue_items (org_id, user_id, created_at DESC);
