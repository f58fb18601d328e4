-- Safety KPIs: outcome metrics of a zone with direction, baseline and target, and their
-- measurements (one per KPI and instant: re-sending the same instant is idempotent). The
-- launch gate and the review board read these tables; keep the names.

CREATE TABLE kpis (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  zone_id        uuid NOT NULL REFERENCES zones(id),
  key            text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9._-]{0,79}$'),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description    text NOT NULL DEFAULT '',
  unit           text NOT NULL DEFAULT '',
  direction      text NOT NULL CHECK (direction IN ('lower', 'higher')),
  kind           text NOT NULL CHECK (kind IN ('outcome', 'leading', 'lagging')),
  -- activity: counts activity (meetings held, tests run) rather than an outcome; kept out of scorecards by default
  measures       text NOT NULL DEFAULT 'outcome' CHECK (measures IN ('outcome', 'activity')),
  category       text NOT NULL DEFAULT 'safety' CHECK (category IN ('safety', 'business')),
  -- dual metrics: the business metric paired with a safety metric (same zone)
  paired_kpi_id  uuid REFERENCES kpis(id),
  baseline       double precision,
  target_kind    text CHECK (target_kind IN ('absolute', 'relative')),
  -- an absolute value, or a relative change per period: -0.15 = −15 %
  target_value   double precision,
  target_period  text CHECK (target_period IN ('month', 'quarter', 'year')),
  cadence        text NOT NULL CHECK (cadence IN ('daily', 'weekly', 'monthly', 'quarterly')),
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  archived_at    timestamptz,
  UNIQUE (org_id, key),
  CHECK ((target_kind IS NULL) = (target_value IS NULL)),
  CHECK (target_kind IS DISTINCT FROM 'relative' OR target_period IS NOT NULL),
  CHECK (paired_kpi_id IS DISTINCT FROM id)
);
CREATE INDEX kpis_zone_idx ON kpis (org_id, zone_id);
CREATE INDEX kpis_paired_idx ON kpis (paired_kpi_id) WHERE paired_kpi_id IS NOT NULL;

CREATE TABLE kpi_measurements (
  org_id       uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  kpi_id       uuid NOT NULL REFERENCES kpis(id) ON DELETE CASCADE,
  measured_at  timestamptz NOT NULL,
  value        double precision NOT NULL CHECK (value NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)),
  source       text NOT NULL CHECK (source IN ('api', 'csv', 'cli')),
  recorded_by  text NOT NULL,
  recorded_at  timestamptz NOT NULL,
  PRIMARY KEY (kpi_id, measured_at)
);
