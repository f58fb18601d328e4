-- From finding to roadmap: triage decisions on findings, remediation items with acceptance
-- criteria, milestones and an SLA, risk-acceptance drafts, planning periods and sprints with a
-- reserved safety share, and the per-organization policy that scores, dates and escalates them.

-- One row per organization: the triage formula, SLA table, safety share, debt and staleness rules.
-- Defaults and their meaning: src/domain/policy.ts.
CREATE TABLE org_policies (
  org_id                 uuid PRIMARY KEY REFERENCES orgs(id) ON DELETE CASCADE,
  -- {"severity": w, "impact": w, "feasibility": w, "customerValue": w}, each ≥ 0, sum > 0
  priority_weights       jsonb NOT NULL,
  -- {"critical": {"tier1": days, ...}, ...}: due date of a remediation = created + days
  sla_days               jsonb NOT NULL,
  safety_share_min       numeric NOT NULL DEFAULT 0.10 CHECK (safety_share_min BETWEEN 0 AND 1),
  safety_share_max       numeric NOT NULL DEFAULT 0.20 CHECK (safety_share_max BETWEEN 0 AND 1),
  safety_share_default   numeric NOT NULL DEFAULT 0.15 CHECK (safety_share_default BETWEEN 0 AND 1),
  sprint_days            integer NOT NULL DEFAULT 14 CHECK (sprint_days BETWEEN 1 AND 90),
  debt_interest_rate     numeric NOT NULL DEFAULT 0.25 CHECK (debt_interest_rate BETWEEN 0 AND 10),
  escalate_after_sprints integer NOT NULL DEFAULT 2 CHECK (escalate_after_sprints BETWEEN 0 AND 52),
  zone_debt_threshold    numeric NOT NULL DEFAULT 40 CHECK (zone_debt_threshold > 0),
  stale_after_days       integer NOT NULL DEFAULT 30 CHECK (stale_after_days BETWEEN 1 AND 365),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  updated_by             text,
  CHECK (safety_share_min <= safety_share_default AND safety_share_default <= safety_share_max)
);

CREATE TABLE planning_periods (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  starts_on    date NOT NULL,
  ends_on      date NOT NULL CHECK (ends_on > starts_on),
  safety_share numeric NOT NULL CHECK (safety_share BETWEEN 0 AND 1),
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL,
  UNIQUE (org_id, name)
);
CREATE INDEX planning_periods_org_idx ON planning_periods (org_id, starts_on);

CREATE TABLE sprints (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id     uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  period_id  uuid NOT NULL REFERENCES planning_periods(id) ON DELETE CASCADE,
  position   integer NOT NULL CHECK (position >= 1),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  starts_on  date NOT NULL,
  ends_on    date NOT NULL CHECK (ends_on > starts_on),
  -- team capacity in effort points; the safety reserve is capacity × the period's share
  capacity   numeric NOT NULL CHECK (capacity >= 0),
  UNIQUE (period_id, position)
);
CREATE INDEX sprints_org_idx ON sprints (org_id, starts_on);

