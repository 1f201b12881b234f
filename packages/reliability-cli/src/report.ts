import { EXIT } from './usage';

/** Where the CLI writes. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** What a run has reported on standard error, by kind, and the exit code that follows. */
export class Report {
  problems = 0;
  skipped = 0;
  usageErrors = 0;

  constructor(readonly io: Io) {}

  /** A definition problem (`file:line field: reason`, or an unexpected error): exit 1. */
  problem(line: string) {
    this.problems += 1;
    this.io.err(`${line}\n`);
  }

  /** An SLO left out of the rules, and why: exit 1 with --strict. */
  skip(line: string) {
    this.skipped += 1;
    this.io.err(`${line}\n`);
  }

  /** The command line names something that cannot be read or written: exit 2. */
  usage(line: string) {
    this.usageErrors += 1;
    this.io.err(`${line}\n`);
  }

  exitCode(strict: boolean): number {
    if (this.usageErrors > 0) return EXIT.usage;
    if (this.problems > 0 || (strict && this.skipped > 0)) return EXIT.problems;
    return EXIT.ok;
  }
}
