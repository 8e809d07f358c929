import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/text/localized-text';

export interface ScenarioWorkbenchProps {
  source: string;
  fileName: string;
  locale: Locale;
  onChange(source: string): void;
}

/** The scenario's text in a plain text area (the workshop's editor, loaded with the workshop page only). */
export default function ScenarioWorkbench({ source, fileName, onChange }: ScenarioWorkbenchProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="workbench">
      <label htmlFor={id}>{t('workshop.editor.label', { file: fileName })}</label>
      <textarea id={id} className="workbench-text" value={source} spellCheck={false} rows={24} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
