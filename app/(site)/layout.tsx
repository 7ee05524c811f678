import type { ReactNode } from 'react';
import { SiteFrame } from '@/components/site/site-frame';
import { getSiteNavigation } from '@/lib/site/navigation/get-site-navigation';

export default async function SiteLayout({ children }: { children: ReactNode }) {
  return <SiteFrame navigation={await getSiteNavigation()}>{children}</SiteFrame>;
}
