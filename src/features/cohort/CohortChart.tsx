/**
 * The dashboard's charts, drawn with uPlot: bars (the funnel) or lines (the trends) over labelled
 * categories. Loaded lazily (see ChartFigure), so uPlot is not in the first screen's bundle.
 * Decorative for assistive tech: each chart sits beside a table of the same numbers. Lines differ by
 * dash as well as colour.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  dash?: number[];
}

export interface ChartSpec {
  kind: 'bars' | 'lines';
  /** The category under each point (stage, week, month). */
  categories: string[];
  /** Shorter names for the categories, used when the chart is too narrow for the full ones. */
  short?: string[];
  series: ChartSeries[];
  /** The y range; from 0 to the data's top when absent. */
  range?: [number, number];
  /** How a y value is written on the axis. */
  tick?: (value: number) => string;
}

const HEIGHT = 240;

export default function CohortChart({ spec }: { spec: ChartSpec }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const { kind, categories, short, series, range, tick } = spec;
    const width = () => Math.max(260, el.clientWidth);
    const bars = kind === 'bars' ? uPlot.paths.bars!({ size: [0.7, 80], align: 0 }) : undefined;
    // Full names when each category has room for them, else the short ones; and when even those
    // do not fit, a name under every second (third…) point only.
    const room = (width() - 50) / Math.max(1, categories.length);
    const names = room < 110 && short ? short : categories;
    const widest = Math.max(...names.map((n) => [...n].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 14 : 8), 16)));
    const every = Math.max(1, Math.ceil(widest / room));
    const label = (i: number) => names[Math.round(i)] ?? '';
    const plot = new uPlot(
      {
        width: width(),
        height: HEIGHT,
        legend: { show: series.length > 1, live: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: () => [-0.5, categories.length - 0.5] },
          y: { range: range ? () => range : (_u, _min, max) => [0, Math.max(1, max) * 1.1] },
        },
        axes: [
          { splits: () => categories.map((_, i) => i).filter((i) => i % every === 0), values: (_u, splits) => splits.map(label) },
          { values: (_u, splits) => splits.map((v) => (tick ? tick(v) : String(v))) },
        ],
        series: [
          {},
          ...series.map((s) =>
            bars
              ? { label: s.label, stroke: s.color, fill: `${s.color}cc`, width: 1, paths: bars, points: { show: false } }
              : { label: s.label, stroke: s.color, width: 2, dash: s.dash, spanGaps: true, points: { show: true, size: 6 } },
          ),
        ],
      },
      [categories.map((_, i) => i), ...series.map((s) => s.values)],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [spec]);
  return <div ref={box} className="cohort-chart" aria-hidden="true" data-testid="cohort-chart" />;
}
