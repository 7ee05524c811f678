'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { openBillingPortal } from '@/lib/access/payments/open-billing-portal';
import { startCheckout } from '@/lib/access/payments/start-checkout';
import { clientIp } from '@/lib/staff/auth/client-ip';
import { getCurrentReader } from '@/lib/readers/current-reader';
import { readerSignIn } from '@/lib/readers/reader-auth';
import { allowReaderSignInRequest } from '@/lib/readers/reader-sign-in-limit';
import { subscriberEmailSchema } from '@/lib/readers/subscriber-email-schema';

const checkoutSchema = z.object({ tier: z.string().trim().min(1).max(120), interval: z.enum(['monthly', 'yearly']) });

/** Sends the signed-in reader to pay for the tier and interval they chose. */
export async function startCheckoutAction(form: FormData): Promise<void> {
  const reader = await requireReader();
  const parsed = checkoutSchema.safeParse({ tier: form.get('tier'), interval: form.get('interval') });
  if (!parsed.success) redirect('/join?problem=choice');
  const result = await startCheckout({ subscriberId: reader.id, tierSlug: parsed.data.tier, interval: parsed.data.interval });
  redirect(result.ok ? result.url : `/join?problem=${result.problem}`);
}

/** Sends a paying reader to the provider's page for their cards, invoices and cancellation. */
export async function manageBillingAction(): Promise<void> {
  const reader = await requireReader();
  const result = await openBillingPortal({ subscriberId: reader.id });
  redirect(result.ok ? result.url : `/join?problem=${result.problem}`);
}

/** The account page's sign-in link, bringing the reader back here to join. */
export async function requestJoinSignInLinkAction(form: FormData): Promise<void> {
  const parsed = subscriberEmailSchema.safeParse(form.get('email'));
  if (!parsed.success) redirect('/join?problem=email');
  if (!allowReaderSignInRequest({ email: parsed.data, ip: clientIp(await headers()) })) redirect('/join?problem=rate_limited');
  await readerSignIn('email', { email: parsed.data, redirectTo: '/join' });
}

async function requireReader() {
  const reader = await getCurrentReader();
  if (!reader) redirect('/join?problem=signed-out');
  return reader;
}
