import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupMessage, CheckedBackup } from '../../domain/backup/backup-file';
import { backupSizeProblem } from '../../domain/backup/backup-file';
import { download } from '../../components/download';
import { useLocaleSections } from '../../components/use-locale-sections';
import { attemptsStore } from '../../state/attempts/use-attempts';
import { backupFileName, checkBackup, makeBackup, previewRestore, restoreBackup, type SectionReport } from '../../state/backup/backup';
import { requestPersistence, storageStatus, type StorageStatus } from '../../state/storage-status';

type Restore =
  | { step: 'checking'; file: string }
  | { step: 'refused'; error: BackupMessage }
  | { step: 'preview'; file: string; backup: CheckedBackup; sections: SectionReport[] }
  | { step: 'done'; file: string; sections: SectionReport[] }
  | { step: 'failed' };

/** Bytes as the reader's language writes sizes (KB, MB, GB). */
function size(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: u ? 1 : 0 }).format(n)} ${units[u]}`;
}

/** What the browser keeps of the app (persistent or not, space used), the backup and the restore. */
export function DataPanel() {
  useLocaleSections(['backup']);
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  // Kept for offline use once the service worker controls the page (see src/app/app-update.ts).
  const offline = typeof navigator !== 'undefined' && !!navigator.serviceWorker?.controller;
  const [refusedToKeep, setRefusedToKeep] = useState(false);
  const [made, setMade] = useState<string | null>(null);
  const [restore, setRestore] = useState<Restore | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const refresh = () => void storageStatus().then(setStatus);
  useEffect(refresh, []);

  const backUp = async () => {
    const now = Date.now();
    const result = await makeBackup(now);
    if ('error' in result) return setMade(t('backup.backup.failed'));
    const file = backupFileName(now);
    download(file, result.text);
    const c = result.counts;
    setMade([t('backup.backup.made', { file, attempts: c.attempts ?? 0, cohorts: c.cohorts ?? 0, sources: c.sources ?? 0, scenarios: c.userScenarios ?? 0 }), result.damaged ? t('backup.backup.damaged', { count: result.damaged }) : ''].join(' ').trim());
    refresh();
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const tooLarge = backupSizeProblem(file.name, file.size);
    if (tooLarge) return setRestore({ step: 'refused', error: tooLarge });
    setRestore({ step: 'checking', file: file.name });
    const read = checkBackup(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!read.ok) return setRestore({ step: 'refused', error: read.error });
    const preview = await previewRestore(read.backup);
    setRestore(preview.status === 'failed' ? { step: 'failed' } : { step: 'preview', file: file.name, backup: read.backup, sections: preview.sections });
  };

  const confirm = async (file: string, backup: CheckedBackup) => {
    const result = await restoreBackup(backup);
    if (result.status === 'failed') return setRestore({ step: 'failed' });
    setRestore({ step: 'done', file, sections: result.sections });
    void attemptsStore.getState().load();
    // The review's cohorts too (their store loads with the review pages, not with this dialog).
    void import('../../state/review/review-store').then(({ reviewStore }) => reviewStore().getState().load());
    void requestPersistence().then(refresh);
  };

  const sectionLines = (sections: SectionReport[]) => (
    <ul>
      {sections.map((s) => (
        <li key={s.section}>
          {t('backup.restore.section', { section: t(`backup.restore.sections.${s.section}`), added: s.added, updated: s.updated, kept: s.kept })}
          {s.conflicts.map((c) => (
            <p key={c.id} className="meta">
              {t('backup.restore.conflict', { section: t(`backup.restore.sections.${s.section}`), id: c.id, reason: t(`backup.restore.reasons.${c.reason}`) })}
            </p>
          ))}
        </li>
      ))}
    </ul>
  );

  return (
    <section className="data-panel" aria-labelledby="data-heading">
      <h3 id="data-heading">{t('backup.heading')}</h3>
      <div role="status" data-testid="storage-status">
        {status && (
          <>
            <p>{status.persisted === null ? t('backup.storage.unknown') : status.persisted ? t('backup.storage.persisted') : t('backup.storage.notPersisted')}</p>
            <p className="meta">
              {status.usage !== null && status.quota !== null
                ? t('backup.storage.used', { used: size(status.usage, i18n.language), quota: size(status.quota, i18n.language) })
                : t('backup.storage.usedUnknown')}
            </p>
            {refusedToKeep && <p className="meta">{t('backup.storage.refused')}</p>}
            <p className="meta">{offline ? t('backup.storage.offline') : t('backup.storage.online')}</p>
          </>
        )}
      </div>
      {status?.persisted === false && (
        <button type="button" onClick={() => void requestPersistence().then((kept) => (setRefusedToKeep(kept === false), refresh()))}>
          {t('backup.storage.persist')}
        </button>
      )}
      <div className="field">
        <p className="meta" id="backup-hint">
          {t('backup.backup.hint')}
        </p>
        <div className="form-actions">
          <button type="button" aria-describedby="backup-hint" onClick={() => void backUp()}>
            {t('backup.backup.make')}
          </button>
          <button type="button" onClick={() => input.current?.click()}>
            {t('backup.restore.choose')}
          </button>
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="restore-input"
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </div>
        {made && <p role="status">{made}</p>}
      </div>
      <div role="status" data-testid="restore-report">
        {restore?.step === 'checking' && <p aria-busy="true">{t('backup.restore.checking', { file: restore.file })}</p>}
        {restore?.step === 'refused' && (
          <p role="alert" className="error">
            {t(restore.error.key, restore.error.args)}
          </p>
        )}
        {restore?.step === 'failed' && (
          <p role="alert" className="error">
            {t('backup.restore.failed')}
          </p>
        )}
        {restore?.step === 'preview' && (
          <>
            <p>{t('backup.restore.preview', { file: restore.file })}</p>
            {sectionLines(restore.sections)}
            <div className="form-actions">
              <button type="button" className="primary" onClick={() => void confirm(restore.file, restore.backup)}>
                {t('backup.restore.confirm')}
              </button>
              <button type="button" onClick={() => setRestore(null)}>
                {t('backup.restore.cancel')}
              </button>
            </div>
          </>
        )}
        {restore?.step === 'done' && (
          <>
            <p>{t('backup.restore.done', { file: restore.file })}</p>
            {sectionLines(restore.sections)}
          </>
        )}
      </div>
    </section>
  );
}
