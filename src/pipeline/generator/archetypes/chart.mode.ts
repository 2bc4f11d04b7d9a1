/**
 * What a chart feature plots, decided from the entity's fields: a sum per
 * category when there is an amount and a category, a sum (or count) per month
 * (or per week or day, when the spec says so: `chart.period.ts`) when the
 * records happened on a day (a required date; an optional one is a property,
 * like a birthday, and is never charted), and simpler counts otherwise. The Dart
 * builders and the tests read the same decision; the planner picks the entity by
 * the same field rules (`plan/chart-source.ts`).
 */
import { categoryField } from '../data/entity-dart';
import type { EntityField, EntityPlan } from '../plan/app-plan';
import { amountField, eventDateField } from '../plan/chart-source';
import { HABIT_CHECK_ENTITY } from '../plan/domain-entities';
import { ENGLISH, fill, inSentence, type UiText } from '../ui-text';
import { PERIOD_BARS, type ChartPeriod } from './chart.period';

export type ChartMode =
  | { kind: 'valueByCategory'; value: EntityField; category: EntityField }
  | { kind: 'valueByPeriod'; value: EntityField; date: EntityField; period: ChartPeriod }
  | { kind: 'countByPeriod'; date: EntityField; period: ChartPeriod }
  | { kind: 'countByCategory'; category: EntityField }
  | { kind: 'valueByItem'; value: EntityField }
  | { kind: 'countByFlag'; flag: EntityField }
  | { kind: 'countByInitial' };

/** A chart over time: one bar per day, week or month. */
export type PeriodMode = Extract<ChartMode, { period: ChartPeriod }>;

/** The numeric field worth summing (see `amountField`). */
export function summableField(entity: EntityPlan): EntityField | undefined {
  return amountField(entity.fields);
}

/**
 * The day each record happened on: a required date, or the `yyyy-MM-dd` text day of a habit
 * check-off (a `text` field: the series parses it).
 */
export function eventDate(entity: EntityPlan): EntityField | undefined {
  const day =
    entity.className === HABIT_CHECK_ENTITY.className ? entity.fields.find((f) => f.name === 'day') : undefined;
  return eventDateField(entity.fields) ?? day;
}

/** Text that names one record rather than a group of them (an address, a SKU, a plate, a file). */
const IDENTIFYING = /(address|sku|plate|code|path|url|email|phone|serial|number)$/i;

/**
 * The text field records are grouped by (an expense's category, a song's
 * artist), unless it identifies single records: grouping by address gives one
 * bar (or chip) per record.
 */
export function groupingField(entity: EntityPlan): EntityField | undefined {
  const field = categoryField(entity);
  return field && !IDENTIFYING.test(field.name) ? field : undefined;
}

/**
 * `named`: the period the spec asks for (`chartPeriod`). A named period ("see a weekly chart") draws
 * the chart over time even when sums per category would fit; without one, categories win and bars
 * over time are months.
 */
export function chartMode(entity: EntityPlan, named?: ChartPeriod): ChartMode {
  const value = summableField(entity);
  const category = groupingField(entity);
  const date = eventDate(entity);
  const period = named ?? 'month';
  const overTime: ChartMode | undefined = !date
    ? undefined
    : value
      ? { kind: 'valueByPeriod', value, date, period }
      : { kind: 'countByPeriod', date, period };
  if (named && overTime) return overTime;
  if (value && category) return { kind: 'valueByCategory', value, category };
  if (overTime) return overTime;
  if (category) return { kind: 'countByCategory', category };
  if (value) return { kind: 'valueByItem', value };
  const flag = entity.fields.find((field) => field.type === 'bool');
  if (flag) return { kind: 'countByFlag', flag };
  return { kind: 'countByInitial' };
}

/** The mode's summed field, when it sums one (otherwise bars are counts). */
export function modeValue(mode: ChartMode): EntityField | undefined {
  return 'value' in mode ? mode.value : undefined;
}

/** The chart over time, when it is one (its bars are the last days, weeks or months). */
export function periodMode(mode: ChartMode): PeriodMode | undefined {
  return 'period' in mode ? mode : undefined;
}

/** "Minutes per week (last 8 weeks)". */
function perPeriod(t: UiText, value: string, period: ChartPeriod): string {
  const count = PERIOD_BARS[period];
  if (period === 'month') return fill(t.perMonth, { value, months: count });
  return fill(period === 'week' ? t.perWeek : t.perDay, { value, count });
}

/**
 * The heading above the chart, e.g. "Amount by category". `items` names what
 * is counted: the entity's plural in English, the screen's own title in other
 * languages (entity labels are English words).
 */
export function chartHeading(mode: ChartMode, entity: EntityPlan, t: UiText, items: string): string {
  switch (mode.kind) {
    case 'valueByCategory':
      return fill(t.valueByGroup, { value: mode.value.label, group: inSentence(t, mode.category.label) });
    case 'valueByPeriod':
      return perPeriod(t, mode.value.label, mode.period);
    case 'countByPeriod':
      return perPeriod(t, items, mode.period);
    case 'countByCategory':
      return fill(t.valueByGroup, { value: items, group: inSentence(t, mode.category.label) });
    case 'valueByItem':
      return fill(t.valueByGroup, { value: mode.value.label, group: inSentence(t, itemNoun(entity, t)) });
    case 'countByFlag':
      return fill(t.flagOrNot, { items, flag: inSentence(t, mode.flag.label) });
    case 'countByInitial':
      return fill(t.byFirstLetter, { items });
  }
}

/** One item, for "Amount by expense": the entity in English, its title field elsewhere. */
function itemNoun(entity: EntityPlan, t: UiText): string {
  if (t === ENGLISH) return entity.label;
  return entity.fields.find((field) => field.name === entity.titleField)?.label ?? entity.label;
}

/** What one bar stands for in "Average per …" (none for the yes/no split). */
export function groupNoun(mode: ChartMode, t: UiText): string | undefined {
  switch (mode.kind) {
    case 'countByPeriod':
      return t[mode.period];
    case 'countByCategory':
      return inSentence(t, mode.category.label);
    case 'countByInitial':
      return t.letter;
    default:
      return undefined;
  }
}
