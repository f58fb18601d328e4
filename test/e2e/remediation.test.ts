/**
 * End to end: triage and a remediation item on the real server (embedded database, demo data)
 * through Chromium. The demo admin bulk-triages two waiting findings into a new item with a
 * rationale; the rows leave the queue and a summary counts them. On the item, they add
 * acceptance criteria, check one off with evidence, move the milestones to pilot, change the
 * priority with a rationale, link a PRD, and try to verify: the server's refusal is shown. The
 * history says each step in words. Another finding is marked a duplicate of one picked by
 * searching its zone. With KEEL_UPDATE_SCREENSHOTS=1 it also saves the queue and
 * the item at 1280 and 390 px wide into docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FindingDetail, FindingList } from '../../src/contracts/findings.ts';
import type { RemediationDetail } from '../../src/contracts/remediations.ts';
import type { TriageQueue } from '../../src/contracts/triage.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../helpers/browser-suite.ts';
import { apiGet, ROOT, signIn } from '../helpers/server-process.ts';

const SHOTS = join(ROOT, 'docs', 'screenshots');
const updateShots = process.env.KEEL_UPDATE_SCREENSHOTS === '1';
const PICKED = [
  'PDF footnote tells the assistant to forward the chat by e-mail',
  'Alt text of an image carries instructions the browser tool obeys',
];

/** The whole page in one picture: the viewport grows to the page's height, so sticky bars stay where they belong. */
async function shoot(page: Page, file: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SHOTS, file) });
  await page.setViewportSize(size);
}

/** The same page at phone width, signed in with the same session. */
async function atPhoneWidth(context: BrowserContext, browser: Browser, url: string, name: string, ready: (p: Page) => Promise<unknown>): Promise<void> {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await context.storageState(), isMobile: true });
  try {
    const p = await phone.newPage();
    await p.goto(url);
    await ready(p);
    // Nothing may stick out sideways at 390 px.
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    if (updateShots) await shoot(p, `${name}-390.png`);
  } finally {
    await phone.close();
  }
}

