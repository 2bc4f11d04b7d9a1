import { describe, expect, it } from 'vitest';
import { blankDartNonCode, matchingBracket } from './dart-code';

describe('blankDartNonCode', () => {
  it('blanks comments and string text, keeps code, interpolations and length', () => {
    const src = [
      '// print(password);',
      "/* a /* nested */ comment */ final a = 'it''s';",
      'final b = "x $token y ${user.password} z";',
      "final c = r'$raw \\';",
      "final d = '''multi",
      "line ( with $secret''';",
      "print('don\\'t'); // done",
    ].join('\n');
    const code = blankDartNonCode(src);
    expect(code).toHaveLength(src.length);
    expect(code.split('\n')).toEqual([
      '                   ',
      "                             final a = '  '' ';",
      'final b = "   token    {user.password}  ";',
      "final c = r'      ';",
      "final d = '''     ",
      "             secret''';",
      "print('      ');        ",
    ]);
  });

  it('finds matching brackets in blanked code', () => {
    const code = blankDartNonCode("f(a, ')', g(b[0]), {c: d})");
    expect(matchingBracket(code, 1)).toBe(code.length - 1);
    expect(matchingBracket(code, 11)).toBe(16);
    expect(matchingBracket(blankDartNonCode('f(a'), 1)).toBe(-1);
  });
});
