import type { MembersByMonth } from '@/lib/access/members/count-members-by-month';
import { DeskTable } from '@/components/desk/desk-table';
import styles from './members-chart.module.css';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 48 };
/** One colour a tier, from the CSS module, repeating after six. */
const colourOf = (index: number) => styles[`colour${index % 6}`];

/**
 * Members of each tier at the end of each month as lines in SVG drawn on the server, with a title and
 * description for screen readers, a legend, and the same numbers in a table below it.
 */
export function MembersChart({ data }: { data: MembersByMonth }) {
  const highest = Math.max(1, ...data.tiers.flatMap((tier) => tier.counts));
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const step = innerWidth / Math.max(1, data.months.length - 1);
  const x = (index: number) => PAD.left + index * step;
  const y = (value: number) => PAD.top + innerHeight - (value / highest) * innerHeight;
  const first = data.months[0];
  const last = data.months.at(-1);
  const summary = data.tiers.length
    ? data.tiers.map((tier) => `${tier.name}: ${tier.counts[0] ?? 0} in ${first} and ${tier.counts.at(-1) ?? 0} in ${last}`).join('; ') + '.'
    : 'No tiers yet.';
  return (
    <figure className={styles.chart}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby="members-chart-title members-chart-desc" className={styles.graphic}>
        <title id="members-chart-title">Members by tier at the end of each month</title>
        <desc id="members-chart-desc">{summary}</desc>
        <line x1={PAD.left} y1={PAD.top + innerHeight} x2={WIDTH - PAD.right} y2={PAD.top + innerHeight} stroke="#888" />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11" fill="#555">
          {highest}
        </text>
        <text x={PAD.left - 6} y={PAD.top + innerHeight} textAnchor="end" fontSize="11" fill="#555">
          0
        </text>
        {data.tiers.map((tier, index) => (
          <polyline
            key={tier.id}
            fill="none"
            className={colourOf(index)}
            strokeWidth="2"
            points={tier.counts.map((value, month) => `${x(month).toFixed(1)},${y(value).toFixed(1)}`).join(' ')}
          >
            <title>{tier.name}</title>
          </polyline>
        ))}
        {first ? (
          <text x={PAD.left} y={HEIGHT - 8} fontSize="11" fill="#555">
            {first}
          </text>
        ) : null}
        {last ? (
          <text x={WIDTH - PAD.right} y={HEIGHT - 8} fontSize="11" fill="#555" textAnchor="end">
            {last}
          </text>
        ) : null}
      </svg>
      <figcaption>
        <ul className={styles.legend}>
          {data.tiers.map((tier, index) => (
            <li key={tier.id}>
              <span className={`${styles.swatch} ${colourOf(index)}`} aria-hidden="true" /> {tier.name}
            </li>
          ))}
        </ul>
      </figcaption>
      <details>
        <summary>The numbers</summary>
        <DeskTable columns={['Month (UTC)', ...data.tiers.map((tier) => tier.name)]}>
          {data.months.map((month, index) => (
            <tr key={month}>
              <th scope="row">{month}</th>
              {data.tiers.map((tier) => (
                <td key={tier.id}>{tier.counts[index] ?? 0}</td>
              ))}
            </tr>
          ))}
        </DeskTable>
      </details>
    </figure>
  );
}
