import { z } from 'zod';
import { DEFAULT_FUSION, FusionConfigSchema } from './fusion.js';
import { HNSW_DEFAULTS } from './hnsw-index.js';

/**
 * Tuning of the knowledge base, validated once when it is created.
 *
 * @remarks The fusion, confidence weight and no-answer threshold defaults were tuned on
 * StackFAQ training queries with the USE-lite encoder (`npm run bench:retrieval`); other
 * encoders score on other scales and should be tuned the same way.
 */
export const KnowledgeBaseConfigSchema = z.object({
  /** HNSW parameters. @defaultValue {@link HNSW_DEFAULTS} */
  hnsw: z.object({
    M: z.number().int().min(2).max(128).default(HNSW_DEFAULTS.M),
    efConstruction: z.number().int().min(8).max(2000).default(HNSW_DEFAULTS.efConstruction),
    efSearch: z.number().int().min(1).max(5000).default(HNSW_DEFAULTS.efSearch),
  }).prefault({}),
  /**
   * Below this confidence `answer` returns null ("I don't know").
   * @defaultValue 0.4 (USE-lite on the demo-shop validation questions; see the README)
   */
  noAnswerThreshold: z.number().min(0).max(1).default(0.4),
  /** How keyword and vector rankings are fused. @defaultValue {@link DEFAULT_FUSION} */
  fusion: FusionConfigSchema.default(DEFAULT_FUSION),
  /**
   * Weight of the vector similarity in the confidence; the keyword coverage gets the rest.
   * @defaultValue 0.7 (tuned on StackFAQ training queries)
   */
  confidenceVectorWeight: z.number().min(0).max(1).default(0.7),
  /** Candidates taken from each index before fusion. @defaultValue 50 */
  candidates: z.number().int().min(1).max(1000).default(50),
  /** Largest document accepted, in bytes. @defaultValue 2 MiB */
  maxDocumentBytes: z.number().int().positive().default(2 * 1024 * 1024),
  /** Longest chunk in characters before a section is split. @defaultValue 1200 */
  maxChunkChars: z.number().int().min(100).default(1200),
  /** Texts per encoder call. @defaultValue 32 */
  encodeBatchSize: z.number().int().min(1).max(1024).default(32),
});
export type KnowledgeBaseConfig = z.infer<typeof KnowledgeBaseConfigSchema>;
export type KnowledgeBaseConfigInput = z.input<typeof KnowledgeBaseConfigSchema>;
