import { Fragment } from 'react';
import type { EntityFacts as Facts, EntityKind } from '@/lib/entities/entity-types';
import { formatDate } from '@/components/ui/format-date';
import { entityPath } from '@/lib/entities/entity-path';

type FactPart = { text: string } | { date: string } | { text: string; href: string };

type FactRow = { key: string; label: string; parts: FactPart[] };

type Props = {
  className?: string;
  kind: EntityKind;
  facts: Facts;
  wikidataId: string | null;
  /** The country entity a person's `country` code names, when we have one. */
  country: { name: string; slug: string } | null;
};

/** An entity's facts as a definition list: human labels, house-style dates, links where we have a page. */
export function EntityFacts({ className, kind, facts, wikidataId, country }: Props) {
  const rows = factRows({ kind, facts, country });
  if (wikidataId) {
    rows.push({
      key: 'wikidata',
      label: 'Wikidata',
      parts: [{ text: wikidataId, href: `https://www.wikidata.org/wiki/${encodeURIComponent(wikidataId)}` }],
    });
  }
  if (rows.length === 0) return null;
  return (
    <section className={className} aria-labelledby="entity-facts-title">
      <h2 id="entity-facts-title">Facts</h2>
      <dl>
        {rows.map((row) => (
          <div key={row.key}>
            <dt>{row.label}</dt>
            <dd>{row.parts.map(renderPart)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const ORDER: Record<EntityKind, string[]> = {
  treaty: ['openedForSignature', 'entryIntoForce', 'statesParties', 'depositary', 'status', 'note'],
  country: ['officialName', 'capital', 'region', 'subregion', 'iso2', 'iso3', 'isoNumeric', 'unMember'],
  person: ['role', 'affiliation', 'country'],
  organization: ['acronym', 'type', 'founded', 'headquarters'],
  topic: [],
};

const LABELS: Record<string, string> = {
  openedForSignature: 'Opened for signature',
  entryIntoForce: 'Entered into force',
  statesParties: 'States parties',
  depositary: 'Depositary',
  status: 'Status',
  note: 'Note',
  officialName: 'Official name',
  capital: 'Capital',
  region: 'Region',
  subregion: 'Subregion',
  iso2: 'ISO 3166-1 alpha-2',
  iso3: 'ISO 3166-1 alpha-3',
  isoNumeric: 'ISO 3166-1 numeric',
  unMember: 'UN member',
  role: 'Role',
  affiliation: 'Affiliation',
  country: 'Country',
  acronym: 'Acronym',
  type: 'Type',
  founded: 'Founded',
  headquarters: 'Headquarters',
};

const ORGANIZATION_TYPES: Record<string, string> = {
  intergovernmental: 'Intergovernmental organization',
  nongovernmental: 'Non-governmental organization',
  alliance: 'Alliance',
  'un-body': 'UN body',
  'national-agency': 'National agency',
  'research-institute': 'Research institute',
  'export-control-regime': 'Export control regime',
  company: 'Company',
};

/** Facts another fact already shows ("as of" belongs to the number of parties). */
const FOLDED_KEYS = new Set(['statesPartiesAsOf']);

const ISO_DATE_IN_TEXT = /\b(\d{4}-\d{2}-\d{2})\b/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function factRows({ kind, facts, country }: { kind: EntityKind; facts: Facts; country: Props['country'] }): FactRow[] {
  const known = ORDER[kind];
  const others = Object.keys(facts).filter((key) => !known.includes(key) && !FOLDED_KEYS.has(key));
  const rows: FactRow[] = [];
  for (const key of [...known, ...others]) {
    const value = facts[key];
    if (value === null || value === undefined || value === '') continue;
    rows.push({ key, label: LABELS[key] ?? humanizeKey(key), parts: factParts({ key, value, facts, country }) });
  }
  return rows;
}

function factParts({
  key,
  value,
  facts,
  country,
}: {
  key: string;
  value: string | number | boolean;
  facts: Facts;
  country: Props['country'];
}): FactPart[] {
  if (typeof value === 'boolean') return [{ text: value ? 'Yes' : 'No' }];
  if (key === 'statesParties') {
    const asOf = facts.statesPartiesAsOf;
    const count = typeof value === 'number' ? value.toLocaleString('en-GB') : value;
    return typeof asOf === 'string' && asOf !== '' ? [{ text: `${count} (as of ` }, ...textParts(asOf), { text: ')' }] : [{ text: count }];
  }
  if (key === 'country' && country) return [{ text: country.name, href: entityPath({ kind: 'country', slug: country.slug }) }];
  if (key === 'type' && typeof value === 'string') return [{ text: ORGANIZATION_TYPES[value] ?? sentenceCase(value.replace(/-/g, ' ')) }];
  if (key === 'status' && typeof value === 'string') return textParts(sentenceCase(value));
  return textParts(String(value));
}

/** Splits text around ISO dates, so "terminated 2019-08-02" reads "terminated 2 August 2019". */
function textParts(text: string): FactPart[] {
  return text
    .split(ISO_DATE_IN_TEXT)
    .filter((piece) => piece !== '')
    .map((piece) => (ISO_DATE.test(piece) && isRealDate(piece) ? { date: piece } : { text: piece }));
}

function isRealDate(isoDate: string): boolean {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(isoDate);
}

function renderPart(part: FactPart, index: number) {
  if ('date' in part) {
    return (
      <time key={index} dateTime={part.date}>
        {formatDate(new Date(`${part.date}T00:00:00Z`))}
      </time>
    );
  }
  if ('href' in part) {
    return part.href.startsWith('/') ? (
      <a key={index} href={part.href}>
        {part.text}
      </a>
    ) : (
      <a key={index} href={part.href} rel="external">
        {part.text}
      </a>
    );
  }
  return <Fragment key={index}>{part.text}</Fragment>;
}

function humanizeKey(key: string): string {
  return sentenceCase(key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
