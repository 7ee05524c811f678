import type { Metadata } from 'next';
import { CONFIRM_FAILURE_MESSAGES, type ConfirmFailure } from '@/lib/readers/confirm-subscription';
import { confirmAction } from '../actions';

export const metadata: Metadata = { title: 'Confirm your subscription', robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string; change?: string; done?: string; failed?: string }> };

/** A confirmation link opens this page; the button does the confirming. */
export default async function ConfirmPage({ searchParams }: Props) {
  const params = await searchParams;
  if (params.done === 'confirmed' || params.done === 'changed') {
    return (
      <section className="narrow">
        <h1>{params.done === 'confirmed' ? 'You are subscribed' : 'Your subscription is updated'}</h1>
        <p role="status">{params.done === 'confirmed' ? 'Thank you: your address is confirmed, and Masthead email will start with the next issue or alert.' : 'Thank you: what you asked for is added to your subscription.'}</p>
        <p>
          You can change what you receive at any time in <a href="/account">your account</a>.
        </p>
      </section>
    );
  }
  if (params.failed) {
    const message = CONFIRM_FAILURE_MESSAGES[params.failed as ConfirmFailure] ?? CONFIRM_FAILURE_MESSAGES.invalid;
    return (
      <section className="narrow">
        <h1>That link did not work</h1>
        <p role="alert">{message}</p>
        <p>
          <a href="/subscribe">Subscribe again</a>
        </p>
      </section>
    );
  }
  const isChange = Boolean(params.change);
  return (
    <section className="narrow">
      <h1>{isChange ? 'Confirm the change' : 'Confirm your subscription'}</h1>
      <p>{isChange ? 'Add what you asked for to your Masthead email.' : 'One more step: confirm that you want Masthead email at this address.'}</p>
      <form action={confirmAction}>
        {params.change ? <input type="hidden" name="change" value={params.change} /> : <input type="hidden" name="token" value={params.token ?? ''} />}
        <button type="submit">{isChange ? 'Confirm the change' : 'Confirm my subscription'}</button>
      </form>
    </section>
  );
}
