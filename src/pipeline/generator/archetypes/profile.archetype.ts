/**
 * Profile: shows and edits the user's display name, email and bio under an
 * avatar with their initial, validated by a `Form`, saved on the device
 * through a small store interface (SharedPreferences in the app, in memory in
 * tests). When the app has a sign-in feature, the account email comes from the
 * shared `auth` service instead of a field.
 */
import type { GeneratedFile } from '../app-spec';
import { dartString } from '../dart-string';
import { packageUri } from '../data/entity-dart';
import type { AppPlan, PlannedFeature } from '../plan/app-plan';
import { uiText } from '../ui-text';
import { chatText } from '../ui-text-chat';
import type { ArchetypeTemplate, FeatureContext, ServiceDecl } from './archetype';
import { SAFE_NOTIFY_DART } from './feature-dart.shared';
import { FAKE_AUTH_SERVICE_PATH, authFeatureOf, authServiceDecl, authServicePath } from './auth.archetype';
import { packages } from '../data/package-versions';

/** The AppServices field holding the profile store (profile is a singleton archetype). */
const STORE_FIELD = 'profileStore';

/** Class names of the feature: `<Prefix>Profile…`, without doubling "Profile". */
function classNames(feature: PlannedFeature) {
  const { prefix } = feature.classes;
  const base = prefix.endsWith('Profile') ? prefix : `${prefix}Profile`;
  return {
    screen: feature.classes.screen,
    controller: feature.classes.controller,
    data: `${base}Data`,
    store: `${base}Store`,
    prefsStore: `${base}PrefsStore`,
    memoryStore: `${base}MemoryStore`,
  };
}

function paths(feature: PlannedFeature) {
  const { dir } = feature.paths;
  const { id } = feature.names;
  return {
    store: `${dir}/${id}_store.dart`,
    controller: `${dir}/${id}_controller.dart`,
    fakes: `test/support/${id}_fakes.dart`,
  };
}

function baseName(rootPath: string): string {
  return rootPath.slice(rootPath.lastIndexOf('/') + 1);
}

/** Every feature's folder lives here; a sibling feature's file is `../<id>/…`. */
const FEATURES_DIR = 'lib/features/';

function hasAuth(ctx: FeatureContext): boolean {
  return authFeatureOf(ctx.plan) !== undefined;
}

function storeDart(ctx: FeatureContext): string {
  const c = classNames(ctx.feature);
  const auth = hasAuth(ctx);
  const emailField = auth ? '' : `\n  final String email;`;
  const emailParam = auth ? '' : ` this.email = '',`;
  const emailCopy = auth ? '' : `String? email, `;
  const emailCopyArg = auth ? '' : `\n      email: email ?? this.email,`;
  const emailKey = auth ? '' : `\n  static const String _emailKey = 'profile_email';`;
  const emailLoad = auth ? '' : `\n      email: _prefs.getString(_emailKey) ?? '',`;
  const emailSave = auth ? '' : `\n    await _prefs.setString(_emailKey, data.email);`;
  return `import 'package:flutter/foundation.dart';
import 'package:shared_preferences/shared_preferences.dart';

/// What the profile shows and edits${auth ? ' (the account email comes from sign-in)' : ''}.
@immutable
class ${c.data} {
  const ${c.data}({this.displayName = '',${emailParam} this.bio = ''});

  final String displayName;${emailField}
  final String bio;

  ${c.data} copyWith({String? displayName, ${emailCopy}String? bio}) {
    return ${c.data}(
      displayName: displayName ?? this.displayName,${emailCopyArg}
      bio: bio ?? this.bio,
    );
  }
}

/// Where the profile is kept.
abstract interface class ${c.store} {
  Future<${c.data}> load();

  Future<void> save(${c.data} data);
}

/// Keeps the profile in SharedPreferences, on this device only.
class ${c.prefsStore} implements ${c.store} {
  ${c.prefsStore}(this._prefs);

  static const String _nameKey = 'profile_display_name';${emailKey}
  static const String _bioKey = 'profile_bio';

  final SharedPreferences _prefs;

  @override
  Future<${c.data}> load() async {
    return ${c.data}(
      displayName: _prefs.getString(_nameKey) ?? '',${emailLoad}
      bio: _prefs.getString(_bioKey) ?? '',
    );
  }

  @override
  Future<void> save(${c.data} data) async {
    await _prefs.setString(_nameKey, data.displayName);${emailSave}
    await _prefs.setString(_bioKey, data.bio);
  }
}
`;
}

