/**
 * The rules of the residual risk register (issue 5):
 *
 *   draft → approved (every required signature given) → expired (its expiry date came) | revoked
 *   draft → expired | revoked
 *
 * Signatures: the zone's owner signs as `owner`; when the residual severity is critical an
 * admin must sign as well, as `admin`, and it must be someone other than the owner's signer
 * (the four-eyes rule: an owner who is also an admin cannot sign twice). An entry lapses on
 * its expiry date (from 00:00 UTC that day): the acceptance is no longer valid that day.
 */
import { utcDate } from './calendar-date.ts';
import { ConflictError, InputError, NotAllowedError } from './errors.ts';
import type { Role } from './roles.ts';
import type { Severity } from './severity.ts';

export const RISK_STATUSES = ['draft', 'approved', 'expired', 'revoked'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** Entries that still hold their findings out of triage, and that lapse on their date. */
export const LIVE_RISK_STATUSES: readonly RiskStatus[] = ['draft', 'approved'];

export const SIGN_CAPACITIES = ['owner', 'admin'] as const;
export type SignCapacity = (typeof SIGN_CAPACITIES)[number];

export interface Signature { capacity: SignCapacity; signer: string; userId: string | null; signedAt: string }

/** Who must sign an entry of this residual severity. */
export function requiredCapacities(residual: Severity | null): SignCapacity[] {
  return residual === 'critical' ? ['owner', 'admin'] : ['owner'];
}

/** The capacities still unsigned. */
export function missingCapacities(residual: Severity | null, signatures: readonly Signature[]): SignCapacity[] {
  return requiredCapacities(residual).filter((c) => !signatures.some((s) => s.capacity === c));
}

/** The UTC calendar date of an instant. */
/** An entry lapses from the start of its expiry date. */
export function hasLapsed(expiresOn: string, at: Date): boolean {
  return expiresOn <= utcDate(at);
}

/** What an entry needs before anyone may sign it: [field, message] pairs, empty when ready. */
export function approvalBlockers(e: {
  zoneId: string | null; residualSeverity: Severity | null; reviewOn: string | null; expiresOn: string; title: string;
  justification: string;
}, at: Date): [string, string][] {
  const out: [string, string][] = [];
  if (!e.zoneId) out.push(['zone', 'an acceptance is approved by its zone\'s owner: set the zone first']);
  if (!e.residualSeverity) out.push(['residualSeverity', 'say how severe the residual risk is before approving it']);
  if (!e.reviewOn) out.push(['reviewOn', 'set a review date before approving']);
  if (hasLapsed(e.expiresOn, at)) out.push(['expiresOn', `the expiry date ${e.expiresOn} has come; set a later one`]);
  return out;
}

export interface SignerContext {
  role: Role;
  userId: string | null;
  /** The actor's audit label (`user:<id>` or `system:<name>`). */
  label: string;
  zoneOwnerId: string;
  zoneOwnerName: string;
  residual: Severity | null;
  signatures: readonly Signature[];
}

/** The capacity in which this caller signs now; throws, saying who is needed, when they may not. */
export function capacityToSign(c: SignerContext): SignCapacity {
  const mine = c.signatures.find((s) => (c.userId !== null ? s.userId === c.userId : s.signer === c.label));
  const missing = missingCapacities(c.residual, c.signatures);
  if (mine) {
    throw new ConflictError(`You already signed this acceptance as ${mine.capacity}${missing.length ? `; still needed: ${describeMissing(missing, c.zoneOwnerName)}` : ''}`);
  }
  const isOwner = c.userId !== null && c.userId === c.zoneOwnerId;
  if (isOwner && missing.includes('owner')) return 'owner';
  if (c.role === 'admin' && missing.includes('admin')) return 'admin';
  throw new NotAllowedError(`Only ${describeMissing(missing, c.zoneOwnerName)} may approve this acceptance`);
}

export function describeMissing(missing: readonly SignCapacity[], ownerName: string): string {
  return missing.map((m) => (m === 'owner' ? `the zone's owner (${ownerName})` : 'an admin other than the owner')).join(' and ');
}

/** Revoking ends a live entry; it needs a reason. */
export function checkRevocable(status: RiskStatus, reason: string | null | undefined): string {
  if (!LIVE_RISK_STATUSES.includes(status)) throw new ConflictError(`The acceptance is already ${status}`);
  const text = reason?.trim() ?? '';
  if (text.length < 3) throw InputError.field('reason', 'say why the acceptance is revoked (at least 3 characters)');
  return text;
}

/** Edits are for drafts: an approved entry is what was signed. */
export function checkEditable(status: RiskStatus): void {
  if (status !== 'draft') {
    throw new ConflictError(`An ${status} acceptance cannot be changed; ${status === 'approved' ? 'revoke it and record a new one' : 'record a new one'}`);
  }
}
