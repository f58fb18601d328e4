import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { OrgSwitcher } from '../features/auth/org-switcher.tsx';
import { useMe } from '../features/auth/session-context.tsx';
import { UserMenu } from '../features/auth/user-menu.tsx';
import { NavCountsProvider, useNavCounts } from '../features/queue/nav-counts.tsx';
import { Logo } from '../ui/logo.tsx';

interface NavItem {
  to: string;
  label: string;
  icon: string;
  show: boolean;
  /** A number shown beside the label (unread, waiting), with what it counts for screen readers. */
  count?: { value: number; label: string };
  /** A sub-path that has its own nav item, so this one is not highlighted there. */
  notUnder?: string;
}

export function Shell() {
  const me = useMe();
  const location = useLocation();
  return (
    <NavCountsProvider isAdmin={me.role === 'admin'} pathname={location.pathname}>
      <ShellLayout />
    </NavCountsProvider>
  );
}

function ShellLayout() {
  const me = useMe();
  const location = useLocation();
  const counts = useNavCounts();
  const [navOpen, setNavOpen] = useState(false);
  useEffect(() => setNavOpen(false), [location.pathname]);
  const isAdmin = me.role === 'admin';

  const items: NavItem[] = [
    { to: '/zones', label: 'Zones', icon: '◧', show: true },
    { to: '/kpis', label: 'Safety KPIs', icon: '↗', show: true },
    { to: '/findings', label: 'Findings', icon: '◆', show: true, notUnder: '/findings/unrouted' },
    { to: '/runs', label: 'Runs', icon: '▶', show: true },
    { to: '/exercises', label: 'Exercises', icon: '⚑', show: true },
    { to: '/queue', label: 'My queue', icon: '✉', show: true, count: { value: counts.unread, label: 'unread' } },
    { to: '/triage', label: 'Triage', icon: '⚖', show: true },
    { to: '/remediations', label: 'Remediation', icon: '✚', show: true },
    { to: '/plan', label: 'Plan', icon: '▦', show: true },
    { to: '/debt', label: 'Safety debt', icon: '△', show: true },
    { to: '/scorecard', label: 'Scorecard', icon: '◎', show: true },
    { to: '/dashboard', label: 'Dashboard', icon: '▣', show: true },
    { to: '/prds', label: 'PRD reviews', icon: '✎', show: true },
    { to: '/launches', label: 'Launches', icon: '⚐', show: true },
    { to: '/board', label: 'Review board', icon: '☷', show: true },
    { to: '/findings/unrouted', label: 'Unrouted', icon: '⇄', show: isAdmin, count: { value: counts.unrouted, label: 'waiting' } },
    { to: '/routing', label: 'Routing rules', icon: '⇉', show: isAdmin },
    { to: '/products', label: 'Products', icon: '▤', show: true },
    { to: '/report', label: 'Ownership report', icon: '▥', show: true },
    { to: '/users', label: 'Users', icon: '◉', show: isAdmin },
    { to: '/settings/policy', label: 'Policy', icon: '⚙', show: isAdmin },
    { to: '/risks', label: 'Risk register', icon: '⚖', show: true },
    { to: '/frameworks', label: 'Frameworks', icon: '▦', show: true },
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
            {items.filter((i) => i.show).map((i) => {
              const elsewhere = i.notUnder !== undefined && location.pathname.startsWith(i.notUnder);
              return (
                <li key={i.to}>
                  <NavLink to={i.to} className={({ isActive }) => `nav-link${isActive && !elsewhere ? ' active' : ''}`}
                    aria-current={elsewhere ? false : 'page'}>
                    <span className="nav-icon" aria-hidden="true">{i.icon}</span>{i.label}
                    {i.count && i.count.value > 0 && (
                      <span className="nav-count">{i.count.value}<span className="sr-only"> {i.count.label}</span></span>
                    )}
                  </NavLink>
                </li>
              );
            })}
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
