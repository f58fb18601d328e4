import { describe, expect, it } from 'vitest';
import { assembleAgenda, describePoint, groupByOwner, type AgendaFacts } from './board-agenda.ts';
import { escapeMarkdown, minutesMarkdown } from './board-minutes.ts';
import { checkRecording, checkSessionMove, nextSessionDate } from './board-sessions.ts';

const ana = { id: 'u-ana', name: 'Ana Owner', email: 'ana@example.com' };
const bo = { id: 'u-bo', name: 'Bo Lead', email: 'bo@example.com' };
const zone = { id: 'z1', key: 'chat', name: 'Chat' };
const since = new Date('2026-03-02T10:00:00Z');
const at = new Date('2026-03-16T10:00:00Z');

const empty: AgendaFacts = { since, at, kpis: [], findings: [], overdue: [], debtNow: [], debtBefore: null, acceptances: [], launches: [], actions: [] };
const finding = (id: string, severity: 'critical' | 'high' | 'medium', firstSeenAt: string, regressedAt: string | null = null) => ({
  id, title: `Finding ${id}`, severity, firstSeenAt, regressedAt, regressedInRun: regressedAt ? 'run.json' : null, zone, owner: ana,
});

describe('board agenda assembly', () => {
  it('takes critical and high findings first seen in the period, and regressions of any severity', () => {
    const points = assembleAgenda({
      ...empty,
      findings: [
        finding('old-critical', 'critical', '2026-03-01T00:00:00Z'),
        finding('new-high', 'high', '2026-03-05T00:00:00Z'),
        finding('new-medium', 'medium', '2026-03-05T00:00:00Z'),
        finding('new-critical', 'critical', '2026-03-10T00:00:00Z'),
        finding('at-boundary', 'critical', since.toISOString()),
        finding('reg-medium', 'medium', '2026-01-01T00:00:00Z', '2026-03-12T00:00:00Z'),
        finding('reg-before', 'high', '2026-01-01T00:00:00Z', '2026-02-20T00:00:00Z'),
        finding('new-and-reg', 'high', '2026-03-03T00:00:00Z', '2026-03-13T00:00:00Z'),
      ],
    });
    expect(points.map((p) => [p.kind, p.recordId])).toEqual([
      ['finding_new', 'new-critical'], ['finding_new', 'new-high'],
      ['finding_regressed', 'new-and-reg'], ['finding_regressed', 'reg-medium'],
    ]);
    expect(describePoint(points[2]!)).toBe('Regressed high finding: fixed before, seen again in run run.json');
  });

  it('reports KPI status changes against the previous session, new KPIs only when not on track', () => {
    const kpi = (id: string, previous: string | null, current: string | null) => ({ id, name: `KPI ${id}`, previous, current, zone, owner: ana });
    const points = assembleAgenda({
      ...empty,
      kpis: [kpi('same', 'on_track', 'on_track'), kpi('worse', 'on_track', 'at_risk'), kpi('better', 'off_track', 'on_track'),
        kpi('fresh-ok', null, 'on_track'), kpi('fresh-bad', null, 'off_track'), kpi('silent', null, 'no_data')],
    });
    expect(points.map((p) => [p.recordId, p.facts.from, p.facts.to])).toEqual([
      ['fresh-bad', null, 'off_track'], ['worse', 'on_track', 'at_risk'], ['better', 'off_track', 'on_track'],
    ]);
    expect(points.map(describePoint)).toEqual(['KPI new this period, off track', 'KPI moved from on track to at risk', 'KPI moved from off track to on track']);
  });

  it('shows each owner\'s debt change, including debt paid down to zero, and nothing when unchanged', () => {
    const points = assembleAgenda({
      ...empty,
      debtNow: [{ owner: ana, debt: 3.13 }, { owner: bo, debt: 2 }],
      debtBefore: [{ owner: bo, debt: 2 }, { owner: { id: 'u-cy', name: 'Cy', email: 'cy@example.com' }, debt: 5 }],
    });
    expect(points.map((p) => [p.owner?.name, p.facts])).toEqual([
      ['Ana Owner', { previous: 0, current: 3.13, change: 3.13 }],
      ['Cy', { previous: 5, current: 0, change: -5 }],
    ]);
    expect(describePoint(points[0]!)).toBe('Safety debt 0 → 3.13 (+3.13)');
    const first = assembleAgenda({ ...empty, debtNow: [{ owner: ana, debt: 4 }] });
    expect(describePoint(first[0]!)).toBe('Safety debt 4 (no figure from a previous session)');
  });

  it('takes approved acceptances expiring within 30 days, launches awaiting a decision, and open actions', () => {
    const acc = (id: string, expiresOn: string, status = 'approved') => ({ id, key: `RISK-${id}`, title: `Accept ${id}`, status, expiresOn, zone, owner: bo });
    const launch = (id: string, status: string) => ({ id, name: `Launch ${id}`, plannedOn: '2026-04-01', status, zone, owner: bo });
    const points = assembleAgenda({
      ...empty,
      acceptances: [acc('1', '2026-04-05'), acc('2', '2026-04-16'), acc('3', '2026-04-15'), acc('4', '2026-03-20', 'draft'), acc('5', '2026-03-15')],
      launches: [launch('a', 'planned'), launch('b', 'go'), launch('c', 'awaiting_cosign')],
      actions: [{ id: 'x1', text: 'Call legal', dueOn: '2026-03-10', owner: bo, sessionId: 's0', sessionOn: '2026-03-02', recordKey: null }],
    });
    expect(points.map((p) => [p.kind, p.recordId])).toEqual([
      ['acceptance_expiring', '1'], ['acceptance_expiring', '3'], ['launch_pending', 'a'], ['launch_pending', 'c'], ['action_open', 'x1'],
    ]);
    expect(points.map(describePoint)).toEqual([
      'Risk acceptance expires on 2026-04-05 (in 20 days)', 'Risk acceptance expires on 2026-04-15 (in 30 days)',
      'Launch planned for 2026-04-01 awaits its go / pause decision', 'Launch planned for 2026-04-01 awaits its admin co-sign',
      'Board action from 2026-03-02 still open, due 2026-03-10 (overdue)',
    ]);
  });

  it('groups by owner name, unowned last, kinds in order, overdue items by debt', () => {
    const item = (id: string, debt: number, escalatedAt: string | null, owner: typeof ana | null) => ({
      id, number: Number(id), title: `Item ${id}`, severity: 'high' as const, dueAt: '2026-03-01T00:00:00Z', debt, sprintsOverdue: 2,
      escalatedAt, escalationReason: escalatedAt ? 'overdue for 3 sprints' : null, zone, owner,
    });
    const points = assembleAgenda({
      ...empty,
      overdue: [item('1', 1, null, bo), item('2', 5, null, bo), item('3', 2, '2026-03-10T00:00:00Z', bo), item('4', 1, null, null), item('5', 1, null, ana)],
      findings: [finding('f', 'critical', '2026-03-05T00:00:00Z')],
    });
    const groups = groupByOwner(points);
    expect(groups.map((g) => [g.owner?.name ?? null, g.points.map((p) => `${p.kind}:${p.recordKey ?? p.recordId}`)])).toEqual([
      ['Ana Owner', ['finding_new:f', 'remediation_overdue:REM-5']],
      ['Bo Lead', ['remediation_escalated:REM-3', 'remediation_overdue:REM-2', 'remediation_overdue:REM-1']],
      [null, ['remediation_overdue:REM-4']],
    ]);
    expect(describePoint(groups[1]!.points[0]!)).toBe('REM-3 escalated: overdue for 3 sprints');
    expect(describePoint(groups[1]!.points[1]!)).toBe('REM-2 overdue since 2026-03-01 (2 sprint(s), debt 5)');
  });
});

