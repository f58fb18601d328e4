import { useState, type FormEvent } from 'react';
import type { LaunchDetail } from '../../../../src/contracts/launches.ts';
import { launchesApi } from '../../api/launches.ts';
import { useAction } from '../../api/use-action.ts';
import { Alert, ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';

/** The zone owner's go / pause with a rationale; a go over failing checks asks for an admin's co-signature. */
export function DecisionForm({ launch, onChange }: { launch: LaunchDetail; onChange: (next: LaunchDetail) => void }) {
  const [rationale, setRationale] = useState('');
  const action = useAction((decision: 'go' | 'pause') => launchesApi.decide(launch.id, { decision, rationale: rationale.trim() }));
  const decide = async (decision: 'go' | 'pause') => {
    const next = await action.run(decision);
    if (next) { onChange(next); setRationale(''); }
  };
  return (
    <form className="form card" onSubmit={(e: FormEvent) => e.preventDefault()} noValidate aria-label="Decision">
      <h2 className="card-title">Decision</h2>
      {!launch.gate.passed && (
        <Alert tone="warning" title="A check fails">
          <p>Deciding go now is an override: an admin other than you must co-sign it, and the launch stays marked as an override.</p>
        </Alert>
      )}
      <ProblemAlert error={action.error} title="Not decided" />
      <Field label="Rationale" error={action.error?.fieldMessage('rationale')} hint="Why go, or why pause: it stays with the launch">
        <textarea rows={3} value={rationale} maxLength={5000} onChange={(e) => setRationale(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={action.pending} onClick={() => void decide('go')}>
          {launch.gate.passed ? 'Go' : 'Go (override)'}
        </button>
        <button type="button" className="btn" disabled={action.pending} onClick={() => void decide('pause')}>Pause</button>
      </div>
    </form>
  );
}

export function CosignForm({ launch, onChange }: { launch: LaunchDetail; onChange: (next: LaunchDetail) => void }) {
  const [rationale, setRationale] = useState('');
  const action = useAction(() => launchesApi.cosign(launch.id, rationale.trim()));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const next = await action.run();
    if (next) onChange(next);
  }
  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-label="Co-sign the override">
      <h2 className="card-title">Co-sign the override</h2>
      <p>The zone owner asked to go although {launch.gate.failing.length} check{launch.gate.failing.length === 1 ? '' : 's'} fail{launch.gate.failing.length === 1 ? 's' : ''}.</p>
      <ProblemAlert error={action.error} title="Not co-signed" />
      <Field label="Co-signature rationale" error={action.error?.fieldMessage('rationale')}>
        <textarea rows={2} value={rationale} maxLength={5000} onChange={(e) => setRationale(e.target.value)} />
      </Field>
      <button type="submit" className="btn btn-primary" disabled={action.pending}>Co-sign and go</button>
    </form>
  );
}
