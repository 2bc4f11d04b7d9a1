/**
 * The strings of a record list's lines (a labelled number under a title, the
 * sum of a field that is itself a total, units of measured fields), in every
 * language the planner can pick. Kept apart from `ui-text.ts` because only the
 * entity screens use them. Units are the short forms the language writes after
 * a number; metric symbols (km, kg, kcal) read the same everywhere.
 */
import type { AppLocale } from './plan/app-language';

export interface RecordText {
  /** A number with its field's label, e.g. "Stock: 5". */
  labelValue: string;
  /** The sum of a field that is itself a total (an order's total): "Total: $120.00", not "Total total:". */
  grandTotal: string;
  /** `{value}` followed by the unit, for fields whose name says minutes, hours or seconds. */
  minutes: string;
  hours: string;
  seconds: string;
}

const RECORD_TEXT: Readonly<Record<AppLocale, RecordText>> = {
  en: {
    labelValue: '{label}: {value}',
    grandTotal: 'Total: ',
    minutes: '{value} min',
    hours: '{value} h',
    seconds: '{value} s',
  },
  vi: {
    labelValue: '{label}: {value}',
    grandTotal: 'Tổng: ',
    minutes: '{value} phút',
    hours: '{value} giờ',
    seconds: '{value} giây',
  },
  es: {
    labelValue: '{label}: {value}',
    grandTotal: 'Total: ',
    minutes: '{value} min',
    hours: '{value} h',
    seconds: '{value} s',
  },
  pt: {
    labelValue: '{label}: {value}',
    grandTotal: 'Total: ',
    minutes: '{value} min',
    hours: '{value} h',
    seconds: '{value} s',
  },
  fr: {
    labelValue: '{label} : {value}',
    grandTotal: 'Total : ',
    minutes: '{value} min',
    hours: '{value} h',
    seconds: '{value} s',
  },
  de: {
    labelValue: '{label}: {value}',
    grandTotal: 'Summe: ',
    minutes: '{value} Min.',
    hours: '{value} Std.',
    seconds: '{value} Sek.',
  },
  it: {
    labelValue: '{label}: {value}',
    grandTotal: 'Totale: ',
    minutes: '{value} min',
    hours: '{value} h',
    seconds: '{value} s',
  },
  id: {
    labelValue: '{label}: {value}',
    grandTotal: 'Total: ',
    minutes: '{value} mnt',
    hours: '{value} jam',
    seconds: '{value} dtk',
  },
  zh: {
    labelValue: '{label}：{value}',
    grandTotal: '合计：',
    minutes: '{value}分钟',
    hours: '{value}小时',
    seconds: '{value}秒',
  },
  ja: {
    labelValue: '{label}：{value}',
    grandTotal: '合計：',
    minutes: '{value}分',
    hours: '{value}時間',
    seconds: '{value}秒',
  },
};

export function recordText(plan: { locale: AppLocale }): RecordText {
  return RECORD_TEXT[plan.locale];
}
