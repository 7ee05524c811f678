import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, media } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { listEditableMediaIds } from '@/lib/media/list-editable-media-ids';
import { makeImage } from '../factories/image';
import { createTestStaff } from '../factories/staff';
import { uploadTestImage, withTempMediaFolder } from '../factories/media-folder';
import { withTempDatabase } from '../factories/temp-database';

const signedIn = vi.hoisted(() => ({ staff: null as StaffIdentity | null }));
vi.mock('@/lib/staff/auth/current-staff', () => ({
  getCurrentStaff: async () => signedIn.staff,
  requireStaff: async () => {
    if (!signedIn.staff) throw new Error('not signed in');
    return signedIn.staff;
  },
}));

withTempDatabase();

const mediaFolder = withTempMediaFolder();
beforeEach(() => {
  signedIn.staff = null;
});

describe('editing the text of an image', () => {
  async function patch({ id, as, body, origin }: { id: number; as: StaffIdentity; body: unknown; origin?: string }) {
    const { PATCH } = await import('@/app/api/desk/media/[id]/route');
    signedIn.staff = as;
    try {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) };
      return await PATCH(new Request(`http://localhost:3000/api/desk/media/${id}`, { method: 'PATCH', headers, body: JSON.stringify(body) }), {
        params: Promise.resolve({ id: String(id) }),
      });
    } finally {
      signedIn.staff = null;
    }
  }

  const altOf = (id: number) => getDb().select({ alt: media.alt, caption: media.caption }).from(media).where(eq(media.id, id)).get();

  it('refuses an author changing the alt text or caption of an image someone else uploaded, and changes nothing', async () => {
    const uploader = await createTestStaff({ role: 'author' });
    const image = await uploadTestImage({ by: uploader, alt: 'Centrifuge hall' });
    const otherAuthor = await createTestStaff({ role: 'author' });

    const response = await patch({ id: image.id, as: otherAuthor, body: { alt: 'Something else', caption: 'Changed' } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ ok: false, error: 'Only the person who uploaded this image, or an editor, can change its text.' });
    expect(altOf(image.id)).toEqual({ alt: 'Centrifuge hall', caption: '' });
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, 'media.update')).all()).toEqual([]);
  });

  it('lets the uploader change the text of their own image', async () => {
    const uploader = await createTestStaff({ role: 'author' });
    const image = await uploadTestImage({ by: uploader, alt: 'Centrifuge hall' });
    const response = await patch({ id: image.id, as: uploader, body: { alt: 'Centrifuge hall at Natanz', caption: 'In 2019.' } });
    expect(response.status).toBe(200);
    expect(altOf(image.id)).toEqual({ alt: 'Centrifuge hall at Natanz', caption: 'In 2019.' });
  });

  it('lets an editor change the text of any image', async () => {
    const image = await uploadTestImage({ alt: 'Centrifuge hall' });
    const editor = await createTestStaff({ role: 'editor' });
    const response = await patch({ id: image.id, as: editor, body: { alt: 'Centrifuge hall, Natanz' } });
    expect(response.status).toBe(200);
    expect(altOf(image.id)?.alt).toBe('Centrifuge hall, Natanz');
  });

  it('offers editing in the library only where the server would allow it', async () => {
    const uploader = await createTestStaff({ role: 'author' });
    const own = await uploadTestImage({ by: uploader });
    const others = await uploadTestImage();
    const ids = [own.id, others.id];
    expect(listEditableMediaIds({ actor: uploader, ids })).toEqual([own.id]);
    expect(listEditableMediaIds({ actor: await createTestStaff({ role: 'editor' }), ids })).toEqual(ids);
  });

  it('refuses an edit sent from another site, even by the uploader, and changes nothing', async () => {
    const uploader = await createTestStaff({ role: 'author' });
    const image = await uploadTestImage({ by: uploader, alt: 'Centrifuge hall' });
    const response = await patch({ id: image.id, as: uploader, body: { alt: 'Defaced' }, origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ ok: false, error: 'This request came from another site and was refused.' });
    expect(altOf(image.id)?.alt).toBe('Centrifuge hall');

    const sameSite = await patch({ id: image.id, as: uploader, body: { alt: 'Centrifuge hall at Natanz' }, origin: 'http://localhost:3000' });
    expect(sameSite.status).toBe(200);
    expect(altOf(image.id)?.alt).toBe('Centrifuge hall at Natanz');
  });
});

describe('uploading an image', () => {
  async function post({ as, origin }: { as: StaffIdentity; origin?: string }) {
    const { POST } = await import('@/app/api/desk/media/route');
    const form = new FormData();
    form.set('file', new File([new Uint8Array(await makeImage({ format: 'jpeg', width: 200, height: 100 }))], 'pier.jpg', { type: 'image/jpeg' }));
    form.set('alt', 'A pier');
    signedIn.staff = as;
    try {
      return await POST(new Request('http://localhost:3000/api/desk/media', { method: 'POST', body: form, headers: origin ? { Origin: origin } : {} }));
    } finally {
      signedIn.staff = null;
    }
  }

  const mediaCount = () => getDb().select().from(media).all().length;

  it('refuses an upload sent from another site and stores nothing', async () => {
    const author = await createTestStaff({ role: 'author' });
    const response = await post({ as: author, origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ ok: false, error: 'This request came from another site and was refused.' });
    expect(mediaCount()).toBe(0);
    expect(fs.readdirSync(mediaFolder.path())).toEqual([]);
  });

  it('accepts the same upload from the desk itself', async () => {
    const author = await createTestStaff({ role: 'author' });
    const response = await post({ as: author, origin: 'http://localhost:3000' });
    expect(response.status).toBe(201);
    expect(mediaCount()).toBe(1);
  });
});
