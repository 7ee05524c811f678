import 'server-only';
import { notFound } from 'next/navigation';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';

/** Runs a desk page's read; an article the person may not see is a 404 page, never a crash. */
export function readOrNotFound<T>(read: () => T): T | { forbidden: string } {
  try {
    return read();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) return { forbidden: error.message };
    throw error;
  }
}