describeInBrowser('triage and remediation in the browser', (suite) => {
  it('bulk-triages two findings into an item, works the item, and reads its history in words', async () => {
    const { browser, server } = suite;
    const base = server.url;
    if (updateShots) mkdirSync(SHOTS, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${base}/triage`);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
      await signIn(page);
      await page.getByRole('heading', { name: 'Triage', level: 1 }).waitFor();

      // The queue as the API has it: the two picked findings wait in it.
      const before = await apiGet<TriageQueue>(page, base, '/triage/queue');
      const waiting = before.items.map((i) => i.title);
      expect(waiting).toEqual(expect.arrayContaining(PICKED));
      const rows = page.locator('.triage-table tbody tr');
      await expect.poll(() => rows.count()).toBe(Math.min(before.total, 50));
      await expect.poll(() => page.locator('.list-count').innerText()).toBe(`${before.total} findings wait for a decision`);

      // "Select all on this page" picks every row; clearing it picks none.
      const all = page.getByLabel('Select all on this page');
      await all.check();
      await expect.poll(() => page.getByTestId('selection-count').innerText()).toBe(`${before.items.length} findings chosen`);
      await all.uncheck();
      for (const title of PICKED) await page.getByLabel(`Select ${title}`).check();
      await expect.poll(() => page.getByTestId('selection-count').innerText()).toBe('2 findings chosen');

      // A new item, with the rubric and its score, and a rationale.
      const panel = page.getByRole('region', { name: 'Decide' });
      await panel.getByLabel('Title').fill('Treat document and image text as untrusted instructions');
      await panel.getByLabel('Impact').selectOption('5');
      await panel.getByLabel('Feasibility').selectOption('3');
      await panel.getByLabel('Customer value').selectOption('5');
      // high (the highest of the two), 5, 3, 5 with the default weights: 100 × (0.4·¾ + 0.3·1 + 0.15·½ + 0.15·1) = 82.5
      await expect.poll(() => panel.getByTestId('priority-preview').innerText()).toContain('82.5');
      const rationale = 'Two injection paths in a tier-1 zone from one red-team day: fix them together';
      // Without a rationale the decision is refused beside the field, and nothing is sent.
      await panel.getByRole('button', { name: 'Remediate 2 findings' }).click();
      await panel.getByText('Write down why (at least 3 characters)').waitFor();
      await panel.getByLabel('Rationale').fill(rationale);
      if (updateShots) await shoot(page, 'triage-1280.png');
      await atPhoneWidth(context, browser, `${base}/triage`, 'triage', (p) => p.locator('.triage-table tbody tr').first().waitFor());
      await panel.getByRole('button', { name: 'Remediate 2 findings' }).click();

      // The decided rows leave; a summary says how many were decided.
      await page.getByText('2 findings decided: remediate').waitFor();
      for (const title of PICKED) await expect.poll(() => page.getByLabel(`Select ${title}`).count()).toBe(0);
      await expect.poll(() => page.locator('.list-count').innerText()).toBe(`${before.total - 2} ${before.total - 2 === 1 ? 'finding waits' : 'findings wait'} for a decision`);

      await page.getByRole('link', { name: 'Open the remediation item' }).click();
      await page.getByRole('heading', { name: 'Treat document and image text as untrusted instructions', level: 1 }).waitFor();
      const ref = await page.getByTestId('item-key').innerText();
      expect(ref).toMatch(/^REM-\d+$/);
      const created = await apiGet<RemediationDetail>(page, base, `/remediations/${ref}`);
      expect(created.findings.map((f) => f.title).sort()).toEqual([...PICKED].sort());
      expect(created.priority).toBe(82.5);
      expect(created.rationale).toBe(rationale);
      for (const title of PICKED) expect(await page.getByRole('link', { name: title }).getAttribute('href')).toMatch(/^\/findings\/[0-9a-f-]{36}$/);

      // Acceptance criteria: add two, check the first off with evidence.
      const criteria = page.getByRole('region', { name: 'Acceptance criteria' });
      const first = 'The indirect-injection suite fails on every document and image target';
      await criteria.getByLabel('Criterion', { exact: true }).fill(first);
      await criteria.getByRole('button', { name: 'Add criterion' }).click();
      await criteria.getByText(first).waitFor();
      const second = 'No e-mail leaves the assistant without the user confirming it';
      await criteria.getByLabel('Criterion', { exact: true }).fill(second);
      await criteria.getByRole('button', { name: 'Add criterion' }).click();
      await criteria.getByText(second).waitFor();
      await criteria.getByTestId('criterion').first().getByRole('button', { name: 'Check off' }).click();
      const evidence = 'Run of 12 May: 0 of 240 injection probes succeeded';
      await criteria.getByLabel('Evidence').fill(evidence);
      await criteria.getByRole('button', { name: 'Mark as met' }).click();
      await expect.poll(() => criteria.getByTestId('criteria-count').innerText()).toBe('1 of 2 met');
      await criteria.getByText(evidence).waitFor();

      // Milestones: start the prototype, then move to pilot; the stepper marks the stage.
      const milestones = page.getByRole('region', { name: 'Milestones' });
      await milestones.getByRole('button', { name: 'Start the prototype' }).click();
      await expect.poll(() => milestones.getByTestId('stage').innerText()).toBe('In the prototype stage.');
      await milestones.getByRole('button', { name: 'Move to pilot' }).click();
      await expect.poll(() => milestones.getByTestId('stage').innerText()).toBe('In the pilot stage.');
      expect(await milestones.locator('[aria-current="step"]').innerText()).toContain('Pilot');

      // Change the priority: the rationale is required.
      const priority = page.getByRole('region', { name: 'Priority' });
      await priority.getByRole('button', { name: 'Change priority' }).click();
      await priority.getByLabel('Impact').selectOption('3');
      await priority.getByRole('button', { name: 'Save priority' }).click();
      await priority.getByText('Write down why the priority changes').waitFor();
      const why = 'The e-mail path now needs a confirmation step; impact is lower';
      await priority.getByLabel('Why the priority changes').fill(why);
      await priority.getByRole('button', { name: 'Save priority' }).click();
      await expect.poll(() => priority.getByTestId('priority-rationale').innerText()).toBe(why);
      const reprioritized = await apiGet<RemediationDetail>(page, base, `/remediations/${ref}`);
      expect(reprioritized.priority).toBe(67.5);

      // A PRD link: opened without handing over this window.
      const links = page.getByRole('region', { name: 'Where the fix lands' });
      await links.getByRole('button', { name: 'Edit details' }).click();
      await page.getByLabel('PRD').fill('https://docs.example.com/prd/browsing-safety');
      await page.getByRole('button', { name: 'Save details' }).click();
      const prd = page.getByRole('link', { name: 'https://docs.example.com/prd/browsing-safety' });
      await prd.waitFor();
      expect(await prd.getAttribute('rel')).toContain('noopener');

      // Start work, mark fixed, try to verify: refused with the server's reason.
      await page.getByRole('button', { name: 'Start work' }).click();
      await page.getByRole('button', { name: 'Mark fixed' }).click();
      await page.getByRole('button', { name: 'Verify' }).click();
      const refusal = page.getByTestId('move-refusal');
      await expect.poll(() => refusal.innerText()).toBe(`${ref} cannot be verified yet: 1 of 2 acceptance criteria is not met yet`);
      expect((await apiGet<RemediationDetail>(page, base, `/remediations/${ref}`)).status).toBe('fixed');

      // The history, in words.
      const history = page.getByRole('region', { name: 'History' });
      const expected = [
        `Avery Admin created the item (${ref}) from 2 findings`,
        `Avery Admin added an acceptance criterion to the item: “${first}”`,
        `Avery Admin checked off criterion 1 “${first}” of the item`,
        'Avery Admin started the Prototype milestone of the item',
        'Avery Admin completed the Prototype milestone of the item',
        'Avery Admin started the Pilot milestone of the item',
        'Avery Admin changed the priority of the item from 82.5 to 67.5',
        'Avery Admin moved the item from planned to in progress',
        'Avery Admin moved the item from in progress to fixed',
      ];
      for (const line of expected) await history.getByText(line, { exact: true }).waitFor();
      const text = await history.innerText();
      expect(text).toContain(why);
      expect(text).toContain(`Evidence: ${evidence}`);
      expect(text).toContain(rationale);
      expect(text).not.toMatch(/[{}]|"\w+":/);

      if (updateShots) await shoot(page, 'remediation-1280.png');
      await atPhoneWidth(context, browser, `${base}/remediations/${ref}`, 'remediation',
        (p) => p.getByRole('region', { name: 'History' }).getByText(expected[0]!, { exact: true }).waitFor());

      // The list shows the item with its SLA in words, and keeps filters in the URL.
      await page.goto(`${base}/remediations?zone=assistant-prompt-injection&status=fixed`);
      const row = page.locator('.remediations-table tbody tr', { hasText: ref });
      await row.waitFor();
      expect(await row.getByTestId('sla').innerText()).toBe('stopped: awaiting verification');

      // The policy: a share outside its allowed range is refused beside the field; a new SLA cell is saved.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policy', exact: true }).click();
      await page.getByRole('heading', { name: 'Policy', level: 1 }).waitFor();
      const cell = page.getByLabel('Critical on Tier 1, days');
      await expect.poll(() => cell.inputValue()).toBe('7');
      await page.getByLabel('Default safety share, percent').fill('30');
      await page.getByRole('button', { name: 'Save policy' }).click();
      await page.getByText('must be a number between the allowed minimum 0.1 and maximum 0.2').waitFor();
      await page.getByLabel('Default safety share, percent').fill('15');
      await cell.fill('5');
      await page.getByRole('button', { name: 'Save policy' }).click();
      await page.getByText('Policy saved.', { exact: false }).waitFor();
      const policy = await apiGet<{ slaDays: { critical: { tier1: number } }; safetyShare: { default: number } }>(page, base, '/policy');
      expect(policy.slaDays.critical.tier1).toBe(5);
      expect(policy.safetyShare.default).toBe(0.15);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('marks a finding a duplicate of another one found by searching its zone', async () => {
    const { browser, server } = suite;
    const base = server.url;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${base}/triage`);
      await signIn(page);
      await page.getByRole('heading', { name: 'Triage', level: 1 }).waitFor();
      const queue = await apiGet<TriageQueue>(page, base, '/triage/queue');
      const copy = queue.items.find((i) => i.zone)!;
      const zoneFindings = await apiGet<FindingList>(page, base, `/findings?zone=${copy.zone!.key}&limit=100`);
      const original = zoneFindings.items.find((f) => f.id !== copy.id)!;
      expect(original, `another finding in ${copy.zone!.key}`).toBeDefined();

      await page.getByLabel(`Select ${copy.title}`).check();
      const panel = page.getByRole('region', { name: 'Decide' });
      await panel.getByLabel(/^Duplicate/).check();
      // Candidates are the zone's other findings, without the chosen one.
      const candidates = panel.getByRole('list', { name: 'Candidates' });
      await candidates.getByRole('radio').first().waitFor();
      expect(await candidates.getByRole('radio', { name: copy.title }).count()).toBe(0);
      await panel.getByLabel('Find the original').fill(original.title.slice(0, 24));
      await candidates.getByRole('radio', { name: original.title }).check();
      await expect.poll(() => panel.getByTestId('duplicate-chosen').innerText()).toBe(`Chosen: ${original.title}`);
      await panel.getByLabel('Rationale').fill('Same injection path, found again by another probe');
      await panel.getByRole('button', { name: 'Duplicate 1 finding' }).click();
      await page.getByText('1 finding decided: duplicate').waitFor();

      const decided = await apiGet<FindingDetail>(page, base, `/findings/${copy.id}`);
      expect(decided.triage).toMatchObject({ state: 'duplicate', duplicateOf: original.id });
    } finally {
      await context.close();
    }
  }, 60_000);
});
