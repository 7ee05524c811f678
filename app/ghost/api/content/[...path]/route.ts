import { answerContentPreflight, answerContentRequest } from '@/lib/api/content/answer-content-request';

/** Ghost's Content API, read-only: each request brings its own integration key, checked in `answerContentRequest`. */
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  return answerContentRequest({ request, path: path.filter(Boolean) });
}

export function OPTIONS(request: Request) {
  return answerContentPreflight(request);
}
