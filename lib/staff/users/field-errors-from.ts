import 'server-only';
import type { z } from 'zod';

/** The first message for each field a zod check refused, keyed by the field's name. */
export function fieldErrorsFrom(issues: z.core.$ZodIssue[]): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return fieldErrors;
}
