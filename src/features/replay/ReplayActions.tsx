import { useTranslation } from 'react-i18next';

/** Leave the replay, or download the attempt file with its coaching. */
export function ReplayActions({ onExit, onExport }: { onExit(): void; onExport?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="replay-actions">
      {onExport && (
        <button type="button" onClick={onExport}>
          {t('replay.actions.export')}
        </button>
      )}
      <button type="button" onClick={onExit}>
        {t('replay.actions.exit')}
      </button>
    </div>
  );
}
