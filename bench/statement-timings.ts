/**
 * Where an import's database time goes, without touching src/: a Db that forwards to the real
 * one and adds up the wall time of each statement by kind (staging batches, each merge
 * statement, commit…). Services built on it (createServices) run unchanged.
 *
 * Kinds are named from the SQL itself (kindOf), not from a list of known statements, so they
 * follow src/store/findings-merge.ts as it changes. On PostgreSQL a statement's time includes
 * the round trip; on PGlite it is the engine's work, in this thread.
 */
import type { Db, Queryable } from '../src/store/db.ts';

export interface StatementTiming { kind: string; count: number; ms: number }

export class StatementTimings {
  private readonly byKind = new Map<string, StatementTiming>();
  /** Time spent in EXPLAIN ANALYZE runs (BENCH_EXPLAIN), to be left out of the import's time. */
  explainMs = 0;

  add(kind: string, ms: number): void {
    const t = this.byKind.get(kind) ?? { kind, count: 0, ms: 0 };
    t.count += 1;
    t.ms += ms;
    this.byKind.set(kind, t);
  }

  reset(): void {
    this.byKind.clear();
    this.explainMs = 0;
  }

  /** The kinds, longest first. */
  list(): StatementTiming[] {
    return [...this.byKind.values()].sort((a, b) => b.ms - a.ms);
  }

}

const OUTCOMES = /'(new|still_present|regressed|not_reproduced|verified)'/g;

/**
 * A statement's kind, from its SQL alone: the tables it writes, in order, and the run outcomes
 * it records (`UPDATE findings → INSERT run_findings (still_present, regressed)`); a statement
 * that writes nothing is its own first words.
 */
export function kindOf(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  const writes = [...flat.matchAll(/\b(INSERT INTO|UPDATE|DELETE FROM|TRUNCATE|CREATE TEMP TABLE(?: IF NOT EXISTS)?)\s+(?!SET\b)(\w+)/gi)]
    .map((m) => `${m[1]!.split(' ')[0]!.toUpperCase()} ${m[2]!}`);
  if (writes.length === 0) return flat.length > 72 ? `${flat.slice(0, 71)}…` : flat;
  const outcomes = [...new Set([...flat.matchAll(OUTCOMES)].map((m) => m[1]!))];
  return `${writes.join(' → ')}${outcomes.length > 0 ? ` (${outcomes.join(', ')})` : ''}`;
}

/** Statements worth a plan: those that read or write findings or run_findings, except the staging batches. */
const EXPLAINED = /\b(findings|run_findings)\b/;
const NOT_EXPLAINED = /INSERT INTO staged_findings|^\s*(CREATE|TRUNCATE|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i;

/** Where plans go: the statement's kind and the text of EXPLAIN (ANALYZE, BUFFERS). */
export type PlanSink = (kind: string, plan: string) => void;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of `sql` inside a savepoint rolled back after, so the statement
 * then runs for real on the same data. It runs twice: the timings are skewed (warm caches).
 */
async function explain(q: Queryable, sql: string, params: readonly unknown[] | undefined): Promise<string> {
  await q.query('SAVEPOINT bench_explain');
  try {
    const rows = await q.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await q.query('ROLLBACK TO SAVEPOINT bench_explain');
  }
}

function timedQueryable(q: Queryable, timings: StatementTimings, plans?: PlanSink): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[], name?: string): Promise<T[]> {
      if (plans && EXPLAINED.test(sql) && !NOT_EXPLAINED.test(sql)) {
        const explaining = performance.now();
        plans(kindOf(sql), await explain(q, sql, params));
        timings.explainMs += performance.now() - explaining;
      }
      const started = performance.now();
      try {
        return await q.query<T>(sql, params, name);
      } finally {
        timings.add(kindOf(sql), performance.now() - started);
      }
    },
    async copyIn(table: string, columns: readonly string[], rows: string): Promise<void> {
      const started = performance.now();
      try {
        await q.copyIn(table, columns, rows);
      } finally {
        timings.add(`COPY ${table}`, performance.now() - started);
      }
    },
  };
}

/**
 * `db`, with every statement (and each transaction's COMMIT) timed into `timings`; with `plans`,
 * the statements on findings inside transactions are also EXPLAIN ANALYZEd first (see explain).
 */
export function timedDb(db: Db, timings: StatementTimings, plans?: PlanSink): Db {
  const direct = timedQueryable(db, timings);
  return {
    engine: db.engine,
    singleWriter: db.singleWriter,
    get commits() { return db.commits; },
    query: direct.query,
    copyIn: direct.copyIn,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      let bodyDone: number | null = null;
      try {
        return await db.transaction(async (tx) => {
          const result = await fn(timedQueryable(tx, timings, plans));
          bodyDone = performance.now();
          return result;
        });
      } finally {
        // The time from the body's end to the transaction's end: COMMIT (or ROLLBACK).
        if (bodyDone !== null) timings.add('commit', performance.now() - bodyDone);
      }
    },
    close: () => db.close(),
  };
}
