/**
 * How the docs name a field's type: the plan's own names, except that an
 * instant at a time of day reads `date-time` (as OpenAPI's `format` says it)
 * so a reader sees at once which dates carry a time.
 */
import type { EntityField } from '../plan/app-plan';

export function fieldTypeName(field: Pick<EntityField, 'type'>): string {
  return field.type === 'dateTime' ? 'date-time' : field.type;
}
