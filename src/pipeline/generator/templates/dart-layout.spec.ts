import { describe, expect, it } from 'vitest';
import { dartLayout } from './dart-layout';

describe('dartLayout', () => {
  it('leaves an expression that fits on its line alone', () => {
    expect(dartLayout('LoginScreen(auth: services.auth)', 16, ',')).toBe('LoginScreen(auth: services.auth)');
  });

  it('splits a long call one argument per line, keeping commas and parentheses inside strings whole', () => {
    const call =
      "NotesScreen(repository: services.notes, title: 'Notes, (mine)', onOpen: (note) => open(note, 'a, b'), extra: 1)";
    expect(dartLayout(call, 16, ',')).toBe(
      [
        'NotesScreen(',
        '                  repository: services.notes,',
        "                  title: 'Notes, (mine)',",
        "                  onOpen: (note) => open(note, 'a, b'),",
        '                  extra: 1,',
        '                )',
      ].join('\n'),
    );
  });
});
