import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { getConfig } from '@/lib/config/get-config';
import { TRUSTED_TYPES_POLICY_SCRIPT } from '@/lib/site/trusted-types-policy';
import './globals.css';

/** Read per request, so SITE_URL set at start (not at build) makes canonical and OpenGraph URLs absolute. */
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(getConfig().siteUrl),
    title: { default: 'Masthead', template: '%s · Masthead' },
    description: 'News and analysis on arms control, disarmament and nonproliferation.',
    applicationName: 'Masthead',
    openGraph: { siteName: 'Masthead', type: 'website', locale: 'en_GB' },
    twitter: { card: 'summary' },
  };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fcfcfa' },
    { media: '(prefers-color-scheme: dark)', color: '#16181c' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The proxy's per-request nonce, which Next also reads from this header for its own scripts (ADR 007).
  const nonce = /'nonce-([^']+)'/.exec((await headers()).get('content-security-policy') ?? '')?.[1];
  return (
    <html lang="en">
      <head>
        {/* First in the page: the Trusted Types default policy must exist before any script uses a sink. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: TRUSTED_TYPES_POLICY_SCRIPT }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
