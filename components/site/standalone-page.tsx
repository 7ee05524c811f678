/** A standalone page (About, Masthead, Contact): its title and text in the article template's typography, with no byline or date. */
export function StandalonePage({ title, html }: { title: string; html: string }) {
  return (
    <article className="article standalone-page">
      <header>
        <h1>{title}</h1>
      </header>
      {/* The HTML comes from validated article JSON through the shared renderer, never from stored HTML. */}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
