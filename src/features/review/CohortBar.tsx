import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { COHORT_NAME_MAX, type CohortRecord } from '../../domain/cohort/cohort-record';
import { NameDialog } from './NameDialog';

interface Props {
  cohorts: CohortRecord[];
  /** The cohort shown, or null for every imported attempt. */
  current: string | null;
  onChoose(id: string | null): void;
  onCreate(name: string): void;
  onRename(id: string, name: string): void;
  onDelete(id: string): void;
}

/** Which cohort is under review, and creating, renaming and deleting cohorts. */
export function CohortBar({ cohorts, current, onChoose, onCreate, onRename, onDelete }: Props) {
  const { t } = useTranslation();
  const cohort = cohorts.find((c) => c.id === current) ?? null;
  return (
    <div className="cohort-bar">
      <label>
        {t('review.cohorts.label')}{' '}
        <select value={cohort?.id ?? ''} onChange={(e) => onChoose(e.target.value || null)}>
          <option value="">{t('review.cohorts.all')}</option>
          {cohorts.map((c) => (
            <option key={c.id} value={c.id}>
              {t('review.cohorts.option', { name: c.name, count: c.attemptIds.length })}
            </option>
          ))}
        </select>
      </label>
      <NameDialog
        trigger={<button type="button">{t('review.cohorts.new')}</button>}
        title={t('review.cohorts.newTitle')}
        label={t('review.cohorts.name')}
        maxLength={COHORT_NAME_MAX}
        submit={t('review.cohorts.create')}
        onSubmit={onCreate}
      />
      {cohort && (
        <>
          <NameDialog
            trigger={<button type="button">{t('review.cohorts.rename')}</button>}
            title={t('review.cohorts.renameTitle', { name: cohort.name })}
            label={t('review.cohorts.name')}
            initial={cohort.name}
            maxLength={COHORT_NAME_MAX}
            submit={t('review.cohorts.save')}
            onSubmit={(name) => onRename(cohort.id, name)}
          />
          <ConfirmDialog
            trigger={<button type="button">{t('review.cohorts.delete')}</button>}
            title={t('review.cohorts.deleteTitle', { name: cohort.name })}
            description={t('review.cohorts.deleteText')}
            confirm={t('review.cohorts.deleteYes')}
            cancel={t('review.cohorts.cancel')}
            danger
            onConfirm={() => onDelete(cohort.id)}
          />
        </>
      )}
    </div>
  );
}
