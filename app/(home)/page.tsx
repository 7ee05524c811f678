import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ArticleList } from '@/components/site/article-list';
import { CurrentIssue } from '@/components/site/current-issue';
import { LeadStory } from '@/components/site/lead-story';
import { MostCoveredList } from '@/components/site/most-covered-list';
import { SubscribeBox } from '@/components/site/subscribe-box';
import { getHomePage } from '@/lib/site/get-home-page';
import { newestArticle } from '@/lib/site/newest-article';
import { getSiteName } from '@/lib/platform/settings/site-settings';

const DESCRIPTION = 'News and analysis on arms control, disarmament and nonproliferation, with the monthly issue.';

export function generateMetadata(): Metadata {
  const siteName = getSiteName();
  return {
    title: { absolute: `${siteName} — arms control news and analysis` },
    description: DESCRIPTION,
    alternates: { canonical: '/' },
    openGraph: { type: 'website', siteName, url: '/', title: siteName, description: DESCRIPTION },
    twitter: { card: 'summary', title: siteName, description: DESCRIPTION },
  };
}

export default async function HomePage() {
  // Rendered per request, for the script nonce (ADR 007); the data comes from the tagged cache.
  await connection();
  const { issue, latest: newest, mostCovered } = await getHomePage();
  // The newest article of all leads the page, so it is the first thing a reader reaches from the top.
  const lead = newestArticle([...newest.slice(0, 1), ...(issue?.highlights.slice(0, 1) ?? [])]);
  const latest = newest.filter((article) => article.id !== lead?.id);
  return (
    <div className="home">
      {lead ? <LeadStory article={lead} /> : null}
      {issue ? <CurrentIssue issue={issue} /> : <h1>{getSiteName()}</h1>}
      <div className="home-columns">
        <section aria-labelledby="latest-title" className="home-latest">
          <h2 id="latest-title">Latest</h2>
          {latest.length > 0 ? <ArticleList articles={latest} /> : <p>{lead ? 'Nothing else has been published yet.' : 'Nothing has been published yet.'}</p>}
        </section>
        <aside className="home-aside" aria-label="Around the site">
          {mostCovered.length > 0 ? (
            <section aria-labelledby="most-covered-title">
              <h2 id="most-covered-title">Most covered this month</h2>
              <MostCoveredList entities={mostCovered} />
            </section>
          ) : null}
          <SubscribeBox />
          <p className="meta">
            <a href="/issues">Every issue</a>
          </p>
        </aside>
      </div>
    </div>
  );
}
