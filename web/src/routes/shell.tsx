import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { OrgSwitcher } from '../features/auth/org-switcher.tsx';
import { useMe } from '../features/auth/session-context.tsx';
import { UserMenu } from '../features/auth/user-menu.tsx';
import { Logo } from '../ui/logo.tsx';

interface NavItem { to: string; label: string; icon: string; show: boolean }

export function Shell() {
  const me = useMe();
  const location = useLocation();
  const [navOpen, setNavOpen] = useState(false);
  useEffect(() => setNavOpen(false), [location.pathname]);

  const items: NavItem[] = [
    { to: '/zones', label: 'Zones', icon: '◧', show: true },
    { to: '/products', label: 'Products', icon: '▤', show: true },
    { to: '/report', label: 'Ownership report', icon: '▥', show: true },
    { to: '/users', label: 'Users', icon: '◉', show: me.role === 'admin' },
    { to: '/activity', label: 'Activity', icon: '≡', show: true },
  ];

  return (
    <div className="shell">
      <a href="#main" className="skip-link">Skip to content</a>
      <header className="topbar">
        <button type="button" className="nav-toggle" aria-expanded={navOpen} aria-controls="main-nav"
          onClick={() => setNavOpen((o) => !o)}>
          <span aria-hidden="true">☰</span><span className="sr-only">Menu</span>
        </button>
        <Link to="/zones" className="brand"><Logo /><span>Keel</span></Link>
        <span className="topbar-org" title={me.org.name}>{me.org.name}</span>
        <div className="topbar-right">
          <OrgSwitcher />
          <UserMenu />
        </div>
      </header>
      <div className="shell-body">
        <nav id="main-nav" className={`sidebar${navOpen ? ' is-open' : ''}`} aria-label="Main">
          <div className="sidebar-inner">
          <ul>
            {items.filter((i) => i.show).map((i) => (
              <li key={i.to}>
                <NavLink to={i.to} className="nav-link"><span className="nav-icon" aria-hidden="true">{i.icon}</span>{i.label}</NavLink>
              </li>
            ))}
          </ul>
          <p className="sidebar-foot muted small">Signed in as {me.user.name}</p>
          </div>
        </nav>
        {navOpen && <div className="scrim" aria-hidden="true" onClick={() => setNavOpen(false)} />}
        <main id="main" className="content" tabIndex={-1}>
          <Outlet key={me.org.id} />
        </main>
      </div>
    </div>
  );
}
