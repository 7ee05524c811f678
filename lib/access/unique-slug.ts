/** `base`, or `base-2`, `base-3`… : the first that `isTaken` does not claim. */
export function uniqueSlug({ base, isTaken }: { base: string; isTaken: (slug: string) => boolean }): string {
  for (let suffix = 1; ; suffix++) {
    const slug = suffix === 1 ? base : `${base}-${suffix}`;
    if (!isTaken(slug)) return slug;
  }
}
