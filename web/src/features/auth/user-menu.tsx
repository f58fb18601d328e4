import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMe, useSession } from './session-context.tsx';
import { RoleLabel } from '../users/role-label.tsx';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? parts[parts.length - 1]?.[0] ?? '' : '')).toUpperCase() || '?';
}

export function UserMenu() {
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onClick = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) setOpen(false); };
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') setOpen(false); };
    document.addEventListener('mousedown', onClick);
    document.addEventListener('keydown', onKey);
    return () => { document.removeEventListener('mousedown', onClick); document.removeEventListener('keydown', onKey); };
  }, [open]);

  async function doSignOut() {
    setOpen(false);
    await signOut();
    void navigate('/login');
  }

  return (
    <div className="user-menu" ref={ref}>
      <button type="button" className="user-menu-button" aria-haspopup="menu" aria-expanded={open}
        onClick={() => setOpen((o) => !o)}>
        <span className="avatar" aria-hidden="true">{initials(me.user.name)}</span>
        <span className="user-menu-name">{me.user.name}</span>
        <span className="caret" aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="menu" role="menu">
          <div className="menu-header">
            <strong>{me.user.name}</strong>
            <span className="muted small">{me.user.email}</span>
            <span className="small"><RoleLabel role={me.role} /> in {me.org.name}</span>
          </div>
          <Link role="menuitem" to="/account" className="menu-item" onClick={() => setOpen(false)}>Account</Link>
          <button role="menuitem" type="button" className="menu-item" onClick={() => void doSignOut()}>Sign out</button>
        </div>
      )}
    </div>
  );
}
