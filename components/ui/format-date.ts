const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "3 April 2025": the magazine's house style for dates. */
export function formatDate(date: Date): string {
  return longDate.format(date);
}
