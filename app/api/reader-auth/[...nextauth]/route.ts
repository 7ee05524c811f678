import type { NextRequest } from 'next/server';
import { clientIp } from '@/lib/staff/auth/client-ip';
import { readerAuthHandlers } from '@/lib/readers/reader-auth';
import { refuseReaderSignInOverLimit } from '@/lib/readers/reader-sign-in-limit';

/** Readers' magic-link sign-in (Auth.js under /api/reader-auth); staff sign in under /api/auth. */
export const { GET } = readerAuthHandlers;

/** Asking for a link here directly meets the same limits as the account page's form. */
export async function POST(request: NextRequest): Promise<Response> {
  const refusal = await refuseReaderSignInOverLimit({ request, ip: clientIp(request.headers) });
  return refusal ?? readerAuthHandlers.POST(request);
}
