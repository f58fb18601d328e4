/**
 * End to end: the findings pages on the real server (embedded database, demo data) through
 * Chromium. An admin imports a promptfoo results file into a zone through the upload page,
 * lands on the run page whose "new" count matches the API, sees a second upload of the same
 * file reported as unchanged, filters the findings list by severity, opens a finding, adds a
 * manual finding whose evidence prompt is an HTML payload (shown as literal text, never as
 * markup), and edits its user scenario, which persists across a reload.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'promptfoo', 'many_findings.json');
const ZONE = { key: 'assistant-prompt-injection', name: 'Prompt injection via browsing' };
const XSS = '<img src=x onerror=alert(1)>';
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

/** Reads the API with the page's session cookie, as the app itself does. */
async function api<T>(page: Page, base: string, path: string): Promise<T> {
  const res = await page.request.get(`${base}/api${path}`, { headers: { 'x-keel-request': '1', accept: 'application/json' } });
  if (!res.ok()) throw new Error(`GET ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe('findings in the browser', () => {
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

  it('an admin imports a run, filters findings, and edits a manual finding shown as text', async () => {
    if (!browser || !server) throw new Error('set-up failed');
    const base = server.url;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // An HTML payload that ran would open a dialog: record any.
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    try {
      await page.goto(`${base}/runs/import`);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
      await page.getByLabel('Email').fill('admin@northwind.example');
      await page.getByLabel('Password').fill('keel-demo-password');
      await page.getByRole('button', { name: 'Sign in' }).click();

      // Import through the upload page, into a zone.
      await page.getByRole('heading', { name: 'Import results', level: 1 }).waitFor();
      const zoneSelect = page.getByLabel('Zone', { exact: true });
      await zoneSelect.locator('option', { hasText: ZONE.name }).waitFor({ state: 'attached' });
      await zoneSelect.selectOption(ZONE.key);
      await page.getByLabel('Results file').setInputFiles(FIXTURE);
      await page.getByRole('button', { name: 'Import', exact: true }).click();

      // The run page: its "new" tile says what the API says.
      await page.waitForURL(new RegExp(`/runs/${UUID}$`));
      const runId = new URL(page.url()).pathname.split('/').pop() ?? '';
      const run = await api<{ counts: { new: number; findings: number } }>(page, base, `/runs/${runId}`);
      expect(run.counts.new).toBeGreaterThan(0);
      const newTile = page.locator('.tile-outcome-new .tile-value');
      await expect.poll(() => newTile.innerText()).toBe(String(run.counts.new));
      const newTab = page.getByRole('tab', { name: /^New/ });
      await expect.poll(() => newTab.getAttribute('aria-selected')).toBe('true');
      expect(await newTab.innerText()).toContain(String(run.counts.new));
      const runRows = page.getByRole('tabpanel').locator('tbody tr');
      await expect.poll(() => runRows.count()).toBe(Math.min(run.counts.new, 50));

      // The same file again changes nothing, and the page says so.
      await page.goto(`${base}/runs/import`);
      await zoneSelect.locator('option', { hasText: ZONE.name }).waitFor({ state: 'attached' });
      await zoneSelect.selectOption(ZONE.key);
      await page.getByLabel('Results file').setInputFiles(FIXTURE);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const unchanged = page.getByText(/This exact file was already imported on .* — nothing changed/);
      await unchanged.waitFor();
      expect(await page.getByRole('link', { name: 'Open that run' }).getAttribute('href')).toBe(`/runs/${runId}`);

      // The findings list, filtered by a severity present in the run.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings', exact: true }).click();
      await page.getByRole('heading', { name: 'Findings', level: 1 }).waitFor();
      const high = await api<{ total: number; items: { title: string }[] }>(page, base, '/findings?severity=high');
      expect(high.total).toBeGreaterThan(0);
      await page.getByRole('group', { name: 'Severity' }).getByLabel('High').check();
      await expect.poll(() => new URL(page.url()).searchParams.get('severity')).toBe('high');
      const count = page.locator('.list-count');
      await expect.poll(() => count.innerText()).toBe(`${high.total} ${high.total === 1 ? 'finding' : 'findings'}`);
      const badges = page.locator('.findings-table tbody .badge-sev');
      await expect.poll(() => badges.count()).toBe(Math.min(high.total, 50));
      expect(new Set(await badges.allInnerTexts())).toEqual(new Set(['High']));

      // Open one finding from the filtered list.
      const first = high.items[0]?.title ?? '';
      await page.locator('.findings-table').getByRole('link', { name: first, exact: true }).first().click();
      await page.getByRole('heading', { name: first, level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Evidence', level: 2 }).waitFor();

      // A manual finding whose prompt is markup: it must show as text.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings', exact: true }).click();
      await page.getByRole('link', { name: 'Add finding' }).click();
      await page.getByRole('heading', { name: 'New finding', level: 1 }).waitFor();
      const title = 'Browsing agent renders attacker HTML';
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Severity').selectOption('high');
      const newZone = page.getByLabel('Zone', { exact: true });
      await newZone.locator('option', { hasText: ZONE.name }).waitFor({ state: 'attached' });
      await newZone.selectOption(ZONE.key);
      await page.getByLabel('Prompt 1').fill(XSS);
      await page.getByLabel('Response 1').fill(`Sure: ${XSS}`);
      await page.getByRole('button', { name: 'Add finding' }).click();

      await page.waitForURL(new RegExp(`/findings/${UUID}$`));
      const findingId = new URL(page.url()).pathname.split('/').pop() ?? '';
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      const prompt = page.getByTestId('evidence-prompt');
      await expect.poll(() => prompt.innerText()).toBe(XSS);
      expect(await page.getByTestId('evidence-response').innerText()).toBe(`Sure: ${XSS}`);
      expect(await page.locator('main img').count()).toBe(0);
      expect(await page.locator('img[src="x"]').count()).toBe(0);

      // Edit the user scenario in place; it survives a reload.
      const scenario = 'A user asks the assistant to summarise a page that carries <script>-laden markup.';
      await page.getByRole('button', { name: /hypothesis/i }).click();
      await page.getByLabel('User scenario').fill(scenario);
      await page.getByRole('button', { name: 'Save hypothesis' }).click();
      const shown = page.getByTestId('hypothesis-userScenario');
      await expect.poll(() => shown.innerText()).toContain(scenario);
      await page.reload();
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await expect.poll(() => page.getByTestId('hypothesis-userScenario').innerText()).toContain(scenario);
      const saved = await api<{ userScenario: string | null }>(page, base, `/findings/${findingId}`);
      expect(saved.userScenario).toBe(scenario);
      expect(await page.getByTestId('evidence-prompt').innerText()).toBe(XSS);

      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
