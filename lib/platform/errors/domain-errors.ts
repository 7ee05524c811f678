/** The one who asked may not do this to this thing. */
export { ForbiddenError } from '@/lib/staff/auth/policy';

/** The thing asked for does not exist (or is not visible to the one asking). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(message = 'That does not exist, or it has been deleted.') {
    super(message);
  }
}

/** What was sent cannot be used as it is; `fieldErrors` names the fields, keyed as the form names them. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Someone else changed the thing first; nothing was overwritten. */
export class ConflictError extends Error {
  override name = 'ConflictError';
}
