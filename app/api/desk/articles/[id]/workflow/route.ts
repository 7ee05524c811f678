import { z } from 'zod';
import { getWorkflowState } from '@/lib/articles/get-workflow-state';
import { listedFootprint } from '@/lib/articles/listed-footprint';
import { transitionArticle } from '@/lib/articles/transition-article';
import { changesPublicSite } from '@/lib/platform/cache/changes-public-site';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { readerContentTags } from '@/lib/platform/cache/reader-content-tags';
import { jsonAnswer, jsonError } from '@/lib/platform/http/json-body';
import { idParam, staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

const params = z.object({ id: idParam });

/** Where the article stands in the workflow, its preflight checklist, and the moves this person may make. */
export const GET = staffEndpoint({
  name: 'article.workflow.state',
  permission: 'article.view',
  params,
  audit: 'read-only',
  run: ({ staff, params }) => jsonAnswer({ ok: true, state: getWorkflowState({ id: params.id, actor: staff }) }),
});

/**
 * Makes one workflow move (`{ action, note?, scheduledFor?, correction? }`); 422 with the reasons when it cannot.
 * Each move has its own permission (submit, review, publish…), which the workflow checks on the article.
 */
export const POST = staffEndpoint({
  name: 'article.workflow.move',
  permission: 'article.view',
  params,
  input: { body: z.unknown(), maxBytes: 64 * 1024 },
  audit: 'in-domain',
  run: ({ staff, params, input }) => {
    // What readers could see before the move: an unpublish or a retag takes rows away that only this read still finds.
    const isPublicMove = changesPublicSite(input);
    const before = isPublicMove ? readerContentTags({ kind: 'article', articleIds: [params.id] }) : [];
    const listedBefore = isPublicMove ? listedFootprint(params.id) : null;
    const result = transitionArticle({ id: params.id, actor: staff, input });
    if (!result.ok) return jsonError(422, result.error, { problems: result.problems ?? [], fieldErrors: result.fieldErrors ?? {} });
    if (isPublicMove) {
      // An update of the text alone (a correction, a new paragraph) leaves every list, issue and neighbour as it was.
      const isOwnPageOnly = listedFootprint(params.id) === listedBefore;
      if (isOwnPageOnly) expireReaderContent({ kind: 'article-page', articleIds: [params.id] });
      else expireReaderContent({ kind: 'article', articleIds: [params.id] }, { before });
    }
    return jsonAnswer({ ok: true, state: getWorkflowState({ id: params.id, actor: staff }) });
  },
});
