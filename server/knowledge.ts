import { fileURLToPath } from 'node:url';
import type { Encoder } from '../core/encoder.js';
import type { Logger } from '../core/logger.js';
import { createHashedNgramEncoder, createOnnxEncoder, createUseLiteEncoder, withCache } from '../nlu/index.js';
import { createKnowledgeBase, type KnowledgeBaseService } from '../retrieval/index.js';
import type { Store } from '../store/index.js';
import type { Config } from './config.js';

const DEMO_KB_DIR = fileURLToPath(new URL('../store/demo-shop/kb/', import.meta.url));

async function createEncoder(config: Config): Promise<Encoder> {
  if (config.KB_ENCODER === 'hashed') return withCache(createHashedNgramEncoder());
  if (config.KB_ENCODER === 'onnx') return withCache(await createOnnxEncoder({ modelDir: config.ONNX_MODEL_DIR as string, pooling: 'mean' }));
  return withCache(await createUseLiteEncoder());
}

/**
 * Opens the knowledge base and brings it up to date with the demo articles and the catalogue.
 *
 * @remarks Ingestion is incremental (stable chunk ids): on a restart with unchanged files
 * nothing is re-encoded.
 */
export async function openKnowledgeBase(options: { config: Config; store: Store; logger: Logger }): Promise<KnowledgeBaseService> {
  const { config, logger } = options;
  const encoder = await createEncoder(config);
  const kb = await createKnowledgeBase({
    dir: config.KB_DIR, encoder, logger,
    hnsw: { M: config.KB_HNSW_M, efConstruction: config.KB_HNSW_EF_CONSTRUCTION, efSearch: config.KB_HNSW_EF_SEARCH },
    noAnswerThreshold: config.KB_NO_ANSWER_THRESHOLD,
  });
  const started = Date.now();
  if (config.DEMO_MODE) await kb.ingestFolder(DEMO_KB_DIR, { urlBase: '/help' });
  await kb.ingestCatalogue(options.store.db);
  logger.info({ ms: Date.now() - started, encoder: encoder.id }, 'knowledge base up to date');
  return kb;
}
