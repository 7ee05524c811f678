import 'server-only';
import type { EntityKind } from '@/db/schema';
import type { AliasMatch } from './alias-matcher';
import { findCandidateNames, type CandidateName } from './find-candidate-names';
import { getKnownEntityIndex, type KnownEntity } from './known-entity-index';

/** Longer texts are refused: about 30,000 words, well beyond any article. */
export const MAX_SUGGEST_TEXT_CHARS = 200_000;

export type KnownEntitySuggestion = {
  id: number;
  kind: EntityKind;
  name: string;
  slug: string;
  /** How many times the entity is mentioned. */
  count: number;
  /** Where the first mention starts in the text. */
  firstIndex: number;
  /** Each distinct form as written, in order of first appearance ("Russia", "Russia’s"). */
  matched: string[];
  /** Every mention also fits another entity (an alias they share, like "Georgia"): the editor chooses. */
  isAmbiguous: boolean;
};

export type EntitySuggestions = { known: KnownEntitySuggestion[]; candidates: CandidateName[] };

/**
 * Entities the text mentions, from the knowledge base (in order of first mention), and names that
 * look like people or organizations the knowledge base does not have yet.
 */
export function suggestEntities({ text }: { text: string }): EntitySuggestions {
  assertWithinLimit(text);
  const { matches, known } = matchKnownEntities(text);
  return { known, candidates: findCandidateNames({ text, knownSpans: matches }) };
}

/** The knowledge-base half of `suggestEntities`, without the slower search for new names. */
export function suggestKnownEntities({ text }: { text: string }): KnownEntitySuggestion[] {
  assertWithinLimit(text);
  return matchKnownEntities(text).known;
}

function matchKnownEntities(text: string): { matches: AliasMatch[]; known: KnownEntitySuggestion[] } {
  const index = getKnownEntityIndex();
  const matches = index.matcher.match(text);
  return { matches, known: groupByEntity({ matches, entities: index.entities }) };
}

function groupByEntity({ matches, entities }: { matches: AliasMatch[]; entities: Map<number, KnownEntity> }): KnownEntitySuggestion[] {
  const byId = new Map<number, KnownEntitySuggestion>();
  for (const match of matches) {
    const isShared = match.entityIds.length > 1;
    for (const entityId of match.entityIds) {
      const entity = entities.get(entityId);
      if (!entity) continue;
      const existing = byId.get(entityId);
      if (!existing) {
        byId.set(entityId, { id: entity.id, kind: entity.kind, name: entity.name, slug: entity.slug, count: 1, firstIndex: match.start, matched: [match.text], isAmbiguous: isShared });
        continue;
      }
      existing.count += 1;
      existing.isAmbiguous &&= isShared;
      // A handful of forms per entity: a linear check is cheaper than a set per entity.
      if (!existing.matched.includes(match.text)) existing.matched.push(match.text);
    }
  }
  return [...byId.values()].sort((left, right) => left.firstIndex - right.firstIndex || left.name.localeCompare(right.name));
}

function assertWithinLimit(text: string): void {
  if (text.length > MAX_SUGGEST_TEXT_CHARS) {
    throw new RangeError(`Entity suggestions take at most ${MAX_SUGGEST_TEXT_CHARS} characters; this text has ${text.length}.`);
  }
}
