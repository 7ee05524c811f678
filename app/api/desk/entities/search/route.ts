import { z } from 'zod';
import { searchEntitiesForPicker } from '@/lib/entities/search-entities-for-picker';
import { jsonAnswer } from '@/lib/platform/http/json-body';
import { staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

/** The editor's entity picker: `@` mentions, "Tag as…", and hand-added tags. */
export const GET = staffEndpoint({
  name: 'entity.search',
  permission: 'signed-in',
  input: { query: z.object({ q: z.string().default('') }) },
  audit: 'read-only',
  run: ({ input }) => jsonAnswer({ ok: true, entities: searchEntitiesForPicker({ query: input.q }) }),
});
