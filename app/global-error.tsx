'use client';

import './globals.css';

/** When even the root layout fails: a whole document of its own, with no data and nothing that could fail again. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main" className="site-main">
          <section className="notice-page" aria-labelledby="global-error-title">
            <p className="kicker">Error 500</p>
            <h1 id="global-error-title">Masthead is having trouble</h1>
            <p>The site could not be shown just now. Please try again in a moment.</p>
            {error.digest ? <p className="meta">Reference: {error.digest}</p> : null}
            <p>
              <button type="button" onClick={reset}>
                Try again
              </button>{' '}
              {/* A plain link: the app's router may be what failed. */}
              or go to <a href="/">the front page</a>.
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}
