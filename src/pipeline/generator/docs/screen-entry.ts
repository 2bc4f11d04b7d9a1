/**
 * How the user reaches each screen, as the shell wires it: a home card, the
 * settings button, a gate in front of the app (sign-in, first-launch tour), or
 * an action on the feature whose data the screen holds. The README, user
 * stories and design doc all phrase this one answer.
 */
import type { AppGate } from '../archetypes/archetype';
import { ARCHETYPES } from '../archetypes/registry';
import { manageDataLabel, openedFrom } from '../feature-links';
import { entityOf, type AppPlan, type PlannedFeature } from '../plan/app-plan';
import { homeButton, homeButtonsPlace, singleHomeFeature } from '../templates/home-layout';

export type ScreenEntry =
  /** `only`: the app's one main feature, which the home screen is. */
  | { kind: 'home'; only: boolean }
  /** `button`: "the settings button in the home app bar" or its tab in the navigation bar (`home-layout.ts`). */
  | { kind: 'settings'; button: string }
  /** `place`: where the account button sits, "the home app bar" or "the navigation bar". */
  | { kind: 'gate'; gate: AppGate; place: string }
  | { kind: 'data'; host: PlannedFeature; action: string };

export function screenEntry(plan: AppPlan, feature: PlannedFeature): ScreenEntry {
  if (feature.archetype === 'settings') return { kind: 'settings', button: homeButton(plan, 'settings') };
  const gate = ARCHETYPES[feature.archetype].gate?.({ plan, feature });
  if (gate) return { kind: 'gate', gate, place: homeButtonsPlace(plan) };
  const host = openedFrom(plan, feature);
  const entity = entityOf(plan, feature);
  if (host && entity) return { kind: 'data', host, action: manageDataLabel(plan, entity) };
  return { kind: 'home', only: singleHomeFeature(plan) === feature };
}

/** A short phrase: "home card", "opens first until someone is signed in; later from "Account" in the home app bar"… */
export function entryPhrase(entry: ScreenEntry): string {
  switch (entry.kind) {
    case 'home':
      return entry.only ? "the home screen itself (the app's one main feature)" : 'home card';
    case 'settings':
      return `opens from ${entry.button}`;
    case 'data':
      return `no home card: open it with "${entry.action}" on ${entry.host.names.label}`;
    case 'gate': {
      const first =
        entry.gate.kind === 'signIn' ? 'opens first until someone is signed in' : 'shown once, at the first launch';
      const later = entry.gate.homeAction ? `; later from "${entry.gate.homeAction.tooltip}" in ${entry.place}` : '';
      return `no home card: ${first}${later}`;
    }
  }
}
