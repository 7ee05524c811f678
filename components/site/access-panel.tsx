import Link from 'next/link';

export type AccessPanelReason = 'sign-in-needed' | 'membership-needed' | 'tier-needed';

const HEADINGS: Record<AccessPanelReason, string> = {
  'sign-in-needed': 'Sign in to keep reading',
  'membership-needed': 'The rest of this article is for members',
  'tier-needed': 'The rest of this article is for members of another tier',
};

/** In place of a gated article's members' part: why the reader stops here and the ways in. */
export function AccessPanel({ reason, isSignedIn }: { reason: AccessPanelReason; isSignedIn: boolean }) {
  return (
    <section className="access-panel members-content" aria-labelledby="access-panel-title">
      <h2 id="access-panel-title">{HEADINGS[reason]}</h2>
      <p>
        {reason === 'sign-in-needed'
          ? 'Any reader signed in with their email address can read the whole article.'
          : 'Members, and readers at a subscribing library, university or institute, can read the whole article.'}
      </p>
      <ul>
        {isSignedIn ? null : (
          <li>
            <Link href="/account">Sign in</Link>
          </li>
        )}
        {reason === 'sign-in-needed' ? null : (
          <li>
            <Link href="/join">Join</Link>
          </li>
        )}
        {reason === 'sign-in-needed' ? null : (
          <li>
            Access through your institution: sign in with your institution email address, or read from its network.
          </li>
        )}
      </ul>
    </section>
  );
}
