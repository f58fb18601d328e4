import type { Zone, ZoneList } from '../../../../src/contracts/zones.ts';
import { useResource, type Resource } from '../../api/use-resource.ts';
import { zonesApi } from '../../api/zones.ts';

/** Every active zone of the organization, by name: for the pickers of findings, runs and rules. */
export function useZoneOptions(): Resource<ZoneList> {
  return useResource(() => zonesApi.list({ sort: 'name', limit: 500 }), []);
}

/**
 * A select of zones by key. `empty` is the label of the no-zone choice (omit it to force a
 * zone); the id and aria wiring come from the surrounding Field.
 */
export function ZoneSelect({ zones, value, onChange, empty, ...rest }: {
  zones: readonly Zone[];
  value: string;
  onChange: (key: string) => void;
  empty?: string;
  id?: string;
  'aria-label'?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  required?: boolean;
}) {
  const byProduct = new Map<string, Zone[]>();
  for (const z of zones) byProduct.set(z.product.name, [...(byProduct.get(z.product.name) ?? []), z]);
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
      {empty !== undefined ? <option value="">{empty}</option> : <option value="" disabled>Choose a zone…</option>}
      {[...byProduct.entries()].map(([product, list]) => (
        <optgroup key={product} label={product}>
          {list.map((z) => <option key={z.id} value={z.key}>{z.name}</option>)}
        </optgroup>
      ))}
    </select>
  );
}
