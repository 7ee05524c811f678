import { connection } from 'next/server';
import { entityFeedResponse } from '@/lib/site/feeds/entity-feed-response';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  return entityFeedResponse({ kind: 'topic', slug: (await params).slug });
}
