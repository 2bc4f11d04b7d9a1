/**
 * Whether a test's sample records can be `const`: flutter_lints'
 * `prefer_const_constructors` flags a `final` whose constructor arguments are
 * all constants, and `DateTime(...)` is the one sample value that is not.
 */
import { isDated } from '../data/entity-dart';
import type { EntityPlan } from '../plan/app-plan';

/** `const` when every sample value of the entity is a compile-time constant, else `final`. */
export function sampleKeyword(entity: EntityPlan): 'const' | 'final' {
  return entity.fields.some(isDated) ? 'final' : 'const';
}