function controllerDart(ctx: FeatureContext): string {
  const c = classNames(ctx.feature);
  const t = uiText(ctx.plan);
  return `import 'package:flutter/foundation.dart';

import '${baseName(paths(ctx.feature).store)}';

/// Loads and saves the profile for the screen.
class ${c.controller} extends ChangeNotifier {
  ${c.controller}(this._store);

  final ${c.store} _store;

  ${c.data} _data = const ${c.data}();
  bool _loading = true;
  bool _saving = false;
  String? _error;
  bool _disposed = false;

  /// The saved profile.
  ${c.data} get data => _data;
  bool get loading => _loading;
  bool get saving => _saving;
  String? get error => _error;

  Future<void> load() async {
    _loading = true;
    _error = null;
    _notify();
    try {
      _data = await _store.load();
    } catch (_) {
      _error = ${dartString(t.couldNotLoadProfile)};
    } finally {
      _loading = false;
      _notify();
    }
  }

  /// Saves [data]; false when the store failed.
  Future<bool> save(${c.data} data) async {
    _saving = true;
    _notify();
    try {
      await _store.save(data);
      _data = data;
      return true;
    } catch (_) {
      return false;
    } finally {
      _saving = false;
      _notify();
    }
  }

${SAFE_NOTIFY_DART}
`;
}

function hasChat(plan: AppPlan): boolean {
  return plan.features.some((feature) => feature.archetype === 'chat');
}

