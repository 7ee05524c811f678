import fs from 'node:fs';
import { EXPORT_JSON_SCHEMA_FILE, exportJsonSchemaText } from '@/lib/migration/export/export-schema';

/** `npm run export:schema`: writes the export document's JSON Schema, generated from its zod schemas. */
fs.writeFileSync(EXPORT_JSON_SCHEMA_FILE, exportJsonSchemaText());
console.log(`Wrote ${EXPORT_JSON_SCHEMA_FILE}.`);
