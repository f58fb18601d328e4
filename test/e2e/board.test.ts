/**
 * End to end: the review board in Chromium on the demo server. An admin plans the next session,
 * generates its agenda, records a decision whose text carries Markdown and HTML, adds an action
 * item for themselves (it appears in their queue), marks it done, closes the session and reads
 * the minutes: user text shows as typed, never as markup.
 */
import type { BoardSessionDetail } from '../../src/contracts/board.ts';
import type { Queue } from '../../src/contracts/queue.ts';
import { expect, it } from 'vitest';
import { describeInBrowser } from '../helpers/browser-suite.ts';
import { apiGet, signIn } from '../helpers/server-process.ts';

const DECISION = 'Pause <b>refunds</b> until [the fix](http://evil.example) ships';

describeInBrowser('review board in the browser', (suite) => {
  it('plans a session, generates its agenda, records a decision and an action, and shows the minutes as text', async () => {
    const { browser, server } = suite;
    const base = server.url;
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/board`);
    await signIn(page);
    await page.getByRole('heading', { name: 'Review board', level: 1 }).waitFor();
    await page.getByText('No session yet').waitFor();
    const nextOn = await page.getByTestId('next-date').innerText();

    await page.getByRole('button', { name: 'Plan it' }).click();
    await page.getByRole('heading', { name: `Board session ${nextOn}`, level: 1 }).waitFor();
    await page.getByText('No agenda yet').waitFor();
    await page.getByRole('button', { name: 'Generate agenda' }).click();
    await page.getByText(/^Covering /).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const generated = await apiGet<BoardSessionDetail>(page, base, `/board/sessions/${id}`);
    expect(generated.agendaGeneratedAt).not.toBeNull();
    // Every owner of the agenda has a section with its points, each point linked or named.
    const sections = page.locator('.board-owner');
    await expect.poll(() => sections.count()).toBe(generated.agenda.length);
    await expect.poll(() => page.locator('.board-point').count()).toBe(generated.counts.agenda);

    const form = page.getByRole('form', { name: 'Record a decision' });
    await form.getByLabel('Decision').fill(DECISION);
    await form.getByLabel('Rationale').fill('Refund <script>alert(1)</script> abuse seen');
    await form.getByLabel('Action', { exact: true }).fill('Ship the fraud check');
    const owner = form.getByLabel('Owner');
    const me = (await owner.locator('option').allInnerTexts()).find((t) => t.includes('admin@northwind.example'))!;
    await owner.selectOption({ label: me });
    await form.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText(DECISION, { exact: true }).waitFor();
    expect(await page.locator('.board-decisions b').count()).toBe(0);
    expect(await page.locator('.board-decisions a').count()).toBe(0);
    await page.getByRole('cell', { name: 'Ship the fraud check', exact: true }).waitFor();

    const queue = await apiGet<Queue>(page, base, '/queue');
    expect(queue.items[0]).toMatchObject({ kind: 'board.action', boardAction: { text: 'Ship the fraud check', sessionId: id } });

    await page.getByRole('button', { name: /^Mark done/ }).click();
    await page.getByRole('cell', { name: /^Done / }).waitFor();
    await page.getByRole('button', { name: 'Close and finalize minutes' }).click();
    await page.locator('.badge.board-status-closed').waitFor();
    expect(await page.getByRole('form', { name: 'Record a decision' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Show Markdown' }).click();
    const minutes = page.getByTestId('minutes-text');
    await minutes.waitFor();
    const text = await minutes.innerText();
    expect(text).toContain('1. Pause \\<b\\>refunds\\</b\\> until \\[the fix\\]\\(http://evil.example\\) ships');
    expect(text).toContain('Rationale: Refund \\<script\\>alert\\(1\\)\\</script\\> abuse seen');
    expect(await page.locator('.board-minutes b, .board-minutes script, .board-minutes a').count()).toBe(0);
    const download = await page.request.get(`${base}/api/board/sessions/${id}/minutes.md`);
    expect(download.headers()['content-type']).toBe('text/markdown; charset=utf-8');
    expect(await download.text()).toBe(text.endsWith('\n') ? text : `${text}\n`);
  }, 90_000);
});
