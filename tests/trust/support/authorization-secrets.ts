import sharp from 'sharp';
import { revalidationToken } from '@/lib/platform/cache/revalidation-token';
import { signUnsubscribeToken } from '@/lib/readers/unsubscribe-token';
import { TRUST_AUTH_SECRET } from './app-process';

/** The tokens the app under test signs, made with the same secret it was started with. */
export function signUnsubscribe(subscriberId: number): string {
  return withAppSecret(() => signUnsubscribeToken(subscriberId));
}

export function revalidationBearer(): string {
  return withAppSecret(() => revalidationToken());
}

/** A 16 × 16 grey PNG, a real image for the upload rows. */
export function tinyPng(): Promise<Buffer> {
  return sharp({ create: { width: 16, height: 16, channels: 3, background: '#888888' } }).png().toBuffer();
}

function withAppSecret<Value>(make: () => Value): Value {
  const previous = process.env.AUTH_SECRET;
  process.env.AUTH_SECRET = TRUST_AUTH_SECRET;
  try {
    return make();
  } finally {
    if (previous === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = previous;
  }
}
