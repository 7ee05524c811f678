'use client';

import { useActionState } from 'react';
import { useToastOnSuccess } from '@/components/ui/toast';

/** What a members desk action answers to a form. */
export type FormAnswer = { ok: true; message?: string } | { ok: false; error: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } | null;

/** A form's action state: its errors by field, what was typed (kept after a refusal), and a toast on success. */
export function useFormAnswer<State extends FormAnswer>(action: (state: State | null, form: FormData) => Promise<State | null>) {
  const [state, formAction, isPending] = useActionState<State | null, FormData>(action, null);
  const shown = state === null ? null : state.ok ? { ok: true as const, message: state.message ?? 'Saved.' } : { ok: false as const, error: state.error };
  useToastOnSuccess(shown);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? null) : null;
  return { state, shown, formAction, isPending, errors, values };
}
