import { useState, type FormEvent } from 'react';
import type { FindingDetail } from '../../../../src/contracts/findings.ts';
import { findingsApi } from '../../api/findings.ts';
import { useAction } from '../../api/use-action.ts';

/** The release or date that introduced the weakness, shown, and editable by those who may. */
export function IntroducedInEditor({ finding, onSaved }: { finding: FindingDetail; onSaved: (f: FindingDetail) => void }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const save = useAction(findingsApi.update);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const updated = await save.run(finding.id, { introducedIn: value.trim() || null });
    if (updated) { onSaved(updated); setEditing(false); }
  }

  if (!editing) {
    return (
      <>
        {finding.introducedIn ?? <span className="muted">Unknown</span>}
        {finding.canEdit && (
          <button type="button" className="btn btn-link small" onClick={() => { setValue(finding.introducedIn ?? ''); save.clearError(); setEditing(true); }}>
            Edit
          </button>
        )}
      </>
    );
  }
  return (
    <form className="inline-edit" onSubmit={(e) => void submit(e)}>
      <input type="text" value={value} aria-label="Introduced in" placeholder="Release or YYYY-MM-DD" maxLength={200}
        onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="btn btn-small btn-primary" disabled={save.pending}>Save</button>
      <button type="button" className="btn btn-small" onClick={() => setEditing(false)}>Cancel</button>
      {save.error && <p className="field-error" role="alert">{save.error.fieldMessage('introducedIn') ?? save.error.problem.detail}</p>}
    </form>
  );
}
