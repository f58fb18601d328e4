-- Governance before a launch: PRD reviews with their Safety Implications (failure modes),
-- pre-mortems (failure scenarios, causes, mitigations), and launches with their gate decisions.
-- Failure modes and mitigations keep the id of the finding or remediation item made from them.
-- Launches and their decisions are never deleted: an override stays marked forever.

CREATE TABLE prds (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  zone_id      uuid NOT NULL REFERENCES zones(id),
  title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  url          text,
  author_id    uuid REFERENCES users(id),
  status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'approved')),
  submitted_at timestamptz,
  approved_at  timestamptz,
  approved_by  text,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  CHECK (status <> 'approved' OR approved_at IS NOT NULL)
);
CREATE INDEX prds_org_idx ON prds (org_id, updated_at DESC);
CREATE INDEX prds_zone_idx ON prds (org_id, zone_id, status);

-- The Safety Implications section: one row per failure mode.
CREATE TABLE prd_failure_modes (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  prd_id         uuid NOT NULL REFERENCES prds(id),
  position       integer NOT NULL CHECK (position >= 1),
  harm           text NOT NULL CHECK (length(harm) BETWEEN 3 AND 5000),
  bucket         text NOT NULL CHECK (bucket IN ('systemic_integrity', 'user_wellbeing', 'data_stewardship')),
  severity       text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
  likelihood     text NOT NULL CHECK (likelihood IN ('rare', 'unlikely', 'possible', 'likely', 'almost_certain')),
  mitigation     text,
  owner_id       uuid REFERENCES users(id),
  finding_id     uuid REFERENCES findings(id),
  remediation_id uuid REFERENCES remediations(id),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX prd_failure_modes_prd_idx ON prd_failure_modes (prd_id, position);

CREATE TABLE premortems (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  zone_id      uuid NOT NULL REFERENCES zones(id),
  release      text NOT NULL CHECK (length(release) BETWEEN 1 AND 200),
  held_on      date NOT NULL,
  participants text[] NOT NULL CHECK (cardinality(participants) >= 1),
  completed_at timestamptz,
  completed_by text,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);
CREATE INDEX premortems_org_idx ON premortems (org_id, held_on DESC);

-- "It failed because…": the scenario and its causes.
CREATE TABLE premortem_scenarios (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  premortem_id uuid NOT NULL REFERENCES premortems(id),
  position     integer NOT NULL CHECK (position >= 1),
  scenario     text NOT NULL CHECK (length(scenario) BETWEEN 3 AND 5000),
  causes       text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL
);
CREATE INDEX premortem_scenarios_idx ON premortem_scenarios (premortem_id, position);

CREATE TABLE premortem_mitigations (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  scenario_id    uuid NOT NULL REFERENCES premortem_scenarios(id),
  position       integer NOT NULL CHECK (position >= 1),
  text           text NOT NULL CHECK (length(text) BETWEEN 3 AND 5000),
  finding_id     uuid REFERENCES findings(id),
  remediation_id uuid REFERENCES remediations(id),
  created_at     timestamptz NOT NULL
);
CREATE INDEX premortem_mitigations_idx ON premortem_mitigations (scenario_id, position);

CREATE TABLE launches (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  zone_id      uuid NOT NULL REFERENCES zones(id),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  planned_on   date NOT NULL,
  prd_id       uuid REFERENCES prds(id),
  premortem_id uuid REFERENCES premortems(id),
  -- planned → go | paused | awaiting_cosign (a go over a failing check, waiting for an admin)
  status       text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'awaiting_cosign', 'go', 'paused')),
  decision     text CHECK (decision IN ('go', 'pause')),
  rationale    text,
  decided_by   text,
  decided_at   timestamptz,
  override     boolean NOT NULL DEFAULT false,
  cosigned_by  text,
  cosigned_at  timestamptz,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  UNIQUE (org_id, zone_id, name),
  CHECK (NOT override OR (cosigned_by IS NOT NULL AND cosigned_by <> decided_by))
);
CREATE INDEX launches_org_idx ON launches (org_id, planned_on DESC);
CREATE INDEX launches_zone_idx ON launches (org_id, zone_id, decided_at DESC);

-- Every decision on a launch, with the gate evaluation it was made on (the checks snapshot).
CREATE TABLE launch_decisions (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq       bigint GENERATED ALWAYS AS IDENTITY,
  org_id    uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  launch_id uuid NOT NULL REFERENCES launches(id),
  kind      text NOT NULL CHECK (kind IN ('go', 'pause', 'override_requested', 'override_cosigned')),
  override  boolean NOT NULL DEFAULT false,
  rationale text NOT NULL CHECK (length(rationale) >= 3),
  checks    jsonb NOT NULL,
  actor     text NOT NULL,
  at        timestamptz NOT NULL
);
CREATE INDEX launch_decisions_launch_idx ON launch_decisions (launch_id, seq);
