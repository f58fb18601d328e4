import { useEffect, type ReactNode } from 'react';

export function PageHeader({ title, subtitle, actions, children }: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  useEffect(() => { document.title = `${title} · Keel`; }, [title]);
  return (
    <header className="page-header">
      <div className="page-header-main">
        <h1>{title}</h1>
        {subtitle && <div className="page-subtitle">{subtitle}</div>}
        {children}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}
