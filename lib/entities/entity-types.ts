/** The kinds of entity and the shape of their facts, for code outside lib/ that must not reach into the schema. */
export { ENTITY_KINDS, type EntityFacts, type EntityKind } from '@/db/schema';
