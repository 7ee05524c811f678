import 'server-only';
import { redirect, unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { failureOf, invalidInput, type Failure } from '@/lib/platform/errors/failure';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { getCurrentStaff } from '@/lib/staff/auth/current-staff';
import { audit, isAllowed, NO_PERMISSION, type AuditRule, type StaffCallRules } from './staff-call';

/** A refused staff action: the sentence, its fields, and (for a form) what was typed so the form keeps it. */
export type StaffRefusal<Values = Record<string, string>> = { ok: false; error: string; fieldErrors?: Record<string, string>; values?: Values };

/** A handler's answer: done (with a message, or an address to go to next), or refused in words. */
export type StaffOutcome = { ok: true; message?: string; redirectTo?: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** What the caller gets back: the handler's result (a refusal of its own keeps the form's values too), or the wrapper's refusal. */
export type StaffAnswer<Result, Values = Record<string, string>> = (Result extends { ok: false } ? Result & { values?: Values } : Result) | StaffRefusal<Values>;

export type StaffActionState<Result, Values = Record<string, string>> = StaffAnswer<Result, Values> | null;

/**
 * A staff server action, callable three ways: by a form with `useActionState` (state, form data), by a
 * plain form (form data), or from a client component with an object.
 */
export type StaffAction<Input, Result, Values> = {
  /** A plain form ignores the answer: a refusal it should show belongs in a redirect the handler makes. */
  (formData: FormData): Promise<void>;
  (input: Input): Promise<StaffAnswer<Result, Values>>;
  (previous: StaffActionState<Result, Values>, formData: FormData): Promise<StaffActionState<Result, Values>>;
};

export type StaffActionSpec<Schema extends z.ZodType, Result extends StaffOutcome, Values> = StaffCallRules & {
  /** Validates what the form or the caller sent; form fields arrive as strings (use `z.coerce` for numbers). */
  input: Schema;
  /** Reads a form into what `input` validates, where plain text fields are not enough (repeated or prefixed fields). */
  fromForm?: (form: FormData) => unknown;
  /** What a refused form shows again; by default its text fields (never a password). */
  formValues?: (form: FormData) => Values;
  /** Where a signed-out caller comes back to after signing in. */
  returnTo: string | ((sent: Partial<Record<string, unknown>>) => string);
  audit: AuditRule<z.output<Schema>, Result>;
  run(call: { staff: StaffIdentity; input: z.output<Schema> }): Result | Promise<Result>;
};

/**
 * The one way to write a desk server action: it signs the caller in (or sends them to sign in), checks
 * the role, validates the input, runs the handler, audits, and turns every failure into a sentence
 * from one vocabulary (`failureOf`). A result with `redirectTo` is followed after auditing.
 */
export function staffAction<Schema extends z.ZodType, Result extends StaffOutcome, Values = Record<string, string>>(
  spec: StaffActionSpec<Schema, Result, Values>,
): StaffAction<z.input<Schema>, Result, Values> {
  async function action(first: unknown, second?: unknown): Promise<StaffAnswer<Result, Values>> {
    const form = second instanceof FormData ? second : first instanceof FormData ? first : null;
    const sent = (form ? (spec.fromForm ?? formFields)(form) : first) as Partial<Record<string, unknown>>;
    const staff = await getCurrentStaff();
    if (!staff) redirect(`/login?callbackUrl=${encodeURIComponent(returnPath(spec, sent))}`);
    const kept = () => (form ? { values: spec.formValues ? spec.formValues(form) : (typedValues(form) as Values) } : {});
    const refuse = (failure: Pick<Failure, 'error' | 'fieldErrors'>): StaffRefusal<Values> => ({
      ok: false,
      error: failure.error,
      ...(failure.fieldErrors ? { fieldErrors: failure.fieldErrors } : {}),
      ...kept(),
    });
    if (!isAllowed(staff, spec)) return refuse({ error: spec.refusals?.forbidden ?? NO_PERMISSION });
    const parsed = spec.input.safeParse(sent ?? {});
    if (!parsed.success) return refuse(invalidInput(parsed.error));
    let result: Result;
    try {
      result = await spec.run({ staff, input: parsed.data });
      if (!result.ok) return { ...kept(), ...result } as StaffAnswer<Result, Values>;
      audit(spec.audit, { staff, input: parsed.data, result });
    } catch (error) {
      unstable_rethrow(error);
      return refuse(failureOf(error, { context: spec.name }));
    }
    if (result.redirectTo) redirect(result.redirectTo);
    return result as StaffAnswer<Result, Values>;
  }
  return action as StaffAction<z.input<Schema>, Result, Values>;
}

function returnPath(spec: Pick<StaffActionSpec<z.ZodType, StaffOutcome, unknown>, 'returnTo'>, sent: Partial<Record<string, unknown>>): string {
  if (typeof spec.returnTo === 'string') return spec.returnTo;
  try {
    return spec.returnTo(sent ?? {});
  } catch {
    return '/desk';
  }
}

/** The form's text fields, without Next's own action fields. */
function formFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string' && !key.startsWith('$ACTION')) fields[key] = value;
  return fields;
}

/** What was typed, for a refused form to show again; never a password. */
function typedValues(form: FormData): Record<string, string> {
  const values = formFields(form);
  for (const key of Object.keys(values)) if (/password/i.test(key)) delete values[key];
  return values;
}
