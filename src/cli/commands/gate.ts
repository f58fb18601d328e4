/**
 * `keel gate check <launch>`: the launch gate for CI/CD pipelines. Prints each check with ✓ / ✗
 * and its evidence; exits 0 when the gate passes and 1 when it fails (usage, input, access and
 * not-found errors keep their own codes: see output.ts).
 */
import { Command } from 'commander';
import type { GateCheck, GateReport } from '../../contracts/launches.ts';
import type { WithClient } from '../main.ts';
import { EXIT, printJson } from '../output.ts';

/** The gate failed: the pipeline should stop. */
export const GATE_FAILED = EXIT.error;

const MARK: Record<GateCheck['status'], string> = { pass: '✓', fail: '✗', not_required: '–' };

export function gateReportText(r: GateReport): string {
  const failing = r.evaluation.failing.length;
  const head = `Launch gate of "${r.launch.name}" in zone ${r.launch.zone.key} (${r.launch.zone.tier}), ${r.launch.status.replace('_', ' ')}: `
    + (r.evaluation.passed ? 'PASSES' : `FAILS (${failing} of ${r.evaluation.checks.length} checks)`);
  const lines = [head];
  for (const c of r.evaluation.checks) {
    lines.push(`  ${MARK[c.status]} ${c.title}: ${c.summary}`);
    for (const e of c.evidence) lines.push(`      ${e.kind} ${e.id}  ${e.label}${e.detail ? ` (${e.detail})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

export function gateCommands(withClient: WithClient, setExit: (code: number) => void): Command {
  const gate = new Command('gate').description('launch gates');
  gate.command('check <launch>')
    .description('evaluate a launch\'s gate (launch id, zone-key/launch-name, or a zone key for its next launch); exits 1 when it fails')
    .option('--json', 'JSON output')
    // Usage errors throw (exit code 2 in main) rather than exit the process: a pipeline tells them from a failed gate.
    .exitOverride()
    .action(async (ref: string, opts: { json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const report = await c.launchGate(ref);
        if (opts.json) printJson(report);
        else process.stdout.write(gateReportText(report));
        if (!report.evaluation.passed) setExit(GATE_FAILED);
      }));
  return gate;
}
