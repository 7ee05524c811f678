import type { ReactNode } from 'react';
import { SiteFrame } from '@/components/site/site-frame';
import { getSiteNavigation } from '@/lib/site/navigation/get-site-navigation';

// The home page has a group of its own only for this: its masthead does not link to itself.
export default async function HomeLayout({ children }: { children: ReactNode }) {
  return (
    <SiteFrame isHome navigation={await getSiteNavigation()}>
      {children}
    </SiteFrame>
  );
}
