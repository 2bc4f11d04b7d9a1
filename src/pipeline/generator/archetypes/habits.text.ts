/**
 * The habit list's own strings (the streak, the week's count, the check
 * button's tooltips) in every language the planner can pick. Kept apart from
 * `ui-text.ts` because only the habit screen uses them; its list, form and
 * messages come from the shared record tables.
 */
import type { AppLocale } from '../plan/app-language';

export interface HabitText {
  /** Label of the streak in a habit's details. */
  streak: string;
  /** Label of this week's count ("3/5") in the list line and the details. */
  thisWeek: string;
  /** A streak of one day; languages without a plural write `streakDays` for it too. */
  streakDay: string;
  /** A streak of `{count}` days. */
  streakDays: string;
  /** The check button's tooltip (a toggle: selected once today is done, a tap takes it back). */
  doneToday: string;
}

const HABIT_TEXT: Readonly<Record<AppLocale, HabitText>> = {
  en: {
    streak: 'Streak',
    thisWeek: 'This week',
    streakDay: '🔥 1 day',
    streakDays: '🔥 {count} days',
    doneToday: 'Done today',
  },
  vi: {
    streak: 'Chuỗi ngày',
    thisWeek: 'Tuần này',
    streakDay: '🔥 {count} ngày',
    streakDays: '🔥 {count} ngày',
    doneToday: 'Đã làm hôm nay',
  },
  es: {
    streak: 'Racha',
    thisWeek: 'Esta semana',
    streakDay: '🔥 1 día',
    streakDays: '🔥 {count} días',
    doneToday: 'Hecho hoy',
  },
  pt: {
    streak: 'Sequência',
    thisWeek: 'Esta semana',
    streakDay: '🔥 1 dia',
    streakDays: '🔥 {count} dias',
    doneToday: 'Feito hoje',
  },
  fr: {
    streak: 'Série',
    thisWeek: 'Cette semaine',
    streakDay: '🔥 1 jour',
    streakDays: '🔥 {count} jours',
    doneToday: 'Fait aujourd’hui',
  },
  de: {
    streak: 'Serie',
    thisWeek: 'Diese Woche',
    streakDay: '🔥 1 Tag',
    streakDays: '🔥 {count} Tage',
    doneToday: 'Heute erledigt',
  },
  it: {
    streak: 'Serie',
    thisWeek: 'Questa settimana',
    streakDay: '🔥 1 giorno',
    streakDays: '🔥 {count} giorni',
    doneToday: 'Fatto oggi',
  },
  id: {
    streak: 'Rentetan',
    thisWeek: 'Minggu ini',
    streakDay: '🔥 {count} hari',
    streakDays: '🔥 {count} hari',
    doneToday: 'Selesai hari ini',
  },
  zh: {
    streak: '连续天数',
    thisWeek: '本周',
    streakDay: '🔥 连续 {count} 天',
    streakDays: '🔥 连续 {count} 天',
    doneToday: '今天已完成',
  },
  ja: {
    streak: '連続日数',
    thisWeek: '今週',
    streakDay: '🔥 {count}日連続',
    streakDays: '🔥 {count}日連続',
    doneToday: '今日は完了',
  },
};

export function habitText(plan: { locale: AppLocale }): HabitText {
  return HABIT_TEXT[plan.locale];
}
