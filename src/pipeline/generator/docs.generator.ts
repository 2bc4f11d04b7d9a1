/**
 * Docs of each pipeline phase, paths relative to the job workspace. Pure and
 * deterministic, like the project generator they describe.
 */
import type { AppSpec, GeneratedFile } from './app-spec';
import { apiContractMd, contractPath, dataModelJson, graphqlSchema, openApiYaml } from './docs/api-docs';
import { appBriefMd, inputJson, productSpecJson, requirementsMd, userStoriesMd } from './docs/product-docs';
import { architectureMd, designMd } from './docs/technical-docs';
import { generateFromPlan } from './flutter-project.generator';
import { planApp } from './plan/plan-app';

/** Create phase: `docs/input.json`, `docs/app_brief.md`. */
export function briefDocs(spec: AppSpec): GeneratedFile[] {
  return [
    { path: 'docs/input.json', content: inputJson(spec) },
    { path: 'docs/app_brief.md', content: appBriefMd(planApp(spec)) },
  ];
}

/** BA phase: `docs/requirements.md`, `docs/user_stories.md`, `docs/product_spec.json`. */
export function baDocs(spec: AppSpec): GeneratedFile[] {
  const plan = planApp(spec);
  return [
    { path: 'docs/requirements.md', content: requirementsMd(plan) },
    { path: 'docs/user_stories.md', content: userStoriesMd(plan) },
    { path: 'docs/product_spec.json', content: productSpecJson(plan) },
  ];
}

/**
 * Backend phase (the caller skips it when `backend` is `none`): API contract,
 * the machine-readable contract (`docs/schema.graphql` for GraphQL, else
 * `docs/openapi.yaml`) and the data model, all from the app plan.
 */
export function backendDocs(spec: AppSpec): GeneratedFile[] {
  const plan = planApp(spec);
  const contract =
    contractPath(plan) === 'docs/schema.graphql'
      ? { path: 'docs/schema.graphql', content: graphqlSchema(plan) }
      : { path: 'docs/openapi.yaml', content: openApiYaml(plan) };
  return [
    { path: 'docs/api_contract.md', content: apiContractMd(plan) },
    contract,
    { path: 'docs/data_model.json', content: dataModelJson(plan) },
  ];
}

/** Architect phase: `docs/architecture.md` with the real generated folder layout. */
export function architectureDocs(spec: AppSpec): GeneratedFile[] {
  const plan = planApp(spec);
  return [{ path: 'docs/architecture.md', content: architectureMd(plan, generateFromPlan(plan)) }];
}

/** UI/UX phase: `docs/design.md` with screens, theme tokens and states. */
export function designDocs(spec: AppSpec): GeneratedFile[] {
  return [{ path: 'docs/design.md', content: designMd(planApp(spec)) }];
}
