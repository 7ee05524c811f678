const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'always' });

const STEPS: { unit: Intl.RelativeTimeFormatUnit; seconds: number }[] = [
  { unit: 'day', seconds: 86_400 },
  { unit: 'hour', seconds: 3_600 },
  { unit: 'minute', seconds: 60 },
];

/** "just now", "2 minutes ago", "3 hours ago", "2 days ago": how long before `now` something happened. */
export function timeAgo({ at, now }: { at: Date; now: Date }): string {
  const seconds = Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
  const step = STEPS.find((candidate) => seconds >= candidate.seconds);
  if (!step) return 'just now';
  return relative.format(-Math.floor(seconds / step.seconds), step.unit);
}
