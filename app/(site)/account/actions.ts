'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { clientIp } from '@/lib/staff/auth/client-ip';
import { getCurrentReader } from '@/lib/readers/current-reader';
import { deleteReaderData } from '@/lib/readers/delete-reader-data';
import { readerSignIn, readerSignOut } from '@/lib/readers/reader-auth';
import { allowReaderSignInRequest } from '@/lib/readers/reader-sign-in-limit';
import { subscriberEmailSchema } from '@/lib/readers/subscriber-email-schema';
import { resubscribeReader, unsubscribeReader } from '@/lib/readers/unsubscribe-reader';
import { updateReaderChoices } from '@/lib/readers/update-reader-choices';

/** Asks for a sign-in link. The page afterwards is the same for every address; links go only to subscribers. */
export async function requestSignInLinkAction(form: FormData): Promise<void> {
  const parsed = subscriberEmailSchema.safeParse(form.get('email'));
  if (!parsed.success) redirect('/account?problem=email');
  if (!allowReaderSignInRequest({ email: parsed.data, ip: clientIp(await headers()) })) redirect('/account?problem=rate_limited');
  await readerSignIn('email', { email: parsed.data, redirectTo: '/account' });
}

/** Saves the signed-in reader's choices. */
export async function saveChoicesAction(form: FormData): Promise<void> {
  const reader = await requireReader();
  const result = updateReaderChoices({
    subscriberId: reader.id,
    input: {
      wantsIssueEmail: form.get('wantsIssueEmail') ?? undefined,
      isPaused: form.get('isPaused') ?? undefined,
      alertFrequency: form.get('alertFrequency'),
      keepFollow: form.getAll('keepFollow').map(String),
    },
  });
  redirect(result.ok ? '/account?done=saved' : '/account?problem=choices');
}

export async function unsubscribeAllAction(): Promise<void> {
  const reader = await requireReader();
  unsubscribeReader({ subscriberId: reader.id });
  redirect('/account?done=unsubscribed');
}

export async function resubscribeAction(): Promise<void> {
  const reader = await requireReader();
  resubscribeReader({ subscriberId: reader.id });
  redirect('/account?done=resubscribed');
}

const deleteSchema = z.object({ confirm: z.literal('on', { error: 'Tick the box to confirm.' }) });

/** Erases everything about the reader, then ends their session. */
export async function deleteDataAction(form: FormData): Promise<void> {
  const reader = await requireReader();
  if (!deleteSchema.safeParse({ confirm: form.get('confirm') }).success) redirect('/account?problem=delete');
  deleteReaderData({ subscriberId: reader.id });
  await readerSignOut({ redirectTo: '/account?done=deleted' });
}

export async function signOutAction(): Promise<void> {
  await readerSignOut({ redirectTo: '/account?done=signed-out' });
}

async function requireReader() {
  const reader = await getCurrentReader();
  if (!reader) redirect('/account?problem=signed-out');
  return reader;
}
