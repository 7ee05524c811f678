import type { ReactNode } from 'react';
import { SiteFrame } from '@/components/site/site-frame';

// The home page has a group of its own only for this: its masthead does not link to itself.
export default function HomeLayout({ children }: { children: ReactNode }) {
  return <SiteFrame isHome>{children}</SiteFrame>;
}
