'use client';

import { useEffect } from 'react';

/** A page failed on the server or in the browser: say so plainly and offer another try. Details go to the log only. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="site-main">
      <section className="notice-page" aria-labelledby="error-title">
        <p className="kicker">Error 500</p>
        <h1 id="error-title">Something went wrong on our side</h1>
        <p>The page could not be shown just now. Nothing you did caused this; trying again in a moment usually works.</p>
        {error.digest ? <p className="meta">Reference: {error.digest}</p> : null}
        <p>
          <button type="button" onClick={reset}>
            Try again
          </button>{' '}
          or go to <a href="/">the front page</a>.
        </p>
      </section>
    </main>
  );
}
