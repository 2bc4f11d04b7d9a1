import { describe, expect, it } from 'vitest';
import { parseDart } from '../../qa/dart-parser';
import type { AppSpec } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import type { BackendKind } from '../plan/app-plan';
import { namedSpec } from '../testing/fixtures';
import { unresolvedImports } from '../testing/project-checks';
import { USER_MESSAGE_PATH } from './records-user-message';

const FEATURES = ['login', 'map', 'search', 'chat', 'notifications', 'camera', 'timer', 'checkout', 'calendar'];
const cityGuide = (backend: BackendKind): Spec => ({
  name: 'City Guide',
  description: 'Find places on a map and search them',
  features: [...FEATURES, 'statistics', 'habits'],
  backend,
});

type Spec = Pick<AppSpec, 'name' | 'description' | 'features' | 'backend'>;

function project(spec: Spec): Map<string, string> {
  const generated = generateFlutterProject(
    namedSpec(spec.name, spec.description, spec.features, { backend: spec.backend }),
  );
  expect(unresolvedImports(generated)).toEqual([]);
  return new Map(generated.map((file) => [file.path, file.content]));
}

function file(files: Map<string, string>, path: string): string {
  const content = files.get(path);
  if (content === undefined) throw new Error(`${path} was not generated`);
  return content;
}

// A Dart string literal that interpolates the exception itself: '…$error…' or '…${snapshot.error}…'.
const RAW_ERROR = /'[^'\n]*\$\{?(?:snapshot\.)?error\b[^'\n]*'/;

describe('feature screens tell users what failed in words, never as the exception', () => {
  it.each<BackendKind>(['none', 'firebase', 'supabase', 'rest'])('on %s', async (backend) => {
    const files = project(cityGuide(backend));
    const features = [...files].filter(([path]) => path.startsWith('lib/features/') && path.endsWith('.dart'));
    expect(features.length).toBeGreaterThan(20);
    for (const [path, content] of features) {
      const shown = content
        .split('\n')
        .filter((line) => !line.includes('debugPrint('))
        .join('\n');
      expect(shown, path).not.toMatch(RAW_ERROR);
      if (content.includes('userMessage(')) expect(content, path).toContain("/core/user_message.dart';");
    }
    expect(file(files, 'lib/features/map/map_controller.dart')).toContain(
      "_error = 'Could not load the data: ${userMessage(error)}';",
    );
    expect(file(files, 'lib/features/checkout/checkout_order_screen.dart')).toContain(
      "      result = CheckoutPaymentResult.declined(\n        'The payment could not be completed: ${userMessage(error)}',\n      );",
    );
    expect(file(files, 'lib/features/camera/camera_screen.dart')).toContain(
      "if (mounted) _showMessage('Could not delete: ${userMessage(error)}');",
    );
    for (const path of ['lib/features/timer/timer_screen.dart', 'lib/features/chat/chat_controller.dart']) {
      expect((await parseDart(file(files, path))).errors, path).toEqual([]);
    }
  });

  it('wraps the longer German messages as dart format does', () => {
    const files = project({
      name: 'Stadtführer',
      description: 'Orte auf einer Karte finden und durchsuchen',
      features: ['Anmeldung', 'Karte', 'Kamera', 'Kalender', 'Chat', 'Benachrichtigungen'],
      backend: 'supabase',
    });
    const camera = [...files].find(([path]) => path.endsWith('/kamera_screen.dart'))?.[1] ?? '';
    expect(camera).toContain(
      "      if (mounted) {\n        _showMessage('Speichern fehlgeschlagen: ${userMessage(error)}');\n      }",
    );
    const calendar = [...files].find(([path]) => path.endsWith('/kalender_screen.dart'))?.[1] ?? '';
    expect(calendar).toContain(
      "        SnackBar(\n          content: Text('Löschen fehlgeschlagen: ${userMessage(error)}'),\n        ),",
    );
    const calendarTest = [...files].find(([path]) => path.endsWith('/kalender_screen_test.dart'))?.[1] ?? '';
    expect(calendarTest).toContain(
      "find.text('Löschen fehlgeschlagen: Etwas ist schiefgelaufen. Bitte versuche es erneut.')",
    );
    expect(file(files, 'lib/features/chat/chat_controller.dart')).toContain(
      "        _error =\n            'Nachrichten konnten nicht geladen werden: ${userMessage(error)}';",
    );
  });

  it('writes userMessage for an app whose only feature is reminders', () => {
    const files = project({
      name: 'Remind Me',
      description: 'Reminders',
      features: ['notifications'],
      backend: 'rest',
    });
    expect([...files.keys()].filter((path) => path.startsWith('lib/data/models/'))).toEqual([]);
    expect(file(files, USER_MESSAGE_PATH)).toContain('String userMessage(Object error) {');
    expect(file(files, 'lib/features/notifications/notifications_screen.dart')).toContain(
      "import '../../core/user_message.dart';",
    );
  });

  it('writes no userMessage when no screen would use it', () => {
    const files = project({ name: 'Clock', description: 'A stopwatch', features: ['timer'], backend: 'none' });
    expect(files.has(USER_MESSAGE_PATH)).toBe(false);
  });
});

describe('live chat feeds skip a message the app cannot read', () => {
  it.each([
    [
      'firebase',
      '.map((snapshot) => readRecords(\n            snapshot.docs,\n            (doc) => ChatMessage.fromJson(',
    ],
    ['supabase', '.map((rows) => readRecords(\n            rows,\n            (row) => ChatMessage.fromJson('],
  ] as const)('on %s, with readRecords', (backend, mapping) => {
    const files = project({ name: 'Team Talk', description: 'Chat with the team', features: ['chat'], backend });
    const feed = file(files, 'lib/features/chat/chat_feed.dart');
    expect(feed).toContain("import '../../data/repositories/record_repository.dart';");
    expect(feed).toContain(mapping);
    expect(feed).not.toContain('for (final');
  });
});
