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

export type ScreenEntry =
  | { kind: 'home' }
  | { kind: 'settings' }
  | { kind: 'gate'; gate: AppGate }
  | { kind: 'data'; host: PlannedFeature; action: string };

export function screenEntry(plan: AppPlan, feature: PlannedFeature): ScreenEntry {
  if (feature.archetype === 'settings') return { kind: 'settings' };
  const gate = ARCHETYPES[feature.archetype].gate?.({ plan, feature });
  if (gate) return { kind: 'gate', gate };
  const host = openedFrom(plan, feature);
  const entity = entityOf(plan, feature);
  if (host && entity) return { kind: 'data', host, action: manageDataLabel(plan, entity) };
  return { kind: 'home' };
}

/** A short phrase: "home card", "opens first until someone is signed in; later from "Account" in the home app bar"… */
export function entryPhrase(entry: ScreenEntry): string {
  switch (entry.kind) {
    case 'home':
      return 'home card';
    case 'settings':
      return 'opens from the settings button in the home app bar';
    case 'data':
      return `no home card: open it with "${entry.action}" on ${entry.host.names.label}`;
    case 'gate': {
      const first =
        entry.gate.kind === 'signIn' ? 'opens first until someone is signed in' : 'shown once, at the first launch';
      const later = entry.gate.homeAction ? `; later from "${entry.gate.homeAction.tooltip}" in the home app bar` : '';
      return `no home card: ${first}${later}`;
    }
  }
}
