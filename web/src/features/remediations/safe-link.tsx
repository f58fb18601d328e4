import type { ReactNode } from 'react';

/** True for http and https addresses only: anything else (javascript:, data:, file:) is never a link. */
export function isWebUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A link to somewhere outside Keel, opened in a new tab without handing it this window; other text stays text. */
export function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  if (!isWebUrl(href)) return <span className="break">{children ?? href}</span>;
  return <a href={href} target="_blank" rel="noopener noreferrer" className="break">{children ?? href}</a>;
}
