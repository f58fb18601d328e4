-- The launch gate's KPI check, per organization: an outcome KPI that moved adversely by more
-- than this share since the zone's last launch fails the gate (default 0.2 = 20 %, see
-- src/domain/policy.ts).
ALTER TABLE org_policies ADD COLUMN kpi_regression_threshold numeric NOT NULL DEFAULT 0.2
  CHECK (kpi_regression_threshold > 0 AND kpi_regression_threshold <= 1);
