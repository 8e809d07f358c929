import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Background, Controls, Handle, Position, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { MapEdge, MapNode, ScenarioMap } from './map-graph';
import { NODE_HEIGHT, NODE_WIDTH, type Positions } from './layout';

type NodeData = MapNode & { onGo(line: number): void; flagText: string } & Record<string, unknown>;

const MapNodeView = memo(function MapNodeView({ data }: NodeProps<Node<NodeData>>) {
  const cls = ['map-node', `map-node-${data.kind}`, data.unreachable && 'map-node-unreachable', data.deadEnd && 'map-node-dead-end', data.errors > 0 && 'map-node-error'].filter(Boolean).join(' ');
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <button type="button" className={cls} onClick={() => data.line > 0 && data.onGo(data.line)} data-node={data.id}>
        <span className="map-node-label">{data.label}</span>
        {data.flagText && <span className="map-node-flags">{data.flagText}</span>}
      </button>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </>
  );
});

const NODE_TYPES = { scenario: MapNodeView };
const NO_OP = () => {};

const EDGE_STYLE: Record<MapEdge['kind'], { stroke: string; dash?: string; width?: number }> = {
  next: { stroke: '#5b6472' },
  start: { stroke: '#9aa3af' },
  stage: { stroke: '#1f6feb', width: 2 },
  raises: { stroke: '#b35900', width: 2 },
  returns: { stroke: '#b35900', dash: '6 4' },
  rule: { stroke: '#8250df', dash: '2 3', width: 2 },
  surprise: { stroke: '#bf3989', dash: '2 3', width: 2 },
  ends: { stroke: '#1a7f37', width: 2 },
};

function edgeLabel(e: MapEdge): string | undefined {
  const parts = [...e.shows.map((s) => `+${s}`), ...e.commits.map((c) => `−${c}`)];
  if (!parts.length) return undefined;
  return parts.length > 2 ? `${parts.slice(0, 2).join(' ')} …` : parts.join(' ');
}

interface Props {
  map: ScenarioMap;
  positions: Positions | null;
  current: string | undefined;
  onGo(line: number): void;
}

function Flow({ map, positions, current, onGo }: Props) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const flag = useMemo(
    () => (n: MapNode) => [n.errors > 0 && t('workbench.map.flag.errors', { count: n.errors }), n.unreachable && t('workbench.map.flag.unreachable'), n.deadEnd && t('workbench.map.flag.deadEnd')].filter(Boolean).join(' · '),
    [t],
  );
  const nodes = useMemo<Node<NodeData>[]>(
    () =>
      positions
        ? map.nodes.map((n) => ({
            id: n.id,
            type: 'scenario',
            position: positions[n.id] ?? { x: 0, y: 0 },
            data: { ...n, onGo, flagText: flag(n) },
            width: NODE_WIDTH,
            height: NODE_HEIGHT,
            draggable: false,
            connectable: false,
            deletable: false,
          }))
        : [],
    // The node at the editor's cursor is marked by a style rule (below), not here: moving the cursor
    // does not rebuild thousands of nodes.
    [map, positions, onGo, flag],
  );
  const edges = useMemo<Edge[]>(
    () =>
      map.edges.map((e) => {
        const s = EDGE_STYLE[e.kind];
        const label = edgeLabel(e);
        return {
          id: e.id,
          source: e.source,
          target: e.target,
          className: `map-edge map-edge-${e.kind}`,
          style: { stroke: s.stroke, strokeWidth: s.width ?? 1, ...(s.dash ? { strokeDasharray: s.dash } : {}) },
          ...(label ? { label, labelStyle: { fontSize: 10 }, labelBgPadding: [2, 1] as [number, number] } : {}),
          deletable: false,
          focusable: false,
        };
      }),
    [map],
  );
  // The editor's cursor: its node is shown, and brought into view.
  const lastCentered = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!positions || !current || current === lastCentered.current) return;
    const p = positions[current];
    if (!p) return;
    lastCentered.current = current;
    void flow.setCenter(p.x + NODE_WIDTH / 2, p.y + NODE_HEIGHT / 2, { zoom: flow.getZoom(), duration: 200 });
  }, [current, positions, flow]);

  const aria = useMemo(
    () => ({
      'node.a11yDescription.default': t('workbench.map.aria.node'),
      'node.a11yDescription.keyboardDisabled': t('workbench.map.aria.node'),
      'edge.a11yDescription.default': t('workbench.map.aria.edge'),
      'controls.ariaLabel': t('workbench.map.aria.controls'),
      'controls.zoomIn.ariaLabel': t('workbench.map.aria.zoomIn'),
      'controls.zoomOut.ariaLabel': t('workbench.map.aria.zoomOut'),
      'controls.fitView.ariaLabel': t('workbench.map.aria.fitView'),
      'controls.interactive.ariaLabel': t('workbench.map.aria.interactive'),
      'handle.ariaLabel': t('workbench.map.aria.handle'),
    }),
    [t],
  );

  return (
    <>
      {current && <style>{`.workbench-map [data-node="${current.replace(/["\\]/g, '\\$&')}"] { outline: 3px solid #ffbf47; outline-offset: 2px; }`}</style>}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onlyRenderVisibleElements
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        // A click handler makes the nodes take the pointer (the node's button does the going).
        onNodeClick={NO_OP}
        deleteKeyCode={null}
        minZoom={0.05}
        fitView
        ariaLabelConfig={aria}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </>
  );
}

