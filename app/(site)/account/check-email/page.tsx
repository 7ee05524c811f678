import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Check your inbox', robots: { index: false } };

/** After asking for a sign-in link: the same words whether or not the address is subscribed. */
export default function AccountCheckEmailPage() {
  return (
    <section className="narrow">
      <h1>Check your inbox</h1>
      <p role="status">If this address is subscribed to Masthead, a message with a sign-in link is on its way. The link works once, for 30 minutes.</p>
      <p className="meta">
        No message? Check the address, look in your spam folder, or <a href="/account">ask again</a>.
      </p>
    </section>
  );
}
