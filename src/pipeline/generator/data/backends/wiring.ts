/**
 * What one backend contributes to the generated app: its repository
 * implementations, bootstrap files, main() setup and README steps.
 */
import type { GeneratedFile } from '../../app-spec';
import type { EntityPlan } from '../../plan/app-plan';
import { relativeImport } from './backend-names';

export interface BackendWiring {
  /** pub dependencies of the repositories and bootstrap (name → constraint from package-versions.ts) */
  dependencies: Record<string, string>;
  /** repository implementations for every entity of the plan + bootstrap/config files */
  files: GeneratedFile[];
  /** Dart tests of those files, under test/ */
  testFiles?: GeneratedFile[];
  /** package:/dart: URIs or lib-relative paths main.dart must import for mainSetup */
  mainImports: string[];
  /** Dart statements main() runs after WidgetsFlutterBinding.ensureInitialized(), before AppServices.create() (e.g. Firebase.initializeApp) */
  mainSetup: string[];
  /**
   * Dart statements `AppServices.create()` runs before creating the services, after `prefs`; a
   * service they name (`auth.token`) is created first. Their variables are in scope for `repositoryCreate`.
   */
  createSetup?: string[];
  /** lib-relative paths createSetup needs */
  createImports?: string[];
  /** Dart expression creating the repository of `entity` inside `static Future<AppServices> create()`; `prefs` (SharedPreferences) is in scope */
  repositoryCreate(entity: EntityPlan): string;
  /** lib-relative paths that expression needs */
  repositoryImports(entity: EntityPlan): string[];
  /** README section (Markdown, no top heading): setup steps for this backend */
  readme: string;
}

/** Import lines of a Dart file: `dart:` first, then packages (`uri as prefix` allowed), then relative paths (each group sorted). */
export function dartImports(fromFile: string, uris: { dart?: string[]; packages?: string[]; local?: string[] }): string {
  const groups = [
    [...(uris.dart ?? [])].sort(),
    [...(uris.packages ?? [])].sort(),
    (uris.local ?? []).map((target) => relativeImport(fromFile, target)).sort(),
  ].filter((group) => group.length > 0);
  // `package:http/http.dart as http` → `import 'package:http/http.dart' as http;`
  const line = (entry: string): string => {
    const [uri, prefix] = entry.split(' as ');
    return prefix ? `import '${uri}' as ${prefix};` : `import '${uri}';`;
  };
  return groups.map((group) => group.map(line).join('\n')).join('\n\n');
}

/** The model and repository interface every implementation imports. */
export function entityImports(entity: EntityPlan): string[] {
  return [entity.paths.model, entity.paths.repository];
}

/** A fenced Markdown code block. */
export function codeBlock(language: string, code: string): string {
  return `\`\`\`${language}\n${code.replace(/\n+$/, '')}\n\`\`\``;
}

/** `text` with every non-empty line indented by `spaces` (code blocks inside list items). */
export function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

/** README lines every networked backend needs: the Android INTERNET permission and the macOS client entitlement. */
export const NETWORK_PERMISSIONS = [
  '**Network permissions** (after `flutter create .` adds the platform folders):',
  '',
  '- Android: `flutter create` grants internet access to debug builds only. For release builds add `<uses-permission android:name="android.permission.INTERNET"/>` inside `<manifest>` in `android/app/src/main/AndroidManifest.xml`.',
  '- macOS: add `<key>com.apple.security.network.client</key><true/>` to `macos/Runner/DebugProfile.entitlements` and `macos/Runner/Release.entitlements`.',
].join('\n');

/**
 * `class Name implements A, B {`, with `implements` on its own line once the
 * line passes 80 columns, as `dart format` puts it.
 */
export function dartClassLine(name: string, interfaces: string[]): string {
  const line = `class ${name} implements ${interfaces.join(', ')} {`;
  return line.length <= 80 ? line : `class ${name}\n    implements ${interfaces.join(', ')} {`;
}
