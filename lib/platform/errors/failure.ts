import { ZodError } from 'zod';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { ConflictError, InvalidInputError, NotFoundError } from './domain-errors';

/** A refusal as every staff surface reports it: the sentence, the fields it is about, and its HTTP status. */
export type Failure = { status: number; error: string; fieldErrors?: Record<string, string> };

export const SESSION_ENDED = 'Your session has ended. Sign in again; your changes are kept on this device.';
export const SERVER_FAILED = 'Something went wrong on the server; nothing was changed. Try again in a moment.';

/**
 * The one vocabulary of errors: domain errors keep their sentence and get their status; anything else
 * is logged and becomes a plain sentence, so no stack trace or SQL reaches a browser.
 */
export function failureOf(error: unknown, { context }: { context: string }): Failure {
  if (error instanceof InvalidInputError) return { status: 422, error: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof ZodError) return invalidInput(error);
  if (error instanceof NotFoundError) return { status: 404, error: error.message };
  if (error instanceof ForbiddenError) return { status: 403, error: error.message };
  if (error instanceof ConflictError) return { status: 409, error: error.message };
  console.error(`${context} failed:`, error);
  return { status: 500, error: SERVER_FAILED };
}

/** A schema's complaints as one sentence (the first) and one message per field. */
export function invalidInput(error: ZodError): Failure {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'form';
    fieldErrors[field] ??= issue.message;
  }
  const message = error.issues[0]?.message ?? 'Check what you entered.';
  // A complaint about the whole request has no field to sit beside.
  return Object.keys(fieldErrors).some((field) => field !== 'form') ? { status: 422, error: message, fieldErrors } : { status: 422, error: message };
}
