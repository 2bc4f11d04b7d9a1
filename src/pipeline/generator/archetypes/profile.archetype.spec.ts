import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppSpec, GeneratedFile } from '../app-spec';
import { dartString } from '../dart-string';
import type { AppPlan, BackendKind, PlannedFeature } from '../plan/app-plan';
import { planApp } from '../plan/plan-app';
import { analyzeDartSource } from '../../qa/dart-parser';
import { authArchetype, authServiceDecl } from './auth.archetype';
import { profileArchetype } from './profile.archetype';
import { uiText } from '../ui-text';

const BACKENDS: BackendKind[] = ['none', 'firebase', 'supabase', 'rest', 'graphql'];

function spec(overrides: Partial<AppSpec>): AppSpec {
  return {
    slug: 'club-app',
    name: 'Club',
    description: 'Members of a club.',
    platforms: [],
    style: '',
    backend: 'none',
    features: [],
    ...overrides,
  };
}

const SPECS: AppSpec[] = [
  spec({ features: ['Profile', 'Events'] }),
  spec({ features: ['Login', 'My profile', 'Tasks'] }),
  spec({ slug: 'ho-so', name: 'Hồ sơ', features: ['Hồ sơ cá nhân', 'Đăng nhập'] }),
  spec({ slug: 'perfil', name: 'Perfil', features: ['Mi perfil'] }),
  spec({ slug: 'class', name: `It's "$x" \\`, features: [`User profile ("$me" \\ Bob's)`, 'Notes'] }),
];

function profileFeature(plan: AppPlan): PlannedFeature {
  const feature = plan.features.find((candidate) => candidate.archetype === 'profile');
  if (!feature) throw new Error(`no profile feature in ${JSON.stringify(plan.spec.features)}`);
  return feature;
}

function plans(): { plan: AppPlan; feature: PlannedFeature }[] {
  return SPECS.flatMap((base) =>
    BACKENDS.map((backend) => {
      const plan = planApp({ ...base, backend });
      return { plan, feature: profileFeature(plan) };
    }),
  );
}

function content(files: GeneratedFile[], suffix: string): string {
  const file = files.find((candidate) => candidate.path.endsWith(suffix));
  if (!file) throw new Error(`no ${suffix} in ${files.map((f) => f.path).join(', ')}`);
  return file.content;
}

function hasAuth(plan: AppPlan): boolean {
  return plan.features.some((feature) => feature.archetype === 'auth');
}

