import {
  featureClasses,
  featureFilePaths,
  featureRoute,
  type FeatureClasses,
  type FeatureFilePaths,
} from './feature-classes';
import { featureIcon } from './feature-icons';
import { featureNames, type FeatureNames } from './naming';

/** Everything the generator, docs and repair need to know about one requested feature. */
export interface ProjectFeature {
  names: FeatureNames;
  classes: FeatureClasses;
  paths: FeatureFilePaths;
  /** Named route, e.g. `/todo_list`. */
  route: string;
  /** Dart expression, e.g. `Icons.search`. */
  icon: string;
}

/** Stems whose `<stem>Screen` the app itself declares (`HomeScreen`, `SettingsScreen`). */
const RESERVED_STEMS = ['Home', 'Settings'];

/**
 * `featureNames` keeps ids unique, but distinct ids can share a class stem
 * (`step_2` and `step2` both give `Step2`), and all screens meet in app.dart.
 * Later duplicates get a `V<n>` suffix, so the first feature keeps its natural name.
 */
function uniqueStems(features: readonly FeatureNames[]): FeatureNames[] {
  const used = new Set(RESERVED_STEMS);
  return features.map((names) => {
    let stem = names.className;
    for (let n = 2; used.has(stem); n++) stem = `${names.className}V${n}`;
    used.add(stem);
    return stem === names.className ? names : { ...names, className: stem };
  });
}

export function projectFeatures(requested: readonly string[]): ProjectFeature[] {
  return uniqueStems(featureNames(requested)).map((names) => ({
    names,
    classes: featureClasses(names),
    paths: featureFilePaths(names),
    route: featureRoute(names),
    icon: featureIcon(names.id),
  }));
}