function screenDart(ctx: FeatureContext): string {
  const { feature, plan } = ctx;
  const c = classNames(feature);
  const authFeature = authFeatureOf(plan);
  const auth = authFeature !== undefined;
  const t = uiText(plan);
  const state = `_${c.screen}State`;
  // Teammates see this name on chat messages: say so where it is typed.
  const nameHelper = hasChat(plan) ? `\n              helperText: ${dartString(chatText(plan).nameShownInChat)},` : '';
  const authImport = authFeature ? `import '../${authServicePath(authFeature).slice(FEATURES_DIR.length)}';\n` : '';
  const authParam = auth ? ', this.auth' : '';
  const authField = auth
    ? `

  /// The session of the app's sign-in feature: the account email shown here.
  final AuthService? auth;`
    : '';
  const emailController = auth ? '' : '\n  final _emailController = TextEditingController();';
  const emailDispose = auth ? '' : '\n    _emailController.dispose();';
  const emailFill = auth ? '' : '\n    _emailController.text = data.email;';
  const emailData = auth ? '' : '\n      email: _emailController.text.trim(),';
  const emailFormField = auth
    ? ''
    : `
          const SizedBox(height: 16),
          TextFormField(
            key: const Key('profile-email'),
            controller: _emailController,
            enabled: !saving,
            keyboardType: TextInputType.emailAddress,
            autocorrect: false,
            autofillHints: const [AutofillHints.email],
            textInputAction: TextInputAction.next,
            decoration: const InputDecoration(
              labelText: ${dartString(t.email)},
              prefixIcon: Icon(Icons.email_outlined),
              border: OutlineInputBorder(),
            ),
            validator: _validateEmail,
          ),`;
  const emailValidator = auth
    ? ''
    : `

  static final RegExp _emailPattern = RegExp(r'^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$');

  static String? _validateEmail(String? value) {
    final text = value?.trim() ?? '';
    if (text.isEmpty) return null;
    return _emailPattern.hasMatch(text) ? null : ${dartString(t.enterValidEmail)};
  }`;
  const header = auth ? `_buildHeader(data, widget.auth)` : `_buildHeader(data, data.email)`;
  const headerMethod = auth
    ? `
  Widget _buildHeader(${c.data} data, AuthService? auth) {
    if (auth == null) return _Header(data: data, email: null);
    return ValueListenableBuilder<String?>(
      valueListenable: auth.currentEmail,
      builder: (context, email, _) =>
          _Header(data: data, email: email ?? ${dartString(t.notSignedIn)}),
    );
  }
`
    : `
  Widget _buildHeader(${c.data} data, String email) {
    return _Header(data: data, email: email.isEmpty ? null : email);
  }
`;

  return `import 'package:flutter/material.dart';

${authImport}import '${baseName(paths(feature).controller)}';
import '${baseName(paths(feature).store)}';

/// The user's profile: avatar, name, ${auth ? 'account email' : 'email'} and bio, editable and saved on the device.
class ${c.screen} extends StatefulWidget {
  const ${c.screen}({super.key, required this.store${authParam}});

  static const String title = ${dartString(feature.names.label)};
  static const String routeName = '${feature.route}';

  final ${c.store} store;${authField}

  @override
  State<${c.screen}> createState() => ${state}();
}

class ${state} extends State<${c.screen}> {
  final _formKey = GlobalKey<FormState>();
  final _nameController = TextEditingController();${emailController}
  final _bioController = TextEditingController();
  late final ${c.controller} _controller = ${c.controller}(widget.store);

  @override
  void initState() {
    super.initState();
    _load();
  }

  @override
  void dispose() {
    _controller.dispose();
    _nameController.dispose();${emailDispose}
    _bioController.dispose();
    super.dispose();
  }

  Future<void> _load() async {
    await _controller.load();
    if (!mounted) return;
    final data = _controller.data;
    _nameController.text = data.displayName;${emailFill}
    _bioController.text = data.bio;
  }

  Future<void> _save() async {
    FocusScope.of(context).unfocus();
    if (!(_formKey.currentState?.validate() ?? false)) return;
    final data = _controller.data.copyWith(
      displayName: _nameController.text.trim(),${emailData}
      bio: _bioController.text.trim(),
    );
    final saved = await _controller.save(data);
    if (!mounted) return;
    ScaffoldMessenger.of(context)
      ..hideCurrentSnackBar()
      ..showSnackBar(
        SnackBar(
          content: Text(saved ? ${dartString(t.profileSaved)} : ${dartString(t.couldNotSaveProfile)}),
        ),
      );
  }

  static String? _validateName(String? value) {
    if ((value?.trim() ?? '').isEmpty) return ${dartString(t.enterYourName)};
    return null;
  }${emailValidator}

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text(${c.screen}.title)),
      body: ListenableBuilder(
        listenable: _controller,
        builder: (context, _) {
          if (_controller.loading) {
            return const Center(child: CircularProgressIndicator());
          }
          final data = _controller.data;
          final error = _controller.error;
          return SingleChildScrollView(
            padding: const EdgeInsets.all(16),
            child: Center(
              child: ConstrainedBox(
                constraints: const BoxConstraints(maxWidth: 560),
                child: Column(
                  crossAxisAlignment: CrossAxisAlignment.stretch,
                  children: [
                    ${header},
                    if (error != null)
                      Padding(
                        padding: const EdgeInsets.only(top: 8),
                        child: Text(
                          error,
                          style: TextStyle(
                            color: Theme.of(context).colorScheme.error,
                          ),
                        ),
                      ),
                    const SizedBox(height: 24),
                    _buildForm(context),
                  ],
                ),
              ),
            ),
          );
        },
      ),
    );
  }
${headerMethod}
  Widget _buildForm(BuildContext context) {
    final saving = _controller.saving;
    return Form(
      key: _formKey,
      child: Column(
        crossAxisAlignment: CrossAxisAlignment.stretch,
        children: [
          TextFormField(
            key: const Key('profile-name'),
            controller: _nameController,
            enabled: !saving,
            maxLength: 50,
            textCapitalization: TextCapitalization.words,
            autofillHints: const [AutofillHints.name],
            textInputAction: TextInputAction.next,
            decoration: const InputDecoration(
              labelText: ${dartString(t.displayName)},${nameHelper}
              prefixIcon: Icon(Icons.badge_outlined),
              border: OutlineInputBorder(),
            ),
            validator: _validateName,
          ),${emailFormField}
          const SizedBox(height: 16),
          TextFormField(
            key: const Key('profile-bio'),
            controller: _bioController,
            enabled: !saving,
            minLines: 2,
            maxLines: 5,
            maxLength: 280,
            textCapitalization: TextCapitalization.sentences,
            decoration: const InputDecoration(
              labelText: ${dartString(t.bio)},
              alignLabelWithHint: true,
              border: OutlineInputBorder(),
            ),
          ),
          const SizedBox(height: 16),
          FilledButton.icon(
            key: const Key('profile-save'),
            onPressed: saving ? null : _save,
            icon: const Icon(Icons.save_outlined),
            label: const Text(${dartString(t.save)}),
          ),
        ],
      ),
    );
  }
}

/// Avatar with the name's initial, the saved name, the email and the bio.
class _Header extends StatelessWidget {
  const _Header({required this.data, required this.email});

  final ${c.data} data;
  final String? email;

  @override
  Widget build(BuildContext context) {
    final theme = Theme.of(context);
    final email = this.email;
    final name = data.displayName.trim();
    final bio = data.bio.trim();
    return Column(
      key: const Key('profile-header'),
      children: [
        CircleAvatar(
          radius: 40,
          child: name.isEmpty
              ? const Icon(Icons.person, size: 40)
              : Text(
                  name.characters.first.toUpperCase(),
                  style: theme.textTheme.headlineMedium,
                ),
        ),
        const SizedBox(height: 12),
        Text(
          name.isEmpty ? ${dartString(t.addYourName)} : name,
          style: theme.textTheme.titleLarge,
          textAlign: TextAlign.center,
        ),
        if (email != null) ...[
          const SizedBox(height: 4),
          Text(
            email,
            style: theme.textTheme.bodyMedium,
            textAlign: TextAlign.center,
          ),
        ],
        if (bio.isNotEmpty) ...[
          const SizedBox(height: 8),
          Text(bio, textAlign: TextAlign.center),
        ],
      ],
    );
  }
}
`;
}

