import type { JoinTier } from '@/lib/access/payments/list-join-tiers';
import type { ReaderMembership } from '@/lib/access/payments/reader-memberships';
import styles from './join-tiers.module.css';
import { PageNotices } from './page-notices';

type FormAction = (form: FormData) => Promise<void>;

type Props = {
  tiers: JoinTier[];
  isCheckoutOn: boolean;
  paymentsOffMessage: string;
  reader: { email: string; memberships: ReaderMembership[] } | null;
  done?: string;
  problem?: string;
  actions: { startCheckout: FormAction; manageBilling: () => Promise<void>; requestSignInLink: FormAction };
};

const STATUS_TEXT: Record<ReaderMembership['status'], string> = {
  active: 'active',
  past_due: 'active, but the last payment failed: update your card under "Manage billing"',
  canceled: 'cancelled',
  expired: 'ended',
};

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The join page: every active tier with its prices and benefits, and what the reader can do next. */
export function JoinTiers({ tiers, isCheckoutOn, paymentsOffMessage, reader, done, problem, actions }: Props) {
  const canManageBilling = isCheckoutOn && (reader?.memberships.some((membership) => membership.hasBilling) ?? false);
  return (
    <section className={styles.page}>
      <h1>Become a member</h1>
      <PageNotices done={done} problem={problem} />
      {isCheckoutOn ? null : <p className="notice">{paymentsOffMessage}</p>}

      {reader ? (
        <div className={styles.reader}>
          <p>
            Signed in as <strong>{reader.email}</strong>.
          </p>
          {reader.memberships.length > 0 ? (
            <ul aria-label="Your memberships">
              {reader.memberships.map((membership, index) => (
                <li key={index}>
                  {membership.tierName}: {STATUS_TEXT[membership.status]}
                  {membership.endsAt ? `, until ${DATE.format(membership.endsAt)}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          {canManageBilling ? (
            <form action={actions.manageBilling}>
              <button type="submit">Manage billing</button>
            </form>
          ) : null}
        </div>
      ) : isCheckoutOn ? (
        <form action={actions.requestSignInLink} className={`stack ${styles.signIn}`}>
          <p>Sign in to join: we email you a link that brings you back to this page. Use the address you subscribed with.</p>
          <label>
            Email address
            <input type="email" name="email" autoComplete="email" required maxLength={254} />
          </label>
          <button type="submit">Email me a sign-in link</button>
          <p className="meta">
            No subscription yet? <a href="/subscribe">Subscribe</a> (free) first, then come back.
          </p>
        </form>
      ) : null}

      {tiers.length === 0 ? <p>No memberships are offered at the moment.</p> : null}
      <ul className={styles.tiers} aria-label="Memberships">
        {tiers.map((tier) => (
          <li key={tier.slug} className={styles.tier}>
            <h2>{tier.name}</h2>
            {tier.description ? <p>{tier.description}</p> : null}
            {tier.benefits.length > 0 ? (
              <ul className={styles.benefits} aria-label={`What ${tier.name} includes`}>
                {tier.benefits.map((benefit) => (
                  <li key={benefit}>{benefit}</li>
                ))}
              </ul>
            ) : null}
            <ul className={styles.prices} aria-label={`Prices of ${tier.name}`}>
              {tier.prices.map((price) => (
                <li key={price.interval}>
                  <span>{price.label}</span>
                  {price.isOnSale && reader ? (
                    <form action={actions.startCheckout}>
                      <input type="hidden" name="tier" value={tier.slug} />
                      <input type="hidden" name="interval" value={price.interval} />
                      <button type="submit" aria-label={`Join ${tier.name}, paying ${price.label}`}>
                        Join
                      </button>
                    </form>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
