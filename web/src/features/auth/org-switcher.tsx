import { useNavigate, useLocation } from 'react-router-dom';
import { authApi } from '../../api/auth.ts';
import { useAction } from '../../api/use-action.ts';
import { useSession, useMe } from './session-context.tsx';

/** Lists the organizations the person belongs to; hidden when there is only one. */
export function OrgSwitcher() {
  const me = useMe();
  const { setMe } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const action = useAction(authApi.switchOrg);
  const orgs = me.memberships.filter((m) => m.status === 'active' || m.slug === me.org.slug);
  if (orgs.length < 2) return null;

  async function change(slug: string) {
    const next = await action.run(slug);
    if (!next) return;
    setMe(next);
    // Records of one organization mean nothing in another: go back to the section's list.
    const section = location.pathname.split('/')[1] ?? 'zones';
    void navigate(`/${section || 'zones'}`);
  }

  return (
    <div className="org-switcher">
      <label htmlFor="org-switcher">Organization</label>
      <select id="org-switcher" value={me.org.slug} disabled={action.pending}
        onChange={(e) => void change(e.target.value)}
        aria-describedby={action.error ? 'org-switcher-error' : undefined}>
        {orgs.map((m) => <option key={m.orgId} value={m.slug}>{m.name}</option>)}
      </select>
      {action.error && <span id="org-switcher-error" className="field-error" role="alert">{action.error.problem.detail}</span>}
    </div>
  );
}
