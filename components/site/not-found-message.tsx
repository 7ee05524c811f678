
/** What a reader sees at an address that leads nowhere: where to go instead. */
export function NotFoundMessage() {
  return (
    <section className="notice-page" aria-labelledby="not-found-title">
      <p className="kicker">Error 404</p>
      <h1 id="not-found-title">We cannot find that page</h1>
      <p>The address may be mistyped, or the page may have moved. These may help:</p>
      <ul>
        <li>
          <a href="/">The front page</a>, with the current issue and the latest news
        </li>
        <li>
          <a href="/issues">Every issue</a>, month by month
        </li>
        <li>
          <a href="/search">Search</a> the archive
        </li>
      </ul>
    </section>
  );
}
