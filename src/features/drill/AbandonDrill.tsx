import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { DrillActor } from '../../domain/runtime/actor';

/** Giving up asks for confirmation first, so a stray click does not end the attempt. */
export function AbandonDrill({ actor }: { actor: DrillActor }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      trigger={
        <button type="button" className="abandon">
          {t('drill.abandon.start')}
        </button>
      }
      title={t('drill.abandon.title')}
      description={t('drill.abandon.confirm')}
      confirm={t('drill.abandon.yes')}
      cancel={t('drill.abandon.no')}
      danger
      onConfirm={() => actor.send({ type: 'abandon' })}
    />
  );
}
