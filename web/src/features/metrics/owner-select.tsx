import type { Member } from '../../../../src/contracts/users.ts';
import { Field } from '../../ui/field.tsx';
import { byName } from '../users/use-members.ts';

/** Whose scorecard: members who can own zones (leads and admins), by name; the value is the e-mail. */
export function OwnerSelect({ members, value, onChange }: {
  members: readonly Member[];
  value: string;
  onChange: (email: string) => void;
}) {
  const owners = members.filter((m) => m.role === 'lead' || m.role === 'admin' || m.email === value).sort(byName);
  return (
    <Field label="Owner">
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {owners.map((m) => (
          <option key={m.id} value={m.email}>{m.name}{m.status === 'active' ? '' : ` (${m.status})`}</option>
        ))}
      </select>
    </Field>
  );
}
