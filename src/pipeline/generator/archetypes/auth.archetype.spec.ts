import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppSpec, GeneratedFile } from '../app-spec';
import { dartString } from '../dart-string';
import type { AppPlan, BackendKind, PlannedFeature } from '../plan/app-plan';
import { planApp } from '../plan/plan-app';
import { analyzeDartSource } from '../../qa/dart-parser';
import { API_CONFIG_PATH } from './auth-backends';
import { SIGN_IN_GATE_TEST_PATH } from './auth-gate';
import { FAKE_AUTH_SERVICE_PATH, authArchetype, authServiceDecl } from './auth.archetype';
import { uiText } from '../ui-text';
import { singleHomeFeature } from '../templates/home-layout';

const BACKENDS: BackendKind[] = ['none', 'firebase', 'supabase', 'rest', 'graphql'];

function spec(overrides: Partial<AppSpec>): AppSpec {
  return {
    slug: 'notes-app',
    name: 'Notes',
    description: 'Keep notes.',
    platforms: [],
    style: '',
    backend: 'none',
    features: [],
    ...overrides,
  };
}

/** Specs with an auth feature: plain, with registration, other languages, hostile labels, description-only. */
const SPECS: AppSpec[] = [
  // Accounts handed out by an admin: no sign-up form.
  spec({ features: ['Login', 'Notes'], description: 'Keep notes. Invite-only: accounts are created by an admin.' }),
  spec({ features: ['Sign in & sign up', 'Expenses'], description: 'Track expenses.' }),
  spec({ slug: 'so-chi', name: 'Sổ chi', features: ['Đăng nhập', 'Đăng ký tài khoản', 'Chi tiêu'] }),
  spec({ slug: 'nihon', name: '家計簿', features: ['ログイン', '登録'] }),
  spec({ slug: 'class', name: `It's "$pecial" \\ app`, features: [`Log in (Bob's "$5" \\ account)`, 'Tasks'] }),
  spec({ features: [], description: 'A recipe book where users can login and register to save recipes.' }),
];

/** Shell files the gate test may import. */
const SHELL_FILES = ['lib/app.dart', 'lib/app_services.dart', 'test/support/test_services.dart'];

function authFeature(plan: AppPlan): PlannedFeature {
  const feature = plan.features.find((candidate) => candidate.archetype === 'auth');
  if (!feature) throw new Error(`no auth feature in ${JSON.stringify(plan.spec.features)}`);
  return feature;
}

function plans(): { plan: AppPlan; feature: PlannedFeature }[] {
  return SPECS.flatMap((base) =>
    BACKENDS.map((backend) => {
      const plan = planApp({ ...base, backend });
      return { plan, feature: authFeature(plan) };
    }),
  );
}

function dartFiles(files: GeneratedFile[]): GeneratedFile[] {
  return files.filter((file) => file.path.endsWith('.dart'));
}

function content(files: GeneratedFile[], suffix: string): string {
  const file = files.find((candidate) => candidate.path.endsWith(suffix));
  if (!file) throw new Error(`no ${suffix} in ${files.map((f) => f.path).join(', ')}`);
  return file.content;
}

