/**
 * Data screens the app adds on its own because another feature needs them
 * (Places for a map, Products for a checkout) open from that feature, not from
 * the home screen: the user asked for a map, not for a list of places. The
 * shell, the archetypes that link to them and the docs all read this one rule.
 */
import type { AppPlan, ArchetypeId, EntityPlan, PlannedFeature } from './plan/app-plan';
import { fill, uiText } from './ui-text';

/** Archetypes whose screen has an action opening the entity screen of their data. */
const OPENS_ITS_DATA_SCREEN: ReadonlySet<ArchetypeId> = new Set(['map', 'checkout']);

/** The entity screen where `feature`'s records are added and edited, when the app has one. */
export function dataScreenOf(plan: AppPlan, feature: PlannedFeature): PlannedFeature | undefined {
  if (!feature.entity || feature.archetype === 'entity') return undefined;
  return plan.features.find((candidate) => candidate.archetype === 'entity' && candidate.entity === feature.entity);
}

/**
 * The feature whose screen opens `feature`, when `feature` is a data screen the app
 * added for it; undefined for everything the user asked for (those are home cards).
 */
export function openedFrom(plan: AppPlan, feature: PlannedFeature): PlannedFeature | undefined {
  if (feature.origin !== 'app' || feature.archetype !== 'entity') return undefined;
  return plan.features.find(
    (candidate) => OPENS_ITS_DATA_SCREEN.has(candidate.archetype) && candidate.entity === feature.entity,
  );
}

/**
 * Archetypes whose screen is a gate in front of the app (their template's `gate()`:
 * sign-in opens first until someone signs in, the tour once at the first launch).
 * Listed here, not read from the templates, because the templates import this file.
 */
const GATED: ReadonlySet<ArchetypeId> = new Set(['auth', 'onboarding']);

/**
 * Whether the home screen shows a card for `feature`: not settings (the app bar opens
 * them), not a gate (it opens by itself), not a data screen another feature opens.
 */
export function isHomeCard(plan: AppPlan, feature: PlannedFeature): boolean {
  return feature.archetype !== 'settings' && !GATED.has(feature.archetype) && openedFrom(plan, feature) === undefined;
}

/**
 * The action (tooltip) that opens the data screen, in the app's language: "Manage places",
 * "Gérer la liste" (entity labels are English, so other languages name no noun). The
 * smoke test taps it by this text.
 */
export function manageDataLabel(plan: AppPlan, entity: EntityPlan): string {
  return fill(uiText(plan).manageItems, { items: entity.pluralLabel.toLowerCase() });
}
