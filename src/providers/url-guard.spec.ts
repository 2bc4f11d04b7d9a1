import { beforeEach, describe, expect, it, vi } from 'vitest';

const lookup = vi.hoisted(() => vi.fn());
vi.mock('node:dns/promises', () => ({ lookup }));

import { baseUrlProblem, unsafeBaseUrlProblem } from './url-guard';

describe('baseUrlProblem', () => {
  it.each([
    'https://openrouter.ai/api/v1',
    'http://127.0.0.1:11434/v1',
    'http://localhost:8000/v1',
    'http://10.0.0.5/v1',
    'https://generativelanguage.googleapis.com/v1beta/openai/',
  ])('accepts %s', (url) => {
    expect(baseUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['not a url', /absolute/],
    ['ftp://example.com/v1', /http or https/],
    ['file:///etc/passwd', /http or https/],
    ['javascript:alert(1)', /http or https/],
    ['http://user:secret@example.com/v1', /credentials/],
    ['http://169.254.169.254/latest/meta-data', /link-local/],
    ['http://169.254.0.1/', /link-local/],
    ['http://2852039166/', /link-local/],
    ['http://0xa9.0xfe.0xa9.0xfe/', /link-local/],
    ['http://[fe80::1]/v1', /link-local/],
    ['http://[febf::1]/v1', /link-local/],
    ['http://[::ffff:169.254.169.254]/', /link-local/],
    ['http://[fd00:ec2::254]/', /link-local/],
    ['http://100.100.100.200/latest', /link-local/],
    ['http://metadata.google.internal/computeMetadata/v1', /metadata/],
    ['http://METADATA.google.internal./', /metadata/],
  ])('refuses %s', (url, message) => {
    expect(baseUrlProblem(url)).toMatch(message);
  });
});

describe('unsafeBaseUrlProblem', () => {
  beforeEach(() => lookup.mockReset());

  it('refuses a host name that resolves to a link-local address', async () => {
    lookup.mockResolvedValue([
      { address: '93.184.216.34', family: 4 },
      { address: '169.254.169.254', family: 4 },
    ]);
    expect(await unsafeBaseUrlProblem('http://rebind.example/v1')).toMatch(/link-local/);
    expect(lookup).toHaveBeenCalledWith('rebind.example', { all: true, verbatim: true });
  });

  it('accepts a host name that resolves to public or loopback addresses', async () => {
    lookup.mockResolvedValue([
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ]);
    expect(await unsafeBaseUrlProblem('http://my-llm.example/v1')).toBeUndefined();
  });

  it('lets an unresolvable name through (the request then fails plainly) and does not look up IP literals', async () => {
    lookup.mockRejectedValue(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    expect(await unsafeBaseUrlProblem('http://nowhere.invalid/v1')).toBeUndefined();
    lookup.mockReset();
    expect(await unsafeBaseUrlProblem('http://127.0.0.1:1234/v1')).toBeUndefined();
    expect(lookup).not.toHaveBeenCalled();
  });
});
