import { checkHealth } from '@/lib/platform/health/check-health';

export const dynamic = 'force-dynamic';

/** Public and unauthenticated by design: it reveals only whether the database answers. */
export function GET() {
  const health = checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
