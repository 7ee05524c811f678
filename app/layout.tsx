import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { getConfig } from '@/lib/platform/config/get-config';
import { CSP_REPORT_PATH } from '@/lib/site/content-security-policy';
import { trustedTypesPolicyScript } from '@/lib/site/trusted-types-policy';
import './globals.css';
import { getSiteName } from '@/lib/platform/settings/site-settings';

/** Read per request, so SITE_URL set at start (not at build) makes canonical and OpenGraph URLs absolute. */
export function generateMetadata(): Metadata {
  const siteName = getSiteName();
  return {
    metadataBase: new URL(getConfig().siteUrl),
    title: { default: siteName, template: `%s · ${siteName}` },
    description: 'News and analysis on arms control, disarmament and nonproliferation.',
    applicationName: siteName,
    openGraph: { siteName, type: 'website', locale: 'en_GB' },
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

// Not under `next dev`, whose error overlay evaluates code (as the policy header leaves them out there).
const POLICY_SCRIPT = trustedTypesPolicyScript({ isEnforced: process.env.NODE_ENV !== 'development', reportPath: CSP_REPORT_PATH });

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The proxy's per-request nonce, which Next also reads from this header for its own scripts (ADR 007).
  const nonce = /'nonce-([^']+)'/.exec((await headers()).get('content-security-policy') ?? '')?.[1];
  return (
    <html lang="en">
      <head>
        {/* First in the page: the Trusted Types default policy, then the requirement, before any script uses a sink. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: POLICY_SCRIPT }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
