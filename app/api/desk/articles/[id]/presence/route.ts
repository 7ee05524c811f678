import { z } from 'zod';
import { heartbeat, leaveArticle } from '@/lib/articles/article-presence';
import { jsonAnswer } from '@/lib/platform/http/json-body';
import { idParam, staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

const params = z.object({ id: idParam });

/** A heartbeat from an open editor; answers with the others who have the article open. */
export const POST = staffEndpoint({
  name: 'article.presence.beat',
  permission: 'article.view',
  params,
  // Presence is a few seconds of "who has this open": it is not history.
  audit: 'read-only',
  run: ({ staff, params }) => jsonAnswer({ ok: true, others: heartbeat({ articleId: params.id, actor: staff }) }),
});

export const DELETE = staffEndpoint({
  name: 'article.presence.leave',
  permission: 'article.view',
  params,
  audit: 'read-only',
  run: ({ staff, params }) => {
    leaveArticle({ articleId: params.id, actor: staff });
    return jsonAnswer({ ok: true });
  },
});
