import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { ToastProvider } from '@/components/ui/toast';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { can } from '@/lib/staff/auth/policy';
import { countUnreadNotifications } from '@/lib/staff/notifications/count-unread';
import { signOutAction } from './actions';
import { Button } from '@/components/ui/button';

/** The newsroom's frame: who is signed in, where they can go, and a way out. */
export function DeskShell({ staff, children, isWide = false }: { staff: StaffIdentity; children: ReactNode; isWide?: boolean }) {
  const unread = countUnreadNotifications(staff.id);
  return (
    <ToastProvider>
      <header className="desk-header">
        <Link href="/desk" className="masthead-title">
          Masthead desk
        </Link>
        <nav aria-label="Desk">
          <Link href="/desk">Articles</Link>
          <Link href="/desk/articles/new">New article</Link>
          {can({ role: staff.role, action: 'issue.manage' }) ? <Link href="/desk/issues">Issues</Link> : null}
          <Link href="/desk/entities">Entities</Link>
          <Link href="/desk/media">Media</Link>
          <Link href="/desk/inbox">{unread > 0 ? `Inbox (${unread} unread)` : 'Inbox'}</Link>
          {can({ role: staff.role, action: 'audit.view' }) ? <Link href="/desk/audit">Audit log</Link> : null}
          {can({ role: staff.role, action: 'mail.view' }) ? <Link href="/desk/mail">Mail</Link> : null}
          {can({ role: staff.role, action: 'mail.view' }) ? <Link href="/desk/outbox">Outbox</Link> : null}
          {can({ role: staff.role, action: 'user.manage' }) ? (
            <Link href="/desk/staff">Staff</Link>
          ) : can({ role: staff.role, action: 'contributor.manage' }) ? (
            <Link href="/desk/staff">Contributors</Link>
          ) : null}
          {can({ role: staff.role, action: 'member.manage' }) ? <Link href="/desk/members">Members</Link> : null}
          {can({ role: staff.role, action: 'page.edit' }) ? <Link href="/desk/pages">Pages</Link> : null}
          {can({ role: staff.role, action: 'redirect.manage' }) ? <Link href="/desk/redirects">Redirects</Link> : null}
          {can({ role: staff.role, action: 'import.run' }) ? <Link href="/desk/import">Import and export</Link> : null}
          {can({ role: staff.role, action: 'settings.manage' }) ? <Link href="/desk/settings">Settings</Link> : null}
          <Link href="/">Site</Link>
        </nav>
        <p className="desk-user">
          Signed in as <strong>{staff.name}</strong> <Badge kind="role">{staff.role}</Badge>
        </p>
        <form action={signOutAction}>
          <Button type="submit" variant="quiet">
            Sign out
          </Button>
        </form>
      </header>
      <main id="main" className={isWide ? 'desk-main desk-main-wide' : 'desk-main'}>
        {children}
      </main>
    </ToastProvider>
  );
}
