import { z } from 'zod';
import { getWorkflowState } from '@/lib/articles/get-workflow-state';
import { setEmbargo } from '@/lib/articles/set-embargo';
import { jsonAnswer, jsonError } from '@/lib/platform/http/json-body';
import { idParam, staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

/** Sets (`{ until: "YYYY-MM-DDTHH:mm" }`, site time zone) or lifts (`{ until: null }`) the embargo. */
export const PUT = staffEndpoint({
  name: 'article.embargo',
  permission: 'article.publish',
  params: z.object({ id: idParam }),
  input: { body: z.unknown(), maxBytes: 4 * 1024 },
  audit: 'in-domain',
  run: ({ staff, params, input }) => {
    const result = setEmbargo({ id: params.id, actor: staff, input });
    if (!result.ok) return jsonError(422, result.error);
    return jsonAnswer({ ok: true, state: getWorkflowState({ id: params.id, actor: staff }) });
  },
});
