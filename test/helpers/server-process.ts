/**
 * The browser tests' real server: `keel serve --demo` on a free port over a fresh embedded
 * database, the web build it serves, Chromium, and the sign-in they all start with.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const hasBrowser = existsSync(CHROMIUM);
export const requireBrowser = process.env.KEEL_REQUIRE_BROWSER === '1';
export const DEMO_LOGIN = { email: 'admin@northwind.example', password: 'keel-demo-password' };

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** The temporary folder this helper made for the database, removed by stopServer; null when the caller gave one. */
  dataDir: string | null;
}

/**
 * Starts `keel serve --demo` on a free port and resolves once it says where it listens. Without
 * `dataDirectory` the database goes in a new temporary folder that stopServer removes.
 */
export function startServer(dataDirectory?: string): Promise<ServerProcess> {
  const dataDir = dataDirectory ? null : mkdtempSync(join(tmpdir(), 'keel-e2e-'));
  // The embedded database: never a PostgreSQL the environment may point at.
  const env: NodeJS.ProcessEnv = { ...process.env, KEEL_DATA_DIR: dataDirectory ?? join(dataDir!, 'data') };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'keel.js'), 'serve', '--demo', '--port', '0'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`the server did not start within 45 s; it printed:\n${output}`));
    }, 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Keel is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1].replace(/\/$/, ''), dataDir });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${code} before starting:\n${output}`));
    });
  });
}

/** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its data directory. */
export async function stopServer(server: ServerProcess | undefined): Promise<void> {
  if (!server) return;
  if (server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
  if (server.dataDir) rmSync(server.dataDir, { recursive: true, force: true });
}

/** The server serves web/dist: build it when it is missing (npm test builds it first anyway). */
export function ensureWebBuild(): void {
  if (existsSync(join(ROOT, 'web', 'dist', 'index.html'))) return;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT, encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`building the web app failed:\n${r.stdout}\n${r.stderr}`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Fills the sign-in form the app shows when it needs a session. */
export async function signIn(page: Page, login = DEMO_LOGIN): Promise<void> {
  await page.getByLabel('Email').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Reads the API with the page's session cookie, as the app itself does. */
export async function apiGet<T>(page: Page, base: string, path: string): Promise<T> {
  const res = await page.request.get(`${base}/api${path}`, { headers: { 'x-keel-request': '1', accept: 'application/json' } });
  if (!res.ok()) throw new Error(`GET ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}
