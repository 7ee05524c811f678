import worldCountries from 'world-countries';
import { slugify } from '@/lib/content/text/slugify';
import type { EntityFacts } from '@/lib/entities/entity-types';

export type CountryEntity = { name: string; slug: string; aliases: string[]; description: string; facts: EntityFacts };

/** Every officially assigned ISO 3166-1 country, from the world-countries package. */
export function countryEntities(): CountryEntity[] {
  return worldCountries
    .filter((country) => country.status === 'officially-assigned')
    .map((country) => {
      const name = country.name.common;
      const aliases = new Set<string>();
      for (const candidate of [country.name.official, ...country.altSpellings]) {
        // Two-letter codes ("US", "IN") collide with ordinary words; non-Latin spellings are not our readers'.
        if (candidate.length < 3 || candidate === name || !/^[\p{Script=Latin}\p{P}\p{Zs}\d]+$/u.test(candidate)) continue;
        aliases.add(candidate);
      }
      const capital = country.capital[0] ?? null;
      return {
        name,
        slug: slugify(name),
        aliases: [...aliases],
        description: describeCountry({ name, region: country.subregion || country.region, capital }),
        facts: {
          iso2: country.cca2,
          iso3: country.cca3,
          isoNumeric: country.ccn3,
          officialName: country.name.official,
          region: country.region,
          subregion: country.subregion || null,
          capital,
          unMember: country.unMember,
        },
      };
    });
}

function describeCountry({ name, region, capital }: { name: string; region: string; capital: string | null }): string {
  return capital ? `${name}, in ${region}; capital ${capital}.` : `${name}, in ${region}.`;
}
