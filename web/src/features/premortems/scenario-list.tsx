import { useState, type FormEvent } from 'react';
import type { PremortemDetail } from '../../../../src/contracts/premortems.ts';
import type { FollowUp } from '../../../../src/contracts/prds.ts';
import { premortemsApi } from '../../api/premortems.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { EmptyState } from '../../ui/loading.tsx';
import { FollowUpControl } from '../prds/follow-up-control.tsx';

/** The failure scenarios with their causes and mitigations; each mitigation can become tracked work. */
export function ScenarioList({ pm, canTrackFinding, canTrackRemediation, onChange }: {
  pm: PremortemDetail;
  canTrackFinding: boolean;
  canTrackRemediation: boolean;
  onChange: (next: PremortemDetail) => void;
}) {
  const follow = useAction((mitigationId: string, input: FollowUp) => premortemsApi.followUp(pm.id, mitigationId, input));
  const [followed, setFollowed] = useState<string | null>(null);
  const editable = pm.permissions.canEdit && !pm.done;
  return (
    <section className="card" aria-labelledby="scenarios-heading">
      <h2 id="scenarios-heading" className="card-title">Failure scenarios</h2>
      {pm.scenarios.length === 0 && <EmptyState title="No scenarios yet"><p>Assume the launch failed: write down why.</p></EmptyState>}
      <ol className="timeline">
        {pm.scenarios.map((s) => (
          <li key={s.id} className="timeline-item" aria-label={`Scenario ${s.position}`}>
            <p className="timeline-summary"><strong>It failed because </strong><span className="prewrap">{s.scenario}</span></p>
            {s.causes && <p className="prewrap"><span className="muted">Causes: </span>{s.causes}</p>}
            <h3 className="card-subtitle">Mitigations</h3>
            {s.mitigations.length === 0 && <p className="muted">None yet.</p>}
            <ul>
              {s.mitigations.map((m) => (
                <li key={m.id}>
                  <span className="prewrap">{m.text}</span>
                  <FollowUpControl findingId={m.findingId} remediation={m.remediation} canFinding={canTrackFinding} canRemediation={canTrackRemediation}
                    pending={follow.pending} error={followed === m.id ? follow.error : undefined}
                    onFollowUp={async (input) => {
                      setFollowed(m.id);
                      const next = await follow.run(m.id, input);
                      if (next) onChange(next);
                      return next;
                    }} />
                </li>
              ))}
            </ul>
            {editable && <MitigationForm pmId={pm.id} scenarioId={s.id} onChange={onChange} />}
          </li>
        ))}
      </ol>
      {editable && <ScenarioForm pmId={pm.id} onChange={onChange} />}
    </section>
  );
}

function MitigationForm({ pmId, scenarioId, onChange }: { pmId: string; scenarioId: string; onChange: (next: PremortemDetail) => void }) {
  const [text, setText] = useState('');
  const action = useAction(premortemsApi.addMitigation);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const next = await action.run(pmId, scenarioId, text.trim());
    if (next) { onChange(next); setText(''); }
  }
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label="New mitigation">
      <Field label="Mitigation" error={action.error?.fieldMessage('text')}>
        <input type="text" value={text} maxLength={5000} onChange={(e) => setText(e.target.value)} />
      </Field>
      <button type="submit" className="btn btn-small" disabled={action.pending}>Add mitigation</button>
    </form>
  );
}

function ScenarioForm({ pmId, onChange }: { pmId: string; onChange: (next: PremortemDetail) => void }) {
  const [scenario, setScenario] = useState('');
  const [causes, setCauses] = useState('');
  const action = useAction(premortemsApi.addScenario);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const next = await action.run(pmId, { scenario: scenario.trim(), causes: causes.trim() });
    if (next) { onChange(next); setScenario(''); setCauses(''); }
  }
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="New scenario">
      <ProblemAlert error={action.error} title="The scenario was not added" />
      <Field label="It failed because…" error={action.error?.fieldMessage('scenario')}>
        <textarea rows={2} value={scenario} maxLength={5000} onChange={(e) => setScenario(e.target.value)} />
      </Field>
      <Field label="Causes" error={action.error?.fieldMessage('causes')}>
        <textarea rows={2} value={causes} maxLength={5000} onChange={(e) => setCauses(e.target.value)} />
      </Field>
      <button type="submit" className="btn" disabled={action.pending}>Add scenario</button>
    </form>
  );
}