/** The scenario's map: stages, steps, objections, surprises and endings, laid out top to bottom. */
export default function ScenarioMapView(props: Props) {
  const { t } = useTranslation();
  const count = props.map.nodes.filter((n) => n.kind === 'step').length;
  const flagged = props.map.nodes.filter((n) => n.unreachable || n.deadEnd || n.errors > 0);
  return (
    <section className="workbench-map" aria-label={t('workbench.map.label')} data-testid="scenario-map" data-laid-out={props.positions ? 'yes' : 'no'}>
      <p className="workbench-map-summary">
        {t('workbench.map.summary', { steps: count, flagged: flagged.length })}
      </p>
      <div className="workbench-map-canvas">
        {props.positions ? (
          <ReactFlowProvider>
            <Flow {...props} />
          </ReactFlowProvider>
        ) : (
          <p>{t('workbench.map.laying')}</p>
        )}
      </div>
      <ul className="workbench-legend" aria-label={t('workbench.map.legend')}>
        {(['next', 'stage', 'raises', 'returns', 'rule', 'surprise', 'ends'] as const).map((k) => (
          <li key={k}>
            <svg width="28" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="28" y2="4" stroke={EDGE_STYLE[k].stroke} strokeWidth={EDGE_STYLE[k].width ?? 1} strokeDasharray={EDGE_STYLE[k].dash} />
            </svg>{' '}
            {t(`workbench.map.edge.${k}`)}
          </li>
        ))}
        <li>
          <span className="map-swatch map-node-unreachable" aria-hidden="true" /> {t('workbench.map.flag.unreachable')}
        </li>
        <li>
          <span className="map-swatch map-node-dead-end" aria-hidden="true" /> {t('workbench.map.flag.deadEnd')}
        </li>
        <li>
          <span className="map-swatch map-node-error" aria-hidden="true" /> {t('workbench.map.flag.errorsLegend')}
        </li>
      </ul>
      {flagged.length > 0 && (
        <details className="workbench-flagged">
          <summary>{t('workbench.map.flaggedList', { count: flagged.length })}</summary>
          <ul>
            {flagged.slice(0, 200).map((n) => (
              <li key={n.id}>
                <button type="button" onClick={() => n.line > 0 && props.onGo(n.line)}>
                  {n.container ? `${n.container}/${n.label}` : n.label}
                </button>{' '}
                {[n.errors > 0 && t('workbench.map.flag.errors', { count: n.errors }), n.unreachable && t('workbench.map.flag.unreachable'), n.deadEnd && t('workbench.map.flag.deadEnd')].filter(Boolean).join(' · ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
