/** Audit events in human words: "Avery Admin handed off Prompt injection from Sam Okafor to Mei Lin". */
import type { AuditEvent } from '../../../../src/contracts/audit.ts';
import type { PeopleIndex } from '../users/people-index.ts';
import { describeRemediationEvent } from './describe-remediation-event.ts';
import { diffSnapshots, listSnapshot, readString, type ChangeLine } from './event-diff.ts';

export interface EventDescription {
  summary: string;
  changes: ChangeLine[];
  /** A quoted reason, when the change carries one (handoffs). */
  reason: string | null;
  /** Where the subject lives in the app, when it has a page. */
  link: { to: string; label: string } | null;
}

/** "system:demo-seed" → "Keel demo set-up"; null for anything that is not the system. */
export function systemActorName(actor: string): string | null {
  const [kind, rest] = actor.split(':', 2);
  if (kind !== 'system') return null;
  return rest === 'demo-seed' ? 'Keel demo set-up' : rest === 'cli' ? 'Keel command line' : 'Keel';
}

export function actorLabel(e: AuditEvent, people: PeopleIndex): string {
  if (e.actorName) return e.actorName;
  const [kind, rest] = e.actor.split(':', 2);
  if (kind === 'user' && rest) return people.name(rest) ?? 'A former member';
  return systemActorName(e.actor) ?? 'Someone';
}

/** Zones by id, for events whose snapshots do not name the zone (handoffs). */
export type ZoneIndex = Map<string, { key: string; name: string }>;

export interface DescribeContext {
  people: PeopleIndex;
  zones?: ZoneIndex;
  /** The event is shown on its zone's own page: say "the zone", link nowhere. */
  inZone?: boolean;
  /** The event is shown on its remediation item's own page: say "the item", link nowhere. */
  onItemPage?: boolean;
  /** Acceptance criteria texts by id, to name the criterion a remediation event is about. */
  criteria?: ReadonlyMap<string, string>;
}

function subjectName(e: AuditEvent, ctx: DescribeContext): string {
  return readString(e.after, 'name') ?? readString(e.before, 'name')
    ?? (e.entityType === 'zone' ? ctx.zones?.get(e.entityId)?.name : ctx.people.name(e.entityId))
    ?? `a ${e.entityType}`;
}

function zoneLink(e: AuditEvent, ctx: DescribeContext): EventDescription['link'] {
  if (ctx.inZone) return null;
  const known = ctx.zones?.get(e.entityId);
  const key = readString(e.after, 'key') ?? readString(e.before, 'key') ?? known?.key;
  const name = readString(e.after, 'name') ?? readString(e.before, 'name') ?? known?.name;
  return key ? { to: `/zones/${encodeURIComponent(key)}`, label: name ?? key } : null;
}

export function describeEvent(e: AuditEvent, ctx: DescribeContext): EventDescription {
  const { people } = ctx;
  const opts = { inZone: ctx.inZone ?? false };
  const who = actorLabel(e, people);
  const what = subjectName(e, ctx);
  const base: EventDescription = { summary: '', changes: [], reason: null, link: null };
  const zoneWord = opts.inZone ? 'the zone' : what;
  const remediation = describeRemediationEvent(e, who, { people, onItemPage: ctx.onItemPage, criteria: ctx.criteria });
  if (remediation) return remediation;
  switch (e.action) {
    case 'zone.created':
      return { ...base, summary: `${who} created ${opts.inZone ? 'the zone' : `zone ${what}`}`, link: zoneLink(e, ctx),
        changes: listSnapshot(e.after, people, ['tier', 'buckets', 'owner', 'deputy', 'product']) };
    case 'zone.updated':
      return { ...base, summary: `${who} updated ${zoneWord}`, link: zoneLink(e, ctx), changes: diffSnapshots(e.before, e.after, people) };
    case 'zone.archived':
      return { ...base, summary: `${who} archived ${zoneWord}`, link: zoneLink(e, ctx) };
    case 'zone.restored':
      return { ...base, summary: `${who} restored ${zoneWord}`, link: zoneLink(e, ctx) };
    case 'zone.handed_off': {
      const from = people.name(readString(e.before, 'ownerId')) ?? people.name(readString(e.before, 'owner')) ?? 'the previous owner';
      const to = people.name(readString(e.after, 'ownerId')) ?? people.name(readString(e.after, 'owner')) ?? 'a new owner';
      const subject = opts.inZone ? '' : ` ${what}`;
      const summary = who === from ? `${who} handed off${subject} to ${to}` : `${who} handed off${subject} from ${from} to ${to}`;
      const deputyBefore = readString(e.before, 'deputyId');
      const deputyAfter = readString(e.after, 'deputyId');
      const changes = deputyBefore !== deputyAfter
        ? [{ field: 'deputy', from: people.name(deputyBefore), to: people.name(deputyAfter) }]
        : [];
      return { ...base, summary, reason: readString(e.after, 'reason'), changes, link: zoneLink(e, ctx) };
    }
    case 'product.created':
      return { ...base, summary: `${who} created product ${what}`, link: { to: '/products', label: what } };
    case 'product.updated':
      return { ...base, summary: `${who} updated product ${what}`, link: { to: '/products', label: what }, changes: diffSnapshots(e.before, e.after, people) };
    case 'member.added': {
      const role = readString(e.after, 'role');
      return { ...base, summary: `${who} added ${what}${role ? ` as ${role}` : ''}` };
    }
    case 'member.updated':
      return { ...base, summary: `${who} updated ${what}`, changes: diffSnapshots(e.before, e.after, people) };
    case 'member.removed':
      return { ...base, summary: `${who} removed ${what} from the organization` };
    case 'member.password_set':
      return { ...base, summary: `${who} set a new password for ${what}` };
    case 'member.password_changed':
      return { ...base, summary: `${who} changed their password` };
    case 'api_token.created':
      return { ...base, summary: `${who} created the API token “${readString(e.after, 'name') ?? 'unnamed'}”` };
    case 'api_token.revoked':
      return { ...base, summary: `${who} revoked the API token “${readString(e.after, 'name') ?? 'unnamed'}”` };
    case 'session.signed_in':
      return { ...base, summary: `${who} signed in` };
    case 'org.created':
      return { ...base, summary: `${who} created the organization ${what}` };
    default: {
      const verb = e.action.split('.').reverse().join(' ').replace(/_/g, ' ');
      return { ...base, summary: `${who}: ${e.entityType} ${verb}`, changes: diffSnapshots(e.before, e.after, people) };
    }
  }
}
