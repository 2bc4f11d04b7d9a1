/**
 * Docs of each pipeline phase, paths relative to the job workspace. Pure and
 * deterministic, like the project generator they describe.
 */
import type { AppSpec, GeneratedFile } from './app-spec';
import { apiContractMd, dataModel, openApiYaml } from './docs/api-docs';
import { appBriefMd, inputJson, productSpecJson, requirementsMd, userStoriesMd } from './docs/product-docs';
import { architectureMd, designMd } from './docs/technical-docs';
import { generateFromPlan } from './flutter-project.generator';
import { planApp } from './plan/plan-app';
import { projectFeatures } from './project-features';

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

/** Backend phase (the caller skips it when `backend` is `none`): API contract, OpenAPI, data model. */
export function backendDocs(spec: AppSpec): GeneratedFile[] {
  const features = projectFeatures(spec.features);
  return [
    { path: 'docs/api_contract.md', content: apiContractMd(spec, features) },
    { path: 'docs/openapi.yaml', content: openApiYaml(spec, features) },
    { path: 'docs/data_model.json', content: `${JSON.stringify(dataModel(spec, features), null, 2)}\n` },
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
