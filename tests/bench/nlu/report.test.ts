import { describe, expect, it } from 'vitest';
import { parseBenchArgs, workerArgv } from '../../../bench/nlu/cli-args.js';
import { formatTable } from '../../../bench/nlu/report.js';
import { toJsonLine, type BenchFailure, type BenchResult } from '../../../bench/nlu/result.js';

const ours: BenchResult = {
  dataset: 'clinc150',
  system: 'ours',
  intent_accuracy: 90.5,
  in_scope_accuracy: 92.1,
  oos_recall: 40,
  train_seconds: 12.3,
  parse_p50_ms: 0.4,
  parse_p95_ms: 0.9,
  utterances_per_s: 2000,
  rss_mb: 180.2,
  split: 'validation',
  test_utterances: 3100,
};

describe('JSON line', () => {
  it('is one line with the documented keys in order', () => {
    const line = toJsonLine({ ...ours, rss_mb: 180.2 });
    expect(line).not.toContain('\n');
    expect(Object.keys(JSON.parse(line))).toEqual([
      'dataset',
      'system',
      'intent_accuracy',
      'in_scope_accuracy',
      'oos_recall',
      'train_seconds',
      'parse_p50_ms',
      'parse_p95_ms',
      'utterances_per_s',
      'rss_mb',
      'split',
      'test_utterances',
    ]);
  });

  it('keeps slot_f1 null for a system without a tagger and drops absent keys', () => {
    const snips: BenchResult = { ...ours, dataset: 'snips', slot_f1: null, in_scope_accuracy: undefined, oos_recall: undefined };
    const parsed = JSON.parse(toJsonLine(snips));
    expect(parsed.slot_f1).toBeNull();
    expect(parsed).not.toHaveProperty('oos_recall');
  });

  it('rejects a result outside the shape', () => {
    expect(() => toJsonLine({ ...ours, intent_accuracy: 101 })).toThrow();
  });

  it('prints failures with the error and the elapsed time', () => {
    const failure: BenchFailure = { dataset: 'banking77', system: 'node-nlp', error: 'timed out after 1 min', elapsed_seconds: 60, split: 'test' };
    expect(JSON.parse(toJsonLine(failure))).toEqual(failure);
  });
});

describe('formatTable', () => {
  it('shows each system and the published figures, only for metrics the dataset has', () => {
    const table = formatTable('clinc150', [ours, { ...ours, system: 'node-nlp', in_scope_accuracy: 85 }]);
    expect(table.split('\n')[0]).toMatch(/^metric\s+\| ours\s+\| node-nlp\s+\| BERT, oos-threshold/);
    expect(table).toMatch(/in-scope accuracy %\s+\| 92\.1\s+\| 85\s+\| 96\.2/);
    expect(table).not.toContain('slot F1');
  });
});

describe('parseBenchArgs', () => {
  it('fills defaults: the shared data layout, ours first, no test path', () => {
    expect(parseBenchArgs(['--dataset', 'snips', '--peer', 'node-nlp'])).toEqual({
      dataset: 'snips',
      trainPath: '../shared/data/snips/train',
      system: 'ours',
      peers: ['node-nlp'],
      worker: false,
      maxMinutes: 60,
    });
  });

  it('rejects unknown datasets and systems', () => {
    expect(() => parseBenchArgs(['--dataset', 'imdb'])).toThrow('--dataset must be one of');
    expect(() => parseBenchArgs(['--dataset', 'atis', '--peer', 'rasa'])).toThrow('Unknown system "rasa"');
  });

  it('builds the worker command line of one system', () => {
    const args = parseBenchArgs(['--dataset', 'atis', '--train', '/d/train', '--test', '/d/test', '--peer', 'node-nlp']);
    expect(workerArgv(args, 'node-nlp')).toEqual(['--dataset', 'atis', '--train', '/d/train', '--test', '/d/test', '--system', 'node-nlp', '--worker']);
  });
});
