/** `keel import <file>`: a tool's output into a run, with progress and the four-way summary. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import type { WithClient } from '../main.ts';
import { printJson, printRows } from '../output.ts';
import { progressBar } from '../progress.ts';

export function importCommand(withClient: WithClient): Command {
  return new Command('import')
    .description('import a red-team or scanner results file (promptfoo, garak, SARIF, generic JSON/CSV, Inspect) as a run')
    .argument('<file>', 'the results file')
    .option('--zone <zone>', 'zone key; without one, the routing rules place each finding (unmatched ones wait in the unrouted queue)')
    .addOption(new Option('--format <format>', 'file format').choices(['auto', 'promptfoo', 'garak', 'sarif', 'generic', 'inspect']).default('auto'))
    .option('--introduced-in <release>', 'release or date in which these weaknesses were introduced, when known')
    .option('--json', 'JSON output')
    .action(async (path: string, opts: { zone?: string; format: string; introducedIn?: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const size = (await stat(path)).size;
        const bar = progressBar(`Importing ${basename(path)}`, opts.json === true, 'bytes');
        let read = 0;
        let findings = 0;
        async function* tracked(): AsyncGenerator<Uint8Array> {
          for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
            read += chunk.byteLength;
            bar.update(read, size, { findings });
            yield chunk;
          }
        }
        const result = await c.importRun({ path, name: basename(path), source: tracked() },
          { zone: opts.zone, format: opts.format, introducedIn: opts.introducedIn }, (n) => { findings = n; });
        bar.stop();
        if (opts.json) return printJson(result);
        const { run } = result;
        if (result.unchanged) {
          process.stdout.write(`This very file was already imported (run ${run.id} on ${run.importedAt.slice(0, 10)}); nothing changed.\n`);
          return undefined;
        }
        process.stdout.write(`Run ${run.id}: ${run.tool}${run.target ? ` on ${run.target}` : ''}, ${run.counts.findings} findings\n`);
        printRows([run.counts], [
          { header: 'new', value: (x) => x.new }, { header: 'still present', value: (x) => x.still_present },
          { header: 'not reproduced', value: (x) => x.not_reproduced }, { header: 'verified', value: (x) => x.verified },
          { header: 'regressed', value: (x) => x.regressed }, { header: 'duplicates', value: (x) => x.duplicates },
        ], 'table');
        return undefined;
      }));
}
