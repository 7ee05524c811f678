import type { SubscriberCountPoint } from '@/lib/readers/subscriber-counts';
import { DeskTable } from '@/components/desk/desk-table';
import styles from './subscriber-chart.module.css';

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 12, right: 12, bottom: 28, left: 48 };

/**
 * Confirmed subscribers per day as an SVG bar chart, with a title and description for screen readers
 * and the same numbers in a table below it.
 */
export function SubscriberChart({ points }: { points: SubscriberCountPoint[] }) {
  const highest = Math.max(1, ...points.map((point) => point.subscribed));
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerWidth / Math.max(1, points.length);
  const first = points[0];
  const last = points.at(-1);
  const summary = first && last ? `From ${first.subscribed} on ${first.day} to ${last.subscribed} on ${last.day}; highest ${highest}.` : 'No data.';
  return (
    <figure className={styles.chart}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby="subscriber-chart-title subscriber-chart-desc" className={styles.graphic}>
        <title id="subscriber-chart-title">Confirmed subscribers per day</title>
        <desc id="subscriber-chart-desc">{summary}</desc>
        <line x1={PAD.left} y1={PAD.top + innerHeight} x2={WIDTH - PAD.right} y2={PAD.top + innerHeight} stroke="#888" />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11" fill="#555">
          {highest}
        </text>
        <text x={PAD.left - 6} y={PAD.top + innerHeight} textAnchor="end" fontSize="11" fill="#555">
          0
        </text>
        {points.map((point, index) => {
          const height = (point.subscribed / highest) * innerHeight;
          return (
            <rect key={point.day} x={PAD.left + index * slot + slot * 0.15} y={PAD.top + innerHeight - height} width={slot * 0.7} height={height} fill="#8a1c1c">
              <title>{`${point.day}: ${point.subscribed}`}</title>
            </rect>
          );
        })}
        {first ? (
          <text x={PAD.left} y={HEIGHT - 8} fontSize="11" fill="#555">
            {first.day}
          </text>
        ) : null}
        {last ? (
          <text x={WIDTH - PAD.right} y={HEIGHT - 8} fontSize="11" fill="#555" textAnchor="end">
            {last.day}
          </text>
        ) : null}
      </svg>
      <details>
        <summary>The numbers</summary>
        <DeskTable columns={['Day (UTC)', 'Confirmed subscribers']}>
          {points.map((point) => (
            <tr key={point.day}>
              <td>{point.day}</td>
              <td>{point.subscribed}</td>
            </tr>
          ))}
        </DeskTable>
      </details>
    </figure>
  );
}
