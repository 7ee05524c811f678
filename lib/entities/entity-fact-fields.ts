import type { EntityKind } from '@/db/schema';

/** How a fact is typed in and checked: `count` and `year` are whole numbers, `code` is upper-cased. */
export type EntityFactType = 'text' | 'date' | 'count' | 'year' | 'boolean' | 'code';

export type EntityFactField = {
  key: string;
  label: string;
  type: EntityFactType;
  hint?: string;
  /** For `code`: the whole value must match, after upper-casing. */
  pattern?: RegExp;
  patternMessage?: string;
  maxLength?: number;
};

/**
 * The facts each kind may carry: the form draws these fields and the input schema accepts only
 * these keys. Beyond the design's list it names the facts the demo knowledge base already holds
 * (a country's capital, a treaty's status, an organization's headquarters), so editing an entity
 * never silently drops what it had.
 */
export const ENTITY_FACT_FIELDS: Record<EntityKind, EntityFactField[]> = {
  country: [
    { key: 'iso2', label: 'ISO 3166 alpha-2 code', type: 'code', pattern: /^[A-Z]{2}$/, patternMessage: 'Use the two-letter code, e.g. PL.' },
    { key: 'iso3', label: 'ISO 3166 alpha-3 code', type: 'code', pattern: /^[A-Z]{3}$/, patternMessage: 'Use the three-letter code, e.g. POL.' },
    { key: 'isoNumeric', label: 'ISO 3166 numeric code', type: 'code', pattern: /^\d{3}$/, patternMessage: 'Use the three-digit code, e.g. 616.' },
    { key: 'officialName', label: 'Official name', type: 'text', maxLength: 300 },
    { key: 'capital', label: 'Capital', type: 'text', maxLength: 200 },
    { key: 'region', label: 'Region', type: 'text', maxLength: 200 },
    { key: 'subregion', label: 'Subregion', type: 'text', maxLength: 200 },
    { key: 'unMember', label: 'UN member', type: 'boolean' },
  ],
  treaty: [
    { key: 'openedForSignature', label: 'Opened for signature', type: 'date' },
    { key: 'entryIntoForce', label: 'Entry into force', type: 'date' },
    { key: 'depositary', label: 'Depositary', type: 'text', maxLength: 300 },
    { key: 'statesParties', label: 'States parties', type: 'count' },
    { key: 'statesPartiesAsOf', label: 'States parties as of', type: 'date' },
    { key: 'status', label: 'Status', type: 'text', maxLength: 300, hint: 'E.g. "in force", "suspended by Russia 2023".' },
    { key: 'note', label: 'Note', type: 'text', maxLength: 1000 },
  ],
  person: [
    { key: 'role', label: 'Role', type: 'text', maxLength: 300, hint: 'E.g. "Prime Minister of Poland".' },
    { key: 'affiliation', label: 'Affiliation', type: 'text', maxLength: 300 },
    { key: 'country', label: 'Country (ISO alpha-2 code)', type: 'code', pattern: /^[A-Z]{2}$/, patternMessage: 'Use the two-letter code, e.g. PL.' },
  ],
  organization: [
    { key: 'acronym', label: 'Acronym', type: 'text', maxLength: 40 },
    { key: 'type', label: 'Type', type: 'text', maxLength: 60, hint: 'E.g. intergovernmental, nongovernmental, alliance, un-body.' },
    { key: 'founded', label: 'Founded (year)', type: 'year' },
    { key: 'headquarters', label: 'Headquarters', type: 'text', maxLength: 200 },
  ],
  topic: [],
};
