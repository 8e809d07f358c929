import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DiagnosticMessage } from '../components/DiagnosticMessage';
import { download } from '../components/download';
import { useLocaleSections } from '../components/use-locale-sections';
import { pickText, type Locale } from '../domain/text/localized-text';
import { exportFileName, type UserScenario } from '../domain/user-scenarios/user-scenario';
import { ScenarioImport } from '../features/library/ScenarioImport';
import { useAppStore } from '../state/app-store';
import { useAttempts } from '../state/attempts/use-attempts';
import { bundledScenarios, loadScenarioSource } from '../state/scenario-library';
import { ownEntry } from '../state/user-scenarios/play';
import { userScenariosStore, useUserScenarios, type SaveState } from '../state/user-scenarios/user-scenarios-store';
import { guideHref } from '../features/workshop/guide/guide-link';
import { startAttempt } from './sessions';

// The editor (and what it brings: diagnostics, map, play-test) loads when a scenario is opened.
const ScenarioWorkbench = lazy(() => import('../features/workshop/ScenarioWorkbench'));

const store = () => userScenariosStore.getState();

function titleOf(r: UserScenario, locale: Locale): string {
  return r.meta ? pickText(r.meta.title, locale).text : r.fileName;
}

/** Where a scenario's text is: stored, being stored, or not stored (why, and a retry). */
function SaveStatus({ state, onRetry }: { state: SaveState; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <div role="status" className={`save-state save-${state.status}`}>
      {state.status === 'saved' && t('workshop.save.saved')}
      {state.status === 'saving' && t('workshop.save.saving')}
      {state.status === 'failed' && (
        <>
          {t('workshop.save.failed', { reason: t(state.error.key) })}{' '}
          <button type="button" onClick={onRetry}>
            {t('workshop.save.retry')}
          </button>
        </>
      )}
    </div>
  );
}

