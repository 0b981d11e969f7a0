import { NegsimError } from '../api/errors.js';

/**
 * An error the user caused and can fix, worded for the command line: printed as it is, exit code 1
 * (no stack trace). Every NegsimError the library throws is printed the same way (src/cli/main.ts).
 */
export class UserError extends NegsimError {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
