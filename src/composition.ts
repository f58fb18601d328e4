/** The only wiring: configuration → database → services. */
import type { Config } from './config.ts';
import { createAuditService } from './services/audit.ts';
import { createAuthService } from './services/auth.ts';
import { createOrgService } from './services/orgs.ts';
import { createOwnershipReportService } from './services/ownership-report.ts';
import { createProductService } from './services/products.ts';
import { createUserService } from './services/users.ts';
import { createZoneImportService } from './services/zone-import.ts';
import { createZoneService } from './services/zones.ts';
import { createRunImportService } from './services/run-import.ts';
import { createFindingService } from './services/findings.ts';
import { createExerciseService } from './services/exercises.ts';
import { createRoutingRuleService } from './services/routing-rules.ts';
import { createQueueService } from './services/queue.ts';
import { createPolicyService } from './services/policy.ts';
import { createTriageService } from './services/triage.ts';
import { createRemediationService } from './services/remediations.ts';
import { createPlanningService } from './services/planning.ts';
import { createDebtService } from './services/debt.ts';
import { createStalenessService } from './services/staleness.ts';
import { createMetricsService } from './services/metrics.ts';
import { createKpiService } from './services/kpis.ts';
import { createRiskRegisterService } from './services/risk-register.ts';
import { createRiskExpiryService } from './services/risk-expiry.ts';
import { createFrameworkService } from './services/frameworks.ts';
import { createPrdService } from './services/prds.ts';
import { createPremortemService } from './services/premortems.ts';
import { createLaunchService } from './services/launches.ts';
import { createBoardService } from './services/board.ts';
import { resolveImporter } from './importers/index.ts';
import { lockDataDir, type DataDirLock } from './store/data-dir-lock.ts';
import { openPglite, openPostgres, type Db } from './store/db.ts';
import { refreshStatistics } from './store/maintenance.ts';
import { migrate } from './store/migrate.ts';

export function createServices(db: Db) {
  return {
    auth: createAuthService({ db }),
    orgs: createOrgService({ db }),
    users: createUserService({ db }),
    products: createProductService({ db }),
    zones: createZoneService({ db }),
    zoneImport: createZoneImportService({ db }),
    ownership: createOwnershipReportService({ db }),
    audit: createAuditService({ db }),
    runs: createRunImportService({ db, resolveImporter }),
    findings: createFindingService({ db }),
    exercises: createExerciseService({ db }),
    routing: createRoutingRuleService({ db }),
    queue: createQueueService({ db }),
    policy: createPolicyService({ db }),
    triage: createTriageService({ db }),
    remediations: createRemediationService({ db }),
    planning: createPlanningService({ db }),
    debt: createDebtService({ db }),
    staleness: createStalenessService({ db }),
    metrics: createMetricsService({ db }),
    kpis: createKpiService({ db }),
    prds: createPrdService({ db }),
    premortems: createPremortemService({ db }),
    launches: createLaunchService({ db }),
    risks: createRiskRegisterService({ db }),
    riskExpiry: createRiskExpiryService({ db }),
    frameworks: createFrameworkService({ db }),
    board: createBoardService({ db }),
  };
}

export type Services = ReturnType<typeof createServices>;

export interface Keel {
  db: Db;
  services: Services;
  lock: DataDirLock | null;
  describe: string;
  close(): Promise<void>;
}

/** Opens the configured database (locking a PGlite data directory), migrates it, builds services. */
export async function openKeel(config: Config): Promise<Keel> {
  let db: Db;
  let lock: DataDirLock | null = null;
  let describe: string;
  if (config.database.engine === 'postgres') {
    db = openPostgres(config.database.url, config.database.pool);
    describe = `PostgreSQL (${new URL(config.database.url).host}${new URL(config.database.url).pathname})`;
  } else {
    lock = lockDataDir(config.database.dataDir);
    try {
      db = await openPglite(config.database.dataDir);
    } catch (err) {
      lock.release();
      throw err;
    }
    describe = `embedded PGlite (${config.database.dataDir})`;
  }
  await migrate(db);
  // PostgreSQL's autovacuum keeps statistics; PGlite has none, so refresh them at each open.
  if (db.engine === 'pglite') await refreshStatistics(db);
  const services = createServices(db);
  return {
    db, services, lock, describe,
    async close() {
      await services.metrics.settled();
      await db.close();
      lock?.release();
    },
  };
}
