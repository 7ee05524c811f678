/** The one who asked may not do this to this thing. */
export { ForbiddenError } from '@/lib/staff/auth/policy';

/** The thing asked for does not exist (or is not visible to the one asking). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(message = 'That does not exist, or it has been deleted.') {
    super(message);
  }
}
