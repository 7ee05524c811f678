import { rebuildSearchIndex } from '@/lib/site/search/rebuild-search-index';
import { runCommand } from './run-command';

/** `npm run search:rebuild`: empties the search index and fills it again from every published article. */
runCommand(async () => {
  const rows = rebuildSearchIndex();
  console.log(`Search index rebuilt: ${rows} published articles.`);
  return 0;
});
