/**
 * End to end: the real server (embedded database, demo data) driven through Chromium.
 * An admin signs in, opens a zone from the list and hands it off; the page then shows the
 * new owner and the handoff in the ownership history. With KEEL_UPDATE_SCREENSHOTS=1 it also
 * refreshes the README screenshot.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCREENSHOT = join(ROOT, 'docs', 'screenshots', 'zones.png');
const hasBrowser = existsSync(CHROMIUM);
const requireBrowser = process.env.KEEL_REQUIRE_BROWSER === '1';

/** Starts `keel serve --demo` on a free port and resolves with its URL once it says so. */
function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  // The embedded database: never a PostgreSQL the environment may point at.
  const env: NodeJS.ProcessEnv = { ...process.env, KEEL_DATA_DIR: dataDir };
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
      reject(new Error(`the server did not start within 45 s; it printed:\n${output}`));
    }, 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Keel is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1].replace(/\/$/, '') });
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

/** The server serves web/dist: build it when it is missing (npm test builds it first anyway). */
function ensureWebBuild(): void {
  if (existsSync(join(ROOT, 'web', 'dist', 'index.html'))) return;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT, encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`building the web app failed:\n${r.stdout}\n${r.stderr}`);
}

describe('zone handoff in the browser', () => {
  if (!hasBrowser && requireBrowser) {
    it('needs Chromium', () => {
      throw new Error(`KEEL_REQUIRE_BROWSER=1 but ${CHROMIUM} does not exist: install it (apt-get install chromium)`);
    });
    return;
  }
  if (!hasBrowser) {
    it.skip(`skipped: ${CHROMIUM} not found (set KEEL_REQUIRE_BROWSER=1 to make this a failure)`, () => {});
    return;
  }

  let server: { child: ChildProcess; url: string } | undefined;
  let browser: Browser | undefined;
  let dataDir = '';

  beforeAll(async () => {
    ensureWebBuild();
    dataDir = mkdtempSync(join(tmpdir(), 'keel-e2e-'));
    server = await startServer(join(dataDir, 'data'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (server && server.child.exitCode === null) {
      const exited = new Promise((resolve) => server?.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('an admin hands off a zone and sees it in the ownership history', async () => {
    if (!browser || !server) throw new Error('set-up failed');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${server.url}/zones`);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login');

      await page.getByLabel('Email').fill('admin@northwind.example');
      await page.getByLabel('Password').fill('keel-demo-password');
      await page.getByRole('button', { name: 'Sign in' }).click();

      await page.getByRole('heading', { name: 'Zones', level: 1 }).waitFor();
      const zoneLink = page.getByRole('link', { name: 'Prompt injection via browsing' });
      await zoneLink.waitFor();
      if (process.env.KEEL_UPDATE_SCREENSHOTS === '1') {
        // Refreshes the README's picture on request, so a test run leaves the tree clean.
        mkdirSync(dirname(SCREENSHOT), { recursive: true });
        await page.mouse.move(0, 0);
        await page.screenshot({ path: SCREENSHOT });
      }

      await zoneLink.click();
      await page.getByRole('heading', { name: 'Prompt injection via browsing', level: 1 }).waitFor();
      const owner = page.getByRole('region', { name: 'Owner', exact: true }).getByTestId('zone-owner');
      await expect.poll(() => owner.innerText()).toContain('Sam Okafor');

      const reason = 'Sam moves to the payments launch; Mei takes browsing safety';
      const newOwner = page.getByLabel('New owner');
      await newOwner.locator('option', { hasText: 'Mei Lin' }).waitFor({ state: 'attached' });
      await newOwner.selectOption({ label: 'Mei Lin' });
      await page.getByLabel('Reason').fill(reason);
      await page.getByRole('button', { name: 'Hand off', exact: true }).click();

      await expect.poll(() => owner.innerText()).toContain('Mei Lin');
      expect(await owner.innerText()).not.toContain('Sam Okafor');

      const history = page.getByRole('region', { name: 'Ownership history', exact: true });
      const latest = history.getByRole('listitem').first();
      await expect.poll(() => latest.innerText()).toContain(reason);
      const text = await latest.innerText();
      expect(text).toMatch(/Sam Okafor\s*→\s*Mei Lin/);
      expect(text).toContain('Avery Admin');
    } finally {
      await context.close();
    }
  }, 60_000);
});
