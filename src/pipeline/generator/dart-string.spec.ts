import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dartString, markdownCell, singleLine } from './dart-string';

/** Decodes the escapes `dartString` emits, as the Dart compiler would. */
function decodeDartLiteral(literal: string): string {
  if (!literal.startsWith("'") || !literal.endsWith("'") || literal.length < 2) return '<not quoted>';
  const body = literal.slice(1, -1);
  const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", $: '$' };
  return body.replace(/\\(u\{([0-9A-F]+)\}|.)/gs, (_match, escape: string, hex: string | undefined) =>
    hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : (simple[escape] ?? `<bad escape ${escape}>`),
  );
}

/** True when `literal` has no raw quote, `$`, backslash or line break outside an escape. */
function isWellFormed(literal: string): boolean {
  const body = literal.slice(1, -1);
  const withoutEscapes = body.replace(/\\(u\{[0-9A-F]+\}|.)/gs, '');
  return !/['$\\\n\r\u2028\u2029]/.test(withoutEscapes);
}

/** Any UTF-16 code unit (lone surrogates included), biased towards Dart string syntax. */
const codeUnit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('\\', "'", '"', '$', '{', '}', '\n', '\r', '\t', '\u2028'),
);

describe('dartString', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", "'it\\'s'"],
    ['$name ${x}', "'\\$name \\${x}'"],
    ['back\\slash', "'back\\\\slash'"],
    ['a\nb\r\tc', "'a\\nb\\r\\tc'"],
    ['nul\u0000 del\u007f', "'nul\\u{0} del\\u{7F}'"],
    ['Đăng nhập 日本語 🎉', "'Đăng nhập 日本語 🎉'"],
    ['sep\u2028', "'sep\\u{2028}'"],
  ])('escapes %j', (text, expected) => {
    expect(dartString(text)).toBe(expected);
  });

  it('escapes lone surrogates, which cannot be written as UTF-8', () => {
    expect(dartString('\ud800x')).toBe("'\\u{D800}x'");
    expect(dartString('x\udc00')).toBe("'x\\u{DC00}'");
  });

  it('round-trips any string and never leaves raw syntax characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: codeUnit, maxLength: 40 }), (text) => {
        const literal = dartString(text);
        return decodeDartLiteral(literal) === text && isWellFormed(literal);
      }),
      { numRuns: 200 },
    );
  });
});

describe('singleLine / markdownCell', () => {
  it('collapses line breaks and control characters', () => {
    expect(singleLine('  a\nb\r\n\tc\u2028d  ')).toBe('a b c d');
    expect(markdownCell('x | y\nz')).toBe('x \\| y z');
  });
});
