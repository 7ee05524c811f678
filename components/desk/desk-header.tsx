import Link from 'next/link';
import type { StaffIdentity } from '@/lib/auth/authenticate-staff';

export function DeskHeader({ staff, signOutAction }: { staff: StaffIdentity; signOutAction: () => Promise<void> }) {
  return (
    <header className="desk-header">
      <Link href="/desk" className="masthead-title">
        Masthead desk
      </Link>
      <p className="desk-user">
        Signed in as <strong>{staff.name}</strong> <span className="role-badge">{staff.role}</span>
      </p>
      <form action={signOutAction}>
        <button type="submit" className="link-button">
          Sign out
        </button>
      </form>
    </header>
  );
}
