-- Keel foundation: organizations, accounts, products, zones with one accountable owner,
-- ownership handoffs, and the hash-chained audit trail. PostgreSQL 15+ and PGlite.

CREATE TABLE orgs (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email          text NOT NULL CHECK (email = lower(email) AND position('@' in email) > 1),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  password_hash  text,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE memberships (
  org_id          uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  user_id         uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role            text NOT NULL CHECK (role IN ('admin', 'lead', 'contributor', 'reviewer', 'viewer')),
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  deactivated_at  timestamptz,
  PRIMARY KEY (org_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE sessions (
  token_hash    text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  org_id        uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash    text NOT NULL UNIQUE,
  user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  org_id        uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, org_id);

CREATE TABLE products (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  key          text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9._-]{0,79}$'),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description  text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, key),
  UNIQUE (org_id, id)
);

-- A zone always has exactly one owner, who is a member of the zone's organization: the
-- composite foreign key makes removing an owner's membership impossible at the database
-- level too (the service refuses first, with the list of zones to hand off).
CREATE TABLE zones (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  product_id   uuid NOT NULL,
  key          text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9._-]{0,79}$'),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description  text NOT NULL DEFAULT '',
  tier         text NOT NULL CHECK (tier IN ('tier1', 'tier2', 'tier3', 'tier4')),
  buckets      text[] NOT NULL CHECK (cardinality(buckets) >= 1
                 AND buckets <@ ARRAY['systemic_integrity', 'user_wellbeing', 'data_stewardship']::text[]),
  owner_id     uuid NOT NULL,
  deputy_id    uuid,
  archived_at  timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, key),
  FOREIGN KEY (org_id, product_id) REFERENCES products (org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES memberships (org_id, user_id),
  FOREIGN KEY (org_id, deputy_id) REFERENCES memberships (org_id, user_id),
  CHECK (deputy_id IS NULL OR deputy_id <> owner_id)
);
CREATE INDEX zones_org_name_idx ON zones (org_id, name);
CREATE INDEX zones_owner_idx ON zones (org_id, owner_id);
CREATE INDEX zones_product_idx ON zones (org_id, product_id);

CREATE TABLE zone_handoffs (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  zone_id       uuid NOT NULL REFERENCES zones(id) ON DELETE CASCADE,
  from_user_id  uuid REFERENCES users(id),
  to_user_id    uuid NOT NULL REFERENCES users(id),
  reason        text NOT NULL CHECK (length(reason) >= 3),
  actor         text NOT NULL,
  at            timestamptz NOT NULL
);
CREATE INDEX zone_handoffs_zone_idx ON zone_handoffs (zone_id, at);

-- The audit trail: append-only, hash-chained per organization (see domain/audit-chain.ts).
CREATE TABLE events (
  org_id       uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  seq          bigint NOT NULL,
  at           timestamptz NOT NULL,
  actor        text NOT NULL,
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text NOT NULL,
  before       jsonb,
  after        jsonb,
  prev_hash    text NOT NULL,
  hash         text NOT NULL,
  PRIMARY KEY (org_id, seq)
);
CREATE INDEX events_entity_idx ON events (org_id, entity_type, entity_id, seq);

-- The head of each organization's chain: locked by every append, so appends serialize per
-- organization and a deleted last event is still detected.
CREATE TABLE audit_heads (
  org_id  uuid PRIMARY KEY REFERENCES orgs(id) ON DELETE CASCADE,
  seq     bigint NOT NULL,
  hash    text NOT NULL
);
