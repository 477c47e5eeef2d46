import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSentimentDataset, parseSentimentDataset, SentimentDataError, type SentimentDatasetName } from '../../../monitor/index.js';

describe('sentiment data set loaders', () => {
  let dir: string;
  const write = async (name: string, text: string) => {
    const file = path.join(dir, name);
    await writeFile(file, text);
    return file;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sentiment-data-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['sst2', 'cr'] as const)('reads %s lines "<label> <sentence>" and skips rows without text', async (name) => {
    const file = await write(`${name}.train`, '1 a stirring , funny film\n0 do n\'t buy it .\n0 \n\n1 works great\n');
    const set = await loadSentimentDataset(name, file);
    expect(set.language).toBe('en');
    expect(set.examples).toEqual([
      { text: 'a stirring , funny film', label: 'positive' },
      { text: "do n't buy it .", label: 'negative' },
      { text: 'works great', label: 'positive' },
    ]);
    expect(set.skipped).toEqual([{ line: 3, reason: 'text is empty' }]);
  });

  it('reads ChnSentiCorp TSV by column name', async () => {
    const file = await write('train.tsv', 'label\ttext_a\n1\t房间干净，服务好\r\n0\t"太吵了"，不推荐\n');
    const set = await loadSentimentDataset('chnsenticorp', file);
    expect(set.language).toBe('zh');
    expect(set.examples).toEqual([
      { text: '房间干净，服务好', label: 'positive' },
      { text: '"太吵了"，不推荐', label: 'negative' },
    ]);
  });

  it('reads online-shopping CSV with quoted fields and stray byte-order marks', async () => {
    const file = await write('train.csv', '\uFEFFcat,label,review\n书籍,1,\uFEFF很好的一本书\n手机,0,"屏幕坏了,""客服""不理"\n衣服,1,"第一行\n第二行"\n水果,0,不新鲜\n');
    const set = await loadSentimentDataset('online-shopping', file);
    expect(set.examples).toEqual([
      { text: '很好的一本书', label: 'positive' },
      { text: '屏幕坏了,"客服"不理', label: 'negative' },
      { text: '第一行\n第二行', label: 'positive' },
      { text: '不新鲜', label: 'negative' },
    ]);
  });

  const malformed: Array<[SentimentDatasetName, string, RegExp]> = [
    ['sst2', '1 fine\npositive great film\n', /bad\.txt:2 label must be 0 or 1, got "positive"/],
    ['cr', '1 fine\n0 bad\n2 what\n', /bad\.txt:3 label must be 0 or 1/],
    ['chnsenticorp', 'label\ttext_a\n1\t好\n0\t差\textra\n', /bad\.txt:3 expected 2 tab-separated fields, got 3/],
    ['chnsenticorp', 'text\n好\n', /bad\.txt:1 header has no "label" column/],
    ['online-shopping', 'cat,label,review\n书籍,1,好\n书籍,x,差\n', /bad\.txt:3 label must be 0 or 1, got "x"/],
    ['online-shopping', 'cat,label,review\n书籍,1,好\n衣服,0\n', /bad\.txt:3 expected 3 comma-separated fields, got 2/],
    ['online-shopping', 'cat,label,review\n书籍,1,好\n\n书籍,0,"没有结束\n', /bad\.txt:4 quoted field is never closed/],
  ];

  it.each(malformed)('names file and line of a malformed %s row', (name, text, message) => {
    const run = () => parseSentimentDataset(name, { text, file: 'bad.txt' });
    expect(run).toThrow(SentimentDataError);
    expect(run).toThrow(message);
  });

  it('refuses a file without examples', () => {
    expect(() => parseSentimentDataset('sst2', { text: '\n\n', file: 'empty.txt' })).toThrow(/empty\.txt:1 no examples/);
  });
});
