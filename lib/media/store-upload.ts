import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { getDb } from '@/db/client';
import { media, type MediaVariant } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import { getConfig } from '@/lib/platform/config/get-config';
import { IMAGE_FORMATS } from './image-format';
import { DAMAGED_IMAGE_MESSAGE, inspectImage } from './inspect-image';
import { MAX_UPLOAD_BYTES } from './media-limits';
import { mediaTextSchema, parseMediaText, type MediaTextFieldErrors } from './media-text-schema';
import { toMediaView, type MediaView } from './media-view';
import { renderVariants, type RenderedVariant } from './render-variants';

export type StoreUploadInput = {
  bytes: Buffer;
  originalName: string;
  /** What the browser said the file is; recorded, never trusted. */
  declaredType: string;
  alt?: string;
  caption?: string;
  credit?: string;
  /** Null for an image brought in by an import run without a signed-in person. */
  actorId: number | null;
  maxBytes?: number;
};

export type StoreUploadResult =
  | { ok: true; media: MediaView }
  | { ok: false; status: 400 | 413 | 415 | 422 | 500; error: string; fieldErrors?: MediaTextFieldErrors };

const SAVE_FAILED_MESSAGE = 'The image could not be saved. Try again in a moment; if it keeps failing, tell an administrator.';

/**
 * Accepts an uploaded image: checks it from its bytes, writes the original untouched and its resized
 * copies under MEDIA_DIR, then records it. A refusal writes nothing, to disk or to the database.
 */
export async function storeUpload({
  bytes,
  originalName,
  declaredType,
  alt = '',
  caption = '',
  credit = '',
  actorId,
  maxBytes = MAX_UPLOAD_BYTES,
}: StoreUploadInput): Promise<StoreUploadResult> {
  const text = parseMediaText({ schema: mediaTextSchema, input: { alt, caption, credit } });
  if (!text.ok) return { ok: false, status: 400, error: text.error, fieldErrors: text.fieldErrors };
  const inspection = await inspectImage({ bytes, maxBytes });
  if (!inspection.ok) return inspection;
  let variants: RenderedVariant[];
  try {
    variants = await renderVariants({ bytes, format: inspection.format, width: inspection.width });
  } catch {
    return { ok: false, status: 422, error: DAMAGED_IMAGE_MESSAGE };
  }

  const { mediaDir } = getConfig();
  const storageKey = newStorageKey(new Date());
  const folder = path.join(mediaDir, ...storageKey.split('/'));
  const originalPath = `${storageKey}/original.${IMAGE_FORMATS[inspection.format].extension}`;
  try {
    await fs.mkdir(path.dirname(folder), { recursive: true });
    // Not recursive: an existing folder means a clash, and nothing in it may be touched.
    await fs.mkdir(folder);
  } catch (error) {
    console.error(`Cannot create the media folder ${folder}`, error);
    return { ok: false, status: 500, error: SAVE_FAILED_MESSAGE };
  }

  let stored: MediaVariant[];
  try {
    await fs.writeFile(path.join(folder, path.basename(originalPath)), bytes, { flag: 'wx' });
    stored = [];
    for (const variant of variants) {
      await fs.writeFile(path.join(folder, variant.fileName), variant.data, { flag: 'wx' });
      stored.push({
        width: variant.width,
        height: variant.height,
        format: variant.format,
        path: `${storageKey}/${variant.fileName}`,
        bytes: variant.data.length,
      });
    }
  } catch (error) {
    console.error(`Cannot write the media files in ${folder}`, error);
    await removeFolder(folder);
    return { ok: false, status: 500, error: SAVE_FAILED_MESSAGE };
  }

  try {
    const row = getDb().transaction((tx) => {
      const inserted = tx
        .insert(media)
        .values({
          originalName: cleanOriginalName(originalName),
          mimeType: IMAGE_FORMATS[inspection.format].contentType,
          width: inspection.width,
          height: inspection.height,
          bytes: bytes.length,
          storageKey,
          originalPath,
          variants: stored,
          alt: text.value.alt,
          caption: text.value.caption,
          credit: text.value.credit,
          uploadedBy: actorId,
        })
        .returning()
        .get();
      recordAudit(tx, {
        actorId,
        action: 'media.upload',
        subjectType: 'media',
        subjectId: inserted.id,
        data: { format: inspection.format, bytes: bytes.length, declaredType: declaredType.slice(0, 100) },
      });
      return inserted;
    });
    return { ok: true, media: toMediaView(row) };
  } catch (error) {
    console.error('Recording an uploaded image failed', error);
    await removeFolder(folder);
    return { ok: false, status: 500, error: SAVE_FAILED_MESSAGE };
  }
}

/** `2025/04/3f9c0a…`: grouped by month so no folder grows without bound; random so it cannot be guessed or clash. */
function newStorageKey(now: Date): string {
  const year = String(now.getUTCFullYear());
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${year}/${month}/${randomBytes(8).toString('hex')}`;
}

// Browsers may send a whole path (old Internet Explorer) or control characters; keep a readable name only.
function cleanOriginalName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const cleaned = base.replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, 255);
  return cleaned || 'image';
}

async function removeFolder(folder: string): Promise<void> {
  try {
    await fs.rm(folder, { recursive: true, force: true });
  } catch (error) {
    console.error(`Cannot remove the unfinished media folder ${folder}`, error);
  }
}
