/**
 * End to end: the real server (embedded database, demo data) driven through Chromium.
 * An admin signs in, opens a zone from the list and hands it off; the page then shows the
 * new owner and the handoff in the ownership history. With KEEL_UPDATE_SCREENSHOTS=1 it also
 * refreshes the README screenshot.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../helpers/browser-suite.ts';
import { ROOT, signIn } from '../helpers/server-process.ts';

const SCREENSHOT = join(ROOT, 'docs', 'screenshots', 'zones.png');

describeInBrowser('zone handoff in the browser', (suite) => {
  it('an admin hands off a zone and sees it in the ownership history', async () => {
    const { browser, server } = suite;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${server.url}/zones`);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login');

      await signIn(page);

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
