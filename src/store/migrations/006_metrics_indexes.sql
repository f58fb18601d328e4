-- Indexes for the remediation metrics (store/metrics-*.ts), measured with 1,000,000 findings,
-- 100,000 remediation items and 2,000 zones (bench/remediation.ts). Each lets a metrics query
-- read one narrow index instead of the wide rows: by organization for the dashboard, by zone
-- for a scorecard (an owner's zones) or a zone's figures.

-- Remediation figures read every item of a scope once: status, dates, severity and effort.
CREATE INDEX remediations_metrics_idx ON remediations (org_id, zone_id)
  INCLUDE (status, severity, effort, created_at, due_at, paused_at, fixed_at, verified_at, closed_at, detected_at);
-- Median time to remediate: the items verified in a period.
CREATE INDEX remediations_verified_idx ON remediations (org_id, verified_at) INCLUDE (zone_id, detected_at)
  WHERE verified_at IS NOT NULL;

-- Time to detect: findings first seen in a period whose introduction date is known.
CREATE INDEX findings_detect_idx ON findings (org_id, first_seen_at) INCLUDE (zone_id, introduced_on)
  WHERE introduced_on IS NOT NULL;
CREATE INDEX findings_detect_zone_idx ON findings (org_id, zone_id, first_seen_at) INCLUDE (introduced_on)
  WHERE introduced_on IS NOT NULL;

-- False-positive rates: findings triaged in a period, with their tool, plugin and decision.
-- Replaces findings_triaged_idx (005) with the same key, covering what the rates read.
DROP INDEX findings_triaged_idx;
CREATE INDEX findings_triaged_idx ON findings (org_id, triaged_at) INCLUDE (zone_id, format, rule_id, triage)
  WHERE triaged_at IS NOT NULL;
CREATE INDEX findings_triaged_zone_idx ON findings (org_id, zone_id, triaged_at) INCLUDE (format, rule_id, triage)
  WHERE triaged_at IS NOT NULL;

-- Regressions: the few outcomes of a run that found a finding regressed.
CREATE INDEX run_findings_regressed_idx ON run_findings (run_id) INCLUDE (finding_id) WHERE outcome = 'regressed';
