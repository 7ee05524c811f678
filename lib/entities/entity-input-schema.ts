import { z } from 'zod';
import { ENTITY_KINDS, type EntityFacts, type EntityKind } from '@/db/schema';
import { slugify } from '@/lib/content/text/slugify';
import { ENTITY_FACT_FIELDS, type EntityFactField } from './entity-fact-fields';
import { ENTITY_KIND_LABELS } from './entity-path';

export const ENTITY_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ENTITY_NAME_LENGTH = 200;
export const MAX_ENTITY_DESCRIPTION_LENGTH = 4000;

/** What a create or update stores, once checked: the slug is filled in from the name when left empty. */
export type EntityInput = {
  kind: EntityKind;
  name: string;
  slug: string;
  description: string;
  facts: EntityFacts;
  wikidataId: string | null;
};

export type EntityInputResult = { ok: true; data: EntityInput } | { ok: false; error: string; fieldErrors: Record<string, string> };

/**
 * Checks an entity as a form or a caller sends it. Empty strings mean "not set". Facts are checked
 * against the kind's own list, so a key that kind does not have is refused rather than stored.
 */
export function parseEntityInput(input: unknown): EntityInputResult {
  const base = baseSchema.safeParse(input);
  if (!base.success) return failure(base.error.issues);
  const { kind, name, description, wikidataId } = base.data;
  const facts = factsSchemaFor(kind).safeParse(base.data.facts);
  if (!facts.success) return failure(facts.error.issues, ['facts']);
  const slug = base.data.slug ?? slugify(name);
  if (slug === '') {
    const message = 'The name has no letters or digits to make an address from; type a slug.';
    return { ok: false, error: message, fieldErrors: { slug: message } };
  }
  return { ok: true, data: { kind, name, slug, description, facts: withoutEmpty(facts.data), wikidataId: wikidataId ?? null } };
}

function blankToUndefined(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

const baseSchema = z.object({
  kind: z.enum(ENTITY_KINDS, { error: 'Choose what kind of entity this is.' }),
  name: z
    .string({ error: 'Give the entity a name.' })
    .trim()
    .min(1, 'Give the entity a name.')
    .max(MAX_ENTITY_NAME_LENGTH, `Keep the name under ${MAX_ENTITY_NAME_LENGTH} characters.`),
  slug: z.preprocess(
    blankToUndefined,
    z
      .string({ error: 'Type the slug as text.' })
      .max(80, 'Keep the slug under 80 characters.')
      .regex(ENTITY_SLUG_PATTERN, 'Use lower-case letters, digits and single hyphens, e.g. donald-tusk.')
      .optional(),
  ),
  description: z.preprocess(
    (value) => blankToUndefined(value) ?? '',
    z.string({ error: 'Type the description as text.' }).max(MAX_ENTITY_DESCRIPTION_LENGTH, `Keep the description under ${MAX_ENTITY_DESCRIPTION_LENGTH} characters.`),
  ),
  wikidataId: z.preprocess(
    blankToUndefined,
    z.string({ error: 'Type the Wikidata id as text.' }).regex(/^Q\d+$/, 'A Wikidata id is a Q followed by digits, e.g. Q7184.').optional(),
  ),
  facts: z.preprocess((value) => value ?? {}, z.record(z.string(), z.unknown(), { error: 'Facts must be a set of named values.' })),
});

const factsSchemas = new Map<EntityKind, z.ZodType<Record<string, unknown>>>();

function factsSchemaFor(kind: EntityKind): z.ZodType<Record<string, unknown>> {
  const cached = factsSchemas.get(kind);
  if (cached) return cached;
  const fields = ENTITY_FACT_FIELDS[kind];
  const shape = Object.fromEntries(fields.map((field) => [field.key, factSchema(field)]));
  const kindLabel = ENTITY_KIND_LABELS[kind].one.toLowerCase();
  const schema = z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `A ${kindLabel} has no ${issue.keys.length === 1 ? 'fact' : 'facts'} called ${issue.keys.map((key) => `"${key}"`).join(', ')}.`
        : undefined,
  });
  factsSchemas.set(kind, schema);
  return schema;
}

function factSchema(field: EntityFactField): z.ZodType {
  return z.preprocess(blankToUndefined, factValueSchema(field).optional());
}

function factValueSchema(field: EntityFactField): z.ZodType {
  switch (field.type) {
    case 'text': {
      const maxLength = field.maxLength ?? 300;
      return z.string({ error: 'Type this as text.' }).max(maxLength, `Keep this under ${maxLength} characters.`);
    }
    case 'date':
      return z.iso.date({ error: 'Use a real date written as YYYY-MM-DD.' });
    case 'count':
      return z.preprocess(wholeNumberFromText, z.number({ error: 'Use a whole number, 0 or more.' }).int('Use a whole number, 0 or more.').min(0, 'Use a whole number, 0 or more.'));
    case 'year':
      return z.preprocess(wholeNumberFromText, z.number({ error: 'Use a four-digit year.' }).int('Use a four-digit year.').min(1000, 'Use a four-digit year.').max(2999, 'Use a four-digit year.'));
    case 'boolean':
      return z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean({ error: 'Choose yes or no.' }));
    case 'code':
      return z.preprocess(
        (value) => (typeof value === 'string' ? value.toUpperCase() : value),
        z.string({ error: 'Type the code as text.' }).regex(field.pattern ?? /^[A-Z0-9]+$/, field.patternMessage ?? 'Use letters and digits only.'),
      );
  }
}

function wholeNumberFromText(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
}

function withoutEmpty(facts: Record<string, unknown>): EntityFacts {
  const stored: EntityFacts = {};
  for (const [key, value] of Object.entries(facts)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') stored[key] = value;
  }
  return stored;
}

function failure(issues: z.core.$ZodIssue[], prefix: PropertyKey[] = []): EntityInputResult {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) fieldErrors[[...prefix, ...issue.path].map(String).join('.') || 'form'] ??= issue.message;
  return { ok: false, error: Object.values(fieldErrors)[0] ?? 'Check the entity and try again.', fieldErrors };
}
