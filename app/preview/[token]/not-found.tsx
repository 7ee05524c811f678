/** The same answer for a made-up, expired or revoked link, so a link reveals nothing about others. */
export default function PreviewNotFound() {
  return (
    <main id="main" className="site-main">
      <article className="article">
        <h1>This preview link does not work</h1>
        <p>It may have expired or been withdrawn, or the address may be incomplete. Ask the person who sent it for a new link.</p>
      </article>
    </main>
  );
}
