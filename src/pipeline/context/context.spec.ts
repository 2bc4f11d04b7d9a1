import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../generator/app-spec';
import { generateFlutterProject } from '../generator/flutter-project.generator';
import { buildContract, importsOf } from './app-contract';
import { OUTPUT_FILL, packFiles } from './cut-replies';
import { chunkTokens, planDevChunks, splitChunk } from './dev-chunks';
import { selectDart, selectSections } from './doc-selection';
import { cutText, estimateTokens, fitBlocks } from './prompt-budget';

const spec = (features: string[]): AppSpec => ({
  slug: 'budget-app',
  name: 'Budget App',
  description: 'Track spending',
  platforms: [],
  style: '',
  backend: 'firebase',
  features,
});

describe('app contract', () => {
  it('splits the builtin project into contract files and feature files, which together are the builtin project', () => {
    const s = spec(['Sign in', 'Expenses', 'Notes', 'Chart']);
    const contract = buildContract(s);
    const both = [...contract.scaffold, ...contract.features.flatMap((f) => f.files)].map((f) => f.path).sort();
    expect(both).toEqual(generateFlutterProject(s).map((f) => f.path));
    const scaffold = contract.scaffold.map((f) => f.path);
    expect(scaffold).toEqual(expect.arrayContaining(['pubspec.yaml', 'lib/app.dart', 'lib/app_services.dart']));
    // The record library several entity features share is contract, not one feature's.
    expect(scaffold.some((p) => p.startsWith('lib/core/records/'))).toBe(true);
    for (const f of contract.features) {
      expect(f.files.map((file) => file.path)).toContain(f.feature.paths.screen);
      expect(f.files.map((file) => file.path)).toContain(f.feature.paths.test);
    }
  });
});

describe('dev chunks', () => {
  it('puts no more files in a request than fit the output budget, and splits a large feature by file', () => {
    const contract = buildContract(spec(['Sign in', 'Expenses', 'Notes', 'Chart', 'Checkout', 'Map']));
    for (const maxTokens of [2048, 8192]) {
      const chunks = planDevChunks(contract.features, maxTokens, contract.plan.packageName);
      const paths = chunks.flatMap((c) => c.files.map((f) => f.path));
      expect(new Set(paths).size).toBe(paths.length);
      expect(paths.sort()).toEqual(contract.features.flatMap((f) => f.files.map((file) => file.path)).sort());
      for (const chunk of chunks) {
        if (chunk.files.length > 1) expect(chunkTokens(chunk.files)).toBeLessThanOrEqual(maxTokens * OUTPUT_FILL);
      }
    }
    const small = planDevChunks(contract.features, 2048, contract.plan.packageName);
    const large = planDevChunks(contract.features, 8192, contract.plan.packageName);
    expect(small.length).toBeGreaterThan(large.length);
  });

  it('packs docs into requests by the output budget, a file too large alone in its own', () => {
    const doc = (path: string, chars: number) => ({ path, content: 'x'.repeat(chars) });
    const files = [doc('a.md', 4000), doc('b.md', 4000), doc('c.md', 20_000), doc('d.md', 100)];
    const pieces = packFiles(files, 2048);
    expect(pieces.map((p) => p.files.map((f) => f.path))).toEqual([['a.md'], ['b.md'], ['c.md'], ['d.md']]);
    expect(packFiles(files, 16_384).map((p) => p.files.length)).toEqual([4]);
  });

  it('asks for a feature after the features whose files it imports', () => {
    const contract = buildContract(spec(['Profile', 'Sign in']));
    const order = planDevChunks(contract.features, 2048, contract.plan.packageName).flatMap((c) =>
      c.files.map((f) => f.path),
    );
    const profile = contract.features.find((f) => f.feature.archetype === 'profile')!;
    const imported = importsOf(profile.files, contract.plan.packageName).filter((path) =>
      path.startsWith('lib/features/'),
    );
    expect(imported.length).toBeGreaterThan(0);
    for (const path of imported) expect(order.indexOf(path)).toBeLessThan(order.indexOf(profile.feature.paths.screen));
  });

  it('halves a chunk and counts the split', () => {
    const contract = buildContract(spec(['Expenses']));
    const [chunk] = planDevChunks(contract.features, 8192, contract.plan.packageName);
    const parts = splitChunk(chunk, chunk.files);
    expect(parts.flatMap((p) => p.files)).toEqual(chunk.files);
    expect(parts.every((p) => p.splits === 1 && p.features.length > 0)).toBe(true);
  });
});

describe('prompt budget', () => {
  it('keeps required blocks whole, cuts the first optional block that does not fit with a marker and lists the rest', () => {
    const big = 'line of text\n'.repeat(2000);
    const { blocks, omitted } = fitBlocks(
      [
        { title: 'contract', body: 'x'.repeat(4000), required: true },
        { title: 'docs/requirements.md', body: big },
        { title: 'docs/design.md', body: big },
      ],
      2000,
    );
    expect(blocks.map((b) => b.title)).toEqual(['contract', 'docs/requirements.md']);
    expect(blocks[0].body).toHaveLength(4000);
    expect(blocks[1].body).toMatch(/\n\[… \d+ characters omitted …\]$/);
    expect(omitted).toEqual(['docs/requirements.md (cut)', 'docs/design.md']);
    expect(estimateTokens(blocks.map((b) => b.body).join(''))).toBeLessThanOrEqual(2000);
  });

  it('cuts text at a line break and says how much was left out', () => {
    const text = 'abcdefghij\n'.repeat(100);
    const cut = cutText(text, 300);
    expect(cut.length).toBeLessThanOrEqual(300);
    const omitted = Number(/\[… (\d+) characters omitted …\]/.exec(cut)![1]);
    expect(cut.indexOf('\n[…') + omitted).toBe(text.length);
  });
});

describe('selection', () => {
  it('keeps the general parts of a document and the parts about the request’s features', () => {
    const doc = [
      '# Requirements',
      '',
      'Works offline.',
      '',
      '| ID | Feature |',
      '| --- | --- |',
      '| FR-1 | Chart |',
      '| FR-2 | Chat |',
      '',
      '## Chat',
      '',
      'Messages arrive live.',
      '',
      '## Chart',
      '',
      'Bars by category in `lib/features/chart/chart_screen.dart`.',
    ].join('\n');
    const selected = selectSections(doc, ['Chart', 'chart'], ['Chat', 'chat']);
    expect(selected).toContain('Works offline.');
    expect(selected).toContain('| FR-1 | Chart |');
    expect(selected).toContain('Bars by category');
    expect(selected).not.toContain('FR-2');
    expect(selected).not.toContain('Messages arrive live.');
    expect(selected).toMatch(/\[… \d+ characters omitted …\]/);
  });

  it('keeps the declarations of a shared Dart file that concern the request', () => {
    const source = [
      "import 'package:app/data/models/expense.dart';",
      "import 'package:app/data/models/note.dart';",
      '',
      'class InMemoryExpenseRepository implements ExpenseRepository {',
      '  final List<Expense> items = [];',
      '}',
      '',
      'class InMemoryNoteRepository implements NoteRepository {',
      '  final List<Note> items = [];',
      '}',
    ].join('\n');
    const selected = selectDart(source, ['Expense', 'expense'], ['Note', 'note']);
    expect(selected).toContain('InMemoryExpenseRepository');
    expect(selected).toContain('models/expense.dart');
    expect(selected).not.toContain('InMemoryNoteRepository');
    expect(selected).not.toContain('models/note.dart');
  });
});
