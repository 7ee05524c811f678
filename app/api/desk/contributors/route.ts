import { z } from 'zod';
import { jsonAnswer, jsonError } from '@/lib/platform/http/json-body';
import { staffEndpoint } from '@/lib/staff/actions/staff-endpoint';
import { addGuestContributor } from '@/lib/staff/users/add-guest-contributor';

/** Adds a guest contributor from the editor's byline picker; a name already known answers 409 with that contributor. */
export const POST = staffEndpoint({
  name: 'contributor.add-guest',
  permission: 'contributor.add-guest',
  input: { body: z.unknown(), maxBytes: 8 * 1024 },
  audit: 'in-domain',
  run: ({ staff, input }) => {
    const result = addGuestContributor({ actor: staff, input });
    if (result.ok) return jsonAnswer({ ok: true, contributor: result.contributor }, { status: 201 });
    return jsonError(result.existing ? 409 : 400, result.error, { fieldErrors: result.fieldErrors, existing: result.existing });
  },
});
