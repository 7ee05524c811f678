import { z } from 'zod';

const optionalWhole = (message: string) =>
  z.string().trim().transform((text, context) => {
    if (text === '') return null;
    if (!/^\d{1,7}$/.test(text) || Number(text) < 1) {
      context.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return Number(text);
  });

/** An institution as the desk form sends it; ranges and domains one a line, checked by `saveInstitution`. */
export const institutionInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter the institution’s name.').max(200, 'Keep the name under 200 characters.'),
  tierId: optionalWhole('Choose a tier, or any member’s access.'),
  seats: optionalWhole('Write the number of seats as a whole number, or leave it empty for no limit.'),
  startsOn: z.string().trim().min(1, 'Choose the first day of access.'),
  endsOn: z.string().trim(),
  contactEmail: z.union([z.literal(''), z.string().trim().toLowerCase().pipe(z.email({ error: 'Enter the librarian’s address like name@library.example.edu, or leave it empty.' }))]),
  ipRanges: z.string(),
  domains: z.string(),
  note: z.string().trim().max(500, 'Keep the note under 500 characters.'),
});

export type InstitutionInput = z.input<typeof institutionInputSchema>;

/** The non-empty lines of a textarea, trimmed. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
