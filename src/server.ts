/** Starts the Keel server: configuration → database → services → HTTP, with graceful shutdown. */
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openKeel, type Keel } from './composition.ts';
import { buildApp } from './http/app.ts';
import { DEMO_ADMIN, DEMO_PASSWORD, seedDemo } from './services/demo-seed.ts';

export interface RunningServer {
  url: string;
  keel: Keel;
  app: FastifyInstance;
  /** Set when this start seeded the demo organization. */
  demoLogin: { email: string; password: string } | null;
  stop(): Promise<void>;
}

const EXPIRY_EVERY_MS = 60 * 60 * 1000;

/**
 * Lapses due risk acceptances now and every hour (issue 5); a failure is logged and retried at
 * the next tick. Returns a stop function that waits for a sweep in progress.
 */
function startRiskExpiry(keel: Keel, onError: (err: unknown) => void): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const sweep = () => { running = keel.services.riskExpiry.expireAll().catch(onError); };
  sweep();
  const timer = setInterval(sweep, EXPIRY_EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

export async function startServer(config: Config, options: { demo: boolean }): Promise<RunningServer> {
  const keel = await openKeel(config);
  try {
    const seeded = options.demo ? await seedDemo({ ...keel.services, db: keel.db }) : null;
    const app = await buildApp({
      services: keel.services, engine: keel.db.engine, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
      cookieSecure: config.cookieSecure, loginRateLimit: config.loginRateLimit,
    });
    await app.listen({ port: config.port, host: config.host });
    const stopExpiry = startRiskExpiry(keel, (err) => app.log.error({ err }, 'risk acceptance expiry failed'));
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = config.publicUrl ?? `http://${shownHost}:${port}`;
    keel.lock?.setUrl(url);
    return {
      url, keel, app,
      demoLogin: seeded ? { email: DEMO_ADMIN.email, password: DEMO_PASSWORD } : null,
      async stop() {
        await stopExpiry();
        await app.close();
        await keel.close();
      },
    };
  } catch (err) {
    await keel.close();
    throw err;
  }
}
