import { useState } from 'react';
import type { ApiError } from '../api/api-error.ts';
import { useResource } from '../api/use-resource.ts';
import { usersApi } from '../api/users.ts';
import { RequireRole } from '../features/auth/require-session.tsx';
import { useMe } from '../features/auth/session-context.tsx';
import { AddMemberForm } from '../features/users/add-member-form.tsx';
import { MemberRow } from '../features/users/member-row.tsx';
import { MemberProblem } from '../features/users/owned-zones-problem.tsx';
import { byName } from '../features/users/use-members.ts';
import { Alert, ProblemAlert } from '../ui/alert.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function UsersPage() {
  const me = useMe();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader title="Users" subtitle={`Members of ${me.org.name} and their roles.`}
        actions={me.role === 'admin' && (
          <button type="button" className="btn btn-primary" aria-expanded={adding} onClick={() => setAdding((v) => !v)}>
            Add member
          </button>
        )} />
      <RequireRole allowed={['admin']} role={me.role}>
        <Members meId={me.user.id} adding={adding} onCloseAdd={() => setAdding(false)} />
      </RequireRole>
    </>
  );
}

function Members({ meId, adding, onCloseAdd }: { meId: string; adding: boolean; onCloseAdd: () => void }) {
  const members = useResource(() => usersApi.list(), []);
  const [q, setQ] = useState('');
  const [problem, setProblem] = useState<{ title: string; error: ApiError }>();
  const [notice, setNotice] = useState<string>();
  const items = [...(members.data?.items ?? [])].sort(byName);
  const needle = q.trim().toLowerCase();
  const shown = needle ? items.filter((m) => `${m.name} ${m.email} ${m.role}`.toLowerCase().includes(needle)) : items;
  const replace = (next: typeof items) => members.setData({ items: next });

  return (
    <div className="stack">
      {adding && <AddMemberForm onClose={onCloseAdd} onAdded={(m) => { setProblem(undefined); replace([...items, m]); }} />}
      <div className="stack">
        {problem && <MemberProblem title={problem.title} error={problem.error} onDismiss={() => setProblem(undefined)} />}
        {notice && !problem && <Alert tone="success">{notice}</Alert>}
        <ProblemAlert error={members.error} title="Could not load members" />
        <div className="toolbar">
          <div className="field filter-search">
            <label htmlFor="member-q">Find a member</label>
            <input id="member-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name, email or role" />
          </div>
          <p className="muted small">{items.length} members</p>
        </div>
        {members.loading && !members.data && <Loading />}
        {members.data && (
          <div className="table-wrap">
            <table className="table table-stack members-table">
              <thead>
                <tr>
                  <th scope="col">Member</th><th scope="col">Role</th><th scope="col">Status</th>
                  <th scope="col" className="num hide-sm">Zones</th><th scope="col"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {shown.map((m) => (
                  <MemberRow key={m.id} member={m} isMe={m.id === meId}
                    onChanged={(next) => { setProblem(undefined); replace(items.map((x) => (x.id === next.id ? next : x))); }}
                    onRemoved={(id) => { setProblem(undefined); replace(items.filter((x) => x.id !== id)); }}
                    onProblem={(title, error) => { setNotice(undefined); setProblem({ title, error }); }}
                    onNotice={setNotice} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
