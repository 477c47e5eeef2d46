import { CounterpartError } from '../../core/errors.js';

/** Where a data-set row is: `file:line`, 1-based. */
export interface DataLocation {
  file: string;
  line: number;
}

/**
 * A sentiment data file is malformed: fix the file, do not retry.
 *
 * @remarks The message starts with `file:line` so editors can jump to the row.
 */
export class SentimentDataError extends CounterpartError {
  readonly location: DataLocation;

  constructor(location: DataLocation, reason: string) {
    super({
      code: 'invalid_sentiment_data',
      message: `${location.file}:${location.line} ${reason}`,
      details: { file: location.file, line: location.line, reason },
    });
    this.location = location;
  }
}
