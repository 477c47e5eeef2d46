import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LogFilterSchema, LogPageSchema, searchConversations, searchMessages, type LogFilterInput, type LogMessage, type LogPageInput,
} from '../../../monitor/logs/index.js';
import { openTestStore, storeKinds, type TestStore } from '../../helpers/store.js';
import { CONVERSATIONS, MESSAGES, activityId, keysWhere, seedLogs, type FixtureMessage } from './fixtures.js';

const keyOf = (m: LogMessage) => m.activityId.slice(2);
const conv = (m: FixtureMessage) => CONVERSATIONS[m.conv];
/** Fixture keys in the default page order: newest first, ties by id. */
const newestFirst = (keys: string[]) => [...keys].reverse().sort((a, b) => {
  const [ma, mb] = [MESSAGES.find((m) => m.key === a)!, MESSAGES.find((m) => m.key === b)!];
  return mb.at.localeCompare(ma.at) || MESSAGES.indexOf(mb) - MESSAGES.indexOf(ma);
});

describe.each(storeKinds())('logs search on %s', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(kind);
    await seedLogs(store.db);
  });
  afterAll(async () => { await store?.cleanup(); });

  async function messages(filter: LogFilterInput, page: LogPageInput = {}, orderNumbers = false) {
    return searchMessages(store.db, {
      filter: LogFilterSchema.parse(filter), page: LogPageSchema.parse({ limit: 500, ...page }), redaction: { raw: false, orderNumbers },
    });
  }
  const keys = async (filter: LogFilterInput) => (await messages(filter)).items.map(keyOf);

  it.each<[string, LogFilterInput, (m: FixtureMessage) => boolean]>([
    ['everything', {}, () => true],
    ['channel', { channel: 'webchat' }, (m) => conv(m).channel === 'webchat'],
    ['direction', { direction: 'out' }, (m) => m.direction === 'out'],
    ['intent', { intent: 'order_status' }, (m) => m.intent === 'order_status'],
    ['negative band (< -0.25)', { sentiment: 'negative' }, (m) => m.sentiment !== null && m.sentiment < -0.25],
    ['neutral band (edges included)', { sentiment: 'neutral' }, (m) => m.sentiment !== null && m.sentiment >= -0.25 && m.sentiment <= 0.25],
    ['positive band (> 0.25)', { sentiment: 'positive' }, (m) => m.sentiment !== null && m.sentiment > 0.25],
    ['sentiment range from query text', { sentimentMin: '-0.7', sentimentMax: '0' }, (m) => m.sentiment !== null && m.sentiment >= -0.7 && m.sentiment <= 0],
    ['had a hand-off', { handoff: 'any' }, (m) => conv(m).handoff !== null],
    ['open hand-off', { handoff: 'open' }, (m) => conv(m).handoff === 'queued' || conv(m).handoff === 'active'],
    ['never handed off', { handoff: 'none' }, (m) => conv(m).handoff === null],
    ['customer', { customerId: '1' }, (m) => conv(m).customer === 1],
    ['conversation', { conversationId: CONVERSATIONS.c2.id }, (m) => m.conv === 'c2'],
    ['time range: from inclusive, to exclusive', { from: '2026-11-02', to: '2026-11-03T10:00:02Z' }, (m) => m.at >= '2026-11-02' && m.at < '2026-11-03T10:00:02'],
    ['time with offset', { from: '2026-11-04T11:00:02+01:00' }, (m) => m.at >= '2026-11-04T10:00:02'],
    ['free text, any case', { q: 'BAKER street' }, (m) => m.key === 'm4'],
    ['free text: % is literal', { q: '100%' }, (m) => m.key === 'm5'],
    ['free text: _ is literal', { q: 'save_10' }, (m) => m.key === 'm5'],
    ['combined', { customerId: 1, direction: 'in', sentiment: 'negative' }, (m) => ['m1', 'm9'].includes(m.key)],
  ])('filters by %s', async (_name, filter, predicate) => {
    const expected = newestFirst(keysWhere(predicate));
    expect(expected.length).toBeGreaterThan(0);
    expect(await keys(filter)).toEqual(expected);
  });

  it('pages through every row exactly once, both ways, with ties on created_at', async () => {
    for (const order of ['desc', 'asc'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await messages({}, { limit: 5, order, cursor });
        seen.push(...page.items.map(keyOf));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      const all = newestFirst(MESSAGES.map((m) => m.key));
      expect(seen).toEqual(order === 'desc' ? all : [...all].reverse());
      expect(pages).toBe(3);
    }
  });

  it('pages a filtered search with the filter kept', async () => {
    const first = await messages({ direction: 'in' }, { limit: 4 });
    const second = await messages({ direction: 'in' }, { limit: 4, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map(keyOf)).toEqual(newestFirst(keysWhere((m) => m.direction === 'in')));
  });

  it('refuses cursors it did not give out', async () => {
    await expect(messages({}, { cursor: 'bm90IGEgY3Vyc29y' })).rejects.toMatchObject({ code: 'invalid_input' });
    const conversationCursor = (await searchConversations(store.db, { filter: {}, page: LogPageSchema.parse({ limit: 1 }) })).nextCursor!;
    await expect(messages({}, { cursor: conversationCursor })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('redacts text and entity values, order numbers only when configured', async () => {
    const [m1] = (await messages({ intent: 'order_status' })).items;
    expect(m1!.text).toBe('Where is my order 100234? Email me at [email]');
    expect(m1!.entities).toEqual([
      expect.objectContaining({ type: 'order_id', value: '100234' }),
      expect.objectContaining({ type: 'email', value: '[email]', text: '[email]' }),
    ]);
    const [hidden] = (await messages({ intent: 'order_status' }, {}, true)).items;
    expect(hidden!.text).toBe('Where is my order [order]? Email me at [email]');
    expect(hidden!.entities[0]).toMatchObject({ value: '[order]' });
    expect((await messages({ q: 'baker' })).items[0]!.text).toBe('I live at [address], London [postcode]');
    expect((await messages({ intent: 'complaint' })).items[0]!.text).toBe('Terrible, [phone] never answers');
  });

  it('gives raw rows unchanged to raw viewers', async () => {
    const page = await searchMessages(store.db, { filter: {}, page: LogPageSchema.parse({ limit: 500, order: 'asc' }), redaction: { raw: true } });
    expect(page.items.map((m) => [m.activityId, m.text, m.sentiment, m.confidence, m.intent])).toEqual(
      [...MESSAGES].sort((a, b) => a.at.localeCompare(b.at) || MESSAGES.indexOf(a) - MESSAGES.indexOf(b))
        .map((m) => [activityId(m.key), m.text, m.sentiment, m.confidence, m.intent]));
    expect(page.items[0]!.entities).toEqual(MESSAGES[0]!.entities);
  });

  describe('conversations', () => {
    async function conversations(filter: LogFilterInput, page: LogPageInput = {}) {
      return (await searchConversations(store.db, { filter: LogFilterSchema.parse(filter), page: LogPageSchema.parse({ limit: 500, ...page }) })).items;
    }
    const ids = async (filter: LogFilterInput) => (await conversations(filter)).map((c) => c.id);
    const of = (...keys: Array<keyof typeof CONVERSATIONS>) => keys.map((k) => CONVERSATIONS[k].id);

    it.each<[string, LogFilterInput, Array<keyof typeof CONVERSATIONS>]>([
      ['everything, newest first', {}, ['c4', 'c3', 'c2', 'c1']],
      ['channel', { channel: 'slack' }, ['c3']],
      ['customer', { customerId: 1 }, ['c4', 'c1']],
      ['open hand-off', { handoff: 'open' }, ['c4', 'c2']],
      ['any hand-off', { handoff: 'any' }, ['c4', 'c2', 'c1']],
      ['no hand-off', { handoff: 'none' }, ['c3']],
      ['created in range', { from: '2026-11-02', to: '2026-11-04' }, ['c3', 'c2']],
      ['having a message with the intent', { intent: 'complaint' }, ['c4']],
      ['having a negative message', { sentiment: 'negative' }, ['c4', 'c1']],
      ['having a message with the text', { q: 'baker' }, ['c2']],
    ])('filters by %s', async (_name, filter, expected) => {
      expect(await ids(filter)).toEqual(of(...expected));
    });

    it('counts messages and shows the latest hand-off', async () => {
      const rows = await conversations({}, { order: 'asc' });
      expect(rows.map((c) => [c.messageCount, c.handoff, c.customerId, c.channel])).toEqual([
        [3, 'closed', 1, 'webchat'], [3, 'active', 2, 'rest'], [3, null, null, 'slack'], [3, 'queued', 1, 'teams'],
      ]);
    });

    it('pages every conversation once', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await searchConversations(store.db, { filter: {}, page: LogPageSchema.parse({ limit: 3, cursor }) });
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(of('c4', 'c3', 'c2', 'c1'));
    });
  });
});

describe('logs filter schema', () => {
  it.each([
    [{ customerId: '' }], [{ sentimentMin: 'x' }], [{ sentimentMax: '2' }], [{ from: 'yesterday' }], [{ channel: 'fax' }],
    [{ handoff: 'maybe' }], [{ unknown: '1' }], [{ q: '   ' }],
  ])('refuses %j', (input) => {
    expect(LogFilterSchema.safeParse(input).success).toBe(false);
  });

  it('normalises times to the stored form', () => {
    expect(LogFilterSchema.parse({ from: '2026-11-02', to: '2026-11-02T12:00:00+02:00' })).toEqual({
      from: '2026-11-02T00:00:00.000Z', to: '2026-11-02T10:00:00.000Z',
    });
  });
});
