/**
 * What a chart, statistics or reports screen measures when its own words name no records: the app's
 * most measurable ones. Records of a day with an amount come first (fill-ups and their cost, expenses,
 * workouts and their minutes), then records of things that happened on a day, counted per period
 * (visits, a habit's check-offs). A list of things (vehicles, decks, people) is no source: its dates
 * (a next service, a birthday, a deadline) are properties, not events, and counting the list per month
 * of them measures nothing. When the app keeps no such records the chart takes the main list and counts
 * it per category or status (`archetypes/chart.mode.ts`, which reads the same fields as this rule).
 */
import type { EntityField, FieldType } from './app-plan';
import { HABIT_CHECK_ENTITY, parseFieldSpecs, type DomainEntity } from './domain-entities';
import type { EntityRef } from './entity-ref';

/** What the rule reads of a field: the planner ranks rows before their entities exist. */
export type FieldShape = Pick<EntityField, 'name' | 'type' | 'required'>;

const NUMERIC: ReadonlySet<FieldType> = new Set(['int', 'decimal', 'money']);

/** Coordinates are numbers, but their sums mean nothing. */
const COORDINATE = /^(lat|lng|lon|latitude|longitude)$/i;

/** Words of a rate's name (`waterEveryDays`, `timesPerWeek`): a schedule, not an amount to add up. */
const RATE_WORDS: ReadonlySet<string> = new Set(['every', 'per']);

function isSummable(field: FieldShape): boolean {
  const words = field.name.split(/(?=[A-Z])/).map((word) => word.toLowerCase());
  return NUMERIC.has(field.type) && !COORDINATE.test(field.name) && !words.some((word) => RATE_WORDS.has(word));
}

/** Dates a thing is kept up to ("last watered", "next service"): overwritten, so no record of a day. */
const STATE_DATE = /^(last|next)[A-Z]/;

/**
 * The number worth summing: money before other numbers (a fill-up's cost, not its liters), a required
 * number before an optional one; an optional int is no amount (usually a rating, priority or year),
 * nor is a coordinate or a rate.
 */
export function amountField<F extends FieldShape>(fields: readonly F[]): F | undefined {
  const numbers = fields.filter(isSummable);
  const money = numbers.filter((field) => field.type === 'money');
  const preferred =
    money.find((field) => field.required) ?? numbers.find((field) => field.required) ?? money[0] ?? numbers[0];
  return preferred && (preferred.required || preferred.type !== 'int') ? preferred : undefined;
}

/**
 * The day a record happened on: a required date (or date-time). An optional date is a property of a
 * thing (a birthday, a deadline, the date field a generic list gets) that many records leave empty.
 */
export function eventDateField<F extends FieldShape>(fields: readonly F[]): F | undefined {
  return fields.find(
    (field) => (field.type === 'date' || field.type === 'dateTime') && field.required && !STATE_DATE.test(field.name),
  );
}

/** How well a chart over a row's records measures something: the higher, the better the source. */
export type ChartMeasure = 'amounts' | 'events' | 'list';

const RANK: Readonly<Record<ChartMeasure, number>> = { amounts: 2, events: 1, list: 0 };

/**
 * What a chart over `row` (with `fields`, the row's own unless the description added some) measures.
 * A habit counts as events: its check-offs (`HABIT_CHECK_ENTITY`) are what its chart plots.
 */
export function chartMeasure(row: Pick<DomainEntity, 'className'>, fields: readonly FieldShape[]): ChartMeasure {
  if (row.className === HABIT_CHECK_ENTITY.refersTo?.habit) return 'events';
  if (!eventDateField(fields)) return 'list';
  return amountField(fields) ? 'amounts' : 'events';
}

/**
 * The records a chart without its own should plot: the first of the best-measuring `refs` (the app's
 * data, in screen order), or undefined when none is dated, so the caller falls back to the main list.
 * `fieldsOf` gives a ref's field list as the entity will have it (the description may add fields).
 */
export function chartSource(
  refs: readonly EntityRef[],
  fieldsOf: (ref: EntityRef) => string = (ref) => ref.row.fields,
): EntityRef | undefined {
  let best: { ref: EntityRef; rank: number } | undefined;
  for (const ref of refs) {
    const rank = RANK[chartMeasure(ref.row, parseFieldSpecs(fieldsOf(ref)))];
    if (rank > 0 && (!best || rank > best.rank)) best = { ref, rank };
  }
  return best?.ref;
}
