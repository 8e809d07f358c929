import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorView } from '@codemirror/view';
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import { acceptsAttempt } from '../../domain/runtime/start-at';
import type { Diagnostic } from '../../domain/diagnostics/diagnostic';
import type { Locale } from '../../domain/text/localized-text';
import { useLocaleSections } from '../../components/use-locale-sections';
import type { CheckResult } from './check';
import { DiagnosticsList } from './DiagnosticsList';
import { applySuggestion, goTo } from './editor-setup';
import { nodeAtLine } from './outline';
import { PlayTest } from './PlayTest';
import { suggestionEdit } from './quick-fix';
import { ScenarioEditor } from './ScenarioEditor';
import type { Positions } from './layout';
import { createChecker, createLayouter } from './workers';
import './workbench.css';

const ScenarioMapView = lazy(() => import('./ScenarioMapView'));

/** How long typing pauses before the text is checked. */
export const CHECK_DELAY_MS = 250;

export interface WorkbenchProps {
  source: string;
  fileName: string;
  locale: Locale;
  onChange(source: string): void;
  /** The attempts of this browser (any scenario): play-testing can start at a move of one on this scenario. */
  attempts?: readonly AttemptRecord[];
}

type Panel = 'map' | 'play';

/**
 * The scenario workbench: the YAML editor with live diagnostics, the map, and play-testing from any
 * step. The compiler, the layout and the explorer run in workers; every edit is handed to `onChange`
 * at once (the library saves it), and checked once typing pauses.
 */
export default function ScenarioWorkbench({ source, fileName, locale, onChange, attempts }: WorkbenchProps) {
  useLocaleSections(['workbench', 'diagnostics', 'drill', 'stages']);
  const { t } = useTranslation();
  const viewRef = useRef<EditorView | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [revision, setRevision] = useState(0);
  const revisionRef = useRef(0);
  const [cursorLine, setCursorLine] = useState(1);
  const [panel, setPanel] = useState<Panel>('map');
  const [layout, setLayout] = useState<{ key: string; positions: Positions; ms: number; at: number } | null>(null);
  const fileRef = useRef(fileName);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    fileRef.current = fileName;
    onChangeRef.current = onChange;
  });

  const checker = useRef<ReturnType<typeof createChecker> | null>(null);
  const layouter = useRef<ReturnType<typeof createLayouter> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The last text handed to `onChange`: the `source` that comes back is not news. */
  const emitted = useRef(source);

  useEffect(() => {
    // A result whose map is the same as the one drawn keeps that map (the same object): a text edited
    // does not make the map draw itself again, which at thousands of steps takes the main thread a while.
    checker.current = createChecker((r) =>
      setResult((prev) => (prev && prev.mapKey === r.mapKey && prev.flagKey === r.flagKey ? { ...r, map: prev.map } : r)),
    );
    layouter.current = createLayouter((r) => setLayout({ key: r.key, positions: r.positions, ms: r.ms, at: performance.now() }));
    checker.current.check(source, fileRef.current, 0);
    return () => {
      checker.current?.dispose();
      layouter.current?.dispose();
      if (timer.current) clearTimeout(timer.current);
    };
    // The first text is checked once; later ones as they are typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A new structure is laid out again (off the main thread); an edit inside a text keeps the layout.
  const mapKey = result?.mapKey;
  useEffect(() => {
    if (result && mapKey !== undefined && layout?.key !== mapKey) layouter.current?.layout(mapKey, result.map);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapKey]);

  const onDocChange = useCallback(
    (text: string) => {
      const rev = ++revisionRef.current;
      setRevision(rev);
      emitted.current = text;
      onChangeRef.current(text);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => checker.current?.check(text, fileRef.current, rev), CHECK_DELAY_MS);
    },
    [checker],
  );

  // A text from outside (a saved version restored, another scenario opened) replaces the editor's.
  useEffect(() => {
    const view = viewRef.current;
    if (!view || source === emitted.current || source === view.state.doc.toString()) return;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: source }, selection: { anchor: 0 } });
  }, [source]);

  const go = useCallback((line: number, column = 1) => {
    if (viewRef.current) goTo(viewRef.current, line, column);
  }, []);
  const fixable = useCallback(
    (d: Diagnostic) => {
      const view = viewRef.current;
      return !!view && d.line >= 1 && d.line <= view.state.doc.lines && suggestionEdit(view.state.doc.line(d.line).text, d) !== null;
    },
    // Recomputed with each result (the text it was made for).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [result],
  );
  const fix = useCallback((d: Diagnostic) => {
    if (viewRef.current && applySuggestion(viewRef.current, d)) viewRef.current.focus();
  }, []);

  const current = result !== null && result.revision === revision;
  const diagnostics = result?.diagnostics ?? [];
  const outline = result?.outline;
  const currentNode = outline ? nodeAtLine(outline, cursorLine) : undefined;
  const model = result?.model;
  // Attempts on this scenario, and on the library scenario it was copied from (or an earlier
  // version of it): those whose first moves it accepts.
  const ownAttempts = useMemo(
    () =>
      model && panel === 'play'
        ? (attempts ?? [])
            .filter((a) => a.moves.length > 0 && (a.scenario.id === model.id || acceptsAttempt(model, { seed: a.seed, moves: a.moves })))
            .sort((a, b) => b.updatedAt - a.updatedAt)
        : [],
    [attempts, model, panel],
  );
  const errors = diagnostics.filter((d) => d.severity === 'error').length;

  return (
    <div className="workbench" data-testid="workbench" data-editor-revision={revision} data-checked-revision={result?.revision ?? -1} data-check-ms={result ? Math.round(result.ms) : undefined} data-layout-ms={layout ? Math.round(layout.ms) : undefined} data-layout-at={layout ? Math.round(layout.at) : undefined}>
      <div className="workbench-main">
        <section className="workbench-edit" aria-labelledby="workbench-editor-title">
          <h4 id="workbench-editor-title" className="workbench-title">
            {t('workbench.editor.title', { file: fileName })}
          </h4>
          <p className="workbench-status" role="status" aria-live="polite">
            {!result ? t('workbench.status.checking') : errors ? t('workbench.status.errors', { count: errors }) : result.model ? t('workbench.status.ok') : t('workbench.status.notCompiled')}
          </p>
          <ScenarioEditor initial={source} diagnostics={diagnostics} current={current} outline={outline} viewRef={viewRef} onDocChange={onDocChange} onCursorLine={setCursorLine} />
        </section>
        <DiagnosticsList diagnostics={diagnostics} current={current} revision={result?.revision ?? -1} fixable={fixable} onGo={(d) => go(d.line, d.column)} onFix={fix} />
      </div>
      <div className="workbench-side">
        <div className="workbench-tabs" role="group" aria-label={t('workbench.panels')}>
          <button type="button" aria-pressed={panel === 'map'} onClick={() => setPanel('map')} data-testid="panel-map">
            {t('workbench.panel.map')}
          </button>
          <button type="button" aria-pressed={panel === 'play'} onClick={() => setPanel('play')} data-testid="panel-play">
            {t('workbench.panel.play')}
          </button>
        </div>
        {panel === 'map' && result && (
          <Suspense fallback={<p>{t('workbench.map.loading')}</p>}>
            <ScenarioMapView map={result.map} positions={layout?.key === result.mapKey ? layout.positions : null} current={currentNode} onGo={go} />
          </Suspense>
        )}
        {panel === 'play' && <PlayTest model={result?.model} outline={outline} locale={locale} onGo={go} attempts={ownAttempts} />}
      </div>
    </div>
  );
}
