/**
 * Why a command was refused, in the domain's words. The HTTP layer maps the kind to a status
 * (not-found 404, conflict 409, rule-violated 422); the message is shown to staff as it is.
 */
export type DomainErrorKind = 'not-found' | 'conflict' | 'rule-violated';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(message: string, details?: Record<string, unknown>) {
    return new DomainError('not-found', message, details);
  }

  static conflict(message: string, details?: Record<string, unknown>) {
    return new DomainError('conflict', message, details);
  }

  static ruleViolated(message: string, details?: Record<string, unknown>) {
    return new DomainError('rule-violated', message, details);
  }
}
