import { z } from 'zod';
import { searchLinkTargets } from '@/lib/articles/search-link-targets';
import { jsonAnswer } from '@/lib/platform/http/json-body';
import { staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

/** Our own articles and issues for the editor's internal link picker, limited to what the caller may open. */
export const GET = staffEndpoint({
  name: 'article.link-targets',
  permission: 'signed-in',
  input: { query: z.object({ q: z.string().default('').transform((query) => query.slice(0, 200)) }) },
  audit: 'read-only',
  run: ({ staff, input }) => jsonAnswer({ ok: true, targets: searchLinkTargets({ actor: staff, query: input.q }) }),
});
