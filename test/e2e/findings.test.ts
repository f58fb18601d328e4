/**
 * End to end: the findings pages on the real server (embedded database, demo data) through
 * Chromium. An admin imports a promptfoo results file into a zone through the upload page,
 * lands on the run page whose "new" count matches the API, sees a second upload of the same
 * file reported as unchanged, filters the findings list by severity, opens a finding, adds a
 * manual finding whose evidence prompt is an HTML payload (shown as literal text, never as
 * markup), and edits its user scenario, which persists across a reload.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../helpers/browser-suite.ts';
import { apiGet, ROOT, signIn } from '../helpers/server-process.ts';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'promptfoo', 'many_findings.json');
const ZONE = { key: 'assistant-prompt-injection', name: 'Prompt injection via browsing' };
const XSS = '<img src=x onerror=alert(1)>';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describeInBrowser('findings in the browser', (suite) => {
  it('an admin imports a run, filters findings, and edits a manual finding shown as text', async () => {
    const { browser, server } = suite;
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
      await signIn(page);

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
      const run = await apiGet<{ counts: { new: number; findings: number } }>(page, base, `/runs/${runId}`);
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
      const high = await apiGet<{ total: number; items: { title: string }[] }>(page, base, '/findings?severity=high');
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
      const saved = await apiGet<{ userScenario: string | null }>(page, base, `/findings/${findingId}`);
      expect(saved.userScenario).toBe(scenario);
      expect(await page.getByTestId('evidence-prompt').innerText()).toBe(XSS);

      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
