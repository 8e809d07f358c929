import { useTranslation } from 'react-i18next';
import type { ScenarioModel } from '../domain/scenario/model';
import { simDate } from '../domain/text/sim-date';

/**
 * How a simulated day reads: its number, and — when the scenario has a calendar — its date and
 * weekday ("3 (Wed, 17 Sep)"). Used for `{{day}}` in the UI's "day …" strings.
 */
export function useSimDay(model: Pick<ScenarioModel, 'calendar'> | null | undefined): (day: number) => string {
  const { t, i18n } = useTranslation();
  const start = model?.calendar?.start ?? null;
  if (!start) return (day) => String(day);
  const format = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (day) => {
    const date = simDate(start, day);
    return date ? t('drill.calendar.dayWithDate', { day, date: format.format(date) }) : String(day);
  };
}
