/**
 * End to end: the planning, debt and metrics pages on the real server with the demo backlog.
 * An admin signs in, opens Sam Okafor's scorecard (picked from the owner list, kept in the
 * URL), and its tiles agree with GET /api/metrics/scorecard for the same owner and period;
 * the trend charts draw lines; the plan shows the safety reserve and what was displaced; the
 * debt page lists the zones in debt. With KEEL_UPDATE_SCREENSHOTS=1 it also refreshes the
 * screenshots of the scorecard and the plan at 1280 and 390 px.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DebtReport } from '../../src/contracts/debt.ts';
import type { Scorecard } from '../../src/contracts/metrics.ts';
import type { PeriodPlan, Period } from '../../src/contracts/planning.ts';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../helpers/browser-suite.ts';
import { ROOT } from '../helpers/server-process.ts';

const SHOTS = join(ROOT, 'docs', 'screenshots');
const updateShots = process.env.KEEL_UPDATE_SCREENSHOTS === '1';
const SAM = 'sam.okafor@northwind.example';
/** The machine is shared: give the page time to answer. */
const POLL = { timeout: 15_000 };

describeInBrowser('scorecard, plan and safety debt in the browser', (suite) => {
  const api = async <T>(context: BrowserContext, path: string): Promise<T> => {
    const res = await context.request.get(`${suite.server.url}/api${path}`, { headers: { 'x-keel-request': '1' } });
    expect(res.status(), `GET /api${path}`).toBe(200);
    return (await res.json()) as T;
  };
  const tile = (page: Page, metric: string) => page.locator(`[data-metric="${metric}"] .tile-value`);

  /** The same page at phone width, signed in with the same cookies, for the screenshots. */
  async function shoot(context: BrowserContext, page: Page, path: string, name: string, ready: (p: Page) => Promise<void>) {
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    const phone = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await context.storageState() });
    try {
      const p = await phone.newPage();
      await p.goto(`${suite.server.url}${path}`);
      await ready(p);
      await p.screenshot({ path: join(SHOTS, `${name}-390.png`), fullPage: true });
    } finally {
      await phone.close();
    }
  }

  it('shows an owner\'s scorecard that agrees with the API, the plan\'s reserve, and the debt per zone', async () => {
    const { browser, server } = suite;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    if (updateShots) mkdirSync(SHOTS, { recursive: true });
    try {
      await page.goto(`${server.url}/scorecard`);
      await expect.poll(() => new URL(page.url()).pathname, POLL).toBe('/login');
      await page.getByLabel('Email').fill('admin@northwind.example');
      await page.getByLabel('Password').fill('keel-demo-password');
      await page.getByRole('button', { name: 'Sign in' }).click();

      // The admin owns no zones: the page says so and offers the owner picker.
      await page.getByRole('heading', { name: 'Scorecard', level: 1 }).waitFor();
      await page.getByText('You own no zones').waitFor();
      const owner = page.getByLabel('Owner');
      await owner.locator('option', { hasText: 'Sam Okafor' }).waitFor({ state: 'attached' });
      await owner.selectOption({ label: 'Sam Okafor' });
      await expect.poll(() => new URL(page.url()).searchParams.get('owner'), POLL).toBe(SAM);
      const period = page.getByLabel('Period', { exact: true });
      await period.selectOption('30d');
      await expect.poll(() => new URL(page.url()).searchParams.get('period'), POLL).toBe('30d');
      await period.selectOption('90d');
      await expect.poll(() => new URL(page.url()).searchParams.get('period'), POLL).toBe('90d');
      await expect.poll(() => page.locator('.page-subtitle').innerText(), POLL).toContain('Sam Okafor');

      const card = await api<Scorecard>(context, `/metrics/scorecard?owner=${encodeURIComponent(SAM)}&period=90d`);
      expect(card.owner.email).toBe(SAM);
      expect(card.figures.open.overdue).toBeGreaterThan(0);
      expect(card.figures.timeToRemediate.count).toBeGreaterThan(0);
      await expect.poll(() => tile(page, 'overdue').innerText(), POLL).toBe(String(card.figures.open.overdue));
      await expect.poll(() => tile(page, 'sla').innerText(), POLL).toBe(`${Math.round(card.figures.slaCompliance.rate! * 100)}%`);
      const meanDays = card.figures.timeToRemediate.meanHours! / 24;
      await expect.poll(() => tile(page, 'ttr-mean').innerText(), POLL).toBe(`${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(meanDays)} days`);

      // The trend charts draw lines from /api/metrics/series.
      const trends = page.getByRole('region', { name: 'Trends over the period' });
      await trends.locator('svg path.recharts-line-curve').first().waitFor();
      expect(await trends.locator('svg path.recharts-line-curve').count()).toBeGreaterThanOrEqual(3);
      expect(await trends.locator('svg path.recharts-line-curve').first().getAttribute('d')).toMatch(/^M[\d.]+/);
      if (updateShots) {
        await shoot(context, page, `/scorecard?owner=${encodeURIComponent(SAM)}&period=90d`, 'scorecard',
          (p) => p.locator('.trend-grid svg path.recharts-line-curve').first().waitFor());
      }

      // The plan: the period's safety reserve, sprints, and the item the new critical one displaced.
      await page.getByRole('link', { name: 'Plan', exact: true }).click();
      await page.getByRole('heading', { name: 'Plan', level: 1 }).waitFor();
      const periods = await api<{ items: Period[] }>(context, '/planning/periods');
      const plan = await api<PeriodPlan>(context, `/planning/periods/${periods.items[0]!.id}/plan`);
      await expect.poll(() => tile(page, 'reserve').innerText(), POLL).toBe(`${Math.round(plan.period.safetyShare * 100)}%`);
      const reserveNote = await page.locator('[data-metric="reserve"] .tile-note').innerText();
      expect(reserveNote).toContain(String(plan.sprints.reduce((s, x) => s + x.reserve, 0)));
      expect(await page.locator('.sprint-card').count()).toBe(plan.sprints.length);
      const displaced = plan.sprints.flatMap((s) => s.items.filter((i) => !i.withinReserve));
      expect(displaced.length).toBeGreaterThan(0);
      const displacedList = page.getByRole('region', { name: 'Displaced from the reserve' });
      await expect.poll(() => displacedList.innerText(), POLL).toContain(`REM-${displaced[0]!.number}`);
      await page.getByText('Safety work is being squeezed out').first().waitFor();
      await page.getByRole('region', { name: 'Capacity per sprint' }).locator('svg .recharts-bar-rectangle').first().waitFor();
      if (updateShots) {
        await shoot(context, page, '/plan', 'plan', (p) => p.locator('.sprint-card').first().waitFor());
      }

      // Safety debt: the zones in debt, as the API lists them.
      await page.getByRole('link', { name: 'Safety debt', exact: true }).click();
      await page.getByRole('heading', { name: 'Safety debt', level: 1 }).waitFor();
      const debt = await api<DebtReport>(context, '/debt');
      expect(debt.zones.length).toBeGreaterThan(0);
      const zoneTable = page.getByRole('table', { name: 'Safety debt per zone' });
      await zoneTable.waitFor();
      for (const z of debt.zones) await expect.poll(() => zoneTable.innerText(), POLL).toContain(z.zone.name);
      await page.getByRole('region', { name: 'Needs re-scoping' }).getByText('Zone changed hands').first().waitFor();
      await page.getByRole('region', { name: 'Escalations' }).getByText('Deferrals').first().waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);
});
