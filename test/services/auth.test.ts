/** Accounts: passwords and tokens are stored hashed; sessions and tokens end when access ends. */
import { describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '../../src/domain/errors.ts';
import { tokenHash } from '../../src/domain/secrets.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';
import { makeWorld, useWorld, PASSWORD } from '../helpers/factories.ts';

describe(`accounts (${TEST_ENGINE})`, () => {
  const s = useWorld();

  it('signs in with email (any case) and password; stores only an scrypt hash', async () => {
    const { token, me } = await s.w.services.auth.login(s.w.people.lead.email.toUpperCase(), PASSWORD);
    expect(me).toMatchObject({ user: { email: s.w.people.lead.email }, role: 'lead', org: { slug: s.w.slug } });
    const [row] = await s.t.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [s.w.people.lead.id]);
    expect(row!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row!.password_hash).not.toContain(PASSWORD);
    const sessions = await s.t.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions WHERE user_id = $1', [s.w.people.lead.id]);
    expect(sessions.map((s) => s.token_hash)).toContain(tokenHash(token));
    expect(sessions.map((s) => s.token_hash)).not.toContain(token);
    expect((await s.w.services.auth.fromSession(token)).actor).toMatchObject({ userId: s.w.people.lead.id, role: 'lead' });
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    await expect(s.w.services.auth.login(s.w.people.lead.email, 'wrong-password')).rejects.toThrow('Wrong email or password');
    await expect(s.w.services.auth.login('nobody@example.com', PASSWORD)).rejects.toThrow('Wrong email or password');
  });

  it('API tokens are shown once, stored hashed, and stop working when revoked', async () => {
    const { token, record } = await s.w.services.auth.createApiToken(s.w.people.lead.actor, 'ci pipeline');
    expect(token).toMatch(/^keel_pat_[A-Za-z0-9_-]{43}$/);
    const [row] = await s.t.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [record.id]);
    expect(row!.token_hash).toBe(tokenHash(token));
    expect((await s.w.services.auth.fromApiToken(token)).userId).toBe(s.w.people.lead.id);
    const listed = await s.w.services.auth.listApiTokens(s.w.people.lead.actor);
    expect(listed.map((x) => x.name)).toContain('ci pipeline');
    expect(JSON.stringify(listed)).not.toContain(token);
    await s.w.services.auth.revokeApiToken(s.w.people.lead.actor, record.id);
    await expect(s.w.services.auth.fromApiToken(token)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('a deactivated member loses sessions and tokens at once', async () => {
    const m = await s.w.services.users.add(s.w.system, { email: `temp-${Date.now()}@example.com`, name: 'Tem Porary', role: 'contributor', password: PASSWORD });
    const { token: session } = await s.w.services.auth.login(m.email, PASSWORD);
    const { token: api } = await s.w.services.auth.createApiToken({ orgId: s.w.orgId, userId: m.id, role: 'contributor', label: `user:${m.id}` }, 'laptop');
    await s.w.services.users.update(s.w.people.admin.actor, m.id, { status: 'deactivated' });
    await expect(s.w.services.auth.fromSession(session)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(s.w.services.auth.fromApiToken(api)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(s.w.services.auth.login(m.email, PASSWORD)).rejects.toThrow(/not an active member/);
  });

  it('switches a session to another organization the person belongs to, and only those', async () => {
    const other = await makeWorld(s.t.db);
    await other.services.users.add(other.system, { email: s.w.people.lead.email, name: 'ignored', role: 'viewer' });
    const { token } = await s.w.services.auth.login(s.w.people.lead.email, PASSWORD);
    const p = await s.w.services.auth.fromSession(token);
    const me = await s.w.services.auth.switchOrg(token, p, other.slug);
    expect(me).toMatchObject({ org: { slug: other.slug }, role: 'viewer' });
    expect(me.memberships.map((m) => m.slug).sort()).toEqual([s.w.slug, other.slug].sort());
    const third = await makeWorld(s.t.db);
    await expect(s.w.services.auth.switchOrg(token, p, third.slug)).rejects.toThrow(/not an active member/);
  });

  it('refuses short passwords and a wrong current password', async () => {
    await expect(s.w.services.users.setPassword(s.w.people.admin.actor, s.w.people.viewer.id, 'short')).rejects.toThrow(/at least 10 characters/);
    await expect(s.w.services.users.changeOwnPassword(s.w.people.viewer.actor, 'not-it-at-all', 'new-password-123')).rejects.toThrow(/not your current password/);
    await s.w.services.users.changeOwnPassword(s.w.people.viewer.actor, PASSWORD, 'new-password-123');
    await expect(s.w.services.auth.login(s.w.people.viewer.email, 'new-password-123')).resolves.toBeTruthy();
  });
});