describe('authArchetype', () => {
  it('recognises the test specs as auth features, with registration when asked', () => {
    expect(authFeature(planApp(SPECS[0])).options.registration).toBe(false);
    expect(authFeature(planApp(SPECS[1])).options.registration).toBe(true);
    expect(authFeature(planApp(SPECS[2])).options.registration).toBe(true);
    expect(authFeature(planApp(SPECS[5])).options.registration).toBe(true);
  });

  it('offers sign-up in a consumer app on every backend: a register call the README and the form share', () => {
    const petVet = spec({
      name: 'PetVet',
      description: 'Veterinary clinic: owners register pets, book visits',
      features: ['login', 'pets', 'visits'],
    });
    const calls: Record<BackendKind, string> = {
      none: 'signIn(email, password)',
      firebase: 'createUserWithEmailAndPassword(',
      supabase: '_auth.signUp(email: email, password: password)',
      rest: "_authenticate('/auth/register', email, password)",
      graphql: "_authenticate('/auth/register', email, password)",
    };
    for (const backend of BACKENDS) {
      const plan = planApp({ ...petVet, backend });
      const feature = authFeature(plan);
      expect(feature.options.registration, backend).toBe(true);
      const files = authArchetype.files({ plan, feature });
      const service = files.find((file) => /(local|firebase|supabase|http)_auth_service\.dart$/.test(file.path));
      expect(service?.content, backend).toContain('Future<void> register(String email, String password)');
      expect(service?.content, backend).toContain(calls[backend]);
      expect(content(files, feature.paths.screen)).toContain(
        `Text(_registering ? ${dartString(uiText(plan).createAccount)}`,
      );
      const readme = authArchetype.readme?.({ plan, feature }) ?? '';
      expect(readme, backend).not.toContain('no registration form');
    }
  });

  it('says where sign-out is: the Account screen, not Settings', () => {
    const plan = planApp(spec({ features: ['login', 'notes', 'tasks'], backend: 'firebase' }));
    const summary = authArchetype.summary({ plan, feature: authFeature(plan) });
    expect(summary).toContain('signing out on the "Account" screen (the account button in the home app bar)');
    expect(summary).toContain('"Create account" for new users');
    expect(summary).not.toContain('Settings');
    const spanish = planApp(
      spec({ name: 'Mercado', description: 'Vende y compra', features: ['inicio de sesión', 'anuncios', 'chat'] }),
    );
    expect(authArchetype.summary({ plan: spanish, feature: authFeature(spanish) })).toContain('"Cuenta" screen');
    const staff = planApp(
      spec({ description: 'Employees sign in to log their shifts', features: ['login', 'shifts'] }),
    );
    const staffSummary = authArchetype.summary({ plan: staff, feature: authFeature(staff) });
    expect(staffSummary).toContain('no sign-up form');
    // One main feature: the home screen is that feature, its buttons in a navigation bar.
    expect(staffSummary).toContain('(the account tab in the navigation bar)');
  });

  it('writes Dart that parses, with imports covered by its dependencies, its files and the shell', async () => {
    for (const { plan, feature } of plans()) {
      const ctx = { plan, feature };
      const files = authArchetype.files(ctx);
      const deps = authArchetype.dependencies(ctx);
      // The app-level gate test drives MainApp and opens another feature's screen.
      const paths = new Set([
        ...files.map((file) => file.path),
        ...SHELL_FILES,
        ...plan.features.map((other) => other.paths.screen),
      ]);
      expect(paths.has(feature.paths.screen)).toBe(true);
      expect(paths.has(feature.paths.test)).toBe(true);
      for (const file of dartFiles(files)) {
        const analysis = await analyzeDartSource(file.content);
        expect(analysis.errors, `${plan.backend} ${file.path}`).toEqual([]);
        for (const directive of analysis.directives) {
          const uri = directive.uri;
          if (uri.startsWith('dart:')) continue;
          if (uri.startsWith('package:')) {
            const pkg = uri.slice('package:'.length).split('/')[0];
            const allowed =
              pkg === 'flutter' ||
              pkg === plan.packageName ||
              pkg in deps ||
              (pkg === 'flutter_test' && file.path.startsWith('test/'));
            expect(allowed, `${file.path} imports ${uri} (${plan.backend})`).toBe(true);
            if (pkg === plan.packageName) {
              expect(paths.has(`lib/${uri.slice(`package:${pkg}/`.length)}`), uri).toBe(true);
            }
            continue;
          }
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), uri));
          expect(paths.has(target) || target === API_CONFIG_PATH, `${file.path} imports ${uri}`).toBe(true);
        }
      }
    }
  });

  it('declares public classes only with the feature prefix or the fixed shared names', () => {
    const shared = new Set([
      'AuthService',
      'AuthFailure',
      'AuthRules',
      'FakeAuthService',
      'LocalAuthService',
      'FirebaseAuthService',
      'SupabaseAuthService',
      'HttpAuthService',
      'AuthGate',
    ]);
    for (const { plan, feature } of plans()) {
      for (const file of dartFiles(authArchetype.files({ plan, feature }))) {
        for (const match of file.content.matchAll(/^(?:abstract\s+)?(?:interface\s+|final\s+)?class\s+(\w+)/gm)) {
          const name = match[1];
          const ok = name.startsWith('_') || name.startsWith(feature.classes.prefix) || shared.has(name);
          expect(ok, `${file.path}: ${name}`).toBe(true);
        }
      }
    }
  });

  it('uses each backend’s real sign-in API', () => {
    const registered = planApp({ ...SPECS[1], backend: 'firebase' });
    const files = (plan: AppPlan) => authArchetype.files({ plan, feature: authFeature(plan) });

    const firebase = content(files(registered), 'firebase_auth_service.dart');
    expect(firebase).toContain('FirebaseAuth.instance');
    expect(firebase).toContain('signInWithEmailAndPassword(');
    expect(firebase).toContain('createUserWithEmailAndPassword(');
    expect(firebase).toContain('authStateChanges()');
    expect(firebase).toContain('_auth.signOut()');

    const supabase = content(files(planApp({ ...SPECS[1], backend: 'supabase' })), 'supabase_auth_service.dart');
    expect(supabase).toContain('Supabase.instance.client.auth');
    expect(supabase).toContain('signInWithPassword(');
    expect(supabase).toContain('signUp(email: email, password: password)');
    expect(supabase).toContain('onAuthStateChange');

    for (const backend of ['rest', 'graphql'] as const) {
      const http = content(files(planApp({ ...SPECS[1], backend })), 'http_auth_service.dart');
      expect(http).toContain("import '../../config/api_config.dart';");
      expect(http).toContain("'${ApiConfig.baseUrl}$path'");
      expect(http).toContain("'/auth/login'");
      expect(http).toContain("'/auth/register'");
      expect(http).toContain('jsonEncode(');
      expect(http).not.toMatch(/class ApiConfig/);
    }

    const local = content(files(planApp({ ...SPECS[1], backend: 'none' })), 'local_auth_service.dart');
    expect(local).toContain('NOT an account system');
    // Only the email is stored: no preference write mentions the password.
    for (const line of local.split('\n').filter((candidate) => candidate.includes('setString('))) {
      expect(line).not.toMatch(/password/i);
    }
    expect(local).not.toMatch(/hash|salt/i);
  });

  it('omits registration everywhere when it was not asked for', () => {
    const plan = planApp({ ...SPECS[0], backend: 'firebase' });
    const files = authArchetype.files({ plan, feature: authFeature(plan) });
    for (const file of dartFiles(files)) {
      expect(file.content, file.path).not.toContain('register(');
      expect(file.content, file.path).not.toContain('createUserWithEmailAndPassword');
    }
    expect(content(files, '_screen.dart')).not.toContain('auth-confirm-password');
  });

  it('pins dependencies per backend', () => {
    const deps = (backend: BackendKind) => {
      const plan = planApp({ ...SPECS[0], backend });
      return Object.keys(authArchetype.dependencies({ plan, feature: authFeature(plan) })).sort();
    };
    expect(deps('firebase')).toEqual(['firebase_auth', 'firebase_core', 'shared_preferences']);
    expect(deps('supabase')).toEqual(['shared_preferences', 'supabase_flutter']);
    expect(deps('rest')).toEqual(['http', 'shared_preferences']);
    expect(deps('graphql')).toEqual(['http', 'shared_preferences']);
    expect(deps('none')).toEqual(['shared_preferences']);
  });

  it('declares the shared auth service with its production class and fake', () => {
    const plan = planApp({ ...SPECS[1], backend: 'supabase' });
    const feature = authFeature(plan);
    const [decl] = authArchetype.services?.({ plan, feature }) ?? [];
    expect(decl).toEqual(authServiceDecl(plan));
    expect(decl).toMatchObject({
      field: 'auth',
      type: 'AuthService',
      typeImport: `features/${feature.names.id}/auth_service.dart`,
      create: 'SupabaseAuthService(prefs)',
      createImports: [`features/${feature.names.id}/supabase_auth_service.dart`],
      fake: 'FakeAuthService()',
      fakeImport: FAKE_AUTH_SERVICE_PATH,
    });
    const files = authArchetype.files({ plan, feature }).map((file) => file.path);
    expect(files).toContain(`lib/${decl.typeImport}`);
    expect(files).toContain(`lib/${decl.createImports[0]}`);
    expect(files).toContain(FAKE_AUTH_SERVICE_PATH);
    expect(authServiceDecl(planApp(spec({ features: ['Notes'] })))).toBeUndefined();
    expect(authArchetype.screenBuilder({ plan, feature })).toBe(`${feature.classes.screen}(auth: services.auth)`);
  });

  it('builds the form, session view and widget tests a user would check', () => {
    for (const { plan, feature } of plans()) {
      const files = authArchetype.files({ plan, feature });
      const screen = content(files, feature.paths.screen);
      expect(screen).toContain(`class ${feature.classes.screen} extends StatefulWidget`);
      expect(screen).toContain(`static const String title = ${dartString(feature.names.label)};`);
      expect(screen).toContain(`static const String routeName = '${feature.route}';`);
      for (const widget of ['Form(', 'TextFormField(', 'validator: AuthRules.validateEmail', 'FilledButton(']) {
        expect(screen).toContain(widget);
      }
      expect(screen).toContain('CircularProgressIndicator(');
      expect(screen).toContain(`Text(${dartString(uiText(plan).signOut)})`);
      expect(content(files, 'auth_service.dart')).toContain('static const int minPasswordLength = 8;');

      const test = content(files, feature.paths.test);
      expect(test).toContain(`${feature.classes.screen}(auth: auth)`);
      expect(test).toContain('tester.enterText(');
      expect(test).toContain('tester.tap(');
      expect(test).toContain(`find.text(${dartString(uiText(plan).enterValidEmail)})`);
      expect(test).toContain("find.byKey(const Key('auth-sign-out'))");
      expect(test.includes('registration asks to confirm the password')).toBe(feature.options.registration === true);
    }
  });

  it('escapes hostile labels', () => {
    const plan = planApp(SPECS[4]);
    const feature = authFeature(plan);
    const screen = content(authArchetype.files({ plan, feature }), feature.paths.screen);
    expect(screen).toContain(`static const String title = 'Log in (Bob\\'s "\\$5" \\\\ account)';`);
  });

  it('explains each backend’s setup honestly in the README', () => {
    const readme = (backend: BackendKind, base = SPECS[1]) => {
      const plan = planApp({ ...base, backend });
      return authArchetype.readme?.({ plan, feature: authFeature(plan) }) ?? '';
    };
    expect(readme('firebase')).toContain('Email/Password');
    expect(readme('firebase')).toContain('flutterfire configure');
    expect(readme('supabase')).toContain('Confirm email');
    expect(readme('rest')).toContain('POST /auth/login');
    expect(readme('rest')).toContain('POST /auth/register');
    expect(readme('rest', SPECS[0])).not.toContain('/auth/register');
    expect(readme('none')).toMatch(/demo/i);
    expect(readme('none')).toContain('no password');
  });

  it('puts a sign-in gate in front of the app that follows the session and guards every other route', () => {
    for (const { plan, feature } of plans()) {
      const gate = authArchetype.gate?.({ plan, feature });
      expect(gate).toMatchObject({
        kind: 'signIn',
        widget: 'AuthGate',
        arguments: ['auth: services.auth'],
        import: `features/${feature.names.id}/auth_gate.dart`,
        guardsRoutes: true,
      });
      const source = content(authArchetype.files({ plan, feature }), 'auth_gate.dart');
      expect(source).toContain('class AuthGate extends StatefulWidget');
      expect(source).toContain('valueListenable: widget.auth.currentEmail');
      expect(source).toContain(`email == null ? ${feature.classes.screen}(auth: widget.auth) : widget.child`);
      // Signing out anywhere leaves no screen of the previous user on the stack.
      expect(source).toContain('popUntil((route) => route.isFirst)');
      expect(source).toContain('removeListener(_onSessionChanged)');
    }
  });

  it('tests the gate on the whole app: signed-out start, sign-in, sign-out, a guarded deep route', () => {
    for (const { plan, feature } of plans()) {
      const test = content(authArchetype.files({ plan, feature }), SIGN_IN_GATE_TEST_PATH);
      expect(test).toContain('MainApp(services: await signedOut())');
      expect(test).toContain('await services.auth.signOut();');
      for (const name of [
        'a signed-out start shows sign-in, not home',
        'signing in opens home, signing out returns to sign-in',
        'a screen opened while signed out asks to sign in first',
      ]) {
        expect(test).toContain(`testWidgets('${name}'`);
      }
      expect(test).toContain(`expect(find.byType(${feature.classes.screen}), findsOneWidget);`);
      // The account is an app-bar action on a hub, a navigation-bar tab when one feature is the home.
      const account = authArchetype.gate?.({ plan, feature }).homeAction?.tooltip;
      expect(test).toContain(
        singleHomeFeature(plan) ? `matching: find.text('${account}'),` : `find.byTooltip('${account}')`,
      );
      // The deep route is a data screen when the app has one, else settings.
      const guarded =
        plan.features.find((other) => other.archetype === 'entity') ??
        plan.features.find((other) => other.archetype === 'settings');
      expect(test).toContain(`pushNamed(${guarded?.classes.screen}.routeName)`);
    }
  });
});
