import { useState, type ChangeEvent } from 'react';
import type { ZoneImportSummary } from '../../../../src/contracts/zones.ts';
import { useAction } from '../../api/use-action.ts';
import { zonesApi } from '../../api/zones.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ImportIssues, ImportSummary } from './import-summary.tsx';

const CSV_EXAMPLE = `product_key,product_name,zone_key,zone_name,tier,buckets,owner_email,deputy_email,handoff_reason
assistant,Assistant,assistant-self-harm,Self-harm replies,tier1,user_wellbeing,dana@example.com,lee@example.com,`;

export function ZoneImportForm() {
  const [text, setText] = useState('');
  const [format, setFormat] = useState<'csv' | 'yaml'>('csv');
  const [summary, setSummary] = useState<ZoneImportSummary>();
  const action = useAction(zonesApi.importFile);

  async function readFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setText(await file.text());
    setSummary(undefined);
    if (/\.ya?ml$/i.test(file.name)) setFormat('yaml');
    else if (/\.csv$/i.test(file.name)) setFormat('csv');
  }

  async function run(dryRun: boolean) {
    setSummary(undefined);
    const result = await action.run(text, format, dryRun);
    if (result) setSummary(result);
  }

  return (
    <form className="form card form-wide" onSubmit={(e) => { e.preventDefault(); void run(true); }}>
      <div className="form-row">
        <Field label="File">
          <input type="file" accept=".csv,.yaml,.yml,text/csv,application/yaml" onChange={(e) => void readFile(e)} />
        </Field>
        <Field label="Format">
          <select value={format} onChange={(e) => setFormat(e.target.value === 'yaml' ? 'yaml' : 'csv')}>
            <option value="csv">CSV</option>
            <option value="yaml">YAML</option>
          </select>
        </Field>
      </div>
      <Field label="Contents" hint="Paste the file here, or choose it above. Check it first: a dry run writes nothing.">
        <textarea rows={12} className="mono" value={text} placeholder={CSV_EXAMPLE} spellCheck={false}
          onChange={(e) => { setText(e.target.value); setSummary(undefined); }} />
      </Field>
      <ProblemAlert error={action.error} title="The file was not imported" />
      {action.error && <ImportIssues error={action.error} />}
      {summary && <ImportSummary summary={summary} />}
      <div className="form-actions">
        <button type="submit" className="btn" disabled={action.pending || !text.trim()}>Check (dry run)</button>
        <button type="button" className="btn btn-primary" disabled={action.pending || !text.trim()}
          onClick={() => void run(false)}>
          {action.pending ? 'Working…' : 'Import'}
        </button>
      </div>
    </form>
  );
}
