/**
 * Intake of a tool's output: detect the format, stream-parse it, stage its findings and
 * classify every finding of the scope against them (store/findings-merge.ts), all in one
 * transaction: a file that fails half-way leaves nothing behind. The very same file imported
 * twice into the same scope changes nothing and says so.
 */
import { createHash } from 'node:crypto';
import { NotFoundError } from '../domain/errors.ts';
import { authorize } from '../domain/roles.ts';
import { introducedDate } from '../domain/time-to-detect.ts';
import type { ImportFormat, Importer, ParseProgress } from '../importers/types.ts';
import { peekHead } from '../importers/peek.ts';
import type { Db } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { createStage, lockScope, matchStage, mergeStage, routeStage, stageWriter } from '../store/findings-merge.ts';
import { verifyAfterCleanRuns } from '../store/orgs.ts';
import { findRun, findRunByChecksum, insertRun, listRuns, runFindings, setRunCounts, type Outcome, type RunFindingRecord, type RunRecord } from '../store/runs.ts';
import type { Actor } from './actor.ts';
import { resolveZone } from './zone-ref.ts';

export interface RunImportInput {
  /** Zone key or id; without one the findings land in the unrouted queue. */
  zone?: string | undefined;
  format?: ImportFormat | 'auto' | undefined;
  fileName: string;
  source: AsyncIterable<Uint8Array>;
  /** The release or date in which the weakness was introduced, when known. */
  introducedIn?: string | undefined;
}

export interface RunImportResult {
  run: RunRecord;
  /** True when this very file had been imported into this scope before: nothing changed. */
  unchanged: boolean;
}

/** Picks the importer for a file: the one named, or the one whose detect() recognises it. */
export type ImporterResolver = (format: ImportFormat | 'auto' | undefined, head: string, fileName: string) => Importer;

class SameFile extends Error {
  constructor(readonly run: RunRecord) { super('same file'); }
}

export function createRunImportService(deps: { db: Db; resolveImporter: ImporterResolver }) {
  const { db, resolveImporter } = deps;
  return {
    async list(actor: Actor, page: { zone?: string | undefined; limit?: number; offset?: number } = {}): Promise<RunRecord[]> {
      authorize(actor.role, 'org.read');
      const zoneId = page.zone ? (await resolveZone(db, actor.orgId, page.zone, 'zone', { allowArchived: true })).id : null;
      return listRuns(db, actor.orgId, zoneId, page.limit ?? 50, page.offset ?? 0);
    },

    /** One page of a run's findings, all or of one outcome (the run page's four lists). */
    async findings(
      actor: Actor, runId: string, page: { outcome?: Outcome | undefined; limit: number; offset: number },
    ): Promise<{ items: RunFindingRecord[]; total: number }> {
      authorize(actor.role, 'org.read');
      if (!(await findRun(db, actor.orgId, runId))) throw new NotFoundError('Run', runId);
      return runFindings(db, actor.orgId, runId, page);
    },

    /** A run with its findings and their outcome (new, still present, not reproduced, regressed, verified). */
    async get(actor: Actor, runId: string): Promise<RunRecord & { findings: RunFindingRecord[] }> {
      authorize(actor.role, 'org.read');
      const run = await findRun(db, actor.orgId, runId);
      if (!run) throw new NotFoundError('Run', runId);
      return { ...run, findings: (await runFindings(db, actor.orgId, runId, { limit: 5000 })).items };
    },

    async importRun(actor: Actor, input: RunImportInput, onProgress?: ParseProgress): Promise<RunImportResult> {
      authorize(actor.role, 'run.import');
      const zoneId = input.zone ? (await resolveZone(db, actor.orgId, input.zone, 'zone')).id : null;
      const peeked = await peekHead(input.source);
      const importer = resolveImporter(input.format, peeked.head, input.fileName);
      const hash = createHash('sha256');
      let size = 0;
      async function* hashed(): AsyncGenerator<Uint8Array> {
        for await (const chunk of peeked.source) {
          hash.update(chunk);
          size += chunk.byteLength;
          yield chunk;
        }
      }
      const verifyAfter = await verifyAfterCleanRuns(db, actor.orgId);
      try {
        return await db.transaction(async (tx) => {
          const known = await lockScope(tx, { orgId: actor.orgId, zoneId, format: importer.format });
          await createStage(tx);
          const stage = stageWriter(tx, zoneId, known);
          const parsing = importer.parse(hashed(), onProgress);
          let next = await parsing.next();
          while (!next.done) {
            await stage.add(next.value);
            next = await parsing.next();
          }
          const info = next.value;
          await stage.flush();
          if (zoneId === null) {
            await routeStage(tx, actor.orgId, importer.format);
            await matchStage(tx, actor.orgId, importer.format);
          }
          const checksum = hash.digest('hex');
          const previous = await findRunByChecksum(tx, actor.orgId, zoneId, importer.format, checksum);
          if (previous) throw new SameFile(previous);
          const at = new Date().toISOString();
          const run = {
            zoneId, format: importer.format, tool: info.tool, toolVersion: info.toolVersion, target: info.target,
            fileName: input.fileName, checksum, sizeBytes: size, startedAt: info.startedAt, introducedIn: input.introducedIn ?? null,
            actor: actor.label, importedAt: at, reported: info.reported,
            counts: { findings: 0, new: 0, still_present: 0, not_reproduced: 0, regressed: 0, verified: 0, duplicates: 0 },
          };
          const runId = await insertRun(tx, actor.orgId, run);
          const counts = await mergeStage(tx, {
            orgId: actor.orgId, zoneId, format: importer.format, target: info.target, runId, at,
            introducedIn: input.introducedIn ?? null, introducedOn: introducedDate(input.introducedIn),
            verifyAfterCleanRuns: verifyAfter,
          }, stage.totals());
          await setRunCounts(tx, runId, counts);
          await appendEvents(tx, actor.orgId, [{
            actor: actor.label, action: 'run.imported', entityType: 'run', entityId: runId,
            after: { format: importer.format, fileName: input.fileName, checksum, zoneId, target: info.target, counts },
          }], new Date(at));
          return { run: (await findRun(tx, actor.orgId, runId))!, unchanged: false };
        });
      } catch (err) {
        if (err instanceof SameFile) return { run: err.run, unchanged: true };
        throw err;
      }
    },
  };
}

export type RunImportService = ReturnType<typeof createRunImportService>;
