/**
 * The trust and interest chart, drawn with uPlot. Loaded lazily (see MeterChartPanel), so the
 * library is not in the first screen's bundle. Decorative for assistive tech: MeterTable holds the
 * same data. Interest is dashed, so the two lines differ by more than colour.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { MeterPoint } from '../../domain/runtime/context';

const HEIGHT = 220;

export default function MeterChart({ series, turn, trust, interest }: { series: MeterPoint[]; turn: string; trust: string; interest: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(240, el.clientWidth);
    const plot = new uPlot(
      {
        width: width(),
        height: HEIGHT,
        scales: { x: { time: false }, y: { range: [0, 100] } },
        axes: [{ label: turn }, {}],
        series: [{ label: turn }, { label: trust, stroke: '#1d4ea8', width: 2 }, { label: interest, stroke: '#b86e00', width: 2, dash: [6, 4] }],
      },
      [series.map((p) => p.turn), series.map((p) => p.trust), series.map((p) => p.interest)],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [series, turn, trust, interest]);
  return <div ref={box} className="meter-chart" aria-hidden="true" data-testid="meter-chart" />;
}
