/**
 * How long one bar of a chart over time is: a day, a week or a month, read
 * from the words next to the chart ("see weekly progress charts", "Gastos por
 * semana", "每周统计") in the chart's label or the app description. Months
 * unless the spec says otherwise (`chartMode`'s default).
 */
import { ARCHETYPE_WORDS } from '../plan/archetype-words';
import { phraseLengthAt, tokens } from '../plan/text-match';

export type ChartPeriod = 'day' | 'week' | 'month';

/** Bars a chart over time shows, the last one holding today. */
export const PERIOD_BARS: Readonly<Record<ChartPeriod, number>> = { day: 7, week: 6, month: 6 };

/**
 * Words that set a period, folded as `tokens` gives them, in the ten UI languages. No bare "a week"
 * ("3 times a week" is a habit, not a chart) and no Spanish/Portuguese "diario" (also "a diary").
 */
const PERIOD_WORDS: Readonly<Record<ChartPeriod, readonly string[]>> = {
  day: [
    'daily',
    'per day',
    'each day',
    'every day',
    'by day',
    'day by day',
    'hang ngay',
    'moi ngay',
    'theo ngay',
    'diaria',
    'diarias',
    'diarios',
    'por dia',
    'cada dia',
    'quotidien*',
    'par jour',
    'chaque jour',
    'taglich*',
    'pro tag',
    'jeden tag',
    'giornalier*',
    'al giorno',
    'ogni giorno',
    'harian',
    'per hari',
    'setiap hari',
    'tiap hari',
    '每天',
    '每日',
    '按天',
    '毎日',
    '日ごと',
    '日別',
  ],
  week: [
    'weekly',
    'per week',
    'each week',
    'every week',
    'by week',
    'week by week',
    'hang tuan',
    'moi tuan',
    'theo tuan',
    'semanal',
    'semanales',
    'semanais',
    'por semana',
    'cada semana',
    'hebdomadaire*',
    'par semaine',
    'chaque semaine',
    'wochentlich*',
    'pro woche',
    'jede woche',
    'settimanal*',
    'a settimana',
    'per settimana',
    'ogni settimana',
    'mingguan',
    'per minggu',
    'setiap minggu',
    'tiap minggu',
    '每周',
    '每週',
    '按周',
    '毎週',
    '週ごと',
    '週別',
  ],
  month: [
    'monthly',
    'per month',
    'each month',
    'every month',
    'by month',
    'hang thang',
    'moi thang',
    'theo thang',
    'mensual*',
    'mensal',
    'mensais',
    'por mes',
    'cada mes',
    'mensuel*',
    'par mois',
    'chaque mois',
    'monatlich*',
    'pro monat',
    'jeden monat',
    'mensil*',
    'al mese',
    'ogni mese',
    'bulanan',
    'per bulan',
    'setiap bulan',
    '每月',
    '按月',
    '毎月',
    '月ごと',
    '月別',
  ],
};

/** Words a period in the description must stand next to: the chart's own, and "progress". */
const CHART_WORDS: readonly string[] = [
  ...(ARCHETYPE_WORDS.find((row) => row.id === 'chart')?.words ?? []),
  'progress',
  'tien do',
  'progreso',
  'progresso',
  'progres',
  'fortschritt*',
  'kemajuan',
  '进度',
  '進捗',
];

/** "see weekly progress charts": at most this many words between the period and the chart word. */
const NEAR = 3;

function indexesOf(words: readonly string[], phrases: readonly string[]): number[] {
  return words.flatMap((_, at) => (phrases.some((phrase) => phraseLengthAt(words, at, phrase)) ? [at] : []));
}

/**
 * The period `text` names: the first one when `near` is `Infinity` (a chart's own label), else the one
 * nearest a chart word and at most `near` words from it (a description also says "daily habits").
 */
function periodsIn(text: string, near: number): ChartPeriod | undefined {
  const words = tokens(text);
  const anchors = near === Infinity ? [] : indexesOf(words, CHART_WORDS);
  let best: { period: ChartPeriod; distance: number } | undefined;
  for (const period of Object.keys(PERIOD_WORDS) as ChartPeriod[]) {
    for (const at of indexesOf(words, PERIOD_WORDS[period])) {
      const distance = near === Infinity ? at : Math.min(...anchors.map((anchor) => Math.abs(anchor - at)));
      if (distance <= near && (!best || distance < best.distance)) best = { period, distance };
    }
  }
  return best?.period;
}

/**
 * The period the spec names for the chart: one its own label names ("Weekly report"), else one the
 * description names next to a chart word. Undefined when it names none, so `chartMode` can tell a
 * requested "weekly chart" (drawn over time) from its default (months).
 */
export function chartPeriod(labels: readonly string[], description: string): ChartPeriod | undefined {
  return periodsIn(labels.join(' . '), Infinity) ?? periodsIn(description, NEAR);
}
