import { z } from 'zod';

export const mediaTextSchema = z.object({
  alt: z.string().trim().max(300, 'Keep the alt text under 300 characters.'),
  caption: z.string().trim().max(1000, 'Keep the caption under 1,000 characters.'),
  credit: z.string().trim().max(200, 'Keep the credit under 200 characters.'),
});

/** For an edit: any of the fields may be left out. */
export const mediaTextPatchSchema = mediaTextSchema.partial();

export type MediaText = z.infer<typeof mediaTextSchema>;
export type MediaTextField = keyof MediaText;
export type MediaTextFieldErrors = Partial<Record<MediaTextField, string>>;

export type ParsedMediaText<T> = { ok: true; value: T } | { ok: false; error: string; fieldErrors: MediaTextFieldErrors };

export function parseMediaText<T>({ schema, input }: { schema: z.ZodType<T>; input: unknown }): ParsedMediaText<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: MediaTextFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'alt' || field === 'caption' || field === 'credit') fieldErrors[field] ??= issue.message;
  }
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return {
    ok: false,
    error: hasFieldErrors ? 'Please correct the highlighted fields.' : 'Send the alt text, caption and credit as text.',
    fieldErrors,
  };
}
