/**
 * The one way a handler reports an expected failure. The code must be one the call declares in
 * the contract; anything else thrown becomes `internal` and its details stay in the host log.
 */
export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}
