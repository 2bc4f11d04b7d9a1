import { describe, expect, it } from 'vitest';
import { exactFiles, MissingFilesError, parseFilesReply, pathPolicy, salvageFiles } from './file-reply';

const lib = pathPolicy('files under lib/', ['lib/']);
const reply = (files: { path: string; content: string }[]) => JSON.stringify({ files });

describe('parseFilesReply', () => {
  it('drops files outside the policy and names them; keeps the rest', () => {
    const parsed = parseFilesReply(
      reply([
        { path: 'lib/a.dart', content: 'a' },
        { path: 'docs/app_brief.md', content: 'echoed context' },
        { path: ' lib/b.dart ', content: 'b' },
      ]),
      lib,
    );
    expect(parsed).toEqual({
      files: [
        { path: 'lib/a.dart', content: 'a' },
        { path: 'lib/b.dart', content: 'b' },
      ],
      dropped: ['docs/app_brief.md'],
    });
  });

  it('still refuses the whole reply for an unsafe path, even one outside the policy', () => {
    for (const path of ['../x', '/etc/passwd', 'lib/../../x', 'C:/x', 'lib\\x', 'docs/../../x'])
      expect(
        () =>
          parseFilesReply(
            reply([
              { path: 'lib/a.dart', content: 'a' },
              { path, content: 'x' },
            ]),
            lib,
          ),
        path,
      ).toThrow(/files\[1\]\.path ".*" is not a safe relative path/);
  });

  it('says which required files are missing and carries the ones that were fine', () => {
    const policy = exactFiles(['a.md', 'b.md', 'c.md']);
    let error: unknown;
    try {
      parseFilesReply(
        reply([
          { path: 'a.md', content: 'a' },
          { path: 'extra.md', content: 'x' },
        ]),
        policy,
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MissingFilesError);
    const missing = error as MissingFilesError;
    expect(missing.message).toBe('required file(s) missing: b.md, c.md');
    expect(missing.missing).toEqual(['b.md', 'c.md']);
    expect(missing.reply).toEqual({ files: [{ path: 'a.md', content: 'a' }], dropped: ['extra.md'] });
  });

  it('refuses a reply whose every file was dropped', () => {
    expect(() => parseFilesReply(reply([{ path: 'docs/x.md', content: 'x' }]), lib)).toThrow(
      'no file in "files" may be written here (sent: docs/x.md; allowed: files under lib/)',
    );
  });
});

describe('salvageFiles', () => {
  const files = [
    { path: 'lib/a.dart', content: 'final s = "{[\\"]}";\n' },
    { path: 'lib/b.dart', content: 'class B {}\n' },
    { path: 'lib/c.dart', content: 'class C {}\n' },
  ];
  const whole = reply(files);

  it('returns the entries that closed before the cut', () => {
    expect(salvageFiles(whole.slice(0, whole.indexOf('lib/c.dart') + 5), lib)).toEqual(files.slice(0, 2));
    expect(salvageFiles(whole.slice(0, whole.indexOf('lib/b.dart') - 10), lib)).toEqual(files.slice(0, 1));
    expect(salvageFiles(whole.slice(0, 20), lib)).toEqual([]);
    expect(salvageFiles(`Here you go:\n\`\`\`json\n${whole.slice(0, -3)}`, lib)).toEqual(files.slice(0, 2));
  });

  it('never throws, and leaves out unsafe or disallowed entries', () => {
    const mixed = reply([
      { path: '../x', content: 'x' },
      { path: 'docs/x.md', content: 'x' },
      { path: 'lib/ok.dart', content: 'ok' },
    ]);
    expect(salvageFiles(mixed.slice(0, -2), lib)).toEqual([{ path: 'lib/ok.dart', content: 'ok' }]);
    expect(salvageFiles('', lib)).toEqual([]);
    expect(salvageFiles('{"files": [{"path": 1, "content": 2}, ', lib)).toEqual([]);
  });
});
