import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCustomerToken, signStaffToken } from '../../bot/index.js';
import { insertDemoHistory } from '../../monitor/stats/index.js';
import { DEMO_CUSTOMER } from '../../store/seed/index.js';
import { api, startTestServer, type TestServer } from '../helpers/server.js';

const CHROMIUM = '/usr/bin/chromium';
/** Git-ignored, like the demo page's screenshots. */
const ARTIFACTS = fileURLToPath(new URL('../.artifacts/', import.meta.url));
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`CI=true but ${CHROMIUM} is missing: the dashboard browser test must run in CI`);
  console.warn(`[tests] ${CHROMIUM} not found: the dashboard browser test is skipped (apt-get install chromium to run it)`);
}

/** Seeded staff: Tom Barker (manager) reads the dashboard, Aisha Khan (agent) may not. */
const MANAGER_ID = 2;
const AGENT_ID = 4;

async function text(page: Page, id: string): Promise<string> {
  return (await page.locator(`#${id}`).textContent())?.trim() ?? '';
}

describe.skipIf(!hasChromium)('monitor dashboard with the demo history (Chromium)', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const token = (staffId: number) => signStaffToken({ staffId, secret: t.config.CUSTOMER_TOKEN_SECRET, now: new Date() });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestServer('sqlite');
    await insertDemoHistory(t.server.store.db, { now: new Date() });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.cleanup();
  });

  it('answers the summary to monitor roles only', async () => {
    const base = t.server.url;
    expect((await api(base, '/dashboard/summary')).status).toBe(401);
    const customer = signCustomerToken({ customerId: DEMO_CUSTOMER.id, secret: t.config.CUSTOMER_TOKEN_SECRET, now: new Date() });
    expect((await api(base, '/dashboard/summary', { headers: { authorization: `Bearer ${customer}` } })).status).toBe(403);
    expect((await api(base, '/dashboard/summary', { headers: { authorization: `Bearer ${token(AGENT_ID)}` } })).status).toBe(403);
    expect((await api(base, '/dashboard/summary?from=tomorrow', { headers: { authorization: `Bearer ${token(MANAGER_ID)}` } })).status).toBe(400);
    const ok = await api(base, '/dashboard/summary', { headers: { authorization: `Bearer ${token(MANAGER_ID)}` } });
    expect(ok.status).toBe(200);
    expect(ok.json.containment.conversations).toBeGreaterThan(300);
    // The demo history's three alerts, and whatever the alert rules raised on the demo shop at start.
    expect(ok.json.alerts.length).toBeGreaterThanOrEqual(3);
    const chart = await fetch(`${base}/vendor/chart.umd.min.js`);
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toMatch(/javascript/);
  });

  it('loads signed in as the demo manager and draws the charts from the demo history', async () => {
    await page.goto(`${t.server.url}/dashboard`);
    await page.locator('body[data-state="ready"]').waitFor({ timeout: 20_000 });
    await expect(text(page, 'who')).resolves.toBe('Signed in as Tom Barker');
    for (const id of ['kpi-conversations', 'kpi-containment', 'kpi-handoff', 'kpi-sentiment']) {
      await expect(text(page, id)).resolves.toMatch(/\d/);
    }
    // Chart.js has drawn into every canvas: it sized them and registered a chart on each.
    for (const id of ['sentiment-chart', 'intent-chart', 'channel-chart']) {
      const drawn = await page.evaluate((canvasId) => {
        const canvas = document.getElementById(canvasId) as HTMLCanvasElement;
        const chart = (window as any).Chart?.getChart(canvas);
        return { width: canvas.width, points: chart?.data.datasets[0]?.data.length ?? 0 };
      }, id);
      expect(drawn.width, id).toBeGreaterThan(100);
      expect(drawn.points, id).toBeGreaterThan(1);
    }
    await expect(page.locator('#sentiment-chart').getAttribute('aria-label')).resolves.toMatch(/latest average/);
    expect(await page.locator('#alerts li').count()).toBeGreaterThanOrEqual(3);
    await expect(page.locator('#alerts li', { hasText: 'Customer sentiment has dropped sharply' }).count()).resolves.toBe(1);
    expect(await page.locator('#unanswered li').count()).toBeGreaterThan(3);
    await expect(page.locator('#unanswered li').first().textContent()).resolves.toContain('Do you sell gift cards?');
  });

  it('shows a conversation the user just had in the stream and the numbers, and opens it', async () => {
    const before = Number((await text(page, 'kpi-conversations')).replace(/\D/g, ''));
    const scoredBefore = await text(page, 'kpi-sentiment-sub');
    const loads = Number(await page.evaluate(() => document.body.dataset.loads));
    const started = await api(t.server.url, '/conversations', { body: {} });
    expect(started.status).toBe(201);
    const sent = await api(t.server.url, `/conversations/${started.json.id}/messages`, { body: { text: 'My parcel is late again, this is really annoying' } });
    expect(sent.status).toBe(201);
    const item = page.locator('#stream li', { hasText: 'My parcel is late again' });
    await item.waitFor({ timeout: 15_000 });
    await page.waitForFunction((n) => Number(document.body.dataset.loads) > n, loads, { timeout: 20_000 });
    await expect(text(page, 'kpi-conversations')).resolves.toBe(String(before + 1));

    // The background scorer writes the message's sentiment (negative); the next refresh counts it.
    const scored = async () => (await t.server.store.db.selectFrom('messages').select('sentiment')
      .where('conversation_id', '=', started.json.id).where('direction', '=', 'in').executeTakeFirst())?.sentiment ?? null;
    await expect.poll(scored, { timeout: 20_000 }).not.toBeNull();
    expect(await scored()).toBeLessThan(0);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.waitForFunction((old) => document.getElementById('kpi-sentiment-sub')?.textContent !== old, scoredBefore, { timeout: 10_000 });

    await item.getByRole('button').click();
    await page.locator('#viewer-log .msg').nth(1).waitFor({ timeout: 10_000 });
    await expect(page.locator('#viewer-log .msg').first().textContent()).resolves.toContain('My parcel is late again');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
  });

  it('opens an unanswered question\'s conversation and stacks the cards at phone width', async () => {
    await page.locator('#unanswered li button').first().click();
    await page.locator('#viewer-log .msg').first().waitFor({ timeout: 10_000 });
    await expect(page.locator('#viewer-log').textContent()).resolves.toMatch(/gift cards/i);
    await page.setViewportSize({ width: 390, height: 844 });
    const [alerts, unanswered] = await Promise.all([page.locator('#alerts-title').boundingBox(), page.locator('#unanswered-title').boundingBox()]);
    expect(alerts!.x).toBe(unanswered!.x);
    // Chart.js redraws on its resize observer; the page must not scroll sideways once it has.
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await expect.poll(overflow, { timeout: 5_000 }).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-phone.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
