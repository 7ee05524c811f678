import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_JSON_SCHEMA_FILE, exportJsonSchemaText, mastheadExportSchema } from '@/lib/migration/export/export-schema';

describe('the published export schema', () => {
  it('is the one generated from the zod schemas (run npm run export:schema after changing them)', () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, '../..', EXPORT_JSON_SCHEMA_FILE), 'utf8');
    expect(committed).toBe(exportJsonSchemaText());
  });

  it('names the version and every collection a new install needs', () => {
    const schema = JSON.parse(exportJsonSchemaText()) as { required: string[]; properties: Record<string, { const?: unknown }> };
    expect(schema.properties.schemaVersion?.const).toBe(1);
    expect(schema.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'settings', 'sections', 'contributors', 'entities', 'media', 'issues', 'articles', 'pages', 'navigation', 'redirects']),
    );
  });

  it('refuses a document with a staff password in it, or of another version', () => {
    const minimal = {
      schemaVersion: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      generator: 'masthead',
      settings: { siteName: 'M', timeZone: 'UTC', linkedEntityKinds: [] },
      sections: [],
      contributors: [],
      entities: [],
      media: [],
      issues: [],
      articles: [],
      pages: [],
      navigation: [],
      redirects: [],
      files: { subscribers: 'subscribers.csv', redirects: 'redirects.csv', media: 'media/' },
    };
    expect(mastheadExportSchema.safeParse(minimal).success).toBe(true);
    expect(mastheadExportSchema.safeParse({ ...minimal, schemaVersion: 2 }).success).toBe(false);
    const withStaff = { ...minimal, users: [{ email: 'a@b.c', passwordHash: 'x' }] };
    expect((mastheadExportSchema.parse(withStaff) as Record<string, unknown>).users).toBeUndefined();
  });
});
