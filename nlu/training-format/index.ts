/**
 * The training-data format shop owners write: intents with examples, inline entity
 * annotations (`[Leeds](warehouse)`), out-of-scope examples and lookup tables; YAML or JSON.
 */
export { parseAnnotations, ENTITY_TYPE_PATTERN, type AnnotationProblem, type ParsedAnnotations } from './annotations.js';
export { OUTSIDE_TAG, toBio, type BioSequence } from './bio.js';
export { TrainingDataError, formatIssue, type TrainingDataIssue } from './errors.js';
export { loadTrainingFile, parseTrainingFile, type ParseTrainingFileOptions } from './parse-training-file.js';
export { INTENT_NAME_PATTERN, TOP_LEVEL_KEYS, rawTrainingFileSchema, type RawTrainingFile } from './schema.js';
export type { TrainingFileFormat } from './syntax.js';
export { tokenizeChars, tokenizeWords, type Token, type Tokenizer } from './tokenizers.js';
export {
  TRAINING_LANGUAGES,
  type AnnotatedExample,
  type EntityAnnotation,
  type LookupEntry,
  type LookupTable,
  type OutOfScopeExample,
  type SourcePosition,
  type TrainingLanguage,
  type TrainingSet,
} from './types.js';
