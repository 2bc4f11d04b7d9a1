/**
 * The app's contract, decided before any file is written: which features the
 * spec asks for (after mining and merging), which archetype each one is, the
 * entities and fields of the app's data, and the backend the repositories use.
 * The builtin generator fills this contract; docs and QA read it too.
 */
import type { AppSpec } from '../app-spec';
import type { FeatureClasses, FeatureFilePaths } from '../feature-classes';
import type { FeatureNames } from '../naming';
import type { AppLocale } from './app-language';

/** What a feature does; each id has one template in `archetypes/`. */
export type ArchetypeId =
  | 'auth'
  | 'chart'
  | 'settings'
  | 'scanner'
  | 'notifications'
  | 'search'
  | 'map'
  | 'camera'
  | 'timer'
  | 'chat'
  | 'calendar'
  | 'profile'
  | 'onboarding'
  | 'checkout'
  | 'study'
  | 'entity';

/** How the repositories store data. */
export type BackendKind = 'none' | 'firebase' | 'supabase' | 'rest' | 'graphql';

/**
 * Dart types: text/longText/email/phone/url → String, int → int,
 * decimal/money → double, bool → bool, date/dateTime → DateTime. A `date` is a day
 * (a due date, a birthday); a `dateTime` is an instant at a time of day (an appointment,
 * a court booking), stored in UTC and shown in the device's time zone.
 */
export type FieldType =
  'text' | 'longText' | 'email' | 'phone' | 'url' | 'int' | 'decimal' | 'money' | 'bool' | 'date' | 'dateTime';

export interface EntityField {
  /** lowerCamelCase Dart field / JSON key, never a Dart keyword and never `id`. */
  name: string;
  /** snake_case column name (Supabase tables, SQL docs). */
  column: string;
  /** Human label for forms and docs, e.g. "Amount". */
  label: string;
  type: FieldType;
  /** Required fields are non-nullable in Dart and validated in forms; `bool` is always non-null (default false). */
  required: boolean;
  /**
   * The `className` of another entity of the plan this field points at: a dog walk's walker, a lease's
   * tenant. The field is then a `text` holding that record's `id` (named `walkerId` / `walker_id`),
   * never the entity's title field; forms pick it from the other entity's records (a dropdown of their
   * `displayTitle`), lists and details show the referenced record's title. Unset for plain fields.
   */
  refersTo?: string;
  /**
   * Kept by a feature, never typed by the user (a flashcard's review schedule, which the study screen
   * updates): forms leave it out and keep the edited record's value; details show it read-only.
   */
  managed?: boolean;
  /**
   * A `managed` required `dateTime` the app sets whenever the record is saved: `created` keeps the
   * first save's time, `updated` takes each save's (a note's `createdAt` / `updatedAt`).
   */
  stamp?: 'created' | 'updated';
}

/**
 * One data entity. Dart contract (written by `data/entity-files.ts`):
 * - `lib/data/models/<fileName>.dart`: `class <className>` with `final String id` and one final field per
 *   `fields` entry (optional fields nullable), a const constructor with named parameters (`required` for
 *   `id` and required fields), `copyWith`, `toJson()` → `Map<String, Object?>` (dates as ISO-8601 strings),
 *   `factory <className>.fromJson(Map<String, Object?> json)`, and `String get displayTitle`.
 * - `lib/data/repositories/<fileName>_repository.dart`: `abstract interface class <className>Repository`
 *   with `Future<List<<className>>> fetchAll()`, `Future<void> save(<className> item)` (insert or
 *   replace by id) and `Future<void> delete(String id)`.
 * - `test/support/fake_repositories.dart`: `class InMemory<className>Repository implements
 *   <className>Repository` with an optional `List<<className>> seed` constructor parameter.
 * - `AppServices.<collection>` holds the repository the app uses.
 */
export interface EntityPlan {
  /** UpperCamelCase Dart class, e.g. `Expense`. */
  className: string;
  /** snake_case file stem, e.g. `expense`. */
  fileName: string;
  /** lowerCamelCase plural: the AppServices field, e.g. `expenses`. */
  collection: string;
  /** snake_case plural: Firestore collection, Supabase table, REST path segment, e.g. `expenses`. */
  tableName: string;
  /** Singular and plural labels for the UI, e.g. "Expense" / "Expenses". */
  label: string;
  pluralLabel: string;
  fields: EntityField[];
  /** `name` of the field shown as an item's title (always a required text field). */
  titleField: string;
  /** Root-relative paths of the entity's shared files. */
  paths: { model: string; repository: string };
  /**
   * Where the fields came from, so docs can be honest about guesses: the domain table, words of the
   * description ("with grade and attempts"), the noun's shape ("volunteers" → a person), or the
   * title/notes/date default. The planner always sets it; hand-built test plans may leave it out.
   */
  fieldsFrom?: 'domain' | 'description' | 'shape' | 'default';
  /**
   * `device`: the records never leave the device whatever the backend (a camera's photos: a device path
   * means nothing elsewhere). The feature keeps them in its own on-device repository, so the backend
   * writes no repository, table, collection or rules for the entity and `AppServices` has no field for it.
   * Unset: stored by the plan's backend.
   */
  storage?: 'device';
}

/** One feature of the app after mining and merging. */
export interface PlannedFeature {
  names: FeatureNames;
  classes: FeatureClasses;
  paths: FeatureFilePaths;
  /** Named route, e.g. `/expenses`. */
  route: string;
  /** Dart expression, e.g. `Icons.search`. */
  icon: string;
  archetype: ArchetypeId;
  /** Every requested label (or mined word) that folded into this feature. */
  requested: string[];
  /** Where the feature came from: the feature list, the description, or the app itself (settings, a data screen another feature needs). */
  origin: 'features' | 'description' | 'app';
  /** Feature-specific options the archetype reads, e.g. `registration` for auth. */
  options: Readonly<Record<string, boolean>>;
  /**
   * The entity the feature shows or edits (`entity`, `chart`, `search`, `calendar`, `chat`,
   * `checkout`), as a `className` of one of `AppPlan.entities`.
   */
  entity?: string;
}

export interface AppPlan {
  spec: AppSpec;
  packageName: string;
  displayName: string;
  description: string;
  /** The language of the generated UI (ISO 639-1, see `plan/app-language.ts`); it also picks the currency. */
  locale: AppLocale;
  backend: BackendKind;
  features: PlannedFeature[];
  entities: EntityPlan[];
}

export function entityOf(plan: AppPlan, feature: PlannedFeature): EntityPlan | undefined {
  return feature.entity ? plan.entities.find((entity) => entity.className === feature.entity) : undefined;
}

/** The entity a data feature works on; throws when the planner did not give it one (a planner bug). */
export function requireEntity(plan: AppPlan, feature: PlannedFeature): EntityPlan {
  const entity = entityOf(plan, feature);
  if (!entity) throw new Error(`feature ${feature.names.id} (${feature.archetype}) has no entity`);
  return entity;
}

/** The entities the plan's backend stores (everything but on-device records). */
export function serverEntities(plan: AppPlan): EntityPlan[] {
  return plan.entities.filter((entity) => entity.storage !== 'device');
}

/** The plan as the backend and its docs see it: only the entities the backend stores. */
export function serverPlan(plan: AppPlan): AppPlan {
  const entities = serverEntities(plan);
  return entities.length === plan.entities.length ? plan : { ...plan, entities };
}
