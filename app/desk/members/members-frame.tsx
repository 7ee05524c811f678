import Link from 'next/link';
import type { ReactNode } from 'react';
import { DeskShell } from '@/app/desk/desk-shell';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { can } from '@/lib/staff/auth/policy';

const TABS = [
  { key: 'members', href: '/desk/members', label: 'Members' },
  { key: 'tiers', href: '/desk/members/tiers', label: 'Tiers' },
  { key: 'institutions', href: '/desk/members/institutions', label: 'Institutions' },
] as const;

/** The members desk's frame: its tabs, or, for staff who may not manage members, who to ask. */
export function MembersFrame({ staff, current, title, children }: { staff: StaffIdentity; current: (typeof TABS)[number]['key']; title: string; children: ReactNode }) {
  if (!can({ role: staff.role, action: 'member.manage' })) {
    return (
      <DeskShell staff={staff}>
        <h1>{title}</h1>
        <p>Administrators manage members, tiers and institutions. Ask one to grant or change a membership.</p>
      </DeskShell>
    );
  }
  return (
    <DeskShell staff={staff} isWide>
      <h1>{title}</h1>
      <nav aria-label="Members desk" className="filter-bar">
        {TABS.map((tab) => (
          <Link key={tab.key} href={tab.href} aria-current={tab.key === current ? 'page' : undefined}>
            {tab.label}
          </Link>
        ))}
      </nav>
      {children}
    </DeskShell>
  );
}