describe('board sessions', () => {
  it('dates the next session on the cadence, rolling missed dates forward by whole cadences', () => {
    expect(nextSessionDate(null, 14, '2026-03-04')).toBe('2026-03-04');
    expect(nextSessionDate('2026-03-02', 14, '2026-03-04')).toBe('2026-03-16');
    expect(nextSessionDate('2026-03-02', 14, '2026-03-16')).toBe('2026-03-16');
    expect(nextSessionDate('2026-03-02', 14, '2026-03-17')).toBe('2026-03-30');
    expect(nextSessionDate('2026-01-05', 7, '2026-03-04')).toBe('2026-03-09');
  });

  it('moves planned → held → closed and records nothing once closed', () => {
    expect(() => checkSessionMove('planned', 'held')).not.toThrow();
    expect(() => checkSessionMove('planned', 'closed')).not.toThrow();
    expect(() => checkSessionMove('held', 'held')).toThrow('A session that is held cannot become held; it can become closed');
    expect(() => checkSessionMove('closed', 'held')).toThrow('The session is closed: its minutes are final');
    expect(() => checkRecording('held')).not.toThrow();
    expect(() => checkRecording('closed')).toThrow(/record this in the next session/);
  });
});

describe('board minutes', () => {
  it('escapes user text so no link, image, HTML or code can be injected', () => {
    expect(escapeMarkdown('[click](https://evil.example) <img src=x onerror=alert(1)> `rm -rf` ![i](x)'))
      .toBe('\\[click\\]\\(https://evil.example\\) \\<img src=x onerror=alert\\(1\\)\\> \\`rm -rf\\` \\!\\[i\\]\\(x\\)');
    expect(escapeMarkdown('# Heading\n- item\n1. first\n> quote')).toBe('\\# Heading  \n\\- item  \n1\\. first  \n\\> quote');
    expect(escapeMarkdown('a *b* _c_ | d & e')).toBe('a \\*b\\* \\_c\\_ \\| d \\& e');
  });

  it('writes the summary, agenda by owner, decisions and action items', () => {
    const md = minutesMarkdown({
      orgName: 'Acme <AI>', scheduledOn: '2026-03-16', status: 'closed', attendees: ['Ana', 'Bo [legal]'], notes: 'Good <b>session</b>',
      agendaSince: '2026-03-02T10:00:00Z', agendaGeneratedAt: '2026-03-16T10:00:00Z',
      agenda: [{ kind: 'finding_new', owner: ana, recordType: 'finding', recordId: 'f1', recordKey: null, title: 'Leak [x](y)', zone, facts: { severity: 'critical' } }],
      decisions: [{ position: 1, text: 'Pause `launch`', rationale: 'Too <risky>', recordKey: 'REM-3', decidedBy: 'user:1' }],
      actions: [{ position: 1, text: 'Patch | filter', ownerName: 'Bo', ownerEmail: 'bo@example.com', dueOn: '2026-03-30', status: 'open', recordKey: null }],
    });
    expect(md).toBe([
      '# Safety review board — 2026-03-16', '',
      'Organization: Acme \\<AI\\>  ', 'Status: closed  ', 'Attendees: Ana, Bo \\[legal\\]', '',
      '## Summary', '', 'Good \\<b\\>session\\</b\\>', '',
      '## Agenda', '', 'Covering 2026-03-02 to 2026-03-16.', '',
      '### Ana Owner (ana@example.com)', '', '- New critical finding: Leak \\[x\\]\\(y\\) — zone Chat', '',
      '## Decisions', '', '1. Pause \\`launch\\` (REM-3)  ', '   Rationale: Too \\<risky\\>', '',
      '## Action items', '', '| # | Action | Owner | Due | Status |', '|---|---|---|---|---|',
      '| 1 | Patch \\| filter | Bo (bo@example.com) | 2026-03-30 | open |', '',
    ].join('\n'));
  });
});
