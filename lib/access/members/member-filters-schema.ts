import { z } from 'zod';
import { MEMBERSHIP_SOURCES } from '@/db/schema/access';
import { MEMBER_STATUSES } from './member-status';

const optionalId = z.preprocess((value) => (value === '' || value === undefined ? undefined : value), z.coerce.number().int().positive().optional());
const optionalOf = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess((value) => (value === '' ? undefined : value), z.enum(values).optional());

/** The members list's filters as the address carries them (`?q=&tier=&status=&institution=&source=`); unknown values are refused. */
export const memberFiltersSchema = z
  .object({ q: z.string().optional(), tier: optionalId, status: optionalOf(MEMBER_STATUSES), institution: optionalId, source: optionalOf(MEMBERSHIP_SOURCES), page: z.string().optional() })
  .transform(({ q, tier, status, institution, source }) => ({ query: q ?? '', tierId: tier, status, institutionId: institution, source }));
