import type { Metadata } from 'next';
import { connection } from 'next/server';
import { PageNotices } from '@/components/site/page-notices';
import { ENTITY_KIND_LABELS } from '@/lib/entities/entity-path';
import { getCurrentReader } from '@/lib/readers/current-reader';
import { getReaderAccount } from '@/lib/readers/get-reader-account';
import { deleteDataAction, requestSignInLinkAction, resubscribeAction, saveChoicesAction, signOutAction, unsubscribeAllAction } from './actions';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

const DONE: Record<string, string> = {
  saved: 'Your choices are saved.',
  unsubscribed: 'You are unsubscribed from all Masthead email.',
  resubscribed: 'Welcome back: Masthead email will start again.',
  deleted: 'Your data is deleted. Nothing about you is left with us.',
  'signed-out': 'You are signed out.',
};

const PROBLEMS: Record<string, string> = {
  email: 'Enter an email address like name@example.org.',
  rate_limited: 'Too many sign-in links asked for from here or for this address. Please try again in an hour.',
  choices: 'Those choices could not be saved; please choose again.',
  delete: 'Tick the box to confirm that you want everything deleted.',
  'signed-out': 'Your session has ended; sign in again.',
};

const STATUS_TEXT: Record<string, string> = {
  pending: 'Your address is not confirmed yet: follow the link in the confirmation email to start receiving mail.',
  confirmed: 'You are subscribed.',
  unsubscribed: 'You are unsubscribed: we send you nothing.',
  bounced: 'Our mail to this address kept coming back, so we stopped sending it.',
};

type Props = { searchParams: Promise<{ done?: string; problem?: string }> };

/** A reader's own settings, after signing in with a link sent to their address. */
export default async function AccountPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const done = params.done ? DONE[params.done] : undefined;
  const problem = params.problem ? PROBLEMS[params.problem] : undefined;
  const reader = await getCurrentReader();
  const account = reader ? getReaderAccount(reader.id) : null;
  const notices = <PageNotices done={done} problem={problem} />;

  if (!reader || !account) {
    return (
      <section className="narrow account-page">
        <h1>Your Masthead email</h1>
        {notices}
        <p>Sign in with the address you subscribed with: we email you a link that signs you in.</p>
        <form action={requestSignInLinkAction} className="stack">
          <label>
            Email address
            <input type="email" name="email" autoComplete="email" required maxLength={254} />
          </label>
          <button type="submit">Email me a sign-in link</button>
        </form>
        <p className="meta">
          Not subscribed yet? <a href="/subscribe">Subscribe</a>.
        </p>
      </section>
    );
  }

  const isSubscribed = account.status === 'confirmed' || account.status === 'pending';
  return (
    <section className="narrow account-page">
      <h1>Your Masthead email</h1>
      {notices}
      <p>
        Signed in as <strong>{account.email}</strong>. {STATUS_TEXT[account.status]}
      </p>
      {isSubscribed ? (
        <form action={saveChoicesAction} className="stack">
          <fieldset>
            <legend>What we send you</legend>
            <label className="checkbox">
              <input type="checkbox" name="wantsIssueEmail" defaultChecked={account.wantsIssueEmail} /> Each new issue
            </label>
            <label className="checkbox">
              <input type="checkbox" name="isPaused" defaultChecked={account.isPaused} /> Pause all email for now
            </label>
          </fieldset>
          <fieldset>
            <legend>You follow</legend>
            {account.follows.length === 0 ? <p className="hint">Nothing yet. Follow a country, treaty, person or organization from its page.</p> : null}
            {account.follows.map((entity) => (
              <label key={entity.id} className="checkbox">
                <input type="checkbox" name="keepFollow" value={entity.id} defaultChecked /> <a href={entity.path}>{entity.name}</a>{' '}
                <span className="meta">({ENTITY_KIND_LABELS[entity.kind].one.toLowerCase()})</span>
              </label>
            ))}
            {account.follows.length > 0 ? <p className="hint">Untick to stop following.</p> : null}
          </fieldset>
          <fieldset>
            <legend>Alerts about what you follow</legend>
            {(
              [
                ['instant', 'As soon as an article is published'],
                ['daily', 'One digest a day'],
                ['weekly', 'One digest a week'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="checkbox">
                <input type="radio" name="alertFrequency" value={value} defaultChecked={account.alertFrequency === value} /> {label}
              </label>
            ))}
          </fieldset>
          <button type="submit">Save my choices</button>
        </form>
      ) : (
        <form action={resubscribeAction}>
          <button type="submit">Subscribe again</button>
        </form>
      )}

      <h2>Your data</h2>
      <p>
        <a href="/account/export" download>
          Download my data (JSON)
        </a>
      </p>
      {isSubscribed ? (
        <form action={unsubscribeAllAction}>
          <button type="submit" className="link-button">
            Unsubscribe from all Masthead email
          </button>
        </form>
      ) : null}
      <form action={deleteDataAction} className="stack">
        <label className="checkbox">
          <input type="checkbox" name="confirm" /> Yes, delete my subscription, what I follow and the record of mail sent to me
        </label>
        <button type="submit">Delete my data</button>
      </form>
      <form action={signOutAction}>
        <button type="submit" className="link-button">
          Sign out
        </button>
      </form>
    </section>
  );
}
