import { describe, expect, it } from 'vitest';
import { createShopRecognizerExtractor, findDatePhrases } from '../../../nlu/entities/index.js';

// Wednesday 15 May 2024, 10:00 on the local clock.
const now = () => new Date(2024, 4, 15, 10);
const extractors = { en: createShopRecognizerExtractor({ language: 'en', now }), zh: createShopRecognizerExtractor({ language: 'zh', now }) };

async function dates(language: 'en' | 'zh', text: string): Promise<[string, string][]> {
  const [entities] = await extractors[language].extract([text]);
  return (entities ?? []).filter((e) => e.type === 'date').map((e) => [e.text, e.value]);
}

describe('toShopDates (through the shop recognisers)', () => {
  it.each([
    // The span follows the annotations; the value keeps what the preposition means.
    ['can it come by Friday?', [['Friday', '../2024-05-17']]],
    ['what did i order before christmas', [['christmas', '../2024-12-25']]],
    ['what sold over the weekend', [['weekend', '2024-05-18/2024-05-20']]],
    ["plan tomorrow's routes", [["tomorrow's", '2024-05-16']]],
    // "late" is the parcels', so the value is the whole week.
    ['are DHL running late this week', [['this week', '2024-05-13/2024-05-20']]],
    ['forecast for the christmas period', [['christmas period', '2024-12-25']]],
    ['deliver tomorrow at 3pm', [['tomorrow at 3pm', '2024-05-16T15:00:00']]],
    ['expected demand this summer', [['this summer', '2024-06-01/2024-09-01']]],
    ['best sellers on black friday', [['black friday', '2024-11-29']]],
  ])('English: %j', async (text, expected) => {
    expect(await dates('en', text)).toEqual(expected);
  });

  it.each(['ideas for a christmas present', 'what to wear on a winter walk', 'is next day delivery free', 'good evening, anything now?'])(
    'English: no date in %j',
    async (text) => {
      expect(await dates('en', text)).toEqual([]);
    },
  );

  it.each([
    ['周五之前能到吗', [['周五', '../2024-05-17']]],
    ['最近七天家居销售', [['最近七天', '2024-05-08/2024-05-15']]],
    ['鞋类接下来八周的预测', [['接下来八周', '2024-05-16/2024-07-11']]],
    ['整个冬天打底衣的需求', [['冬天', '2024-12-01/2025-03-01']]],
    ['睡袋下季度销量', [['下季度', '2024-07-01/2024-10-01']]],
    ['圣诞前要订什么', [['圣诞', '../2024-12-25']]],
    ['今天下午的路线', [['今天下午', '2024-05-15T12:00:00/2024-05-15T16:00:00']]],
  ])('Chinese: %j', async (text, expected) => {
    expect(await dates('zh', text)).toEqual(expected);
  });

  it.each(['冬天爬山穿什么', '我最近的订单', '想换大一号', '早上好', '圣诞礼物推荐'])('Chinese: no date in %j', async (text) => {
    expect(await dates('zh', text)).toEqual([]);
  });
});

describe('findDatePhrases', () => {
  const values = (text: string, language: 'en' | 'zh', at: Date) => findDatePhrases({ text, language, now: at }).map((d) => d.value);

  it('reads seasons as the one in progress or the next, and this/next/last ones', () => {
    const january = new Date(2025, 0, 10);
    expect(values('winter', 'en', january)).toEqual(['2024-12-01/2025-03-01']);
    expect(values('summer', 'en', january)).toEqual(['2025-06-01/2025-09-01']);
    expect(values('next winter', 'en', january)).toEqual(['2025-12-01/2026-03-01']);
    expect(values('last summer', 'en', january)).toEqual(['2024-06-01/2024-09-01']);
    expect(values('去年夏天', 'zh', january)).toEqual(['2024-06-01/2024-09-01']);
  });

  it('leaves "fall" alone unless a word says which one', () => {
    expect(values('prices fall', 'en', now())).toEqual([]);
    expect(values('this fall', 'en', now())).toEqual(['2024-09-01/2024-12-01']);
  });

  it('puts Black Friday the day after the fourth Thursday of November, next year once it is past', () => {
    expect(values('黑五', 'zh', new Date(2025, 0, 1))).toEqual(['2025-11-28']);
    expect(values('black friday', 'en', new Date(2024, 11, 1))).toEqual(['2025-11-28']);
  });
});