describe('profileArchetype', () => {
  it('writes Dart that parses, with imports covered by its dependencies and the app’s files', async () => {
    for (const { plan, feature } of plans()) {
      const ctx = { plan, feature };
      const files = profileArchetype.files(ctx);
      const deps = profileArchetype.dependencies(ctx);
      // The auth feature's files are the only other files profile may import.
      const authFeature = plan.features.find((candidate) => candidate.archetype === 'auth');
      const available = new Set(
        [...files, ...(authFeature ? authArchetype.files({ plan, feature: authFeature }) : [])].map(
          (file) => file.path,
        ),
      );
      for (const file of files) {
        const analysis = await analyzeDartSource(file.content);
        expect(analysis.errors, `${plan.backend} ${file.path}`).toEqual([]);
        for (const { uri } of analysis.directives) {
          if (uri.startsWith('package:')) {
            const pkg = uri.slice('package:'.length).split('/')[0];
            const allowed =
              pkg === 'flutter' ||
              pkg === plan.packageName ||
              pkg in deps ||
              (pkg === 'flutter_test' && file.path.startsWith('test/'));
            expect(allowed, `${file.path} imports ${uri}`).toBe(true);
            if (pkg === plan.packageName) {
              expect(available.has(`lib/${uri.slice(`package:${pkg}/`.length)}`), uri).toBe(true);
            }
            continue;
          }
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), uri));
          expect(available.has(target), `${file.path} imports ${uri}`).toBe(true);
        }
      }
    }
  });

  it('prefixes every public class with the feature’s class stem', () => {
    for (const { plan, feature } of plans()) {
      for (const file of profileArchetype.files({ plan, feature })) {
        for (const match of file.content.matchAll(/^(?:abstract\s+)?(?:interface\s+|final\s+)?class\s+(\w+)/gm)) {
          const name = match[1];
          expect(name.startsWith('_') || name.startsWith(feature.classes.prefix), `${file.path}: ${name}`).toBe(true);
        }
      }
    }
    const plan = planApp(SPECS[0]);
    const names = profileArchetype
      .files({ plan, feature: profileFeature(plan) })
      .map((file) => file.content)
      .join('\n');
    expect(names).toContain('class ProfileStore');
    expect(names).not.toContain('ProfileProfile');
  });

  it('edits name, email and bio in a validated form and saves through the store', () => {
    for (const { plan, feature } of plans()) {
      const files = profileArchetype.files({ plan, feature });
      const screen = content(files, feature.paths.screen);
      expect(screen).toContain(`static const String title = ${dartString(feature.names.label)};`);
      expect(screen).toContain(`static const String routeName = '${feature.route}';`);
      for (const widget of ['Form(', 'TextFormField(', 'validator: _validateName', 'CircleAvatar(', 'showSnackBar(']) {
        expect(screen).toContain(widget);
      }
      expect(screen).toContain(dartString(uiText(plan).profileSaved));
      expect(screen.includes("Key('profile-email')")).toBe(!hasAuth(plan));
      expect(screen.includes('auth.currentEmail')).toBe(hasAuth(plan));
      const store = content(files, '_store.dart');
      expect(store).toContain('SharedPreferences');
      expect(store).toContain('abstract interface class');
    }
  });

  it('declares its store, and shares the auth service when the app has sign-in', () => {
    const alone = planApp(SPECS[0]);
    const aloneFeature = profileFeature(alone);
    const aloneServices = profileArchetype.services?.({ plan: alone, feature: aloneFeature }) ?? [];
    expect(aloneServices).toEqual([
      {
        field: 'profileStore',
        type: 'ProfileStore',
        typeImport: 'features/profile/profile_store.dart',
        create: 'ProfilePrefsStore(prefs)',
        createImports: [],
        fake: 'ProfileMemoryStore()',
        fakeImport: 'test/support/profile_fakes.dart',
      },
    ]);
    expect(profileArchetype.screenBuilder({ plan: alone, feature: aloneFeature })).toBe(
      'ProfileScreen(store: services.profileStore)',
    );

    for (const backend of BACKENDS) {
      const plan = planApp({ ...SPECS[1], backend });
      const feature = profileFeature(plan);
      const services = profileArchetype.services?.({ plan, feature }) ?? [];
      expect(services.map((service) => service.field)).toEqual(['profileStore', 'auth']);
      expect(services[1]).toEqual(authServiceDecl(plan));
      expect(profileArchetype.screenBuilder({ plan, feature })).toBe(
        `${feature.classes.screen}(store: services.profileStore, auth: services.auth)`,
      );
      const files = profileArchetype.files({ plan, feature });
      expect(files.map((file) => file.path)).toContain(services[0].fakeImport);
      expect(content(files, feature.paths.test)).toContain("FakeAuthService(signedInAs: 'ada@example.com')");
    }
  });

  it('tests editing the name, saving and seeing it', () => {
    for (const { plan, feature } of plans()) {
      const test = content(profileArchetype.files({ plan, feature }), feature.paths.test);
      expect(test).toContain(`${feature.classes.screen}(store: store`);
      expect(test).toContain("tester.enterText(find.byKey(const Key('profile-name')), 'Grace Hopper')");
      expect(test).toContain('tester.tap(save)');
      // The test finds the texts the screen shows, in the app's language.
      const t = uiText(plan);
      expect(test).toContain(`find.text(${dartString(t.profileSaved)})`);
      expect(test).toContain(`find.text(${dartString(t.enterYourName)})`);
    }
  });

  it('says where the profile is stored', () => {
    const plan = planApp(SPECS[1]);
    expect(profileArchetype.readme?.({ plan, feature: profileFeature(plan) })).toContain('on this device');
    expect(Object.keys(profileArchetype.dependencies({ plan, feature: profileFeature(plan) }))).toEqual([
      'shared_preferences',
    ]);
  });
});
