import type { AppSpec } from '../generator/app-spec';
import { planApp } from '../generator/plan/plan-app';
import type { QaFeatureExpectation } from './qa.types';

/**
 * What QA checks per feature, from the app plan (the same contract the
 * generator fills). Planning is CPU work (5–15 ms per spec, more on a cold
 * start): without a Flutter SDK it runs in the CPU pool with the analysis.
 */
export function qaExpectationsOf(spec: AppSpec): QaFeatureExpectation[] {
  return planApp(spec).features.map((f) => ({
    label: f.names.label,
    screenClass: f.classes.screen,
    screenPath: f.paths.screen,
    testPath: f.paths.test,
  }));
}
