import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lrsSettings, type LrsSettings } from '../../state/lms/lrs-settings';
import { lrsStore, statementQueue, useLrs, useStatementQueue } from '../../state/lms/lms-service';
import type { SendOutcome } from '../../state/lms/lrs-client';

interface Props {
  /** The cohort pulled attempts join (the one open in Review), if any. */
  cohortId: string | null;
  cohortName: string | null;
  /** Called once settings are saved (the app starts or stops sending attempts). */
  onSaved(settings: LrsSettings | null): void;
}

interface Form {
  endpoint: string;
  username: string;
  password: string;
  homePage: string;
  sendAttempts: boolean;
}
const EMPTY: Form = { endpoint: '', username: '', password: '', homePage: '', sendAttempts: true };

const outcomeKey = (o: SendOutcome) => (o.kind === 'sent' ? 'lrs.check.ok' : o.kind === 'unauthorized' ? 'lrs.check.unauthorized' : o.kind === 'retry' ? 'lrs.check.unreachable' : 'lrs.check.refused');

/** Review's Learning Record Store: where statements go (stored in this browser only), the queue, and pulling a cohort back. */
export function LrsPanel({ cohortId, cohortName, onSaved }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const settings = useLrs((s) => s.settings);
  const loaded = useLrs((s) => s.loaded);
  const settingsProblem = useLrs((s) => s.settingsProblem);
  const pulling = useLrs((s) => s.pulling);
  const lastPull = useLrs((s) => s.lastPull);
  const queue = useStatementQueue((s) => s);
  // What is typed, over the stored settings (null: nothing typed since they were loaded or saved).
  const [edited, setForm] = useState<Form | null>(null);
  const form: Form = edited ?? (settings ? { endpoint: settings.endpoint, username: settings.username, password: settings.password, homePage: settings.homePage, sendAttempts: settings.sendAttempts } : EMPTY);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');

  useEffect(() => {
    if (!lrsStore.getState().loaded) void lrsStore.getState().load();
    void statementQueue.refresh();
  }, []);

  const checked = () => {
    const homePage = form.homePage.trim() || (URL.canParse(form.endpoint) ? new URL(form.endpoint).origin : '');
    const result = lrsSettings({ ...form, endpoint: form.endpoint.trim(), homePage });
    if (!result.ok) setMessage({ text: t(`lrs.invalid.${result.problem.field}`), error: true });
    return result.ok ? result.settings : null;
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const s = checked();
    if (!s) return;
    const ok = await lrsStore.getState().save(s);
    setMessage({ text: t(ok ? 'lrs.saved' : 'lrs.saveFailed'), error: !ok });
    if (ok) {
      setForm(null);
      onSaved(s);
    }
  };
  const test = async () => {
    const s = checked();
    if (!s) return;
    setMessage({ text: t('lrs.check.running'), error: false });
    const outcome = await lrsStore.getState().check(s);
    setMessage({ text: t(outcomeKey(outcome), { status: outcome.kind === 'sent' ? 200 : outcome.status, message: outcome.kind === 'sent' ? '' : outcome.message }), error: outcome.kind !== 'sent' });
  };
  const forget = async () => {
    if (await lrsStore.getState().save(null)) {
      setForm(null);
      setMessage({ text: t('lrs.forgotten'), error: false });
      onSaved(null);
    }
  };
  const pull = () => {
    const day = (d: string, end: boolean) => (d ? new Date(`${d}T${end ? '23:59:59.999' : '00:00:00'}Z`).toISOString() : undefined);
    void lrsStore.getState().pull({ since: day(since, false), until: day(until, true), cohortId });
  };
  const field = (name: 'endpoint' | 'username' | 'password' | 'homePage', type = 'text') => (
    <label className="lrs-field">
      <span>{t(`lrs.fields.${name}`)}</span>
      <input type={type} value={form[name]} autoComplete={type === 'password' ? 'off' : undefined} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
    </label>
  );

  return (
    <section className="panel lrs-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('lrs.heading')}</h3>
      <p className="meta">{t('lrs.intro')}</p>
      {settingsProblem && <p className="error">{t('lrs.settingsDamaged')}</p>}
      {loaded && (
        <form onSubmit={(e) => void save(e)} aria-label={t('lrs.formLabel')}>
          {field('endpoint', 'url')}
          {field('username')}
          {field('password', 'password')}
          {field('homePage', 'url')}
          <label className="lrs-check">
            <input type="checkbox" checked={form.sendAttempts} onChange={(e) => setForm({ ...form, sendAttempts: e.target.checked })} /> {t('lrs.fields.sendAttempts')}
          </label>
          <div className="lrs-actions">
            <button type="submit" className="primary">
              {t('lrs.save')}
            </button>
            <button type="button" onClick={() => void test()}>
              {t('lrs.test')}
            </button>
            {settings && (
              <button type="button" onClick={() => void forget()}>
                {t('lrs.forget')}
              </button>
            )}
          </div>
        </form>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'meta'}>
          {message.text}
        </p>
      )}

      <h4>{t('lrs.queue.heading')}</h4>
      <p role="status" aria-label={t('lrs.queue.heading')}>
        {t('lrs.queue.counts', { pending: queue.pending, sent: queue.sent, rejected: queue.rejected.length })}
        {queue.sending && ` ${t('lrs.queue.sending')}`}
      </p>
      {queue.memoryOnly && <p className="error">{t('lrs.queue.memoryOnly')}</p>}
      {queue.problem && (
        <p role="alert" className="error">
          {t(queue.problem.kind === 'unauthorized' ? 'lrs.queue.unauthorized' : 'lrs.queue.retrying', { status: queue.problem.status || '—', message: queue.problem.message })}
        </p>
      )}
      <div className="lrs-actions">
        <button type="button" disabled={!settings || queue.pending === 0} onClick={() => (statementQueue.resume(), void statementQueue.flush())}>
          {t('lrs.queue.sendNow')}
        </button>
      </div>
      {queue.rejected.length > 0 && (
        <details>
          <summary>{t('lrs.queue.rejected', { count: queue.rejected.length })}</summary>
          <ul className="lrs-rejected">
            {queue.rejected.slice(0, 50).map((r) => (
              <li key={r.id}>
                <code>{r.id}</code> {t('lrs.queue.refusedWith', { status: r.problem?.status ?? '', message: r.problem?.message ?? '' })}
              </li>
            ))}
          </ul>
          <div className="lrs-actions">
            <button type="button" onClick={() => void statementQueue.retryRejected().then(() => statementQueue.flush())}>
              {t('lrs.queue.retry')}
            </button>
            <button type="button" onClick={() => void statementQueue.discardRejected(queue.rejected.map((r) => r.id))}>
              {t('lrs.queue.discard')}
            </button>
          </div>
        </details>
      )}

      <h4>{t('lrs.pull.heading')}</h4>
      <p className="meta">{cohortName ? t('lrs.pull.intoCohort', { cohort: cohortName }) : t('lrs.pull.intro')}</p>
      <div className="lrs-pull">
        <label>
          {t('lrs.pull.since')} <input type="date" value={since} onChange={(e) => setSince(e.target.value)} />
        </label>
        <label>
          {t('lrs.pull.until')} <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
        </label>
        <button type="button" disabled={!settings || pulling !== null} onClick={pull}>
          {t('lrs.pull.button')}
        </button>
      </div>
      {pulling && <p aria-busy="true">{t('lrs.pull.reading', { count: pulling.statements })}</p>}
      {lastPull && !lastPull.ok && (
        <p role="alert" className="error">
          {t(outcomeKey(lastPull.error), lastPull.error.kind === 'sent' ? {} : { status: lastPull.error.status, message: lastPull.error.message })}
        </p>
      )}
      {lastPull?.ok && (
        <div role="status">
          <p>{t('lrs.pull.done', { statements: lastPull.statements, attempts: lastPull.attempts.length })}</p>
          {lastPull.truncated && <p className="error">{t('lrs.pull.truncated')}</p>}
          <ul>
            {lastPull.attempts.flatMap((a) => (a.ok ? [] : [<li key={a.attemptId}>{t(`lrs.pull.problem.${a.problem}`, { trainee: a.trainee || '—', scenario: a.scenario })}</li>]))}
          </ul>
        </div>
      )}
    </section>
  );
}
