/**
 * Every archetype's template, in one table. Adding an archetype: its words in
 * `plan/archetype-words.ts`, its id in `ArchetypeId`, one file here.
 */
import type { ArchetypeId } from '../plan/app-plan';
import type { ArchetypeTemplate } from './archetype';
import { authArchetype } from './auth.archetype';
import { calendarArchetype } from './calendar.archetype';
import { cameraArchetype } from './camera.archetype';
import { chartArchetype } from './chart.archetype';
import { chatArchetype } from './chat.archetype';
import { checkoutArchetype } from './checkout.archetype';
import { entityArchetype } from './entity.archetype';
import { withHabitCheckOff } from './habits.archetype';
import { mapArchetype } from './map.archetype';
import { notificationsArchetype } from './notifications.archetype';
import { onboardingArchetype } from './onboarding.archetype';
import { profileArchetype } from './profile.archetype';
import { scannerArchetype } from './scanner.archetype';
import { searchArchetype } from './search.archetype';
import { settingsArchetype } from './settings.archetype';
import { studyArchetype } from './study.archetype';
import { timerArchetype } from './timer.archetype';

export const ARCHETYPES: Readonly<Record<ArchetypeId, ArchetypeTemplate>> = {
  auth: authArchetype,
  calendar: calendarArchetype,
  camera: cameraArchetype,
  chart: chartArchetype,
  chat: chatArchetype,
  checkout: checkoutArchetype,
  // Habits are records with a daily check-off (`habits.archetype.ts`).
  entity: withHabitCheckOff(entityArchetype),
  map: mapArchetype,
  notifications: notificationsArchetype,
  onboarding: onboardingArchetype,
  profile: profileArchetype,
  scanner: scannerArchetype,
  search: searchArchetype,
  settings: settingsArchetype,
  study: studyArchetype,
  timer: timerArchetype,
};
