import type { ReactNode } from 'react';
import type { Bucket, Tier } from '../../../../src/contracts/common.ts';
import type { Member } from '../../../../src/contracts/users.ts';
import type { ApiError } from '../../api/api-error.ts';
import { Field, FieldSet } from '../../ui/field.tsx';
import { BUCKETS, BUCKET_LABELS, TIERS, TIER_LABELS, TIER_MEANINGS } from './tiers.ts';

export interface ZoneFormValues {
  name: string;
  description: string;
  tier: Tier;
  buckets: Bucket[];
  deputyId: string;
}

interface Props {
  values: ZoneFormValues;
  onChange: (patch: Partial<ZoneFormValues>) => void;
  deputies: readonly Member[];
  /** Who cannot be the deputy (the owner). */
  ownerId: string | undefined;
  error: ApiError | undefined;
  idPrefix: string;
  /** Extra fields: after the name (the key), and before the deputy (the owner). */
  afterName?: ReactNode;
  beforeDeputy?: ReactNode;
}

/** The fields a zone has whether it is being created or edited. */
export function ZoneFormFields({ values, onChange, deputies, ownerId, error, idPrefix, afterName, beforeDeputy }: Props) {
  function toggleBucket(b: Bucket, on: boolean) {
    const next = on ? [...values.buckets, b] : values.buckets.filter((x) => x !== b);
    onChange({ buckets: BUCKETS.filter((x) => next.includes(x)) });
  }
  return (
    <>
      <Field label="Name" error={error?.fieldMessage('name')}>
        <input type="text" value={values.name} required maxLength={200} onChange={(e) => onChange({ name: e.target.value })} />
      </Field>
      {afterName}
      <Field label="Description" error={error?.fieldMessage('description')} hint="What this part of the product covers">
        <textarea rows={3} value={values.description} maxLength={5000} onChange={(e) => onChange({ description: e.target.value })} />
      </Field>
      <Field label="Risk tier" error={error?.fieldMessage('tier')}>
        <select value={values.tier} onChange={(e) => onChange({ tier: e.target.value as Tier })}>
          {TIERS.map((t) => <option key={t} value={t}>{TIER_LABELS[t]} · {TIER_MEANINGS[t]}</option>)}
        </select>
      </Field>
      <FieldSet legend="Outcome buckets" error={error?.fieldMessage('buckets')}>
        {BUCKETS.map((b) => (
          <label key={b} className="checkbox" htmlFor={`${idPrefix}-bucket-${b}`}>
            <input id={`${idPrefix}-bucket-${b}`} type="checkbox" checked={values.buckets.includes(b)}
              onChange={(e) => toggleBucket(b, e.target.checked)} />
            {BUCKET_LABELS[b]}
          </label>
        ))}
      </FieldSet>
      {beforeDeputy}
      <Field label="Deputy" error={error?.fieldMessage('deputyId')} hint="Covers for the owner; any active member">
        <select value={values.deputyId} onChange={(e) => onChange({ deputyId: e.target.value })}>
          <option value="">No deputy</option>
          {deputies.filter((m) => m.id !== ownerId).map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </Field>
    </>
  );
}

export function validateZoneValues(v: ZoneFormValues): string | null {
  if (!v.name.trim()) return 'Give the zone a name.';
  if (v.buckets.length === 0) return 'Choose at least one outcome bucket.';
  return null;
}
