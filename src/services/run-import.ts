/**
 * Intake of a tool's output: detect the format, stream-parse it, route each finding (the run's
 * zone, or the routing rules), classify and write it as it comes (store/findings-merge.ts), and
 * judge absence at the end — all in one transaction: a file that fails half-way leaves nothing
 * behind. The very same file imported twice into the same scope changes nothing and says so.
 */
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../domain/errors.ts';
import { authorize } from '../domain/roles.ts';
import { compileRouter } from '../domain/routing.ts';
import { introducedDate } from '../domain/time-to-detect.ts';
import type { ImportFormat, Importer, ParseProgress } from '../importers/types.ts';
import { peekHead } from '../importers/peek.ts';
import type { Db } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { routingFields, type EncodedFinding } from '../store/finding-content.ts';
import { openMerge } from '../store/findings-merge.ts';
import { reopenRegressedItems } from '../store/remediation-reopen.ts';
import { listRoutingRules } from '../store/routing-rules.ts';
import { verifyAfterCleanRuns } from '../store/orgs.ts';
import { findRun, findRunByChecksum, insertRun, listRuns, runFindings, type Outcome, type RunFindingRecord, type RunRecord } from '../store/runs.ts';
import type { Actor } from './actor.ts';
import { parseImport } from './import-parsing.ts';
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

export function createRunImportService(deps: {
  db: Db;
  resolveImporter: ImporterResolver;
  /** Files from this size on are parsed in a worker thread (import-parsing.ts); tests set 0 to take that path. */
  threadMinBytes?: number;
}) {
  const { db, resolveImporter, threadMinBytes } = deps;
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
      const verifyAfter = await verifyAfterCleanRuns(db, actor.orgId);
      // A run without a zone sends each finding where the first matching routing rule says.
      const rules = zoneId ? [] : await listRoutingRules(db, actor.orgId);
      const router = compileRouter(rules.map((r) => ({ ...r, zoneId: r.zone.id })), importer.format);
      const route = zoneId ? () => zoneId : (e: EncodedFinding) => router(routingFields(e.copyText));
      try {
        return await db.transaction(async (tx) => {
          const runId = randomUUID();
          const at = new Date().toISOString();
          const merge = await openMerge(tx, {
            orgId: actor.orgId, zoneId, ruleZoneIds: [...new Set(rules.map((r) => r.zone.id))], format: importer.format, runId, at,
            introducedIn: input.introducedIn ?? null, introducedOn: introducedDate(input.introducedIn), verifyAfterCleanRuns: verifyAfter,
          });
          const parsing = parseImport(importer, peeked.source, onProgress, threadMinBytes);
          try {
            // Leaving the loop on an error stops the parser (a worker thread for a large file).
            for await (const e of parsing.findings) await merge.add(e, route(e));
          } catch (err) {
            await merge.drain();
            throw err;
          }
          const { info, checksum, size } = parsing.file();
          const previous = await findRunByChecksum(tx, actor.orgId, zoneId, importer.format, checksum);
          if (previous) throw new SameFile(previous);
          const counts = await merge.finish(info.target);
          await insertRun(tx, actor.orgId, {
            id: runId, zoneId, format: importer.format, tool: info.tool, toolVersion: info.toolVersion, target: info.target,
            fileName: input.fileName, checksum, sizeBytes: size, startedAt: info.startedAt, introducedIn: input.introducedIn ?? null,
            actor: actor.label, importedAt: at, reported: info.reported, counts,
          });
          await merge.queueRegressions();
          // Remediation items whose findings came back are reopened (set-based; the queue items above name them).
          const reopened = counts.regressed > 0 ? await reopenRegressedItems(tx, actor.orgId, runId, at, actor.label) : [];
          await appendEvents(tx, actor.orgId, [{
            actor: actor.label, action: 'run.imported', entityType: 'run', entityId: runId,
            after: { format: importer.format, fileName: input.fileName, checksum, zoneId, target: info.target, counts },
          }, ...reopened.map((r) => ({
            actor: actor.label, action: 'remediation.reopened', entityType: 'remediation', entityId: r.id,
            before: { status: r.before }, after: { status: 'reopened', runId, regressedFindings: r.findings, dueAt: r.dueAt },
          }))], new Date(at));
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
