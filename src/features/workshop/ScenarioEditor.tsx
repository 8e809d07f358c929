import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Diagnostic } from '../../domain/diagnostics/diagnostic';
import { showDiagnostics, workbenchExtensions, type Translate } from './editor-setup';
import type { Outline } from './outline';

interface Props {
  initial: string;
  diagnostics: readonly Diagnostic[];
  /** The diagnostics are for the text as it is now (not for an older revision). */
  current: boolean;
  outline: Outline | undefined;
  viewRef: RefObject<EditorView | null>;
  onDocChange(text: string): void;
  onCursorLine(line: number): void;
}

/** The YAML editor (CodeMirror 6): the compiler's diagnostics under their lines, completion and hover docs. */
export function ScenarioEditor({ initial, diagnostics, current, outline, viewRef, onDocChange, onCursorLine }: Props) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const hooks = useRef({ t: t as unknown as Translate, outline, onDocChange, onCursorLine });
  useEffect(() => {
    hooks.current = { t: t as unknown as Translate, outline, onDocChange, onCursorLine };
  });
  const label = t('workbench.editor.label');

  useEffect(() => {
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initial,
        extensions: workbenchExtensions(
          {
            t: () => hooks.current.t,
            outline: () => hooks.current.outline,
            onDocChange: (text) => hooks.current.onDocChange(text),
            onCursorLine: (line) => hooks.current.onCursorLine(line),
          },
          label,
        ),
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // The view is made once; later texts come from typing (or `replaceText`).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (view && current) showDiagnostics(view, diagnostics, t as unknown as Translate);
  }, [diagnostics, current, t, viewRef]);

  return <div ref={host} className="workbench-editor" data-testid="scenario-editor" />;
}
