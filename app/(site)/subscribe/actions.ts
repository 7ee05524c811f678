'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { clientIp } from '@/lib/staff/auth/client-ip';
import { applyChoicesChange, confirmSubscription } from '@/lib/readers/confirm-subscription';
import { subscribeFormValues } from '@/lib/readers/subscribe-input-schema';
import { subscribeReader } from '@/lib/readers/subscribe-reader';

export type SubscribeFormState =
  | { status: 'idle' }
  | { status: 'sent'; message: string }
  | { status: 'error'; error: string; fieldErrors: Record<string, string> };

/** The /subscribe form. Anyone may ask; the domain function rate-limits and never says whether the address is known. */
export async function subscribeAction(_previous: SubscribeFormState, form: FormData): Promise<SubscribeFormState> {
  const ip = clientIp(await headers());
  try {
    const result = subscribeReader({ input: subscribeFormValues(form), ip });
    if (result.ok) return { status: 'sent', message: result.message };
    return { status: 'error', error: result.error, fieldErrors: result.reason === 'invalid' ? result.fieldErrors : {} };
  } catch (error) {
    console.error('Subscribing failed:', error);
    return { status: 'error', error: 'Something went wrong on our side; please try again in a moment.', fieldErrors: {} };
  }
}

const confirmSchema = z.object({ token: z.string().max(200).optional(), change: z.string().max(2500).optional() });

/** The button on a confirmation link's page: the token is the credential (links are not followed by a GET alone, so mail scanners confirm nothing). */
export async function confirmAction(form: FormData): Promise<void> {
  const parsed = confirmSchema.safeParse({ token: form.get('token') ?? undefined, change: form.get('change') ?? undefined });
  const input = parsed.success ? parsed.data : {};
  const result = input.change ? applyChoicesChange({ token: input.change }) : confirmSubscription({ token: input.token ?? '' });
  redirect(result.ok ? `/subscribe/confirm?done=${input.change ? 'changed' : 'confirmed'}` : `/subscribe/confirm?failed=${result.reason}`);
}
