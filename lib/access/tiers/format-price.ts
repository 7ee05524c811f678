/** A display price in its currency (`$12.50`, `€8.00`), or a dash when not offered. */
export function formatPrice({ cents, currency }: { cents: number | null; currency: string }): string {
  if (cents === null) return '—';
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}
