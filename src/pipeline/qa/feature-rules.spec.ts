import { afterEach, describe, expect, it } from 'vitest';
import { analyzeProject } from './qa-analyzer';
import type { QaReport } from './qa.types';
import { DEMO_PUBSPEC, TempProjects, featureExpectation, type ProjectFiles } from './testing/qa-projects';

const CART = featureExpectation('Cart', 'cart', 'Cart');

const SCREEN = `import 'package:flutter/material.dart';

class CartScreen extends StatelessWidget {
  const CartScreen({super.key});

  @override
  Widget build(BuildContext context) => const Scaffold(body: Text('Cart'));
}
`;

function app(withCart: boolean): ProjectFiles {
  return {
    'pubspec.yaml': DEMO_PUBSPEC,
    'lib/main.dart':
      "import 'package:flutter/material.dart';\n\nimport 'shell.dart';\n\nvoid main() => runApp(const Shell());\n",
    // Reached through a second file: the closure of main.dart counts, not main.dart alone.
    'lib/shell.dart': `import 'package:flutter/material.dart';
${withCart ? "import 'features/cart/cart_screen.dart';\n" : ''}
class Shell extends StatelessWidget {
  const Shell({super.key});

  @override
  Widget build(BuildContext context) => MaterialApp(home: ${withCart ? 'const CartScreen()' : 'const Placeholder()'});
}
`,
    'lib/features/cart/cart_screen.dart': SCREEN,
  };
}

function cartTest(body: string): ProjectFiles {
  return {
    'test/features/cart_screen_test.dart': `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
import 'package:demo_app/features/cart/cart_screen.dart';

void main() {
  testWidgets('cart', (tester) async {
${body}
  });
}
`,
  };
}

const PUMP = '    await tester.pumpWidget(const MaterialApp(home: CartScreen()));';

const projects = new TempProjects();
afterEach(() => projects.cleanup());

async function analyze(files: ProjectFiles): Promise<QaReport> {
  return analyzeProject(await projects.write(files), [CART]);
}

function rules(report: QaReport): string[] {
  return report.findings.map((f) => f.rule);
}

describe('feature rules', () => {
  it('counts a screen reached from the app and a test that pumps and taps it', async () => {
    const report = await analyze({ ...app(true), ...cartTest(`${PUMP}\n    await tester.tap(find.text('Cart'));`) });
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ features_reachable: 1, features_tested: 1 });
  });

  it('accepts a direct call on a controller or on the state as the interaction', async () => {
    for (const action of [
      '    final controller = CartController();\n    controller.add(1);',
      '    tester.state<State<CartScreen>>(find.byType(CartScreen)).setState(() {});',
    ]) {
      const report = await analyze({ ...app(true), ...cartTest(`${PUMP}\n${action}`) });
      expect(rules(report)).not.toContain('feature_test_no_action');
    }
  });

  it('reports a screen nothing in the app uses', async () => {
    const report = await analyze({ ...app(false), ...cartTest(`${PUMP}\n    await tester.tap(find.text('Cart'));`) });
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'feature_unreachable', file: 'lib/features/cart/cart_screen.dart' }),
    ]);
    expect(report).toMatchObject({ features_reachable: 0, features_tested: 0 });
  });

  it('reports every screen as unreachable when lib/main.dart is missing', async () => {
    const files = { ...app(true), ...cartTest(`${PUMP}\n    await tester.tap(find.text('Cart'));`) };
    delete files['lib/main.dart'];
    const report = await analyze(files);
    expect(report.findings).toEqual([expect.objectContaining({ rule: 'feature_unreachable' })]);
    expect(report.findings[0].message).toContain('lib/main.dart does not exist');
  });

  it('reports a test that pumps the screen but never interacts', async () => {
    const report = await analyze({
      ...app(true),
      ...cartTest(`${PUMP}\n    expect(find.text('Cart'), findsOneWidget);`),
    });
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'feature_test_no_action', file: 'test/features/cart_screen_test.dart' }),
    ]);
    expect(report).toMatchObject({ features_reachable: 1, features_tested: 0 });
  });

  it('reports a test that never uses the screen', async () => {
    const report = await analyze({
      ...app(true),
      ...cartTest(
        "    await tester.pumpWidget(const MaterialApp(home: Text('x')));\n    await tester.tap(find.text('x'));",
      ),
    });
    expect(rules(report)).toEqual(['feature_test_missing_screen']);
  });

  it('reports a screen file that does not declare the planned class', async () => {
    const files = { ...app(true), ...cartTest(`${PUMP}\n    await tester.tap(find.text('Cart'));`) };
    files['lib/features/cart/cart_screen.dart'] = SCREEN.replace(/CartScreen/g, 'BasketScreen');
    const report = await analyze(files);
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'feature_missing_screen',
          file: 'lib/features/cart/cart_screen.dart',
          message: expect.stringContaining('does not declare the screen class CartScreen'),
        }),
      ]),
    );
  });
});
