import { useTranslation } from 'react-i18next';
import type { Move } from '../../domain/runtime/context';
import { findOption, type ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { ReplayText } from './ReplayText';

/** What a move was, in words: the option's line, a wait, a fact recorded, the lead plan, giving up. */
export function MoveText({ move, model, locale }: { move: Move | null; model: ScenarioModel; locale: Locale }) {
  const { t } = useTranslation();
  if (!move) return <>{t('replay.move.start')}</>;
  switch (move.type) {
    case 'leads.submit':
      return <>{t('replay.move.leads')}</>;
    case 'choose':
      return (
        <>
          {t('replay.move.said')}
          {t('drill.colon')}
          <q className="rep-words">
            <ReplayText value={findOption(model, move.option)?.rep} locale={locale} />
          </q>
        </>
      );
    case 'wait':
      return <>{t('drill.conversation.waited', { count: move.days })}</>;
    case 'record':
      return (
        <>
          {t('replay.move.recorded')}
          {t('drill.colon')}
          <ReplayText value={model.customer.facts[move.fact]?.label} locale={locale} />
        </>
      );
    case 'abandon':
      return <>{t('replay.move.abandon')}</>;
  }
}
