/** An error the user caused and can fix: printed as it is, exit code 1 (no stack trace). */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
