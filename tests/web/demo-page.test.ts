import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../.artifacts/', import.meta.url));
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`CI=true but ${CHROMIUM} is missing: the web widget browser test must run in CI`);
  console.warn(`[tests] ${CHROMIUM} not found: the web widget browser test is skipped (apt-get install chromium to run it)`);
}

const BOT = '.counterpart-msg--bot';

/** Whether the widget's message box has focus (it lives in the widget's shadow root). */
function inputHasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = document.querySelector('counterpart-chat')?.shadowRoot;
    return root?.activeElement?.id === 'counterpart-input';
  });
}

/** Sends `text` through the message box with the keyboard and waits for one more bot reply. */
async function ask(page: Page, text: string): Promise<string> {
  const before = await page.locator(BOT).count();
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.keyboard.press('Enter');
  const reply = page.locator(BOT).nth(before);
  await reply.waitFor({ timeout: 20_000 });
  return (await reply.locator('.counterpart-msg__text').textContent()) ?? '';
}

describe.skipIf(!hasChromium)('demo page with the chat widget (Chromium)', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'counterpart-web-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const config = loadConfig({ PORT: '0', SQLITE_PATH: join(dir, 't.db'), LOG_LEVEL: 'silent', SEED_SCALE: 'small', KB_DIR: join(dir, 'kb'), KB_ENCODER: 'hashed' });
    server = await startServer({ config });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // Reduced motion: no opening animation, so positions and screenshots are settled at once.
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the shop with the signed-in demo customer and a closed chat bubble', async () => {
    await page.goto(server.url);
    await expect(page.title()).resolves.toContain('Northwind Outfitters');
    await page.getByText('Signed in as Dana Demo (demo customer)').waitFor();
    const bubble = page.getByRole('button', { name: 'Open chat' });
    await expect(bubble.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByRole('dialog', { name: 'Chat with Northwind Outfitters' }).isVisible()).resolves.toBe(false);
    // The only global the widget defines.
    await expect(page.evaluate(() => typeof (window as any).Counterpart?.open)).resolves.toBe('function');
  });

  it('opens with focus in the message box and answers an order question from the real bot', async () => {
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('dialog', { name: 'Chat with Northwind Outfitters' }).waitFor();
    await expect(page.getByRole('button', { name: 'Open chat' }).getAttribute('aria-expanded')).resolves.toBe('true');
    expect(await inputHasFocus(page)).toBe(true);

    const reply = await ask(page, 'what orders do I have?');
    expect(reply).toMatch(/#?1\d{5}/);
    // The session stored the conversation for the next page view.
    await expect(page.evaluate(() => localStorage.getItem('counterpart.conversationId'))).resolves.toMatch(/\S+/);
  });

  it('sends a quick reply as a message and shows the next answer', async () => {
    // Without an order number the bot asks which order, offering the recent ones as quick replies.
    await ask(page, 'where is my order');
    const quick = page.locator(`${BOT} .counterpart-quick__button`);
    const offered = await quick.count();
    expect(offered).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'widget.png') });
    const before = await page.locator(BOT).count();
    const users = page.locator('.counterpart-msg--user .counterpart-msg__text');
    const sent = await users.count();
    await quick.first().click();
    const reply = page.locator(BOT).nth(before);
    await reply.waitFor({ timeout: 20_000 });
    expect(await users.count()).toBe(sent + 1);
    expect(await reply.locator('.counterpart-msg__text').textContent()).toMatch(/#?1\d{5}/);
    // Answered quick replies go away, so they cannot be sent twice.
    expect(await page.locator(BOT).nth(before - 1).locator('.counterpart-quick').count()).toBe(0);
  });

  it('answers a policy question with a link to its source', async () => {
    const reply = await ask(page, 'Do you deliver to Norway?');
    expect(reply).toMatch(/Norway/);
    const source = page.locator(`${BOT}`).last().getByRole('list', { name: 'Sources' }).getByRole('link').first();
    await expect(source.getAttribute('href')).resolves.toMatch(/\/help\/(shipping|faq)$/);
  });

  it('shows the same conversation after a reload without duplicates', async () => {
    const count = await page.locator('.counterpart-msg').count();
    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.locator('.counterpart-msg').nth(count - 1).waitFor();
    await page.waitForTimeout(300); // a duplicate would arrive with the same session event
    expect(await page.locator('.counterpart-msg').count()).toBe(count);
  });

  it('shows HTML typed into a message as text: nothing in it runs, and the page forbids inline scripts', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold?</b>';
    await ask(page, hostile);
    const mine = page.locator('.counterpart-msg--user .counterpart-msg__text').last();
    expect(await mine.textContent()).toBe(hostile);
    expect(await page.locator('.counterpart-log img, .counterpart-log script, .counterpart-log b').count()).toBe(0);
    await expect(page.evaluate(() => (window as any).__pwned)).resolves.toBeUndefined();
    const response = await page.request.get(server.url);
    expect(response.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
  });

  it('closes with Escape and returns focus to the bubble', async () => {
    await page.getByLabel('Message', { exact: true }).focus();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Chat with Northwind Outfitters' }).isVisible()).resolves.toBe(false);
    const focused = await page.evaluate(() => document.querySelector('counterpart-chat')?.shadowRoot?.activeElement?.getAttribute('aria-label'));
    expect(focused).toBe('Open chat');
    await page.getByRole('button', { name: 'Open chat' }).click();
  });

  it('becomes full-screen at phone width', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    const box = await page.getByRole('dialog', { name: 'Chat with Northwind Outfitters' }).boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 375, height: 740 });
    await page.screenshot({ path: join(ARTIFACTS, 'widget-phone.png') });
    expect(pageErrors).toEqual([]);
  });
});
