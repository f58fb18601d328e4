-- The residual risk register: the risk-acceptance drafts of triage (005) become full entries —
-- title, residual severity, estimated exposure, review date, a number (RISK-<n> per
-- organization) — signed by the zone owner (and an admin when the residual severity is
-- critical), and lapsing on their expiry date: status expired, findings back to triage, into
-- the zone owner's queue.

ALTER TABLE risk_acceptances ADD COLUMN number integer;
UPDATE risk_acceptances r SET number = n.rn
  FROM (SELECT id, row_number() OVER (PARTITION BY org_id ORDER BY created_at, id) AS rn FROM risk_acceptances) n
 WHERE n.id = r.id;
ALTER TABLE risk_acceptances ALTER COLUMN number SET NOT NULL;
ALTER TABLE risk_acceptances ADD CONSTRAINT risk_acceptances_number_key UNIQUE (org_id, number);

-- What is accepted; drafts from triage start blank and are titled after their first finding.
ALTER TABLE risk_acceptances ADD COLUMN title text NOT NULL DEFAULT '' CHECK (length(title) <= 300);
UPDATE risk_acceptances r SET title = left('Accepted risk: ' || f.title, 300)
  FROM (SELECT DISTINCT ON (risk_acceptance_id) risk_acceptance_id, title FROM findings
         WHERE risk_acceptance_id IS NOT NULL ORDER BY risk_acceptance_id, first_seen_at, id) f
 WHERE f.risk_acceptance_id = r.id AND r.title = '';

-- The severity of what remains once the compensating controls work; null until set (an
-- approval needs it). Drafts get the worst severity of their findings.
ALTER TABLE risk_acceptances ADD COLUMN residual_severity text
  CHECK (residual_severity IN ('critical', 'high', 'medium', 'low', 'info'));
UPDATE risk_acceptances r SET residual_severity = (ARRAY['critical','high','medium','low','info'])[f.rank]
  FROM (SELECT risk_acceptance_id, min(array_position(ARRAY['critical','high','medium','low','info'], severity)) AS rank
          FROM findings WHERE risk_acceptance_id IS NOT NULL GROUP BY risk_acceptance_id) f
 WHERE f.risk_acceptance_id = r.id;

-- Estimated exposure: words ("a few users a month"), or an amount with its unit (1200 users/month), or both.
ALTER TABLE risk_acceptances ADD COLUMN exposure_text text NOT NULL DEFAULT '' CHECK (length(exposure_text) <= 2000);
ALTER TABLE risk_acceptances ADD COLUMN exposure_amount numeric CHECK (exposure_amount >= 0);
ALTER TABLE risk_acceptances ADD COLUMN exposure_unit text CHECK (length(exposure_unit) BETWEEN 1 AND 50);
ALTER TABLE risk_acceptances ADD CONSTRAINT risk_acceptances_exposure_check CHECK ((exposure_amount IS NULL) = (exposure_unit IS NULL));
ALTER TABLE risk_acceptances ADD COLUMN review_on date;
ALTER TABLE risk_acceptances ADD CONSTRAINT risk_acceptances_review_check CHECK (review_on IS NULL OR review_on <= expires_on);
ALTER TABLE risk_acceptances ADD COLUMN updated_at timestamptz;
UPDATE risk_acceptances SET updated_at = created_at;
ALTER TABLE risk_acceptances ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE risk_acceptances ADD COLUMN approved_at timestamptz;
ALTER TABLE risk_acceptances ADD COLUMN expired_at timestamptz;
-- How many findings went back to triage when it lapsed or was revoked.
ALTER TABLE risk_acceptances ADD COLUMN lapsed_findings integer;
ALTER TABLE risk_acceptances ADD COLUMN revoked_at timestamptz;
ALTER TABLE risk_acceptances ADD COLUMN revoked_by text;
ALTER TABLE risk_acceptances ADD COLUMN revoke_reason text;
ALTER TABLE risk_acceptances ADD CONSTRAINT risk_acceptances_state_check CHECK (
  (status <> 'approved' OR approved_at IS NOT NULL)
  AND (status <> 'expired' OR expired_at IS NOT NULL)
  AND (status <> 'revoked' OR (revoked_at IS NOT NULL AND revoke_reason IS NOT NULL)));
-- The expiry sweep looks across organizations for live entries past their date.
CREATE INDEX risk_acceptances_live_idx ON risk_acceptances (expires_on) WHERE status IN ('draft', 'approved');
CREATE INDEX risk_acceptances_expired_idx ON risk_acceptances (org_id, expired_at) WHERE expired_at IS NOT NULL;
CREATE INDEX findings_risk_acceptance_idx ON findings (risk_acceptance_id) WHERE risk_acceptance_id IS NOT NULL;

-- Signatures: one per capacity. The zone owner signs as owner; a critical residual severity
-- also needs an admin, who must be someone else.
CREATE TABLE risk_acceptance_approvals (
  risk_acceptance_id uuid NOT NULL REFERENCES risk_acceptances(id) ON DELETE CASCADE,
  org_id             uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  capacity           text NOT NULL CHECK (capacity IN ('owner', 'admin')),
  signer             text NOT NULL,
  user_id            uuid REFERENCES users(id),
  signed_at          timestamptz NOT NULL,
  PRIMARY KEY (risk_acceptance_id, capacity)
);

-- A finding whose acceptance lapsed lands in its zone owner's queue. The kind is added to
-- whatever list the constraint holds by now (other migrations extend it too).
ALTER TABLE queue_items ADD COLUMN risk_acceptance_id uuid REFERENCES risk_acceptances(id) ON DELETE CASCADE;
DO $$ DECLARE def text; BEGIN SELECT pg_get_constraintdef(c.oid) INTO def FROM pg_constraint c WHERE c.conrelid = 'queue_items'::regclass AND c.conname = 'queue_items_kind_check'; IF def IS NULL OR position('ARRAY[' IN def) = 0 THEN RAISE EXCEPTION 'queue_items_kind_check has an unexpected shape: %', def; END IF; IF position('risk_acceptance.expired' IN def) = 0 THEN EXECUTE 'ALTER TABLE queue_items DROP CONSTRAINT queue_items_kind_check'; EXECUTE 'ALTER TABLE queue_items ADD CONSTRAINT queue_items_kind_check ' || replace(def, 'ARRAY[', 'ARRAY[''risk_acceptance.expired''::text, '); END IF; END $$;
