import type { Metadata } from 'next';
import { SUBSCRIBE_ACCEPTED_MESSAGE } from '@/lib/readers/subscribe-reader';

export const metadata: Metadata = { title: 'Check your inbox', robots: { index: false } };

/** Where the plain subscribe form lands: the same words for every address, known or not. */
export default function CheckEmailPage() {
  return (
    <section className="narrow">
      <h1>Check your inbox</h1>
      <p role="status">{SUBSCRIBE_ACCEPTED_MESSAGE}</p>
      <p className="meta">No message after a few minutes? Look in your spam folder, or <a href="/subscribe">ask again</a>.</p>
    </section>
  );
}
