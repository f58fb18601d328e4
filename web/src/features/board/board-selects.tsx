import type { SelectHTMLAttributes } from 'react';
import type { BoardSessionDetail } from '../../../../src/contracts/board.ts';
import type { Member } from '../../../../src/contracts/users.ts';
import { byName } from '../users/use-members.ts';
import { KIND_LABELS } from './board-labels.ts';

/** What a Field hands its control (id, aria-invalid, aria-describedby), passed on to the select. */
type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & { value: string; onChange: (id: string) => void };

/** An active member to own an action item. */
export function OwnerSelect({ members, value, onChange, ...rest }: SelectProps & { members: readonly Member[] }) {
  const active = members.filter((m) => m.status === 'active').sort(byName);
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Choose a person…</option>
      {active.map((m) => <option key={m.id} value={m.id}>{m.name} ({m.email})</option>)}
    </select>
  );
}

/** One point of the session's agenda, or none. */
export function AgendaPointSelect({ session, value, onChange, ...rest }: SelectProps & { session: BoardSessionDetail }) {
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">No particular point</option>
      {session.agenda.flatMap((g) => g.points).map((p) => (
        <option key={p.id} value={p.id}>{p.position}. {KIND_LABELS[p.kind]}: {p.title.slice(0, 80)}</option>
      ))}
    </select>
  );
}
