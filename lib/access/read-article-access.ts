import 'server-only';
import { headers } from 'next/headers';
import { getCurrentReader } from '@/lib/readers/current-reader';
import type { ArticleAccessRule } from './article-access-rule';
import { decideArticleAccess, type AccessDecision } from './decide-article-access';
import { institutionAddress } from './institution-address';
import { takeInstitutionSeat } from './institution-seats';
import { recordInstitutionView } from './record-institution-view';

/**
 * The access decision for the request being answered: the signed-in reader, re-read from the database,
 * and the client address. A view let in by an institution is counted for its usage report, and a reader let
 * in by its email domain takes (or keeps) a seat; a prefetch, which nobody has read yet, does neither.
 */
export async function readArticleAccess({ rule, isCounted = true }: { rule: ArticleAccessRule; isCounted?: boolean }): Promise<AccessDecision> {
  if (rule.access === 'public') return decideArticleAccess({ rule, reader: null, address: null });
  const requestHeaders = await headers();
  const reader = await getCurrentReader();
  const decision = decideArticleAccess({ rule, reader, address: institutionAddress(requestHeaders) });
  if (decision.institutionId !== null && isCounted && !requestHeaders.has('next-router-prefetch')) {
    try {
      recordInstitutionView({ institutionId: decision.institutionId });
      if (decision.reason === 'institution-domain' && reader) takeInstitutionSeat({ institutionId: decision.institutionId, subscriberId: reader.id });
    } catch (error) {
      // The reader still gets the article when the count cannot be written.
      console.error('Counting an institutional view failed:', error);
    }
  }
  return decision;
}
