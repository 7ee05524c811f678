import type { BylineContributor } from '@/lib/staff/users/byline-contributor';

export type GuestAnswer =
  | { ok: true; contributor: BylineContributor }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; existing?: BylineContributor };

/** Adds a guest contributor for the byline; a name already known comes back as `existing`. */
export async function postGuestContributor(guest: { name: string; affiliation: string }): Promise<GuestAnswer> {
  try {
    const response = await fetch('/api/desk/contributors', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(guest), cache: 'no-store' });
    const data = (await response.json().catch(() => null)) as Partial<GuestAnswer> & { contributor?: BylineContributor; error?: string } | null;
    if (response.ok && data?.contributor) return { ok: true, contributor: data.contributor };
    return {
      ok: false,
      error: data?.error ?? 'The guest could not be added; try again in a moment.',
      fieldErrors: data && 'fieldErrors' in data ? data.fieldErrors : undefined,
      existing: data && 'existing' in data ? data.existing : undefined,
    };
  } catch {
    return { ok: false, error: 'You seem to be offline; the guest was not added. Try again when the connection returns.' };
  }
}
