import { z } from 'zod';
import { parseMoney } from './parse-money';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency').map((code) => code.toLowerCase()));
const PRICE_HINT = 'Write an amount such as 8 or 12.50, or leave it empty if the tier is not offered for this period.';

const price = z.string().transform((text, context) => {
  const money = parseMoney(text);
  if (!money) {
    context.addIssue({ code: 'custom', message: PRICE_HINT });
    return z.NEVER;
  }
  return money.cents;
});

/** A tier as the desk form sends it: prices as text, benefits one a line. An empty slug is made from the name. */
export const tierInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name, e.g. Supporter.').max(80, 'Keep the name under 80 characters.'),
  slug: z
    .string()
    .trim()
    .max(60, 'Keep the slug under 60 characters.')
    .refine((value) => value === '' || SLUG.test(value), 'Use lower-case letters, digits and single hyphens, e.g. supporter.'),
  description: z.string().trim().max(1000, 'Keep the description under 1,000 characters.'),
  monthlyPrice: price,
  yearlyPrice: price,
  currency: z
    .string()
    .trim()
    .toLowerCase()
    .refine((code) => CURRENCIES.has(code), 'Use a three-letter currency code such as USD, EUR or GBP.'),
  benefits: z
    .string()
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((lines) => lines.length <= 20, 'List at most 20 benefits.')
    .refine((lines) => lines.every((line) => line.length <= 200), 'Keep each benefit under 200 characters.'),
});

export type TierInput = z.input<typeof tierInputSchema>;
