
import { INSTITUTION_SEAT_HOLD_MS } from '@/lib/access/seat-hold';

export type AccessPanelReason = 'sign-in-needed' | 'membership-needed' | 'tier-needed' | 'seats-taken';

const HEADINGS: Record<AccessPanelReason, string> = {
  'sign-in-needed': 'Sign in to keep reading',
  'membership-needed': 'The rest of this article is for members',
  'tier-needed': 'The rest of this article is for members of another tier',
  'seats-taken': 'Every seat of your institution is in use',
};

/** In place of a gated article's members' part: why the reader stops here and the ways in. */
export function AccessPanel({ reason, isSignedIn, seats = null }: { reason: AccessPanelReason; isSignedIn: boolean; seats?: { institution: string; count: number } | null }) {
  return (
    <section className="access-panel members-content" aria-labelledby="access-panel-title">
      <h2 id="access-panel-title">{HEADINGS[reason]}</h2>
      <p>
        {reason === 'sign-in-needed'
          ? 'Any reader signed in with their email address can read the whole article.'
          : reason === 'seats-taken' && seats
            ? `${seats.institution} lets ${seats.count} ${seats.count === 1 ? 'reader' : 'readers'} read at once with its email address, and all are reading now. A seat frees ${INSTITUTION_SEAT_HOLD_MS / 60_000} minutes after its reader's last page: try again then, or join.`
            : 'Members, and readers at a subscribing library, university or institute, can read the whole article.'}
      </p>
      <ul>
        {isSignedIn ? null : (
          <li>
            <a href="/account">Sign in</a>
          </li>
        )}
        {reason === 'sign-in-needed' ? null : (
          <li>
            <a href="/join">Join</a>
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
