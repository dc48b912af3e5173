import { useId } from 'react';
import type { Bar } from '../format';

const WIDTH = 600;
const LABEL_END = 150;
const BAR_START = 158;
const BAR_SPACE = 300;
const ROW = 30;
const BAR_HEIGHT = 18;

interface BarChartProps {
  /** Names the chart (figure caption and the image's accessible name). */
  title: string;
  bars: readonly Bar[];
  /** Where the same figures are as text, e.g. "the table below". */
  tableNote: string;
}

/**
 * A horizontal bar chart drawn as SVG (sizes are attributes, so it needs no inline styles under the
 * Content-Security-Policy). It is one image for assistive technology, named by its caption; the
 * figures themselves are always in a table next to it.
 */
export function BarChart({ title, bars, tableNote }: BarChartProps) {
  const captionId = useId();
  const height = Math.max(1, bars.length) * ROW + 4;
  return (
    <figure className="bar-chart">
      <figcaption id={captionId} className="bar-chart__caption">
        {title} <span className="bar-chart__note">({tableNote})</span>
      </figcaption>
      <svg
        className="bar-chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={captionId}
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((bar, index) => {
          const y = index * ROW + 4;
          const length = Math.max(bar.kind === 'value' && bar.length > 0 ? 2 : 0, Math.round(bar.length * BAR_SPACE));
          return (
            <g key={`${bar.label}-${index}`}>
              <text className="bar-chart__label" x={LABEL_END} y={y + BAR_HEIGHT - 4} textAnchor="end">
                {bar.label}
              </text>
              {bar.kind === 'unknown' ? null : (
                <rect
                  className={bar.kind === 'suppressed' ? 'bar-chart__bar bar-chart__bar--suppressed' : 'bar-chart__bar'}
                  x={BAR_START}
                  y={y}
                  width={length}
                  height={BAR_HEIGHT}
                />
              )}
              <text className="bar-chart__value" x={BAR_START + length + 6} y={y + BAR_HEIGHT - 4}>
                {bar.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
