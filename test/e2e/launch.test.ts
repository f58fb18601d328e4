/**
 * End to end: a launch from PRD to gate decision on the real server (embedded database, demo
 * data) through Chromium. Mei, who owns "Sponsored answers disclosure" (tier 3), writes a PRD
 * with a high failure mode and no mitigation; approval is refused naming it; she adds the
 * mitigation and approval passes. She plans a launch with that PRD: the gate shows each check
 * with its evidence (the pre-mortem "not required" in tier 3), and she decides go with a rationale.
 */
import type { LaunchDetail } from '../../src/contracts/launches.ts';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../helpers/browser-suite.ts';
import { apiGet, signIn } from '../helpers/server-process.ts';

const MEI = { email: 'mei.lin@northwind.example', password: 'keel-demo-password' };
const HARM = 'Sponsored answers read as neutral advice';

describeInBrowser('a launch from PRD to gate decision in the browser', (suite) => {
  it('writes a PRD, is refused approval until the high failure mode is mitigated, plans the launch and decides go', async () => {
    const { browser, server } = suite;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${server.url}/prds`);
      await signIn(page, MEI);
      await page.getByRole('heading', { name: 'PRD reviews', level: 1 }).waitFor();

      await page.getByRole('button', { name: 'New PRD' }).click();
      const create = page.getByRole('form', { name: 'New PRD' });
      const zone = create.getByLabel('Zone');
      await zone.locator('option', { hasText: 'Sponsored answers disclosure' }).waitFor({ state: 'attached' });
      await zone.selectOption({ label: 'Sponsored answers disclosure' });
      await create.getByLabel('Title').fill('Sponsored answers v2');
      await create.getByRole('button', { name: 'Create PRD' }).click();
      await page.getByRole('heading', { name: 'Sponsored answers v2', level: 1 }).waitFor();

      const add = page.getByRole('form', { name: 'New failure mode' });
      await add.getByLabel('Harm').fill(HARM);
      await add.getByLabel('Severity').selectOption('high');
      await add.getByRole('button', { name: 'Add failure mode' }).click();
      const mode = page.getByRole('listitem', { name: 'Failure mode 1' });
      await expect.poll(() => mode.innerText()).toContain('No planned mitigation');

      await page.getByRole('button', { name: 'Submit for review' }).click();
      await page.getByRole('button', { name: 'Approve' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'Approval refused' });
      await expect.poll(() => refusal.innerText()).toContain(`failure mode 1 "${HARM}" is high and has no planned mitigation`);

      await mode.getByRole('button', { name: 'Edit' }).click();
      const edit = page.getByRole('form', { name: 'Edit failure mode 1' });
      await edit.getByLabel('Planned mitigation').fill('Label every sponsored answer above the fold');
      await edit.getByRole('button', { name: 'Save failure mode' }).click();
      await expect.poll(() => mode.innerText()).toContain('Label every sponsored answer above the fold');
      await page.getByRole('button', { name: 'Approve' }).click();
      const review = page.getByRole('region', { name: 'Review' });
      await expect.poll(() => review.innerText()).toContain('Approved');

      await page.getByRole('link', { name: 'Launches', exact: true }).click();
      await page.getByRole('heading', { name: 'Launches', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Plan a launch' }).click();
      const plan = page.getByRole('form', { name: 'Plan a launch' });
      await plan.getByLabel('Zone').selectOption({ label: 'Sponsored answers disclosure' });
      await plan.getByLabel('Launch name').fill('Sponsored answers GA');
      await plan.getByLabel('Planned date').fill('2026-09-01');
      await plan.getByLabel('PRD', { exact: true }).selectOption({ label: 'Sponsored answers v2 (Approved)' });
      await plan.getByRole('button', { name: 'Plan launch' }).click();
      await page.getByRole('heading', { name: 'Sponsored answers GA', level: 1 }).waitFor();

      const gate = page.getByRole('region', { name: /^Gate:/ });
      await expect.poll(() => gate.getByRole('heading').innerText()).toBe('Gate: passes');
      const prdCheck = gate.getByRole('listitem', { name: 'PRD approved' });
      expect(await prdCheck.getAttribute('data-status')).toBe('pass');
      expect(await prdCheck.getByRole('link', { name: 'Sponsored answers v2' }).getAttribute('href')).toMatch(/^\/prds\/[0-9a-f-]{36}$/);
      expect(await gate.getByRole('listitem', { name: 'Pre-mortem done' }).innerText()).toContain('Not required for a tier3 zone');

      const decision = page.getByRole('form', { name: 'Decision' });
      await decision.getByLabel('Rationale').fill('All checks green; disclosure tested with 40 users');
      await decision.getByRole('button', { name: 'Go', exact: true }).click();
      await expect.poll(() => page.getByTestId('launch-status').innerText()).toBe('Go');
      const history = page.getByRole('region', { name: 'Decisions' });
      await expect.poll(() => history.innerText()).toContain('All checks green; disclosure tested with 40 users');
      expect(await page.getByRole('form', { name: 'Decision' }).count()).toBe(0);

      const id = new URL(page.url()).pathname.split('/').pop()!;
      const stored = await apiGet<LaunchDetail>(page, server.url, `/launches/${id}`);
      expect(stored).toMatchObject({ status: 'go', decision: 'go', override: false, decisions: [{ kind: 'go', checks: { passed: true } }] });
    } finally {
      await context.close();
    }
  }, 90_000);
});