/** The saved versions of a scenario, newest first, each with a restore. */
function Versions({ record, locale }: { record: UserScenario; locale: Locale }) {
  const { t } = useTranslation();
  const when = (at: number) => new Date(at).toLocaleString(locale);
  const versions = [...record.versions].reverse();
  return (
    <details className="versions">
      <summary>{t('workshop.versions.heading', { count: record.versions.length })}</summary>
      <ol>
        {versions.map((v, i) => (
          <li key={`${v.savedAt}-${v.hash}`}>
            <time dateTime={new Date(v.savedAt).toISOString()}>{when(v.savedAt)}</time>
            {i === 0 ? (
              <span className="meta"> {t('workshop.versions.current')}</span>
            ) : (
              <button type="button" onClick={() => void store().restore(record.key, v.savedAt)} aria-label={t('workshop.versions.restoreNamed', { when: when(v.savedAt) })}>
                {t('workshop.versions.restore')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Copies a bundled scenario into the trainer's own, to change it. */
function DuplicateBundled({ onDone }: { onDone(key: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  const locale = useAppStore((s) => s.locale);
  const playable = useMemo(() => bundledScenarios().filter((e) => e.meta), []);
  const [file, setFile] = useState(playable[0]?.file ?? '');
  const [failed, setFailed] = useState(false);
  if (!playable.length) return null;
  const duplicate = async () => {
    setFailed(false);
    try {
      const source = await loadScenarioSource(file);
      onDone(await store().duplicate(source));
    } catch {
      setFailed(true);
    }
  };
  return (
    <div className="duplicate">
      <label htmlFor={id}>{t('workshop.duplicate.label')}</label>{' '}
      <select id={id} value={file} onChange={(e) => setFile(e.target.value)}>
        {playable.map((e) => (
          <option key={e.file} value={e.file}>
            {pickText(e.meta!.title, locale).text}
          </option>
        ))}
      </select>{' '}
      <button type="button" onClick={() => void duplicate()}>
        {t('workshop.duplicate.go')}
      </button>
      {failed && (
        <p role="alert" className="error">
          {t('workshop.duplicate.failed')}
        </p>
      )}
    </div>
  );
}

/** The open scenario: its save state, what the compiler said, its versions, and the editor. */
function OpenScenario({ record, locale }: { record: UserScenario; locale: Locale }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const text = useUserScenarios((s) => s.texts[record.key]);
  const save = useUserScenarios((s) => s.saves[record.key]) ?? { status: 'saved' };
  const trainee = useAppStore((s) => s.preferences.trainee);
  const attempts = useAttempts((s) => s.records);
  const [playFailed, setPlayFailed] = useState(false);
  const errors = record.diagnostics.filter((d) => d.severity === 'error');
  const play = () => {
    setPlayFailed(false);
    void store()
      .flush()
      .then(() => startAttempt(ownEntry(store().records.find((r) => r.key === record.key) ?? record), trainee))
      .then((id) => navigate(`/attempt/${id}`), () => setPlayFailed(true));
  };
  return (
    <section className="panel open-scenario" aria-labelledby="open-scenario-heading">
      <h3 id="open-scenario-heading">{titleOf(record, locale)}</h3>
      <SaveStatus state={save} onRetry={() => void store().retry(record.key)} />
      {record.meta ? (
        <p className="meta">
          {t('workshop.playable')}{' '}
          <button type="button" className="primary" onClick={play} disabled={text !== undefined && save.status === 'saving'}>
            {t('workshop.play')}
          </button>
        </p>
      ) : (
        <div>
          <p role="alert">{t('workshop.draft', { count: errors.length })}</p>
          <ul className="diagnostics">
            {errors.slice(0, 10).map((d, i) => (
              <li key={i}>
                <a href={guideHref(d.code)} aria-label={t('workshop.guide.code', { code: d.code })}>
                  <code>{d.code}</code>
                </a>{' '}
                {t('library.diagnosticAt', { file: d.file, line: d.line, column: d.column })}
                {t('library.colon')}
                <DiagnosticMessage diagnostic={d} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {playFailed && (
        <p role="alert" className="error">
          {t('library.startFailed')}
        </p>
      )}
      <Versions record={record} locale={locale} />
      <Suspense fallback={<p aria-busy="true">{t('workshop.editor.loading')}</p>}>
        <ScenarioWorkbench source={text ?? record.source} fileName={record.fileName} locale={locale} onChange={(source) => store().edit(record.key, source)} attempts={attempts} />
      </Suspense>
    </section>
  );
}

/**
 * The workshop: the trainer's own scenarios (new from the template, imported, duplicated from the
 * library), each exported, restored to a saved version or deleted; one open in the editor.
 */
export default function WorkshopPage({ selected, locale }: { selected: string | null; locale: Locale }) {
  useLocaleSections(['workshop', 'diagnostics']);
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const records = useUserScenarios((s) => s.records);
  const loaded = useUserScenarios((s) => s.loaded);
  const corrupt = useUserScenarios((s) => s.corrupt);
  const storageError = useUserScenarios((s) => s.storageError);
  const saves = useUserScenarios((s) => s.saves);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    if (!loaded) void store().load();
  }, [loaded]);
  // Leaving the workshop stores what was typed at once.
  useEffect(() => () => void store().flush(), []);

  const open = (key: string) => navigate(`/workshop/${encodeURIComponent(key)}`);
  const current = selected ? records.find((r) => r.key === selected) : undefined;
  const create = async () => {
    setCreating(true);
    try {
      open(await store().create(locale));
    } finally {
      setCreating(false);
    }
  };
  const exportOne = (r: UserScenario) => download(exportFileName(r), store().texts[r.key] ?? r.source, 'application/yaml');

  return (
    <div className="workshop-page">
      <h2>{t('workshop.heading')}</h2>
      <p className="tagline">{t('workshop.intro')}</p>
      <p className="workshop-guide-link">
        <a href={guideHref()}>{t('workshop.guide.link')}</a>
      </p>
      {storageError && (
        <p role="alert" className="error">
          {t(storageError.key)}
        </p>
      )}
      <div className="workshop-tools">
        <button type="button" className="primary" onClick={() => void create()} disabled={creating}>
          {t('workshop.new')}
        </button>
        <ScenarioImport
          onImported={(outcomes) => {
            const first = outcomes.find((o) => o.status === 'imported');
            if (first && first.status === 'imported') open(first.key);
          }}
        />
        <DuplicateBundled onDone={open} />
      </div>
      <section aria-labelledby="workshop-list-heading">
        <h3 id="workshop-list-heading">{t('workshop.list.heading')}</h3>
        {!loaded ? (
          <p aria-busy="true">{t('app.loading')}</p>
        ) : records.length === 0 ? (
          <p>{t('workshop.list.empty')}</p>
        ) : (
          <ul className="workshop-list">
            {records.map((r) => {
              const title = titleOf(r, locale);
              const state = saves[r.key];
              return (
                <li key={r.key} className={r.key === selected ? 'selected' : undefined}>
                  <a href={`#/workshop/${encodeURIComponent(r.key)}`} aria-current={r.key === selected ? 'true' : undefined}>
                    {title}
                  </a>{' '}
                  <span className="meta">
                    {r.meta ? `${r.fileName} · ${t(`library.difficulty.${r.meta.difficulty}`)}` : t('workshop.list.draft')}
                    {state?.status === 'failed' && ` · ${t('workshop.list.notSaved')}`}
                  </span>
                  <span className="row-actions">
                    <button type="button" onClick={() => exportOne(r)} aria-label={t('workshop.exportNamed', { title })}>
                      {t('workshop.export')}
                    </button>
                    <ConfirmDialog
                      trigger={
                        <button type="button" className="danger" aria-label={t('workshop.deleteNamed', { title })}>
                          {t('workshop.delete')}
                        </button>
                      }
                      title={t('workshop.confirmDelete.title', { title })}
                      description={t('workshop.confirmDelete.description')}
                      confirm={t('workshop.delete')}
                      cancel={t('workshop.confirmDelete.cancel')}
                      danger
                      onConfirm={() => {
                        void store().remove(r.key);
                        if (r.key === selected) navigate('/workshop');
                      }}
                    />
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {corrupt.length > 0 && (
          <div role="alert" className="notice">
            <p>{t('workshop.corrupt', { count: corrupt.length })}</p>
            <ul>
              {corrupt.map((c) => (
                <li key={c.key}>
                  <code>{c.key}</code> {t(c.error.key, c.error.args)}{' '}
                  <button type="button" onClick={() => void store().remove(c.key)}>
                    {t('workshop.delete')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      {selected && loaded && !current && (
        <p role="alert" className="error">
          {t('workshop.missing')}
        </p>
      )}
      {current && <OpenScenario key={current.key} record={current} locale={locale} />}
    </div>
  );
}
