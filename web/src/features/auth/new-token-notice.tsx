import { useRef, useState } from 'react';
import type { CreatedApiToken } from '../../../../src/contracts/auth.ts';

/** The secret of a new API token, shown once, with a copy button. */
export function NewTokenNotice({ created, onDismiss }: { created: CreatedApiToken; onDismiss: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('failed');
    }
  }

  return (
    <div className="alert alert-warning token-notice" role="alert">
      <strong className="alert-title">Copy your new token “{created.record.name}” now</strong>
      <p>This is the only time Keel shows it. Store it in a password manager or your CI secrets; if you lose it, revoke it and create another.</p>
      <div className="copy-row">
        <label className="sr-only" htmlFor="new-token">New API token</label>
        <input id="new-token" ref={input} className="mono" readOnly value={created.token} onFocus={(e) => e.target.select()} />
        <button type="button" className="btn btn-primary" onClick={() => void copy()}>Copy</button>
      </div>
      <p className="small" aria-live="polite">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'failed' && 'Your browser blocked the clipboard: the token is selected, press Ctrl+C (⌘C).'}
      </p>
      <button type="button" className="btn btn-small" onClick={onDismiss}>I have stored it</button>
    </div>
  );
}
