import { systemActorName } from '../audit/describe-event.ts';
import { buildPeopleIndex } from './people-index.ts';
import { useMembers } from './use-members.ts';

export type ActorName = (actor: string | null | undefined) => string;

/** "user:<id>" → the member's name; "system:cli" → "Keel command line"; anything else as it is. */
export function useActorName(): ActorName {
  const members = useMembers();
  const people = buildPeopleIndex(members.data?.items);
  return (actor) => {
    if (!actor) return '—';
    const [kind, rest] = actor.split(':', 2);
    if (kind === 'user' && rest) return people.name(rest) ?? (members.data ? 'A former member' : '…');
    return systemActorName(actor) ?? people.name(actor) ?? actor;
  };
}