function fakesDart(ctx: FeatureContext): string {
  const c = classNames(ctx.feature);
  return `import '${packageUri(ctx.plan.packageName, paths(ctx.feature).store)}';

/// A ${c.store} in memory, for widget tests.
class ${c.memoryStore} implements ${c.store} {
  ${c.memoryStore}([this.data = const ${c.data}()]);

  ${c.data} data;

  /// How many times the screen saved.
  int saves = 0;

  @override
  Future<${c.data}> load() async => data;

  @override
  Future<void> save(${c.data} data) async {
    this.data = data;
    saves++;
  }
}
`;
}

function testDart(ctx: FeatureContext): string {
  const { feature, plan } = ctx;
  const c = classNames(feature);
  const auth = hasAuth(ctx);
  const t = uiText(plan);
  const fakesFile = baseName(paths(feature).fakes);
  const authImport = auth ? `import '../support/${baseName(FAKE_AUTH_SERVICE_PATH)}';\n` : '';
  const authArg = auth ? `, auth: FakeAuthService(signedInAs: 'ada@example.com')` : '';
  const seed = auth ? `${c.data}(displayName: 'Ada')` : `${c.data}(displayName: 'Ada', email: 'ada@example.com')`;
  const emailTest = auth
    ? `

  testWidgets('shows the signed-in account email', (tester) async {
    await pumpScreen(tester, ${c.memoryStore}());

    expect(
      find.descendant(
        of: find.byKey(const Key('profile-header')),
        matching: find.text('ada@example.com'),
      ),
      findsOneWidget,
    );
  });`
    : `

  testWidgets('an invalid email shows the validator message', (tester) async {
    final store = ${c.memoryStore}();
    await pumpScreen(tester, store);

    await tester.enterText(find.byKey(const Key('profile-name')), 'Ada');
    await tester.enterText(find.byKey(const Key('profile-email')), 'not-an-email');
    await tapSave(tester);

    expect(find.text(${dartString(t.enterValidEmail)}), findsOneWidget);
    expect(store.saves, 0);
  });`;
  return `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
import '${packageUri(plan.packageName, feature.paths.screen)}';
import '${packageUri(plan.packageName, paths(feature).store)}';

${authImport}import '../support/${fakesFile}';

void main() {
  Future<void> pumpScreen(WidgetTester tester, ${c.memoryStore} store) async {
    await tester.pumpWidget(
      MaterialApp(home: ${c.screen}(store: store${authArg})),
    );
    await tester.pumpAndSettle();
  }

  Future<void> tapSave(WidgetTester tester) async {
    final save = find.byKey(const Key('profile-save'));
    await tester.ensureVisible(save);
    await tester.pumpAndSettle();
    await tester.tap(save);
    await tester.pumpAndSettle();
  }

  testWidgets('editing the name and saving shows it', (tester) async {
    final store = ${c.memoryStore}(const ${seed});
    await pumpScreen(tester, store);
    expect(find.text('Ada'), findsWidgets);

    await tester.enterText(find.byKey(const Key('profile-name')), 'Grace Hopper');
    await tester.enterText(find.byKey(const Key('profile-bio')), 'Wrote the first compiler.');
    await tapSave(tester);

    expect(find.text(${dartString(t.profileSaved)}), findsOneWidget);
    expect(store.saves, 1);
    expect(store.data.displayName, 'Grace Hopper');
    final header = find.byKey(const Key('profile-header'));
    expect(
      find.descendant(of: header, matching: find.text('Grace Hopper')),
      findsOneWidget,
    );
    expect(
      find.descendant(of: header, matching: find.text('G')),
      findsOneWidget,
    );
  });

  testWidgets('an empty name is refused', (tester) async {
    final store = ${c.memoryStore}();
    await pumpScreen(tester, store);

    await tester.enterText(find.byKey(const Key('profile-name')), '   ');
    await tapSave(tester);

    expect(find.text(${dartString(t.enterYourName)}), findsOneWidget);
    expect(store.saves, 0);
  });${emailTest}
}
`;
}

