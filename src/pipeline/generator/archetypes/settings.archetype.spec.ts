import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDartSource } from '../../qa/dart-parser';
import { generateFlutterProject } from '../flutter-project.generator';
import type { AppPlan, PlannedFeature } from '../plan/app-plan';
import { planApp } from '../plan/plan-app';
import { dartString } from '../dart-string';
import { uiText } from '../ui-text';
import { appSpec, BACKENDS, fileContent } from './testing/archetype-spec-helpers';
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

  it('sets the theme with one System/Light/Dark control, not a second dark-mode switch', () => {
    for (const ctx of contexts()) {
      const files = settingsArchetype.files(ctx);
      const screen = fileContent(files, ctx.feature.paths.screen);
      const test = fileContent(files, ctx.feature.paths.test);
      const t = uiText(ctx.plan);
      expect(screen).not.toContain('SwitchListTile');
      expect(screen).not.toContain(dartString(t.darkMode));
      expect(screen.match(/SegmentedButton<ThemeMode>/g)).toHaveLength(1);
      for (const mode of ['system', 'light', 'dark']) expect(screen).toContain(`value: ThemeMode.${mode},`);
      expect(test).toContain(`await tester.tap(find.text(${dartString(t.themeDark)}));`);
      expect(fileContent(files, 'lib/features/settings/settings_controller.dart')).not.toContain('isDark');
    }
  });

  it('replays the tour when the app has one, and leaves signing out to the Account screen', () => {
    for (const ctx of contexts()) {
      const files = settingsArchetype.files(ctx);
      const screen = fileContent(files, ctx.feature.paths.screen);
      const test = fileContent(files, ctx.feature.paths.test);
      const tour = has(ctx.plan, 'onboarding');
      expect(screen.includes("key: const Key('settings-onboarding')")).toBe(tour);
      expect(test.includes("testWidgets('shows the tour again and comes back'")).toBe(tour);
      expect(screen).not.toContain(dartString(uiText(ctx.plan).signOut));
      expect(screen).not.toContain('AuthService');
      expect(settingsArchetype.screenBuilder(ctx)).toBe('SettingsScreen(controller: services.settings)');
      const fields = (settingsArchetype.services?.(ctx) ?? []).map((service) => service.field);
      expect(fields).toEqual(['settings']);
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

  it('fits an app with sign-in: sign-out appears once, on the Account screen', () => {
    const files = generateFlutterProject(
      appSpec(['Login', 'Onboarding', 'Notes', 'Settings'], { backend: 'supabase' }),
    );
    const plan = planApp(appSpec(['Login', 'Onboarding', 'Notes', 'Settings'], { backend: 'supabase' }));
    expect(fileContent(files, 'lib/app.dart')).toContain('SettingsScreen(controller: services.settings)');
    const signOut = `Text(${dartString(uiText(plan).signOut)})`;
    const screens = files.filter((file) => file.path.startsWith('lib/features/') && file.content.includes(signOut));
    expect(screens.map((file) => file.path)).toEqual([
      plan.features.find((feature) => feature.archetype === 'auth')?.paths.screen,
    ]);
  });
});
