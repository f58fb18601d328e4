import type { ImportFormat } from '../../api/runs.ts';

export const IMPORT_FORMATS: readonly { value: ImportFormat; label: string; hint: string }[] = [
  { value: 'auto', label: 'Detect automatically', hint: 'From the file name and its first bytes' },
  { value: 'promptfoo', label: 'promptfoo', hint: 'promptfoo eval results JSON (promptfoo eval -o results.json)' },
  { value: 'garak', label: 'garak', hint: 'garak report.jsonl or hitlog.jsonl' },
  { value: 'sarif', label: 'SARIF 2.1.0', hint: 'Any scanner that writes SARIF' },
  { value: 'generic', label: 'Generic findings', hint: 'DefectDojo-style generic findings JSON or CSV' },
  { value: 'inspect', label: 'Inspect AI', hint: 'Inspect AI JSON eval log' },
];

export const FORMAT_ACCEPT = '.json,.jsonl,.csv,.sarif,.eval,application/json,text/csv';
