import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getConfig } from '@/lib/config/get-config';
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
