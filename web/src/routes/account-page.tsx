import { ApiTokens } from '../features/auth/api-tokens.tsx';
import { ChangePasswordForm } from '../features/auth/change-password-form.tsx';
import { useMe } from '../features/auth/session-context.tsx';
import { RoleLabel } from '../features/users/role-label.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function AccountPage() {
  const me = useMe();
  return (
    <>
      <PageHeader title="Account" subtitle={<>{me.user.name} · {me.user.email} · <RoleLabel role={me.role} /> in {me.org.name}</>} />
      <div className="detail-grid aside-last">
        <div className="detail-main"><ApiTokens /></div>
        <aside className="detail-aside"><ChangePasswordForm /></aside>
      </div>
    </>
  );
}
