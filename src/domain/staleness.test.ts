import { describe, expect, it } from 'vitest';
import { staleReasons, type StalenessInput } from './staleness.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const item = (over: Partial<StalenessInput> = {}): StalenessInput => ({
  status: 'planned', zoneId: 'z', createdAt: day(0), lastActivityAt: day(0), zoneHandedOffAt: null, findings: [], ...over,
});
const codes = (i: StalenessInput, now = day(10)) => staleReasons(i, now, 30).map((r) => r.code);

describe('needs re-scoping', () => {
  it('flags an open item idle for the policy time, and says for how long', () => {
    expect(codes(item(), day(29))).toEqual([]);
    const [r] = staleReasons(item(), day(31), 30);
    expect(r).toEqual({ code: 'no_activity', message: 'no activity for 31 days (the policy allows 30)' });
    expect(codes(item({ lastActivityAt: day(20) }), day(31))).toEqual([]);
  });

  it('flags a planned or in-progress item whose findings are all no longer reproduced', () => {
    const findings = [{ status: 'fixed_unverified', zoneId: 'z' }, { status: 'verified', zoneId: 'z' }] as const;
    expect(codes(item({ findings }))).toEqual(['findings_not_reproduced']);
    expect(codes(item({ status: 'in_progress', findings }))).toEqual(['findings_not_reproduced']);
    expect(codes(item({ findings: [...findings, { status: 'open', zoneId: 'z' }] }))).toEqual([]);
    // A reopened item is open because something came back; its findings say otherwise soon.
    expect(codes(item({ status: 'reopened', findings }))).toEqual([]);
    // No findings (an item from a pre-mortem) is not a reason.
    expect(codes(item({ findings: [] }))).toEqual([]);
  });

  it('flags a zone handed off after the item was created, and a finding in another zone', () => {
    expect(codes(item({ zoneHandedOffAt: day(-5) }))).toEqual([]);
    const r = staleReasons(item({ zoneHandedOffAt: day(3) }), day(10), 30);
    expect(r).toEqual([{ code: 'zone_owner_changed', message: 'its zone changed owner on 2026-01-04, after the item was planned' }]);
    expect(codes(item({ findings: [{ status: 'open', zoneId: 'other' }, { status: 'open', zoneId: null }] }))).toEqual(['finding_in_other_zone']);
  });

  it('gives every reason that applies, and none for closed items', () => {
    const stale = item({ zoneHandedOffAt: day(2), findings: [{ status: 'verified', zoneId: 'other' }] });
    expect(codes(stale, day(40))).toEqual(['no_activity', 'findings_not_reproduced', 'zone_owner_changed', 'finding_in_other_zone']);
    for (const status of ['fixed', 'verified', 'obsolete'] as const) expect(codes({ ...stale, status }, day(40))).toEqual([]);
  });
});
