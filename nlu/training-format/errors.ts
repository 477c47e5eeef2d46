import { CounterpartError } from '../../core/errors.js';

/** One problem in a training file, where it is and what is wrong. */
export interface TrainingDataIssue {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, counted in UTF-16 code units like editors that report "Col". */
  column: number;
  reason: string;
}

/** Formats an issue the way compilers do, so editors can jump to it: `file:line:col reason`. */
export function formatIssue(issue: TrainingDataIssue): string {
  return `${issue.file}:${issue.line}:${issue.column} ${issue.reason}`;
}

/**
 * A training file is malformed. Carries every problem found, not just the first.
 *
 * @remarks Shop owners edit these files by hand; fixing one error per run is tedious, so the
 * parser collects all of them. `message` lists one issue per line; `issues` holds them as data
 * (also under `details.issues`) for tools that show them in a UI. Not retryable: fix the file.
 */
export class TrainingDataError extends CounterpartError {
  readonly issues: readonly TrainingDataIssue[];

  constructor(issues: readonly TrainingDataIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super({
      code: 'invalid_training_data',
      message: `Invalid training data (${count}):\n${issues.map(formatIssue).join('\n')}`,
      details: { issues: issues.map((issue) => ({ ...issue })) },
    });
    this.issues = issues;
  }
}
