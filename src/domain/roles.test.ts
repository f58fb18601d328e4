import { describe, expect, it } from 'vitest';
import { NotAllowedError } from './errors.ts';
import { authorize, authorizeOnZone, can, ROLES } from './roles.ts';

describe('roles', () => {
  it('gives a viewer nothing but reading', () => {
    expect(can('viewer', 'org.read')).toBe(true);
    for (const a of ['product.create', 'zone.create', 'zone.update_own', 'zone.handoff_own', 'user.manage', 'audit.verify'] as const) {
      expect(can('viewer', a)).toBe(false);
    }
  });

  it('lets a lead act on their own zones only', () => {
    expect(() => authorizeOnZone('lead', true, 'zone.update_own', 'zone.update_any')).not.toThrow();
    expect(() => authorizeOnZone('lead', false, 'zone.update_own', 'zone.update_any')).toThrow(/only when they own the zone; to edit a zone owned by someone else ask an admin/);
    expect(() => authorizeOnZone('admin', false, 'zone.handoff_own', 'zone.handoff_any')).not.toThrow();
    expect(() => authorizeOnZone('contributor', true, 'zone.handoff_own', 'zone.handoff_any')).toThrow(NotAllowedError);
  });

  it('says which role may not do what', () => {
    expect(() => authorize('reviewer', 'zone.import')).toThrow('A reviewer may not import zones in bulk');
    expect(ROLES).toEqual(['admin', 'lead', 'contributor', 'reviewer', 'viewer']);
  });
});
