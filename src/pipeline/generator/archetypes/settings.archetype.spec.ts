import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDartSource } from '../../qa/dart-parser';
import { generateFlutterProject } from '../flutter-project.generator';
import type { AppPlan, PlannedFeature } from '../plan/app-plan';
import { planApp } from '../plan/plan-app';
import { appSpec, BACKENDS, fileContent } from './testing/archetype-spec-helpers';
import { authServiceDecl } from './auth.archetype';
import { settingsArchetype } from './settings.archetype';

/** Plain settings, with the tour, with sign-in, with both (hostile labels included). */
const FEATURE_LISTS = [
  ['Notes', 'Dark mode'],
  ['Welcome tour', 'Notes'],
  ['Login', 'Notes', 'Settings'],
  ['Onboarding', `Log in (Bob's "$5" \\ account)`, 'Notes'],
];

function settingsOf(plan: AppPlan): PlannedFeature {
  const feature = plan.features.find((candidate) => candidate.archetype === 'settings');
  if (!feature) throw new Error('no settings feature');
  return feature;
}

function contexts() {
  return FEATURE_LISTS.flatMap((features) =>
    BACKENDS.map((backend) => {
      const plan = planApp(appSpec(features, { backend }));
      return { plan, feature: settingsOf(plan) };
    }),
  );
}

const has = (plan: AppPlan, archetype: string) => plan.features.some((feature) => feature.archetype === archetype);

describe('settingsArchetype', () => {
  it('writes Dart that parses and imports only its files, the app info and the linked features', async () => {
    for (const ctx of contexts()) {
      const files = settingsArchetype.files(ctx);
      const known = new Set([
        ...files.map((file) => file.path),
        'lib/config/app_info.dart',
        'test/support/fake_auth_service.dart',
        ...ctx.plan.features.flatMap((feature) => [feature.paths.screen, `${feature.paths.dir}/auth_service.dart`]),
      ]);
      for (const file of files) {
        const analysis = await analyzeDartSource(file.content);
        expect(analysis.errors, file.path).toEqual([]);
        for (const { uri } of analysis.directives) {
          if (uri.startsWith('package:flutter') || uri.startsWith('package:shared_preferences/')) continue;
          const target = uri.startsWith(`package:${ctx.plan.packageName}/`)
            ? `lib/${uri.slice(`package:${ctx.plan.packageName}/`.length)}`
            : path.posix.normalize(path.posix.join(path.posix.dirname(file.path), uri));
          expect(known, `${file.path} imports ${uri}`).toContain(target);
        }
      }
    }
  });

  it('replays the tour and signs out only when the app has them', () => {
    for (const ctx of contexts()) {
      const files = settingsArchetype.files(ctx);
      const screen = fileContent(files, ctx.feature.paths.screen);
      const test = fileContent(files, ctx.feature.paths.test);
      const tour = has(ctx.plan, 'onboarding');
      const auth = has(ctx.plan, 'auth');
      expect(screen.includes("key: const Key('settings-onboarding')")).toBe(tour);
      expect(test.includes("testWidgets('shows the tour again and comes back'")).toBe(tour);
      expect(screen.includes("key: const Key('settings-sign-out')")).toBe(auth);
      expect(screen.includes('valueListenable: auth.currentEmail')).toBe(auth);
      expect(test.includes("testWidgets('shows the account and signs out'")).toBe(auth);
      expect(test.includes("expect(auth.calls, ['signOut']);")).toBe(auth);
      expect(settingsArchetype.screenBuilder(ctx)).toBe(
        auth
          ? 'SettingsScreen(controller: services.settings, auth: services.auth)'
          : 'SettingsScreen(controller: services.settings)',
      );
      const fields = (settingsArchetype.services?.(ctx) ?? []).map((service) => service.field);
      expect(fields).toEqual(auth ? ['auth', 'settings'] : ['settings']);
      if (auth) expect(settingsArchetype.services?.(ctx)[0]).toEqual(authServiceDecl(ctx.plan));
    }
  });

  it('opens the tour by its route, so finishing it comes back to Settings', () => {
    const plan = planApp(appSpec(['Welcome tour', 'Notes']));
    const tour = plan.features.find((feature) => feature.archetype === 'onboarding');
    const screen = fileContent(
      settingsArchetype.files({ plan, feature: settingsOf(plan) }),
      'lib/features/settings/settings_screen.dart',
    );
    expect(screen).toContain(`onTap: () => Navigator.pushNamed(context, ${tour?.classes.screen}.routeName),`);
    expect(screen).toContain(`import '../${tour?.names.id}/${tour?.names.id}_screen.dart';`);
  });

  it('fits the app: the screen gets the session the app creates', () => {
    const files = generateFlutterProject(appSpec(['Login', 'Onboarding', 'Notes'], { backend: 'supabase' }));
    const app = fileContent(files, 'lib/app.dart');
    expect(app).toContain('SettingsScreen(controller: services.settings, auth: services.auth)');
    expect(fileContent(files, 'lib/app_services.dart')).toContain('final AuthService auth;');
  });
});
