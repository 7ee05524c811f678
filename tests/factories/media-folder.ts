import fs from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import type { MediaView } from '@/lib/media/media-view';
import { storeUpload } from '@/lib/media/store-upload';
import { makeImage } from './image';
import { createTestStaff } from './staff';
import { makeTempFolder } from './temp-database';

/** Gives each test in the file its own empty MEDIA_DIR, and removes it afterwards. */
export function withTempMediaFolder(): { path: () => string } {
  let folder = '';
  beforeEach(() => {
    folder = makeTempFolder();
    process.env.MEDIA_DIR = folder;
  });
  afterEach(() => {
    delete process.env.MEDIA_DIR;
    fs.rmSync(folder, { recursive: true, force: true });
  });
  return { path: () => folder };
}

/** A 1200×800 JPEG stored through the upload path, by `by` (a new author when left out). */
export async function uploadTestImage({ by, alt = 'Inspectors at a missile site' }: { by?: StaffIdentity; alt?: string } = {}): Promise<MediaView> {
  const uploader = by ?? (await createTestStaff({ role: 'author' }));
  const result = await storeUpload({
    bytes: await makeImage({ format: 'jpeg', width: 1200, height: 800 }),
    originalName: 'site.jpg',
    declaredType: 'image/jpeg',
    alt,
    actorId: uploader.id,
  });
  if (!result.ok) throw new Error(result.error);
  return result.media;
}
