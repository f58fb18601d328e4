/** The one configuration of Keel, parsed from the environment. */
import { resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  DATABASE_URL: z.string().url().optional(),
  KEEL_DATA_DIR: z.string().default('./.keel-data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3710),
  HOST: z.string().default('127.0.0.1'),
  KEEL_PUBLIC_URL: z.string().url().optional(),
  KEEL_COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  KEEL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KEEL_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  KEEL_DB_POOL: z.coerce.number().int().min(1).max(100).default(10),
});

export interface Config {
  database: { engine: 'postgres'; url: string; pool: number } | { engine: 'pglite'; dataDir: string };
  port: number;
  host: string;
  publicUrl: string | undefined;
  cookieSecure: 'true' | 'false' | 'auto';
  logLevel: z.infer<typeof Env>['KEEL_LOG_LEVEL'];
  /** Sign-in attempts allowed per IP address per minute. */
  loginRateLimit: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset (DATABASE_URL= in a shell or .env file).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Configuration error in ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    database: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL, pool: e.KEEL_DB_POOL }
      : { engine: 'pglite', dataDir: resolve(e.KEEL_DATA_DIR) },
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.KEEL_PUBLIC_URL,
    cookieSecure: e.KEEL_COOKIE_SECURE,
    logLevel: e.KEEL_LOG_LEVEL,
    loginRateLimit: e.KEEL_LOGIN_RATE_LIMIT,
  };
}
