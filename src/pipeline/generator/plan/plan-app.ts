import type { AppSpec } from '../app-spec';
import { projectFeatures } from '../project-features';
import { appDescription, appDisplayName, packageName } from '../spec-text';
import type { AppPlan, BackendKind } from './app-plan';

/** TEMPORARY: replaced by the archetype planner. */
export function planApp(spec: AppSpec): AppPlan {
  return {
    spec,
    packageName: packageName(spec),
    displayName: appDisplayName(spec),
    description: appDescription(spec),
    backend: 'none' as BackendKind,
    features: projectFeatures(spec.features).map((f) => ({
      ...f,
      archetype: 'entity',
      requested: [f.names.label],
      origin: 'features',
      options: {},
    })),
    entities: [],
  };
}
