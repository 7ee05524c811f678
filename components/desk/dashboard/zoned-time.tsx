import type { ZonedMoment } from '@/lib/articles/desk-dashboard-zoned-time';
import styles from './dashboard.module.css';

/** A moment as the site's clock reads it, with the zone named so nobody has to guess. */
export function ZonedTime({ moment, timeZone, isTimeOnly = false }: { moment: ZonedMoment; timeZone: string; isTimeOnly?: boolean }) {
  return (
    <>
      <time dateTime={moment.iso}>{isTimeOnly ? moment.time : moment.label}</time> <span className={styles.zone}>{timeZone}</span>
    </>
  );
}
