/**
 * A display price as an editor types it (`12`, `12.50`, `1,200.00`) in the currency's smallest unit; an
 * empty field means the tier is not offered for that period. Null on anything else.
 */
export function parseMoney(text: string): { cents: number | null } | null {
  const written = text.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (written === '') return { cents: null };
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(written);
  if (!match) return null;
  return { cents: Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0')) };
}

/** Cents back into the form's text: `1250` → `12.50`. */
export function formatMoneyInput(cents: number | null): string {
  return cents === null ? '' : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