CREATE TABLE remediations (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id            uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  -- REM-<number>, per organization
  number            integer NOT NULL,
  zone_id           uuid NOT NULL REFERENCES zones(id),
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description       text NOT NULL DEFAULT '',
  status            text NOT NULL DEFAULT 'planned'
                      CHECK (status IN ('planned', 'in_progress', 'fixed', 'verified', 'obsolete', 'reopened')),
  severity          text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
  impact            integer NOT NULL CHECK (impact BETWEEN 1 AND 5),
  feasibility       integer NOT NULL CHECK (feasibility BETWEEN 1 AND 5),
  customer_value    integer NOT NULL CHECK (customer_value BETWEEN 1 AND 5),
  -- computed by domain/triage-score.ts from the four inputs and the org's weights (0–100)
  priority          numeric NOT NULL,
  rationale         text NOT NULL CHECK (length(rationale) >= 3),
  effort            numeric NOT NULL DEFAULT 1 CHECK (effort > 0),
  assignee_id       uuid REFERENCES users(id),
  validator_id      uuid REFERENCES users(id),
  monitor_id        uuid REFERENCES users(id),
  retirer_id        uuid REFERENCES users(id),
  prd_url           text,
  adr_url           text,
  system_element    text,
  system_element_kind text CHECK (system_element_kind IN ('service', 'data_flow', 'model', 'other')),
  obsolete_reason   text,
  sprint_id         uuid REFERENCES sprints(id) ON DELETE SET NULL,
  -- SLA: due = created_at + policy days + time paused; a pause is a recorded decision
  sla_days          integer NOT NULL CHECK (sla_days >= 0),
  due_at            timestamptz NOT NULL,
  paused_at         timestamptz,
  -- when the weakness was first seen (earliest first_seen_at of the linked findings, else created_at)
  detected_at       timestamptz NOT NULL,
  created_by        text NOT NULL,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  last_activity_at  timestamptz NOT NULL,
  started_at        timestamptz,
  fixed_at          timestamptz,
  verified_at       timestamptz,
  closed_at         timestamptz,
  escalated_at      timestamptz,
  escalation_reason text,
  UNIQUE (org_id, number)
);
CREATE INDEX remediations_zone_idx ON remediations (org_id, zone_id, status);
CREATE INDEX remediations_org_status_idx ON remediations (org_id, status, due_at);
CREATE INDEX remediations_sprint_idx ON remediations (sprint_id) WHERE sprint_id IS NOT NULL;
CREATE INDEX remediations_closed_idx ON remediations (org_id, closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX remediations_assignee_idx ON remediations (org_id, assignee_id) WHERE assignee_id IS NOT NULL;

CREATE TABLE acceptance_criteria (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  remediation_id uuid NOT NULL REFERENCES remediations(id) ON DELETE CASCADE,
  position       integer NOT NULL CHECK (position >= 1),
  text           text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  metric         text,
  threshold      text,
  met_at         timestamptz,
  met_by         text,
  evidence       text,
  UNIQUE (remediation_id, position)
);

CREATE TABLE milestones (
  remediation_id uuid NOT NULL REFERENCES remediations(id) ON DELETE CASCADE,
  stage          text NOT NULL CHECK (stage IN ('prototype', 'pilot', 'full_rollout')),
  success_metric text NOT NULL DEFAULT '',
  target_date    date,
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in_progress', 'done', 'missed')),
  done_at        timestamptz,
  PRIMARY KEY (remediation_id, stage)
);

-- Every decision that changed an item's priority, SLA clock or schedule, with its written
-- rationale: the item's institutional memory (the audit trail holds the same, hash-chained).
CREATE TABLE remediation_decisions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  remediation_id uuid NOT NULL REFERENCES remediations(id) ON DELETE CASCADE,
  kind           text NOT NULL CHECK (kind IN ('created', 'priority', 'status', 'sla_pause', 'sla_resume', 'scheduled', 'deferred', 'escalated', 'findings')),
  rationale      text NOT NULL,
  before         jsonb,
  after          jsonb,
  actor          text NOT NULL,
  at             timestamptz NOT NULL
);
CREATE INDEX remediation_decisions_item_idx ON remediation_decisions (remediation_id, at);
CREATE INDEX remediation_decisions_org_idx ON remediation_decisions (org_id, kind, at);

CREATE TABLE risk_acceptances (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id                uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  zone_id               uuid REFERENCES zones(id),
  status                text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'expired', 'revoked')),
  justification         text NOT NULL CHECK (length(justification) >= 3),
  compensating_controls text NOT NULL DEFAULT '',
  expires_on            date NOT NULL,
  created_by            text NOT NULL,
  created_at            timestamptz NOT NULL
);
CREATE INDEX risk_acceptances_org_idx ON risk_acceptances (org_id, status, expires_on);

-- Triage of a finding: untriaged until someone decides; the decision and its rationale stay.
ALTER TABLE findings ADD COLUMN triage text NOT NULL DEFAULT 'untriaged'
  CHECK (triage IN ('untriaged', 'remediate', 'duplicate', 'false_positive', 'accepted_risk'));
ALTER TABLE findings ADD COLUMN triage_reason text;
ALTER TABLE findings ADD COLUMN triaged_at timestamptz;
ALTER TABLE findings ADD COLUMN triaged_by text;
ALTER TABLE findings ADD COLUMN duplicate_of uuid;
ALTER TABLE findings ADD COLUMN remediation_id uuid;
ALTER TABLE findings ADD COLUMN risk_acceptance_id uuid;
-- The triage queue: a zone's untriaged and regressed open findings.
CREATE INDEX findings_triage_idx ON findings (org_id, zone_id, first_seen_at) WHERE triage = 'untriaged' OR regressed;
CREATE INDEX findings_remediation_idx ON findings (remediation_id) WHERE remediation_id IS NOT NULL;
CREATE INDEX findings_triaged_idx ON findings (org_id, triaged_at) WHERE triaged_at IS NOT NULL;

-- Queue items for escalations and rescoping, besides regressions.
ALTER TABLE queue_items DROP CONSTRAINT queue_items_kind_check;
ALTER TABLE queue_items ADD CONSTRAINT queue_items_kind_check
  CHECK (kind IN ('finding.regressed', 'remediation.escalated', 'remediation.assigned', 'remediation.validate'));
ALTER TABLE queue_items ALTER COLUMN finding_id DROP NOT NULL;
ALTER TABLE queue_items ADD COLUMN remediation_id uuid REFERENCES remediations(id) ON DELETE CASCADE;
