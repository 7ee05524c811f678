import type { Metadata } from 'next';
import { connection } from 'next/server';
import { JoinTiers } from '@/components/site/join-tiers';
import { isCheckoutOn } from '@/lib/access/payments/get-payment-provider';
import { listJoinTiers } from '@/lib/access/payments/list-join-tiers';
import { PAYMENTS_OFF_MESSAGE } from '@/lib/access/payments/payments-config';
import { listReaderMemberships } from '@/lib/access/payments/reader-memberships';
import { getCurrentReader } from '@/lib/readers/current-reader';
import { manageBillingAction, requestJoinSignInLinkAction, startCheckoutAction } from './actions';

export const metadata: Metadata = { title: 'Become a member', alternates: { canonical: '/join' } };

const DONE: Record<string, string> = {
  welcome: 'Thank you for joining. Your membership starts as soon as the payment is confirmed, usually within a minute.',
  'checkout-canceled': 'The payment was cancelled; nothing was charged.',
};

const PROBLEMS: Record<string, string> = {
  'payments-off': PAYMENTS_OFF_MESSAGE,
  'no-such-tier': 'That membership is no longer offered; please choose another.',
  'not-on-sale': 'That membership cannot be bought online at that interval yet; please choose another.',
  'already-member': 'You already pay for a membership. Use "Manage billing" to change or cancel it.',
  'no-billing': 'There is no online payment on your account to manage.',
  provider: 'The payment service did not answer; nothing was charged. Please try again in a moment.',
  choice: 'Choose a membership and how often to pay.',
  email: 'Enter an email address like name@example.org.',
  rate_limited: 'Too many sign-in links asked for from here or for this address. Please try again in an hour.',
  'signed-out': 'Sign in first: we email you a link that brings you back here.',
};

type Props = { searchParams: Promise<{ done?: string; problem?: string }> };

/** The tiers a reader can join, and the way to pay for one or manage what they pay. */
export default async function JoinPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const isOn = isCheckoutOn();
  const reader = await getCurrentReader();
  return (
    <JoinTiers
      tiers={listJoinTiers({ isCheckoutOn: isOn })}
      isCheckoutOn={isOn}
      paymentsOffMessage={PAYMENTS_OFF_MESSAGE}
      reader={reader ? { email: reader.email, memberships: listReaderMemberships(reader.id) } : null}
      done={params.done ? DONE[params.done] : undefined}
      problem={params.problem ? PROBLEMS[params.problem] : undefined}
      actions={{ startCheckout: startCheckoutAction, manageBilling: manageBillingAction, requestSignInLink: requestJoinSignInLinkAction }}
    />
  );
}
