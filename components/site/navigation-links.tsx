import { Fragment, type ReactNode } from 'react';
import type { SiteLink } from '@/lib/site/navigation/default-navigation';
import { isExternalHref } from '@/lib/site/navigation/navigation-href';

/** One menu's links, in order; `separator` goes between them (the footer's middle dots). */
export function NavigationLinks({ links, separator = null }: { links: readonly SiteLink[]; separator?: ReactNode }) {
  return links.map((link, index) => (
    <Fragment key={`${index}-${link.href}`}>
      {index > 0 ? separator : null}
      {isExternalHref(link.href) ? <a href={link.href}>{link.label}</a> : <a href={link.href}>{link.label}</a>}
    </Fragment>
  ));
}
