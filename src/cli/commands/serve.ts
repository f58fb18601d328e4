/** `keel serve` and `keel migrate`. */
import { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openKeel } from '../../composition.ts';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../../services/demo-seed.ts';
import { startServer } from '../../server.ts';

export function serveCommand(): Command {
  return new Command('serve')
    .description('run the Keel server (web app and API)')
    .option('--demo', 'seed a demo organization on first start (when the database has none)')
    .option('--port <port>', 'port to listen on (env PORT, default 3710; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
    .action(async (opts: { demo?: boolean; port?: string; host?: string }) => {
      const config = loadConfig({
        ...process.env, ...(opts.port !== undefined ? { PORT: opts.port } : {}), ...(opts.host ? { HOST: opts.host } : {}),
      });
      const server = await startServer(config, { demo: opts.demo ?? false });
      const lines = [`Keel is running at ${server.url}`, `  database: ${server.keel.describe}`, `  API docs: ${server.url}/api/docs`];
      if (opts.demo) {
        lines.push(`  demo sign-in: ${DEMO_ADMIN.email} / ${DEMO_PASSWORD}${server.demoLogin ? ' (demo organization created)' : ''}`);
      }
      if (server.keel.db.engine === 'pglite') {
        lines.push('  note: the embedded database runs with fsync off; use DATABASE_URL (PostgreSQL) for durable deployments');
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          server.stop().then(resolve, resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply database migrations (the server also does this at start)')
    .action(async () => {
      const keel = await openKeel(loadConfig());
      await keel.close();
      process.stdout.write(`Database is up to date (${keel.describe})\n`);
    });
}