function storeDecl(ctx: FeatureContext): ServiceDecl {
  const c = classNames(ctx.feature);
  const p = paths(ctx.feature);
  return {
    field: STORE_FIELD,
    type: c.store,
    typeImport: p.store.slice('lib/'.length),
    create: `${c.prefsStore}(prefs)`,
    createImports: [],
    fake: `${c.memoryStore}()`,
    fakeImport: p.fakes,
  };
}

/**
 * The profile store another feature reads (chat signs messages with the
 * display name): its service, data class and test double, or undefined when
 * the app has no profile.
 */
export function profileStoreOf(
  plan: AppPlan,
):
  | { decl: ServiceDecl; store: string; data: string; memoryStore: string; storePath: string; fakesPath: string }
  | undefined {
  const feature = plan.features.find((candidate) => candidate.archetype === 'profile');
  if (!feature) return undefined;
  const c = classNames(feature);
  const p = paths(feature);
  return {
    decl: storeDecl({ plan, feature }),
    store: c.store,
    data: c.data,
    memoryStore: c.memoryStore,
    storePath: p.store,
    fakesPath: p.fakes,
  };
}

export const profileArchetype: ArchetypeTemplate = {
  id: 'profile',

  dependencies() {
    return packages('shared_preferences');
  },

  files(ctx): GeneratedFile[] {
    const p = paths(ctx.feature);
    return [
      { path: p.store, content: storeDart(ctx) },
      { path: p.controller, content: controllerDart(ctx) },
      { path: ctx.feature.paths.screen, content: screenDart(ctx) },
      { path: p.fakes, content: fakesDart(ctx) },
      { path: ctx.feature.paths.test, content: testDart(ctx) },
    ];
  },

  screenBuilder(ctx) {
    const auth = hasAuth(ctx) ? ', auth: services.auth' : '';
    return `${ctx.feature.classes.screen}(store: services.${STORE_FIELD}${auth})`;
  },

  services(ctx) {
    const auth = authServiceDecl(ctx.plan);
    return auth ? [storeDecl(ctx), auth] : [storeDecl(ctx)];
  },

  readme(ctx) {
    const saved = hasAuth(ctx)
      ? 'The profile (display name and bio) is saved on this device with `shared_preferences`, not on the backend; the email shown is the signed-in account.'
      : 'The profile (display name, email and bio) is saved on this device with `shared_preferences`, not on a server.';
    const chat = hasChat(ctx.plan);
    // Honest about what teammates see: the name travels with each message, the profile itself does not.
    return chat
      ? `${saved} Chat messages sent from this device carry the display name at the time they are sent; renaming does not change messages already sent.`
      : saved;
  },

  summary() {
    return 'Shows and edits the display name, email and bio under an avatar with the initial, validated and saved on the device.';
  },
};
