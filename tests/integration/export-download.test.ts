import { eq } from 'drizzle-orm';
import yauzl from 'yauzl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { articles, auditLog, media } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { storeUpload } from '@/lib/media/store-upload';
import { GET as downloadExport } from '@/app/api/desk/export/route';
import { createTestArticle } from '../factories/article';
import { makeImage } from '../factories/image';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

const signedIn = vi.hoisted(() => ({ staff: null as StaffIdentity | null }));
vi.mock('@/lib/staff/auth/current-staff', () => ({ getCurrentStaff: async () => signedIn.staff }));

withTempDatabase();

beforeEach(() => {
  signedIn.staff = null;
});

/** Every entry of a zip, by name, with its bytes. */
async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))));
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

const downloads = () => getDb().select().from(auditLog).where(eq(auditLog.action, 'export.download')).all();

describe('the export download', () => {
  it('streams a zip with the document, the lists, the WordPress file and the images to an administrator, and logs who took it', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    createTestArticle({ title: 'Ports and tariffs', status: 'published' });
    const upload = await storeUpload({ bytes: await makeImage({ format: 'png', width: 800, height: 600 }), originalName: 'chart.png', declaredType: 'image/png', actorId: admin.id });
    if (!upload.ok) throw new Error(upload.error);
    const stored = getDb().select().from(media).where(eq(media.id, upload.media.id)).get()!;
    signedIn.staff = admin;

    const response = await downloadExport(new Request('http://localhost/api/desk/export'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="masthead-export-\d{4}-\d{2}-\d{2}\.zip"$/);
    const entries = await unzip(Buffer.from(await response.arrayBuffer()));
    expect([...entries.keys()]).toEqual(expect.arrayContaining(['masthead-export.json', 'subscribers.csv', 'redirects.csv', 'wordpress.xml', `media/${stored.originalPath}`, ...stored.variants.map((variant) => `media/${variant.path}`)]));
    const document = JSON.parse(entries.get('masthead-export.json')!.toString('utf8')) as { articles: { title: string }[] };
    expect(document.articles.map((article) => article.title)).toEqual(getDb().select({ title: articles.title }).from(articles).all().map((row) => row.title));
    expect(entries.get(`media/${stored.originalPath}`)!.length).toBe(stored.bytes);
    expect(downloads()).toMatchObject([{ actorId: admin.id, subjectType: 'site' }]);
  });

  it('refuses an editor with a sentence, and logs nothing', async () => {
    signedIn.staff = await createTestStaff({ role: 'editor' });
    const response = await downloadExport(new Request('http://localhost/api/desk/export'));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'Only administrators can download the export.' });
    expect(downloads()).toEqual([]);
  });
});
