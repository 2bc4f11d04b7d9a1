import { describe, expect, it } from 'vitest';
import { analyzeDartSource, dartCommentRanges, extractDartDirectives, loadDartParser, parseDart } from './dart-parser';

const VALID = `import 'package:flutter/material.dart';

sealed class Shape {}
final class Circle extends Shape { Circle(this.r); final double r; }

String describe(Shape s) => switch (s) { Circle(r: final r) => 'circle $r' };

class CounterScreen extends StatefulWidget {
  const CounterScreen({super.key});
  @override
  State<CounterScreen> createState() => _CounterScreenState();
}

class _CounterScreenState extends State<CounterScreen> {
  int _count = 0;
  @override
  Widget build(BuildContext context) {
    final (a, b) = (1, 'two');
    return Scaffold(
      appBar: AppBar(title: Text('Count \${_count + a} $b')),
      floatingActionButton: FloatingActionButton(onPressed: () => setState(() => _count++), child: const Icon(Icons.add)),
    );
  }
}
`;

describe('dart-parser', () => {
  // Must run first in this file: it measures the cold load of runtime + grammar.
  it('loads tree-sitter and the Dart grammar in under 1 s, once', async () => {
    const started = performance.now();
    const first = await loadDartParser();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await loadDartParser()).toBe(first);
    await parseDart('void main() {}');
    expect(await loadDartParser()).toBe(first);
  });

  it('accepts modern valid Dart', async () => {
    expect(await parseDart(VALID)).toEqual({ ok: true, errors: [] });
  });

  it('reports a missing closing brace with its line', async () => {
    const source = 'class A {\n  void f() {\n    print(1);\n  }\n';
    const result = await parseDart(source);
    expect(result.ok).toBe(false);
    // tree-sitter places the MISSING node right after the last token (line 4).
    expect(result.errors[0]).toMatchObject({ line: 4, message: 'Syntax error: missing "}"' });
  });

  it('reports a missing semicolon and a stray token at the right lines', async () => {
    const missing = await parseDart("void f() {\n  print('x')\n}\n");
    expect(missing.errors[0]).toMatchObject({ line: 2, message: 'Syntax error: missing ";"' });
    const stray = await parseDart('class A {\n  const A() %%;\n}\n');
    expect(stray.ok).toBe(false);
    expect(stray.errors[0].line).toBe(2);
  });

  it('extracts directives with kinds, conditional URIs and lines, ignoring comments and strings', async () => {
    const source = [
      'library app;',
      "import 'package:flutter/material.dart';",
      'import "dart:async" as async show Future;',
      "import 'stub.dart' if (dart.library.io) 'io.dart';",
      "export 'src/a.dart' hide B;",
      "part 'a.g.dart';",
      "// import 'commented.dart';",
      'final s = "import \'string.dart\';";',
    ].join('\n');
    expect(await extractDartDirectives(source)).toEqual([
      { kind: 'import', uri: 'package:flutter/material.dart', line: 2 },
      { kind: 'import', uri: 'dart:async', line: 3 },
      { kind: 'import', uri: 'stub.dart', line: 4 },
      { kind: 'import', uri: 'io.dart', line: 4 },
      { kind: 'export', uri: 'src/a.dart', line: 5 },
      { kind: 'part', uri: 'a.g.dart', line: 6 },
    ]);
    expect(await extractDartDirectives("part of 'lib.dart';\n")).toEqual([
      { kind: 'part_of', uri: 'lib.dart', line: 1 },
    ]);
  });

  it('analyzes syntax and directives in one parse', async () => {
    const result = await analyzeDartSource("import 'a.dart';\nvoid f( {\n");
    expect(result.ok).toBe(false);
    expect(result.directives).toEqual([{ kind: 'import', uri: 'a.dart', line: 1 }]);
  });

  it('finds comment ranges as JS string indices (non-ASCII safe)', async () => {
    const source = "// é😀\nvar x = 'ü😀'; /* c */";
    const ranges = await dartCommentRanges(source);
    expect(ranges.map((r) => source.slice(r.start, r.end))).toEqual(['// é😀', '/* c */']);
  });

  it('survives many parses (trees are freed)', async () => {
    for (let i = 0; i < 300; i++) expect((await parseDart(VALID)).ok).toBe(true);
  });
});
