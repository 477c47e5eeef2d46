import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

const CHROMIUM = '/usr/bin/chromium';
/** Git-ignored, like the demo page's screenshots. */
const ARTIFACTS = fileURLToPath(new URL('../.artifacts/', import.meta.url));
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`CI=true but ${CHROMIUM} is missing: the agent console browser test must run in CI`);
  console.warn(`[tests] ${CHROMIUM} not found: the agent console browser test is skipped (apt-get install chromium to run it)`);
}

const BOT = '.counterpart-msg--bot';
const AGENT = '.counterpart-msg--agent';

/** Types into the widget and presses Enter. */
async function type(page: Page, text: string): Promise<void> {
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.keyboard.press('Enter');
}

/** Sends `text` through the widget and returns the text of the next bot message. */
async function ask(page: Page, text: string): Promise<string> {
  const before = await page.locator(BOT).count();
  await type(page, text);
  const reply = page.locator(BOT).nth(before);
  await reply.waitFor({ timeout: 20_000 });
  return (await reply.locator('.counterpart-msg__text').textContent()) ?? '';
}

describe.skipIf(!hasChromium)('agent console with a customer on the demo page (Chromium)', () => {
  let t: TestServer;
  let browser: Browser;
  let customer: Page;
  let agent: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestServer('sqlite');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // Separate contexts: the customer's and the agent's storage never mix.
    customer = await browser.newPage({ viewport: { width: 1100, height: 800 }, reducedMotion: 'reduce' });
    agent = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    for (const page of [customer, agent]) page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.cleanup();
  });

  it('hands the customer to an agent, who answers in the widget and gives the chat back to the bot', async () => {
    await customer.goto(t.server.url);
    await customer.getByRole('button', { name: 'Open chat' }).click();
    expect(await ask(customer, 'I want to talk to a person')).toMatch(/^I'm connecting you with a colleague/);

    await agent.goto(`${t.server.url}/agents`);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.getByText('Signed in as Aisha Khan (agent)').waitFor();
    const entry = agent.getByRole('list', { name: 'Hand-off queue' }).getByRole('button', { name: /Dana Demo/ });
    await entry.waitFor();
    await expect(entry.textContent()).resolves.toMatch(/asked for a person.*Waiting/);
    await entry.click();
    const log = agent.getByRole('log', { name: 'Conversation history' });
    await log.getByText('I want to talk to a person').waitFor();
    await agent.getByRole('button', { name: 'Take' }).click();
    await agent.getByText(/You are talking to Dana Demo/).waitFor();

    // While the agent has the conversation the bot says nothing; the agent sees the message live.
    const botMessages = await customer.locator(BOT).count();
    await type(customer, 'My parcel has not arrived');
    await log.getByText('My parcel has not arrived').waitFor();
    await agent.getByLabel('Reply to the customer').fill('Hi Dana, Aisha here. I am checking your parcel now.');
    await agent.getByRole('button', { name: 'Send' }).click();

    const agentMessage = customer.locator(AGENT).last();
    await agentMessage.waitFor({ timeout: 20_000 });
    await expect(agentMessage.locator('.counterpart-msg__text').textContent()).resolves.toBe('Hi Dana, Aisha here. I am checking your parcel now.');
    await expect(agentMessage.locator('.counterpart-msg__name').textContent()).resolves.toBe('Aisha Khan');
    expect(await customer.locator(BOT).count()).toBe(botMessages);
    await customer.screenshot({ path: join(ARTIFACTS, 'handoff-customer.png') });
    await agent.screenshot({ path: join(ARTIFACTS, 'agent-console.png') });

    await agent.getByLabel('Outcome').selectOption('resolved');
    await agent.getByRole('button', { name: 'Release' }).click();
    await agent.getByText(/This hand-off is closed/).waitFor();
    await customer.locator(BOT).nth(botMessages).waitFor({ timeout: 20_000 });
    await expect(customer.locator(BOT).nth(botMessages).textContent()).resolves.toMatch(/You're back with the assistant/);

    expect(await ask(customer, 'what orders do I have?')).toMatch(/#?1\d{5}/);
    const [row] = await t.server.store.db.selectFrom('handoffs').selectAll().execute();
    expect(row).toMatchObject({ status: 'closed', outcome: 'resolved', agent_staff_id: 4 });
    expect(pageErrors).toEqual([]);
  });
});
