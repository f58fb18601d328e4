import { useState } from 'react';
import type { FindingSummary } from '../../../../src/contracts/findings.ts';
import { findingsApi } from '../../api/findings.ts';
import { useResource } from '../../api/use-resource.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { useDebouncedText } from '../findings/debounced-text.ts';
import { SeverityBadge } from '../findings/finding-badges.tsx';

const SHOWN = 8;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The finding id in a pasted id or page address (`…/findings/<id>`), or null when the text is not one. */
function pastedId(text: string): string | null {
  const id = text.trim().replace(/^.*\/findings\//, '').replace(/[/?#].*$/, '');
  return UUID.test(id) ? id : null;
}

/**
 * Picks the finding the chosen ones duplicate: a search over the findings of their zone (or of
 * every zone), most severe first, without the chosen ones; a finding's id or page address pasted
 * in the search box is taken as it is.
 */
export function DuplicatePicker({ zone, zoneName, exclude, value, onChange, error }: {
  /** The chosen findings' zone key, searched first; '' when they have none. */
  zone: string;
  zoneName: string;
  exclude: readonly string[];
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
}) {
  const [q, setQ] = useState('');
  const [text, setText] = useDebouncedText(q, setQ, 250);
  const [everyZone, setEveryZone] = useState(zone === '');
  const pasted = pastedId(text);
  const isId = pasted !== null;
  const scope = everyZone || !zone ? undefined : zone;
  const found = useResource(
    () => (isId ? Promise.resolve(null) : findingsApi.list({ q: q.trim() || undefined, zone: scope, sort: '-severity', limit: SHOWN + exclude.length })),
    [q, scope, isId],
  );
  const candidates: FindingSummary[] = (found.data?.items ?? []).filter((f) => !exclude.includes(f.id)).slice(0, SHOWN);
  const chosen = candidates.find((f) => f.id === value);

  return (
    <fieldset className={`field fieldset${error ? ' field-invalid' : ''}`} aria-describedby="dup-hint">
      <legend>Duplicate of</legend>
      <div className="form-row">
        <div className="field">
          <label htmlFor="dup-search">Find the original</label>
          <input id="dup-search" type="search" value={text} placeholder="Title, rule or target — or paste its id or address"
            onChange={(e) => {
              setText(e.target.value);
              const id = pastedId(e.target.value);
              if (id) onChange(id);
            }} />
        </div>
        {zone && (
          <label className="checkbox">
            <input type="checkbox" checked={everyZone} onChange={(e) => setEveryZone(e.target.checked)} /> Every zone
          </label>
        )}
      </div>
      <p className="field-hint" id="dup-hint">
        {isId ? `Duplicate of the finding with id ${pasted}.` : scope ? `Findings of ${zoneName}, most severe first.` : 'Findings of every zone, most severe first.'}
      </p>
      <ProblemAlert error={found.error} title="Could not search the findings" />
      {!isId && found.data && (candidates.length === 0 ? <p className="muted small">No other finding matches.</p> : (
        <ul className="dup-candidates" aria-label="Candidates">
          {candidates.map((f) => (
            <li key={f.id}>
              <label className="checkbox">
                <input type="radio" name="duplicate-of" value={f.id} checked={value === f.id} onChange={() => onChange(f.id)} />
                {' '}<SeverityBadge severity={f.severity} /> {f.title}
                <span className="muted small"> · {f.zone?.name ?? 'unrouted'} · {f.ruleId} · {f.status.replace('_', ' ')}</span>
              </label>
            </li>
          ))}
        </ul>
      ))}
      {chosen && <p className="small" data-testid="duplicate-chosen">Chosen: <a href={`/findings/${chosen.id}`} target="_blank" rel="noreferrer">{chosen.title}</a></p>}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
