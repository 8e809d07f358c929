/**
 * The workshop's map at 200 and 2,000 generated steps (bench/generate.ts): in Node, the pure parts
 * (outline + graph, layout); in the built app in Debian's Chromium, the scenario imported and opened,
 * then the check and the layout in their workers (as measured there) and the render: from the layout's
 * arrival to the frame that shows the map's nodes (React Flow, only the visible ones rendered).
 *
 *   npx tsx bench/workshop-map.ts            (DIST=dist to use an existing build; --node for Node only)
 */
import { performance } from 'node:perf_hooks';
import { generateScenario } from './generate';
import { median } from './measure';
import { layoutMap } from '../src/features/workshop/layout';
import { buildScenarioMap } from '../src/features/workshop/map-graph';
import { outlineOf } from '../src/features/workshop/outline';
import { launch, openImported, serve } from './workshop-page';

const SIZES = [200, 2000] as const;

// In-page code as plain JavaScript text: functions passed from here would be compiled by tsx with
// helpers (`__name`) that do not exist in the page.
/** After the frame that shows the map: render time since the layout arrived, and what the workers measured. */
const RENDERED = `new Promise((resolve) => requestAnimationFrame(() => {
  const ch = new MessageChannel();
  window.__keep = ch;
  ch.port1.onmessage = () => {
    const wb = document.querySelector('[data-testid="workbench"]');
    const summary = document.querySelector('.workbench-map-summary')?.textContent ?? '';
    resolve({
      render: performance.now() - Number(wb.dataset.layoutAt),
      check: Number(wb.dataset.checkMs),
      layout: Number(wb.dataset.layoutMs),
      rendered: document.querySelectorAll('.react-flow__node').length,
      total: Number((/\\d+/.exec(summary) ?? ['0'])[0]),
    });
  };
  ch.port2.postMessage(0);
}))`;
/** Frame times while the map is zoomed by the wheel, 30 steps. */
const PAN = `(async () => {
  const pane = document.querySelector('.react-flow__pane');
  const box = pane.getBoundingClientRect();
  const frames = [];
  let last = performance.now();
  let running = true;
  const tick = () => { const now = performance.now(); frames.push(now - last); last = now; if (running) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  for (let i = 0; i < 30; i++) {
    pane.dispatchEvent(new WheelEvent('wheel', { deltaY: i < 15 ? 120 : -120, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 16));
  }
  running = false;
  frames.sort((a, b) => a - b);
  return { median: frames[Math.floor(frames.length / 2)] ?? 0, worst: frames[frames.length - 1] ?? 0 };
})()`;
const NODE_ONLY = process.argv.includes('--node');

console.log('Map, in Node (median of 3):');
for (const n of SIZES) {
  const text = generateScenario(n);
  const graph: number[] = [];
  const layout: number[] = [];
  let nodes = 0;
  let edges = 0;
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    const map = buildScenarioMap(outlineOf(text));
    graph.push(performance.now() - t);
    t = performance.now();
    layoutMap(map);
    layout.push(performance.now() - t);
    nodes = map.nodes.length;
    edges = map.edges.length;
  }
  console.log(`  ${String(n).padStart(5)} steps: ${nodes} nodes, ${edges} edges; outline + graph ${median(graph).toFixed(0)} ms, layout ${median(layout).toFixed(0)} ms`);
}

if (!NODE_ONLY) {
  const app = await serve('workshop-map');
  const browser = await launch();
  try {
    console.log('Map, in the built app (Chromium):');
    for (const n of SIZES) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const started = Date.now();
      await openImported(page, app.url, `generated-${n}.yaml`, generateScenario(n));
      await page.waitForSelector('[data-testid="scenario-map"][data-laid-out="yes"] .react-flow__node', { timeout: 180_000 });
      const r = (await page.evaluate(RENDERED)) as { render: number; check: number; layout: number; rendered: number; total: number };
      console.log(
        `  ${String(n).padStart(5)} steps: check ${r.check} ms, layout ${r.layout} ms (workers); render ${r.render.toFixed(0)} ms; ${r.rendered} nodes drawn of ${r.total} steps; import to map ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      // Zooming the map in and out: frames while it moves.
      const pan = (await page.evaluate(PAN)) as { median: number; worst: number };
      console.log(`         zooming the map: frame median ${pan.median.toFixed(0)} ms, worst ${pan.worst.toFixed(0)} ms`);
      await page.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
}
