import type { BadgeTone } from '@/components/ui/badge';

/** What each kind of file is called on the desk. */
export const IMPORT_SOURCE_LABELS: Record<string, string> = {
  wordpress: 'WordPress',
  ghost: 'Ghost',
  subscribers: 'Subscribers',
  masthead: 'Masthead',
};

export const IMPORT_STATUS_LABELS: Record<string, { label: string; tone: BadgeTone }> = {
  queued: { label: 'Waiting to start', tone: 'waiting' },
  running: { label: 'Running', tone: 'attention' },
  done: { label: 'Finished', tone: 'positive' },
  failed: { label: 'Failed', tone: 'negative' },
};
