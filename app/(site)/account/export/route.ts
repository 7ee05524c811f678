import { getCurrentReader } from '@/lib/readers/current-reader';
import { exportReaderData } from '@/lib/readers/export-reader-data';

/** The signed-in reader's own data as a JSON download; nobody else's, and nothing without a session. */
export async function GET(): Promise<Response> {
  const reader = await getCurrentReader();
  const data = reader ? exportReaderData({ subscriberId: reader.id }) : null;
  if (!data) return Response.json({ ok: false, error: 'Sign in to download your data.' }, { status: 401, headers: { 'Cache-Control': 'no-store' } });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="masthead-my-data.json"',
      'Cache-Control': 'no-store',
    },
  });
}
