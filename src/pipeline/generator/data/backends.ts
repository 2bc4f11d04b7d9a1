/**
 * The data backend of a generated app: for the plan's backend, one class per
 * entity implementing `<Entity>Repository` (shared_preferences, Firestore,
 * Supabase, REST or GraphQL), the bootstrap files they need, the lines
 * main() runs first and the README's setup steps. The app shell creates the
 * repositories in `AppServices.create()` with `repositoryCreate`.
 */
import { serverPlan, type AppPlan, type BackendKind } from '../plan/app-plan';
import { firestoreWiring } from './backends/firestore.backend';
import { graphqlWiring } from './backends/graphql.backend';
import { localWiring } from './backends/local.backend';
import { restWiring } from './backends/rest.backend';
import { supabaseWiring } from './backends/supabase.backend';
import type { BackendWiring } from './backends/wiring';

export type { BackendWiring } from './backends/wiring';
export { repositoryImplementation, type RepositoryImplementation } from './backends/backend-names';

const WIRINGS: Readonly<Record<BackendKind, (plan: AppPlan) => BackendWiring>> = {
  none: localWiring,
  firebase: firestoreWiring,
  supabase: supabaseWiring,
  rest: restWiring,
  graphql: graphqlWiring,
};

/** On-device entities (a camera's photos) get no server repository, table or rules. */
export function backendWiring(plan: AppPlan): BackendWiring {
  return WIRINGS[plan.backend](serverPlan(plan));
}
