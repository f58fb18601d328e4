/**
 * One browser suite: a demo server on a fresh embedded database and a headless Chromium, made
 * before the suite's tests and taken down after. Without Chromium the suite is skipped, or
 * fails when KEEL_REQUIRE_BROWSER=1 (CI sets it, so a missing browser never passes silently).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  CHROMIUM, ensureWebBuild, hasBrowser, launchBrowser, requireBrowser, startServer, stopServer, type ServerProcess,
} from './server-process.ts';

export interface BrowserSuite {
  /** The running demo server; throws when the set-up failed. */
  readonly server: ServerProcess;
  /** The headless Chromium; throws when the set-up failed. */
  readonly browser: Browser;
}

export function describeInBrowser(title: string, body: (suite: BrowserSuite) => void): void {
  describe(title, () => {
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

    let server: ServerProcess | undefined;
    let browser: Browser | undefined;

    beforeAll(async () => {
      ensureWebBuild();
      server = await startServer();
      browser = await launchBrowser();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await stopServer(server);
    }, 30_000);

    body({
      get server() {
        if (!server) throw new Error('set-up failed: the server did not start');
        return server;
      },
      get browser() {
        if (!browser) throw new Error('set-up failed: Chromium did not start');
        return browser;
      },
    });
  });
}
