import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../../../core/errors.js';
import { loadDemoTrainingSet } from '../../../nlu/demo.js';
import { createHashedNgramEncoder } from '../../../nlu/encoders/index.js';
import { hashTrainingSet, loadNluModel, openNluModel, readNluManifest, saveNluModel, trainNluModel, type EncoderFor, type NluModel } from '../../../nlu/model/index.js';
import type { TrainingSet } from '../../../nlu/training-format/index.js';

const dir = mkdtempSync(join(tmpdir(), 'counterpart-nlu-model-'));
const encoder = createHashedNgramEncoder({ dimension: 256 });
// The hashed encoder reads any language, so both models use it (and its neighbours).
const encoderFor: EncoderFor = async () => encoder;
const TEXTS = ["where's my stuff??", 'cancel 100234 pls', 'what is the capital of peru', '我的订单到哪了', '取消订单100234', 'jane@example.com'];

let en: TrainingSet;
let zh: TrainingSet;
let model: NluModel;

beforeAll(async () => {
  [en, zh] = await Promise.all([loadDemoTrainingSet('en'), loadDemoTrainingSet('zh')]);
  model = await trainNluModel({ sets: [{ set: en, source: 'demo en' }, { set: zh, source: 'demo zh' }], encoderFor });
  await saveNluModel(model, join(dir, 'model'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('NLU model folder', () => {
  it('writes a manifest with the feature set, labels, data hash, metrics and versions', async () => {
    const manifest = await readNluManifest(join(dir, 'model'));
    const entry = manifest?.languages.find((l) => l.language === 'en');
    expect(entry?.data.sha256).toBe(hashTrainingSet(en));
    expect(entry?.intents).toContain('cancel_order');
    expect(entry?.intents).toContain('out_of_scope');
    expect(entry?.featureSet.encoder).toEqual({ id: encoder.id, dimension: 256 });
    expect(entry?.metrics.validationAccuracy).toBeGreaterThan(0.5);
    expect(manifest?.versions.node).toBe(process.version);
    expect(manifest?.languages.map((l) => l.language)).toEqual(['en', 'zh']);
  });

  it('loads to a model that parses exactly like the one saved', async () => {
    const loaded = await loadNluModel(join(dir, 'model'), { encoderFor });
    expect(await loaded.engine.parse(TEXTS)).toEqual(await model.engine.parse(TEXTS));
  });

  it('routes Chinese to the Chinese model and finds its entities', async () => {
    const [status, cancel] = await model.engine.parse(['我的订单到哪了', '取消订单100234']);
    expect(status?.language).toBe('zh');
    expect(status?.intents[0]?.name).toBe('order_status');
    expect(cancel?.intents[0]?.name).toBe('cancel_order');
    expect(cancel?.entities.find((e) => e.type === 'order_id')?.value).toBe('100234');
  });

  it('fails clearly for a missing folder, a broken manifest or the wrong encoder', async () => {
    await expect(loadNluModel(join(dir, 'nowhere'))).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadNluModel(join(dir, 'model'))).rejects.toThrow(/trained with encoder .* got no encoder/);
    const broken = join(dir, 'broken');
    await saveNluModel(model, broken);
    const manifest = JSON.parse(readFileSync(join(broken, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(broken, 'manifest.json'), JSON.stringify({ ...manifest, version: 99 }));
    await expect(loadNluModel(broken, { encoderFor })).rejects.toThrow(InvalidInputError);
    writeFileSync(join(broken, 'manifest.json'), '{ not json');
    await expect(loadNluModel(broken, { encoderFor })).rejects.toThrow(/manifest.json is not valid JSON/);
  });
});

describe('openNluModel (server start-up)', () => {
  // Three trainings: generous for a loaded two-core CI machine.
  it('trains and saves when there is no folder, loads when data and encoder match, retrains when either changed', { timeout: 180_000 }, async () => {
    const target = join(dir, 'server-model');
    const sets = [{ set: en, source: 'demo en' }];
    // N-gram features only (no encoder) keeps the trainings here fast.
    const first = await openNluModel({ dir: target, sets });
    expect(first.trainedBecause).toBe('no model folder yet');
    const second = await openNluModel({ dir: target, sets });
    expect(second.trainedBecause).toBeUndefined();
    expect(await second.model.engine.parse(TEXTS.slice(0, 3))).toEqual(await first.model.engine.parse(TEXTS.slice(0, 3)));
    const changed = { ...en, examples: en.examples.slice(1) };
    const third = await openNluModel({ dir: target, sets: [{ set: changed, source: 'edited' }] });
    expect(third.trainedBecause).toMatch(/training data changed/);
    const withEncoder = await openNluModel({ dir: target, sets: [{ set: changed, source: 'edited' }], encoderFor });
    expect(withEncoder.trainedBecause).toMatch(/encoder is now hashed-ngram/);
  });
});
