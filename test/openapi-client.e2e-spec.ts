import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOpenApiDocument } from '../src/openapi-document';
import { PHASE_NAMES } from '../src/pipeline/phase-names';
import { startApp, type TestApp } from './helpers/app';

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
}
interface Parameter {
  name: string;
  in: string;
  schema?: Schema;
}
interface MediaType {
  schema?: Schema;
  example?: { detail?: string };
}
interface Operation {
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { headers?: Record<string, { schema?: Schema }>; content?: Record<string, MediaType> }>;
}
interface Document {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const operations = (doc: Document): [string, Operation][] =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation]),
  );

/** `parameters: { … }` blocks (of paths and operations) in the generated types that contain `unknown`. */
function unknownParameters(source: string): string[] {
  const file = ts.createSourceFile('schema.ts', source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const hasUnknown = (node: ts.Node): boolean =>
    node.kind === ts.SyntaxKind.UnknownKeyword ||
    ts.forEachChild(node, (child) => hasUnknown(child) || undefined) === true;
  const visit = (node: ts.Node, trail: string[]): void => {
    if (
      ts.isPropertySignature(node) &&
      node.name.getText(file) === 'parameters' &&
      node.type &&
      hasUnknown(node.type)
    ) {
      found.push(`${trail.join(' › ')}: ${node.type.getText(file).replace(/\s+/g, ' ')}`);
      return;
    }
    const name = ts.isPropertySignature(node) ? [node.name.getText(file)] : [];
    ts.forEachChild(node, (child) => visit(child, [...trail, ...name]));
  };
  visit(file, []);
  return found;
}

/**
 * The types a client generates, as the README says: `openapi-typescript <url>/docs-json
 * --default-non-nullable false` (request fields with a server-side default stay optional).
 */
async function generateTypes(doc: Document): Promise<string> {
  return astToString(await openapiTS(doc as never, { defaultNonNullable: false }));
}

/** Compiles the files with the TypeScript compiler API (strict) and returns the diagnostics as text. */
function typeCheck(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    skipLibCheck: false,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return text;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName.split('/').pop()}:${line + 1}: ${text}`;
  });
}

/** A client's code against the generated types: each line would break if the document lost a type. */
const CLIENT_CODE = `
import type { components, operations, paths } from './schema.js';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// createJob: the body, its optional Idempotency-Key header, the 202 answer.
type CreateJobBody = Json<paths['/api/jobs']['post']['requestBody']>;
const createJob: CreateJobBody = {
  name: 'Todo',
  description: 'A todo list app',
  slug: 'todo_app',
  features: ['auth', 'notifications'],
  checkpoints: ['dev'],
};
// @ts-expect-error name is required
const noName: CreateJobBody = { description: 'x' };
type CreateJobHeaders = NonNullable<paths['/api/jobs']['post']['parameters']['header']>;
const retryHeaders: CreateJobHeaders = { 'Idempotency-Key': 'c0ffee-1' };
type Accepted = Json<paths['/api/jobs']['post']['responses']['202']>;
const acceptedSlug: string = ({} as Accepted).slug;

// The job list: typed query parameters (no unknown), X-Total-Count in the 200 headers.
type ListJobsQuery = NonNullable<paths['/api/jobs']['get']['parameters']['query']>;
const page: ListJobsQuery = { limit: 20, offset: 0, status: 'running', team_id: 'default', after: 'cursor' };
// @ts-expect-error limit is a number
const badLimit: ListJobsQuery = { limit: 'twenty' };
// @ts-expect-error status is one of the job statuses
const badStatus: ListJobsQuery = { status: 'exploded' };
const total: number = ({} as paths['/api/jobs']['get']['responses']['200']['headers'])['X-Total-Count'];

// Path parameters are strings, not unknown.
type JobSlug = paths['/api/jobs/{slug}']['get']['parameters']['path']['slug'];
const slug: JobSlug = 'my-app';
// @ts-expect-error a slug is a string
const numericSlug: JobSlug = 42;
type AgentId = operations['AgentsController_get']['parameters']['path']['agent_id'];
const agentId: AgentId = 'dev';

// Activity lists take an order.
type AgentLogsQuery = NonNullable<paths['/api/agents']['get']['parameters']['query']>;
const tail: AgentLogsQuery = { order: 'asc', limit: 50 };
// @ts-expect-error order is asc or desc
const badOrder: AgentLogsQuery = { order: 'sideways' };

// HITL queue items are objects of two kinds, told apart by type.
type Pending = Json<paths['/api/hitl/queue']['get']['responses']['200']>['pending'][number];
function describeItem(item: Pending): string {
  if (item.type === 'checkpoint') return item.phase + ' ' + item.task_id + ' ' + item.task_desc + ' ' + item.action;
  return item.agent + ' ' + item.content + ' ' + item.task_desc + ' ' + String(item.task_id);
}
const pendingReview: number = ({} as Json<paths['/api/experiences']['get']['responses']['200']>).counts.pending_review;

// phases: exactly the 13 phase names, each a phase status.
type Phases = components['schemas']['JobPhasesDto'];
const phaseKeys: Exact<keyof Phases, PhaseName> = true;
const jobPhases: Exact<Json<paths['/api/jobs/{slug}']['get']['responses']['200']>['phases'], Phases> = true;
const dev: 'pending' | 'running' | 'passed' | 'failed' | 'skipped' | 'cancelled' = ({} as Phases).dev;

// Errors are { detail }.
const detail: string = ({} as Json<paths['/api/jobs/{slug}']['get']['responses']['404']>).detail;

export {
  createJob, noName, retryHeaders, acceptedSlug, page, badLimit, badStatus, total, slug, numericSlug, agentId,
  tail, badOrder, describeItem, pendingReview, phaseKeys, jobPhases, dev, detail,
};
`;

describe('OpenAPI document and a client generated from it', () => {
  let t: TestApp;
  let doc: Document;
  let dir: string;

  beforeAll(async () => {
    t = await startApp();
    const res = await t.inject({ method: 'GET', url: '/docs-json' });
    expect(res.statusCode).toBe(200);
    doc = res.json<Document>();
    dir = await mkdtemp(join(tmpdir(), 'sf-openapi-client-'));
  });
  afterAll(async () => {
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('builds the same document without starting the service (what npm run lint:openapi lints)', async () => {
    expect(JSON.parse(JSON.stringify(await exportOpenApiDocument()))).toEqual(doc);
  });

  it('generates types with no unknown parameters; a client using them type-checks, a wrong one does not', async () => {
    const source = await generateTypes(doc);
    expect(unknownParameters(source)).toEqual([]);

    await writeFile(join(dir, 'schema.ts'), source);
    const clientCode = CLIENT_CODE.replace(
      'type Json<T>',
      `type PhaseName = ${PHASE_NAMES.map((p) => `'${p}'`).join(' | ')};\ntype Json<T>`,
    );
    await writeFile(join(dir, 'client.ts'), clientCode);
    // The control: the compiler does refuse a client that sends the wrong type.
    await writeFile(
      join(dir, 'wrong.ts'),
      `import type { paths } from './schema.js';\n` +
        `const q: NonNullable<paths['/api/projects']['get']['parameters']['query']> = { offset: 'zero' };\nexport { q };\n`,
    );
    const problems = typeCheck([join(dir, 'client.ts'), join(dir, 'wrong.ts')]);
    expect(problems.filter((p) => !p.startsWith('wrong.ts:'))).toEqual([]);
    expect(problems.join('\n')).toMatch(/wrong\.ts:2: Type 'string' is not assignable to type 'number'/);
  }, 60_000);

  it('every parameter has a typed schema', () => {
    const untyped = operations(doc).flatMap(([name, op]) =>
      (op.parameters ?? [])
        .filter((p) => !p.schema?.type && !p.schema?.$ref && !p.schema?.enum)
        .map((p) => `${name}: ${p.in} ${p.name}`),
    );
    expect(untyped).toEqual([]);
  });

  it('lists a server; public routes say security: []; the admin key is a scheme, not a parameter', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    for (const name of ['GET /health', 'GET /ready', 'GET /api']) {
      expect(Object.fromEntries(operations(doc))[name].security, name).toEqual([]);
    }
    const token = doc.paths['/api/auth/token'].post;
    expect(token.security).toEqual([{ 'admin-key': [] }]);
    expect((token.parameters ?? []).map((p) => p.name.toLowerCase())).not.toContain('x-admin-key');
    // No operation is left without a security statement (redocly's security-defined rule).
    expect(
      operations(doc)
        .filter(([, op]) => op.security === undefined)
        .map(([name]) => name),
    ).toEqual([]);
  });

  it('declares X-Total-Count on the paginated lists, which really send it', async () => {
    const token = await t.tokenFor('admin');
    for (const path of ['/api/jobs', '/api/projects']) {
      const headers = doc.paths[path].get.responses['200'].headers ?? {};
      expect(headers['X-Total-Count']?.schema?.type, path).toBe('integer');
      const res = await t.inject({ method: 'GET', url: path, token });
      expect(res.headers['x-total-count'], path).toBe('0');
    }
  });

  it('documents 400, 413 and 415 wherever a JSON body is accepted', () => {
    const withBody = operations(doc).filter(([, op]) => op.requestBody?.content['application/json']);
    expect(withBody.length).toBeGreaterThanOrEqual(10);
    for (const [name, op] of withBody) {
      expect(Object.keys(op.responses), name).toEqual(expect.arrayContaining(['400', '413', '415']));
    }
    const tooLarge = doc.paths['/api/jobs'].post.responses['413'].content!['application/json'].example;
    expect(tooLarge?.detail).toBe('Request body is larger than the 1 MiB limit');
  });

  it('gives error responses route-specific examples', () => {
    const example = (path: string, method: string, status: string) =>
      doc.paths[path][method].responses[status]?.content?.['application/json']?.example?.detail;
    expect(example('/api/jobs/{slug}', 'get', '404')).toBe('Job my-app not found');
    expect(example('/api/projects/{slug}', 'get', '404')).toBe('Project flutter-todo not found');
    expect(example('/api/providers/{name}/use', 'post', '404')).toMatch(/^Provider ".+" not found$/);
    expect(example('/api/agents/{agent_id}', 'get', '404')).toMatch(/^Agent \S+ not found$/);
    expect(example('/api/checkpoints/{id}/approve', 'post', '409')).toMatch(/^Checkpoint is already/);
    expect(example('/api/auth/token', 'post', '401')).toBe('Invalid admin key');
    // The schema's own example no longer names a job; only job routes say "Job … not found".
    expect(JSON.stringify(doc.components.schemas.ErrorResponseDto)).not.toMatch(/Job/);
    const jobNotFoundElsewhere = operations(doc)
      .filter(([name]) => !name.includes('/api/jobs'))
      .filter(([, op]) => JSON.stringify(op.responses).includes('Job my-app not found'))
      .map(([name]) => name);
    expect(jobNotFoundElsewhere).toEqual([]);
    // Every { detail } error response shows an example.
    const missing = operations(doc).flatMap(([name, op]) =>
      Object.entries(op.responses)
        .filter(([, r]) => r.content?.['application/json']?.schema?.$ref?.endsWith('/ErrorResponseDto'))
        .filter(([, r]) => r.content!['application/json'].example === undefined)
        .map(([status]) => `${name} ${status}`),
    );
    expect(missing).toEqual([]);
  });

  it('answers a real request in the documented shapes (HITL queue, phases)', async () => {
    const token = await t.tokenFor('admin');
    const queue = await t.inject({ method: 'GET', url: '/api/hitl/queue', token });
    expect(queue.statusCode).toBe(200);
    const pendingItems = doc.components.schemas.HitlQueueDto.properties!.pending.items!;
    expect(pendingItems.oneOf?.map((s) => s.$ref?.split('/').pop())).toEqual([
      'CheckpointQueueItemDto',
      'ExperienceQueueItemDto',
    ]);
    const phases = doc.components.schemas.JobPhasesDto.properties!;
    expect(Object.keys(phases)).toEqual([...PHASE_NAMES]);

    const created = await t.inject({
      method: 'POST',
      url: '/api/jobs',
      token,
      payload: { name: 'Doc check', description: 'A todo list app' },
    });
    expect(created.statusCode).toBe(202);
    const res = await t.inject({
      method: 'GET',
      url: `/api/jobs/${created.json<{ slug: string }>().slug}/phases`,
      token,
    });
    expect(Object.keys(res.json<Record<string, string>>())).toEqual([...PHASE_NAMES]);
  });
});
