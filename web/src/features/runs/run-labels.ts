import type { Run } from '../../../../src/contracts/runs.ts';

/** "promptfoo 0.118.3", or just the tool when it did not say its version. */
export function toolLabel(run: Pick<Run, 'tool' | 'toolVersion'>): string {
  return run.toolVersion ? `${run.tool} ${run.toolVersion}` : run.tool;
}

/** The first characters of a checksum, enough to tell files apart at a glance. */
export function shortChecksum(checksum: string): string {
  const hex = checksum.replace(/^sha256:/, '');
  return hex.slice(0, 12);
}
