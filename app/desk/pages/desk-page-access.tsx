import type { ReactNode } from 'react';
import { DeskShell } from '@/app/desk/desk-shell';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';

export const PAGES_REFUSAL = 'Editors and administrators write the site’s standalone pages (About, Masthead, Contact) and its menus. Ask one if something there needs changing.';

/** What someone without the right to edit pages sees instead: the reason, and who can help. */
export function PagesRefused({ staff, heading }: { staff: StaffIdentity; heading: ReactNode }) {
  return (
    <DeskShell staff={staff}>
      <h1>{heading}</h1>
      <p role="alert">{PAGES_REFUSAL}</p>
    </DeskShell>
  );
}
