/**
 * End to end: the risk register and the framework coverage pages in Chromium on the demo server.
 * An admin records a critical residual risk in Sam Okafor's zone (its title carries HTML): the
 * register lists it as a draft needing the owner and an admin, filters narrow it and keep the
 * filter in the URL; its page says a review date is missing before anyone can sign, the admin
 * sets one in the draft's form (a blank justification is refused there), signs, Sam signs as
 * owner in his own session, and it is approved; revoking it needs a reason. On the frameworks page a control with
 * evidence mapped to an uncovered NIST AI RMF subcategory turns its cell to "Evidence" and the
 * legend's count moves; removing the mapping turns it back. User text shows as typed, never as markup.
 */
import type { Coverage } from '../../src/contracts/frameworks.ts';
import type { RiskDetail, RiskList } from '../../src/contracts/risks.ts';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../helpers/browser-suite.ts';
import { apiGet, signIn } from '../helpers/server-process.ts';

const SAM = { email: 'sam.okafor@northwind.example', password: 'keel-demo-password' };
const ZONE = 'assistant-memory';
const TITLE = 'Memory keeps <b>chat</b> summaries for 30 days';
const CONTROL = 'Prompt filter <i>v2</i>';
/** The machine is shared: give the page time to answer. */
const POLL = { timeout: 15_000 };

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describeInBrowser('risk register and framework coverage in the browser', (suite) => {
  async function openSignedIn(path: string, login?: typeof SAM): Promise<Page> {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${suite.server.url}${path}`);
    await signIn(page, login);
    return page;
  }

  it('lists a drafted acceptance, gathers the owner\'s and an admin\'s signatures, and revokes it with a reason', async () => {
    const base = suite.server.url;
    const page = await openSignedIn('/risks');
    try {
      await page.getByRole('heading', { name: 'Risk register', level: 1 }).waitFor();
      await page.getByText('No accepted risk yet').waitFor();

      const res = await page.request.post(`${base}/api/risks`, {
        headers: { 'x-keel-request': '1' },
        data: {
          zone: ZONE, title: TITLE, justification: 'Users asked to be remembered; summaries hold no payment data',
          compensatingControls: 'Nightly scan for <script>card numbers</script>', residualSeverity: 'critical', expiresOn: inDays(30),
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      const created = (await res.json()) as RiskDetail;
      expect(created.approval.missing.map((m) => m.capacity).sort()).toEqual(['admin', 'owner']);

      await page.reload();
      const row = page.getByRole('row').filter({ hasText: created.key });
      await row.waitFor();
      expect(await page.locator('.list-count').innerText()).toBe('1 acceptance');
      await expect.poll(() => row.getByRole('cell').nth(1).innerText(), POLL).toBe(TITLE);
      expect(await row.locator('b').count()).toBe(0);
      expect(await row.innerText()).toContain('(in 30 days)');
      expect(await row.innerText()).toMatch(/owner, admin|admin, owner/);

      // Filters narrow the list and live in the URL: approved hides the draft, draft shows it.
      await page.getByLabel('Status').selectOption('approved');
      await expect.poll(() => new URL(page.url()).searchParams.get('status'), POLL).toBe('approved');
      await page.getByText('No acceptance matches these filters').waitFor();
      await page.getByLabel('Status').selectOption('draft');
      await row.waitFor();
      await page.getByLabel('Residual severity').selectOption('critical');
      await row.waitFor();
      const filtered = await apiGet<RiskList>(page, base, '/risks?status=draft&residualSeverity=critical');
      expect(filtered.items.map((r) => r.key)).toEqual([created.key]);

      // The admin signs on the acceptance's page; the owner is still needed.
      await row.getByRole('link', { name: created.key }).click();
      await page.getByRole('heading', { name: `${created.key} ${TITLE}`, level: 1 }).waitFor();
      await page.getByText('Nightly scan for <script>card numbers</script>', { exact: true }).waitFor();
      expect(await page.locator('main b, main script').count()).toBe(0);
      await page.getByText("Needs the zone's owner and an admin (critical residual risk).").waitFor();
      // Recorded without a review date: nobody can sign yet, and the page says what is missing.
      await page.getByText('set a review date before approving').waitFor();
      expect(await page.getByRole('button', { name: 'Approve (sign)' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Edit draft' }).click();
      const edit = page.getByRole('form', { name: 'Edit the draft' });
      await edit.getByLabel('Justification', { exact: false }).fill('');
      await edit.getByRole('button', { name: 'Save draft' }).click();
      await edit.getByText('Write the business justification (at least 3 characters).').waitFor();
      await edit.getByLabel('Business justification').fill('Users asked to be remembered; summaries hold no payment data');
      await edit.getByLabel('Review on').fill(inDays(14));
      await edit.getByRole('button', { name: 'Save draft' }).click();
      await page.getByRole('heading', { name: 'What is accepted', level: 2 }).waitFor();
      await page.getByText(inDays(14), { exact: true }).waitFor();
      expect(await page.getByText('set a review date before approving').count()).toBe(0);
      await page.getByRole('button', { name: 'Approve (sign)' }).click();
      await page.getByText(/^✓ Signed as admin by /).waitFor();
      await page.getByText(/^○ Still needed: /).waitFor();
      await expect.poll(() => page.locator('.badge.risk-status-draft').count(), POLL).toBe(1);

      // The owner signs in his own session: approved.
      const sam = await openSignedIn(`/risks/${created.key}`, SAM);
      try {
        await sam.getByRole('heading', { name: `${created.key} ${TITLE}`, level: 1 }).waitFor();
        await sam.getByRole('button', { name: 'Approve (sign)' }).click();
        await sam.getByText(/^✓ Signed as owner by Sam Okafor/).waitFor();
        await sam.locator('.badge.risk-status-approved').waitFor();
        expect(await sam.getByText(/^○ Still needed/).count()).toBe(0);
      } finally {
        await sam.context().close();
      }

      // Revoking needs a reason; the browser refuses a blank one before the server is asked.
      await page.reload();
      await page.locator('.badge.risk-status-approved').waitFor();
      await page.getByRole('button', { name: 'Revoke' }).click();
      expect(await page.getByLabel('Reason to revoke').evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);
      await page.getByLabel('Reason to revoke').fill('Retention policy changed: summaries now kept 7 days');
      await page.getByRole('button', { name: 'Revoke' }).click();
      await page.locator('.badge.risk-status-revoked').waitFor();
      await page.getByText('Retention policy changed: summaries now kept 7 days').waitFor();
      const after = await apiGet<RiskDetail>(page, base, `/risks/${created.key}`);
      expect(after).toMatchObject({ status: 'revoked', revokeReason: 'Retention policy changed: summaries now kept 7 days' });
    } finally {
      await page.context().close();
    }
  });

  it('turns an uncovered subcategory to evidenced when a control with evidence is mapped, and back when it is removed', async () => {
    const base = suite.server.url;
    const page = await openSignedIn('/frameworks?framework=nist-ai-rmf');
    try {
      await page.getByRole('heading', { name: 'Frameworks', level: 1 }).waitFor();
      const before = await apiGet<Coverage>(page, base, '/frameworks/nist-ai-rmf/coverage');
      const item = before.items.find((i) => i.status === 'none')!;
      expect(item, 'a NIST AI RMF subcategory with nothing mapped').toBeDefined();
      const legend = (status: string) => page.locator('.coverage-legend li').filter({ has: page.locator(`.coverage-${status}`) });
      await expect.poll(() => legend('evidenced').innerText(), POLL).toContain(`(${before.coverage.evidenced})`);

      const cell = page.locator('.coverage-cell', { hasText: new RegExp(`^${item.id.replace(/\./g, '\\.')}$`) });
      expect(await cell.getAttribute('class')).toContain('coverage-none');
      await cell.click();
      await expect.poll(() => new URL(page.url()).searchParams.get('item'), POLL).toBe(item.id);
      await expect.poll(() => cell.getAttribute('aria-pressed'), POLL).toBe('true');
      await page.getByText(/^Nothing mapped: nothing mapped$/).waitFor();

      const form = page.getByRole('form', { name: `Map to ${item.id}` });
      await form.getByLabel('Control', { exact: true }).fill(CONTROL);
      await form.getByLabel('Evidence it works').fill('Blocked 412 of 415 <u>injection</u> probes in the last run');
      await form.getByRole('button', { name: 'Map' }).click();

      await page.getByText(`control: ${CONTROL} (evidenced) — Blocked 412 of 415 <u>injection</u> probes in the last run`).waitFor();
      expect(await page.locator('main i, main u').count()).toBe(0);
      await expect.poll(() => cell.getAttribute('class'), POLL).toContain('coverage-evidenced');
      await expect.poll(() => legend('evidenced').innerText(), POLL).toContain(`(${before.coverage.evidenced + 1})`);
      await page.getByText(/^Evidence: 1 control\(s\): 1 with evidence$/).waitFor();
      const mapped = await apiGet<Coverage>(page, base, '/frameworks/nist-ai-rmf/coverage');
      expect(mapped.items.find((i) => i.id === item.id)!.status).toBe('evidenced');
      // The tab's figure follows: evidenced items of the framework.
      await expect.poll(() => page.getByRole('tab', { name: /NIST AI RMF/ }).innerText(), POLL)
        .toContain(`${mapped.coverage.evidenced}/${mapped.items.length}`);

      await page.getByRole('button', { name: 'Remove' }).click();
      await expect.poll(() => cell.getAttribute('class'), POLL).toContain('coverage-none');
      await expect.poll(() => legend('evidenced').innerText(), POLL).toContain(`(${before.coverage.evidenced})`);
      expect(await page.getByText(CONTROL).count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });
});
