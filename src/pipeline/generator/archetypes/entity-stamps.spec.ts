import { describe, expect, it } from 'vitest';
import { planApp } from '../plan/plan-app';
import { appSpec, generatedProject, projectFile } from './testing/archetype-spec-helpers';

const NOTES = appSpec(['notes'], { name: 'Notes' });
const TAGGED = appSpec(['notes'], { name: 'Notes', description: 'Quick notes with tags', backend: 'supabase' });
const NOTAS = appSpec(['notas'], { name: 'Mis notas', description: 'Una aplicación para mis notas' });

describe('notes: the app stamps when a note was written and last edited', () => {
  it('plans the times as date-times the app keeps, not fields to type', () => {
    for (const spec of [NOTES, TAGGED]) {
      const note = planApp(spec).entities.find((entity) => entity.className === 'Note');
      expect(note?.fields.map((field) => `${field.name}:${field.type}:${field.stamp ?? '-'}`)).toEqual([
        'title:text:-',
        'body:longText:-',
        'updatedAt:dateTime:updated',
        'createdAt:dateTime:created',
      ]);
      expect(note?.fields.filter((field) => field.stamp).every((field) => field.managed && field.required)).toBe(true);
    }
  });

  it('sets the times when saving: each edit moves the last one, the first one stays', () => {
    const form = projectFile(generatedProject(NOTES), 'lib/features/notes/notes_form_screen.dart');
    expect(form).toContain(`  Note _build() {
    final now = DateTime.now();
    return Note(
      id: widget.initial?.id ?? newId(),
      title: _title.text.trim(),
      body: _body.text.trim(),
      updatedAt: now,
      createdAt: widget.initial?.createdAt ?? now,
    );
  }`);
    expect(form).not.toMatch(/Key\('(updatedAt|createdAt)Field'\)/);
    expect(form).not.toContain('showDatePicker');
  });

  it('lists the latest edit first, with its time under the title', () => {
    const screen = projectFile(generatedProject(TAGGED), 'lib/features/notes/notes_screen.dart');
    expect(screen).toContain('compare: (a, b) => b.updatedAt.compareTo(a.updatedAt),');
    expect(screen).toContain(`subtitleOf: (item) => [
        formatDateTime(item.updatedAt),
      ].join(' · '),`);
    expect(screen).toContain("RecordDetail('Created at', formatDateTime(item.createdAt)),");
  });

  it('labels the times in the app language', () => {
    const screen = projectFile(generatedProject(NOTAS), 'lib/features/notas/notas_screen.dart');
    expect(screen).toContain("RecordDetail('Actualizado', formatDateTime(item.updatedAt)),");
    expect(screen).toContain("RecordDetail('Creado', formatDateTime(item.createdAt)),");
  });

  it('tests the stamps and the order in the generated widget test', () => {
    const test = projectFile(generatedProject(NOTES), 'test/features/notes_screen_test.dart');
    expect(test).toContain("testWidgets('stamps the time of an edit, keeping when it was created'");
    expect(test).toContain('expect(saved.updatedAt.isAfter(samples.first.updatedAt), isTrue);');
    expect(test).toContain('expect(saved.createdAt, samples.first.createdAt);');
    expect(test).toContain("testWidgets('lists the most recently edited notes first'");
  });

  it('keeps the one-expression form of records without stamps', () => {
    const form = projectFile(
      generatedProject(appSpec(['expenses'])),
      'lib/features/expenses/expenses_form_screen.dart',
    );
    expect(form).toContain('  Expense _build() => Expense(');
    expect(form).not.toContain('final now = DateTime.now();');
  });
});
