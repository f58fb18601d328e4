/** The review board over HTTP: sessions, agenda, decisions and actions, the minutes as escaped Markdown, permissions. */
import { describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../helpers/test-db.ts';
import { useHttpWorld } from '../helpers/http-world.ts';
import { makeZone } from '../helpers/factories.ts';

describe(`review board over HTTP (${TEST_ENGINE})`, () => {
  const h = useHttpWorld();
  const { call } = h;

  it('plans a session on the cadence, generates its agenda, records decisions and actions, and exports escaped minutes', async () => {
    const zone = await makeZone(h.w, h.w.people.lead.id, { tier: 'tier1' });
    await call('contributor', 'POST', '/api/findings', { zone: zone.key, title: 'Leaks [the key](javascript:alert(1))', severity: 'critical' });

    expect((await call('viewer', 'POST', '/api/board/sessions', {})).statusCode).toBe(403);
    const bad = await call('lead', 'POST', '/api/board/sessions', { scheduledOn: '2026-02-31' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('scheduledOn');

    const next = await call('viewer', 'GET', '/api/board/next');
    expect(next.json()).toMatchObject({ cadenceDays: 14, planned: null, latest: null });
    const created = await call('lead', 'POST', '/api/board/sessions', { attendees: ['Lee Lead', 'Legal'] });
    expect(created.statusCode).toBe(201);
    const session = created.json();
    expect(session).toMatchObject({ scheduledOn: next.json().nextOn, status: 'planned', attendees: ['Lee Lead', 'Legal'], agendaGeneratedAt: null, agenda: [] });
    expect((await call('viewer', 'GET', '/api/board/next')).json()).toMatchObject({ nextOn: session.scheduledOn, planned: { id: session.id } });

    const generated = await call('lead', 'POST', `/api/board/sessions/${session.id}/agenda`);
    expect(generated.statusCode).toBe(200);
    const agenda = generated.json().agenda;
    expect(agenda).toEqual([{
      owner: { id: h.w.people.lead.id, name: 'Lee Lead', email: h.w.people.lead.email },
      points: [expect.objectContaining({ kind: 'finding_new', recordType: 'finding', title: 'Leaks [the key](javascript:alert(1))', summary: 'New critical finding', zone: { id: zone.id, key: zone.key, name: zone.name } })],
    }]);
    const point = agenda[0].points[0];

    const noOwner = await call('lead', 'POST', `/api/board/sessions/${session.id}/decisions`, {
      text: 'Fix before launch', rationale: 'critical', actions: [{ text: 'Rotate the key', ownerId: '00000000-0000-4000-8000-000000000000', dueOn: '2099-01-01' }],
    });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json().errors[0]).toMatchObject({ field: 'actions.0.ownerId', message: 'the owner must be a member of this organization' });
    expect((await call('viewer', 'GET', `/api/board/sessions/${session.id}`)).json().decisions).toEqual([]);

    const decided = await call('lead', 'POST', `/api/board/sessions/${session.id}/decisions`, {
      text: 'Fix <script>before</script> launch', rationale: 'critical `leak`', agendaItemId: point.id,
      actions: [{ text: 'Rotate the key', ownerId: h.w.people.contributor.id, dueOn: '2099-01-01' }],
    });
    expect(decided.statusCode).toBe(201);
    expect(decided.json().decisions[0]).toMatchObject({ text: 'Fix <script>before</script> launch', record: { type: 'finding', id: point.recordId } });
    expect(decided.json().actions[0]).toMatchObject({ text: 'Rotate the key', owner: { id: h.w.people.contributor.id }, record: { type: 'finding', id: point.recordId } });
    const actionId = decided.json().actions[0].id;

    const queue = (await call('contributor', 'GET', '/api/queue')).json();
    expect(queue.items[0]).toMatchObject({ kind: 'board.action', boardAction: { id: actionId, text: 'Rotate the key', dueOn: '2099-01-01' } });
    const mine = await call('contributor', 'GET', '/api/board/actions?owner=me&status=open');
    expect(mine.json().items.map((a: { id: string }) => a.id)).toEqual([actionId]);
    expect((await call('lead2', 'POST', `/api/board/actions/${actionId}/done`, {})).statusCode).toBe(403);
    expect((await call('contributor', 'POST', `/api/board/actions/${actionId}/done`)).json()).toMatchObject({ status: 'done' });

    expect((await call('lead', 'POST', `/api/board/sessions/${session.id}/held`)).json()).toMatchObject({ status: 'held' });
    const closed = await call('lead', 'POST', `/api/board/sessions/${session.id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    const late = await call('lead', 'POST', `/api/board/sessions/${session.id}/actions`, { text: 'Too late', ownerId: h.w.people.lead.id, dueOn: '2099-01-01' });
    expect(late.statusCode).toBe(409);

    const md = await call('viewer', 'GET', `/api/board/sessions/${session.scheduledOn}/minutes.md`);
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.headers['content-disposition']).toBe(`attachment; filename="board-minutes-${session.scheduledOn}.md"`);
    expect(md.body).toContain('- New critical finding: Leaks \\[the key\\]\\(javascript:alert\\(1\\)\\)');
    expect(md.body).toContain('1. Fix \\<script\\>before\\</script\\> launch');
    expect(md.body).toContain('Rationale: critical \\`leak\\`');
    expect(md.body).not.toMatch(/<script>|\]\(javascript/);

    expect((await call('viewer', 'GET', '/api/board/sessions/1999-01-01')).statusCode).toBe(404);
    expect((await call('viewer', 'GET', '/api/board/sessions')).json().items.map((s: { id: string }) => s.id)).toEqual([session.id]);
  });
});
