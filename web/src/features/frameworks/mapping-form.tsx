import { useState } from 'react';
import type { MappingCreate } from '../../../../src/contracts/frameworks.ts';
import { frameworksApi } from '../../api/frameworks.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';

/** Maps a zone, finding, remediation item or a free-text control to the selected item. */
export function MappingForm({ framework, itemId, onMapped }: { framework: string; itemId: string; onMapped: () => void }) {
  const map = useAction(frameworksApi.map);
  const [targetType, setTargetType] = useState<MappingCreate['targetType']>('control');
  const [target, setTarget] = useState('');
  const [title, setTitle] = useState('');
  const [evidence, setEvidence] = useState('');
  async function submit() {
    const body: MappingCreate = targetType === 'control'
      ? { framework, itemId, targetType, controlTitle: title, controlEvidence: evidence }
      : { framework, itemId, targetType, target };
    if (await map.run(body)) { setTarget(''); setTitle(''); setEvidence(''); onMapped(); }
  }
  return (
    <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-label={`Map to ${itemId}`}>
      <ProblemAlert error={map.error} title="Could not map it" />
      <div className="field">
        <label htmlFor="map-type">Map</label>
        <select id="map-type" value={targetType} onChange={(e) => setTargetType(e.target.value as MappingCreate['targetType'])}>
          <option value="control">a control</option><option value="zone">a zone</option>
          <option value="finding">a finding</option><option value="remediation">a remediation item</option>
        </select>
      </div>
      {targetType === 'control' ? (
        <>
          <div className="field"><label htmlFor="map-title">Control</label>
            <input id="map-title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} /></div>
          <div className="field"><label htmlFor="map-evidence">Evidence it works</label>
            <input id="map-evidence" value={evidence} onChange={(e) => setEvidence(e.target.value)} maxLength={5000} /></div>
        </>
      ) : (
        <div className="field"><label htmlFor="map-target">{targetType === 'zone' ? 'Zone key' : targetType === 'finding' ? 'Finding id' : 'Item (REM-12)'}</label>
          <input id="map-target" value={target} onChange={(e) => setTarget(e.target.value)} required maxLength={100} /></div>
      )}
      <button type="submit" className="btn" disabled={map.pending}>Map</button>
    </form>
  );
}
