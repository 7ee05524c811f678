import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site/site-header';

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Masthead — reporting on arms control since 2018. <Link href="/corrections">Corrections</Link>
        </p>
      </footer>
    </>
  );
}
