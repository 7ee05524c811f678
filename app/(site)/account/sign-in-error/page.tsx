import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Sign-in link', robots: { index: false } };

/** Where a used, expired or damaged sign-in link leads. */
export default function AccountSignInErrorPage() {
  return (
    <section className="narrow">
      <h1>That sign-in link did not work</h1>
      <p role="alert">Sign-in links work once and for 30 minutes. Ask for a new one and use the newest message.</p>
      <p>
        <a href="/account">Get a new sign-in link</a>
      </p>
    </section>
  );
}
