-- The safety review board: sessions on a cadence, the agenda Keel generates for each (kept as
-- of its generation), the decisions and action items recorded during the session, and minutes.
-- An action item is tracked on its own row (open → done) and put in its owner's queue.

-- Days between board sessions (policy default 14, see src/domain/policy.ts).
ALTER TABLE org_policies ADD COLUMN board_cadence_days integer NOT NULL DEFAULT 14
  CHECK (board_cadence_days BETWEEN 1 AND 90);

CREATE TABLE board_sessions (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id              uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  scheduled_on        date NOT NULL,
  cadence_days        integer NOT NULL CHECK (cadence_days BETWEEN 1 AND 90),
  status              text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'closed')),
  attendees           text[] NOT NULL DEFAULT '{}',
  -- the minutes' summary, written during or after the session
  notes               text NOT NULL DEFAULT '',
  -- the period the agenda covers: (agenda_since, agenda_generated_at]
  agenda_since        timestamptz,
  agenda_generated_at timestamptz,
  -- figures as of the session, compared by the next agenda: {"debt": {ownerId: n}, "kpis": {kpiId: status}}
  snapshot            jsonb,
  held_at             timestamptz,
  closed_at           timestamptz,
  created_by          text NOT NULL,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  UNIQUE (org_id, scheduled_on),
  CHECK (status = 'planned' OR held_at IS NOT NULL),
  CHECK (status <> 'closed' OR closed_at IS NOT NULL)
);
CREATE INDEX board_sessions_org_idx ON board_sessions (org_id, scheduled_on DESC);

-- The generated agenda: one row per point, grouped by the accountable owner named at generation.
CREATE TABLE board_agenda_items (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  session_id  uuid NOT NULL REFERENCES board_sessions(id) ON DELETE CASCADE,
  position    integer NOT NULL CHECK (position >= 1),
  kind        text NOT NULL CHECK (kind IN ('kpi_status', 'finding_new', 'finding_regressed', 'remediation_overdue',
                'remediation_escalated', 'debt_change', 'acceptance_expiring', 'launch_pending', 'action_open')),
  owner_id    uuid REFERENCES users(id),
  owner_name  text,
  owner_email text,
  -- what the point is about: finding, remediation, kpi, risk_acceptance, launch, board_action, owner
  record_type text NOT NULL,
  record_id   uuid,
  record_key  text,
  title       text NOT NULL,
  zone        jsonb,
  facts       jsonb NOT NULL DEFAULT '{}',
  UNIQUE (session_id, position)
);

CREATE TABLE board_decisions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  session_id  uuid NOT NULL REFERENCES board_sessions(id) ON DELETE CASCADE,
  position    integer NOT NULL CHECK (position >= 1),
  text        text NOT NULL CHECK (length(text) BETWEEN 3 AND 2000),
  rationale   text NOT NULL CHECK (length(rationale) >= 3),
  record_type text,
  record_id   uuid,
  record_key  text,
  decided_by  text NOT NULL,
  created_at  timestamptz NOT NULL,
  UNIQUE (session_id, position)
);

CREATE TABLE board_action_items (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  session_id  uuid NOT NULL REFERENCES board_sessions(id) ON DELETE CASCADE,
  decision_id uuid REFERENCES board_decisions(id) ON DELETE SET NULL,
  position    integer NOT NULL CHECK (position >= 1),
  text        text NOT NULL CHECK (length(text) BETWEEN 3 AND 2000),
  owner_id    uuid NOT NULL REFERENCES users(id),
  due_on      date NOT NULL,
  status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  record_type text,
  record_id   uuid,
  record_key  text,
  done_at     timestamptz,
  done_by     text,
  done_note   text,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL,
  UNIQUE (session_id, position),
  CHECK (status <> 'done' OR done_at IS NOT NULL)
);
CREATE INDEX board_action_items_owner_idx ON board_action_items (org_id, owner_id, status, due_on);
CREATE INDEX board_action_items_open_idx ON board_action_items (org_id, due_on) WHERE status = 'open';

-- A board action lands in its owner's queue.
ALTER TABLE queue_items ADD COLUMN board_action_id uuid REFERENCES board_action_items(id) ON DELETE CASCADE;
-- The kind is added to whatever list the constraint holds by now (other migrations extend it too).
DO $$ DECLARE def text; BEGIN SELECT pg_get_constraintdef(c.oid) INTO def FROM pg_constraint c WHERE c.conrelid = 'queue_items'::regclass AND c.conname = 'queue_items_kind_check'; IF def IS NULL OR position('ARRAY[' IN def) = 0 THEN RAISE EXCEPTION 'queue_items_kind_check has an unexpected shape: %', def; END IF; IF position('board.action' IN def) = 0 THEN EXECUTE 'ALTER TABLE queue_items DROP CONSTRAINT queue_items_kind_check'; EXECUTE 'ALTER TABLE queue_items ADD CONSTRAINT queue_items_kind_check ' || replace(def, 'ARRAY[', 'ARRAY[''board.action''::text, '); END IF; END $$;
