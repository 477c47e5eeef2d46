/**
 * Sentiment of customers' messages: per-language classifiers (the NLU's hybrid classifier on
 * the labels negative/positive), a language-routing analyzer, and loaders for the public
 * sentiment sets used to train and benchmark them.
 */
export { SentimentAnalyzer, type RoutedSentimentScore, type SentimentAnalyzerOptions } from './analyzer.js';
export {
  isSentimentDatasetName,
  loadSentimentDataset,
  parseSentimentDataset,
  SENTIMENT_DATASETS,
  type SentimentDataset,
  type SentimentDatasetName,
} from './datasets.js';
export { SentimentDataError, type DataLocation } from './errors.js';
export { SENTIMENT_FORMAT, SENTIMENT_FORMAT_VERSION, SENTIMENT_MODEL_FILE } from './model-format.js';
export { defaultSegmentation, SENTIMENT_DEFAULTS, type SentimentModelOptions } from './options.js';
export { SentimentModel, type SentimentScoreOptions, type SentimentTrainOptions } from './sentiment-model.js';
export { SENTIMENT_LABELS, type SentimentExample, type SentimentLabel, type SentimentLanguage, type SentimentScore } from './types.js';
export { openSentiment, trainDemoSentiment, type OpenSentimentOptions, type TrainDemoSentimentOptions } from './demo.js';
