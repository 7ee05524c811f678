import { z } from 'zod';

/** A text field as a form sends it; a missing one reads as empty, so the domain's own checks speak about it. */
export const formText = z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string());

/** A record's id from a hidden field or a caller: a positive whole number. */
export const formId = z.coerce.number({ error: 'That record was not understood; reload the page.' }).int('That record was not understood; reload the page.').positive('That record was not understood; reload the page.');
