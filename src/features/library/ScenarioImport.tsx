import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SCENARIO_FILE_ACCEPT } from '../../domain/user-scenarios/scenario-file';
import { fromBrowserFile, userScenariosStore, type ImportOutcome } from '../../state/user-scenarios/user-scenarios-store';

/** What an import said about one file, in the trainer's words. */
export function ImportOutcomeText({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation();
  if (outcome.status === 'refused') {
    const p = outcome.problem;
    const args = { file: p.file, ...(p.problem === 'too-large' ? { size: (p.size / 1024 / 1024).toFixed(1), limit: (p.limit / 1024 / 1024).toFixed(0) } : {}) };
    return <>{t(`library.import.refused.${p.problem}`, args)}</>;
  }
  const record = userScenariosStore.getState().records.find((r) => r.key === outcome.key);
  const errors = record?.diagnostics.filter((d) => d.severity === 'error').length ?? 0;
  return (
    <>
      {outcome.draft ? t('library.import.draft', { file: outcome.file, count: errors }) : t('library.import.added', { file: outcome.file })}
      {outcome.storageError && ` ${t('library.import.notStored', { reason: t(outcome.storageError.key) })}`}
    </>
  );
}

/**
 * Imports scenario files (.yaml, .yml) into the trainer's own library: a file picker, or files
 * dropped on it. A file that does not compile is kept as a draft; what happened to each is said.
 */
export function ScenarioImport({ onImported }: { onImported?: (outcomes: ImportOutcome[]) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);

  const run = async (files: File[]) => {
    if (!files.length) return;
    setBusy(true);
    try {
      const out = await userScenariosStore.getState().importFiles(files.map(fromBrowserFile));
      setOutcomes(out);
      onImported?.(out);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void run([...e.dataTransfer.files]);
  };

  return (
    <div
      className={`scenario-import${over ? ' drop-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <label htmlFor={id}>{t('library.import.label')}</label>{' '}
      <input id={id} ref={input} type="file" accept={SCENARIO_FILE_ACCEPT} multiple disabled={busy} aria-describedby={`${id}-hint`} onChange={(e) => void run([...(e.target.files ?? [])])} />
      <p id={`${id}-hint`} className="hint">
        {t('library.import.hint')}
      </p>
      <div role="status" aria-live="polite">
        {busy && <p aria-busy="true">{t('library.import.busy')}</p>}
        {outcomes.length > 0 && (
          <ul className="import-outcomes">
            {outcomes.map((o, i) => (
              <li key={i} className={o.status === 'refused' ? 'error' : undefined}>
                <ImportOutcomeText outcome={o} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
