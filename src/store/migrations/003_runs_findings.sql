-- Findings intake: runs (one import each) and findings with a stable fingerprint, and the
-- outcome of every finding in every run (new, still present, not reproduced, regressed).

ALTER TABLE orgs ADD COLUMN verify_after_clean_runs integer NOT NULL DEFAULT 2
  CHECK (verify_after_clean_runs BETWEEN 1 AND 100);

CREATE TABLE runs (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  zone_id        uuid REFERENCES zones(id),
  format         text NOT NULL,
  tool           text NOT NULL,
  tool_version   text,
  target         text,
  file_name      text NOT NULL,
  checksum       text NOT NULL,
  size_bytes     bigint NOT NULL,
  started_at     timestamptz,
  introduced_in  text,
  actor          text NOT NULL,
  imported_at    timestamptz NOT NULL,
  counts         jsonb NOT NULL,
  reported       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX runs_org_idx ON runs (org_id, imported_at DESC);
-- The very same file imported twice into the same scope is one run.
CREATE UNIQUE INDEX runs_same_file_idx ON runs (org_id, coalesce(zone_id, '00000000-0000-0000-0000-000000000000'::uuid), format, checksum);

CREATE TABLE findings (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id           uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  zone_id          uuid REFERENCES zones(id),
  format           text NOT NULL,
  fingerprint      text NOT NULL,
  target           text,
  title            text NOT NULL,
  severity         text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
  rule_id          text NOT NULL,
  location         text,
  description      text NOT NULL DEFAULT '',
  mitigation       text,
  categories       text[] NOT NULL DEFAULT '{}',
  counts           jsonb,
  evidence         jsonb NOT NULL DEFAULT '[]',
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fixed_unverified', 'verified')),
  regressed        boolean NOT NULL DEFAULT false,
  regression_count integer NOT NULL DEFAULT 0,
  clean_runs       integer NOT NULL DEFAULT 0,
  first_seen_at    timestamptz NOT NULL,
  last_seen_at     timestamptz NOT NULL,
  first_run_id     uuid REFERENCES runs(id),
  last_run_id      uuid REFERENCES runs(id),
  introduced_in    text,
  status_changed_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX findings_identity_idx ON findings
  (org_id, coalesce(zone_id, '00000000-0000-0000-0000-000000000000'::uuid), format, fingerprint);
CREATE INDEX findings_zone_status_idx ON findings (org_id, zone_id, status, severity);

CREATE TABLE run_findings (
  run_id      uuid NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  finding_id  uuid NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
  outcome     text NOT NULL CHECK (outcome IN ('new', 'still_present', 'not_reproduced', 'regressed', 'verified')),
  PRIMARY KEY (run_id, finding_id)
);
CREATE INDEX run_findings_finding_idx ON run_findings (finding_id);
