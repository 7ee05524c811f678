import { z } from 'zod';
import { findExistingEntityIds } from '@/lib/entities/find-existing-entity-ids';
import { jsonAnswer } from '@/lib/platform/http/json-body';
import { staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

const MAX_IDS = 500;

/** The editor asks, before pasting tagged mentions, which of their entities exist here. */
export const POST = staffEndpoint({
  name: 'entity.existing',
  permission: 'signed-in',
  input: {
    body: z.object({ ids: z.array(z.number().int().positive(), { error: 'Send the entity ids as a list of whole numbers.' }).max(MAX_IDS, `Ask about at most ${MAX_IDS} entities at once.`) }, { error: 'Send the entity ids as a list of whole numbers.' }),
    maxBytes: 16 * 1024,
  },
  audit: 'read-only',
  run: ({ input }) => jsonAnswer({ ok: true, ids: findExistingEntityIds(input.ids) }),
});
