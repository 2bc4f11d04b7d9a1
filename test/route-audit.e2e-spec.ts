import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_KEY, type AccessMode } from '../src/common/auth/access.decorators';
import { ROLES } from '../src/common/auth/auth-user';
import { startApp, type TestApp } from './helpers/app';

interface Route {
  method: HTTPMethods;
  /** Fastify style, `/api/jobs/:slug`. */
  path: string;
  controller: string;
  handler: string;
  access: AccessMode | undefined;
}

interface OpenApiOperation {
  summary?: string;
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: SchemaRef }> };
  responses: Record<string, { content?: Record<string, { schema: SchemaRef }> }>;
}
interface SchemaRef {
  $ref?: string;
  properties?: Record<string, unknown>;
  type?: string;
  items?: SchemaRef;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, SchemaRef>; securitySchemes: Record<string, Record<string, string>> };
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}

/** Every route Nest registered, from the controllers of every module, with its declared access mode. */
function collectRoutes(t: TestApp): Route[] {
  const reflector = t.app.get(Reflector);
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const prefixes = [
        (Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined) ?? '/',
      ].flat();
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === 'constructor') continue;
        const handler = proto[name];
        if (typeof handler !== 'function') continue;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const access = reflector.getAllAndOverride<AccessMode | undefined>(ACCESS_KEY, [handler, controller]);
        for (const prefix of prefixes) {
          for (const path of [paths].flat()) {
            routes.push({ method, path: joinPath(prefix, path), controller: controller.name, handler: name, access });
          }
        }
      }
    }
  }
  return routes;
}

const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('route audit', () => {
  let t: TestApp;
  let routes: Route[];
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await startApp();
    routes = collectRoutes(t);
    const res = await t.inject({ method: 'GET', url: '/docs-json' });
    expect(res.statusCode).toBe(200);
    doc = res.json<OpenApiDocument>();
  });
  afterAll(() => t?.close());

  const resolve = (schema: SchemaRef): SchemaRef =>
    schema.$ref ? doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;

  it('finds the routes (and they are the ones Fastify serves)', () => {
    const fastify = t.app.getHttpAdapter().getInstance();
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const route of routes) {
      expect(fastify.hasRoute({ method: route.method, url: route.path }), `${route.method} ${route.path}`).toBe(true);
    }
    const listed = routes.map((r) => `${r.method} ${r.path}`);
    for (const known of [
      'GET /health',
      'GET /ready',
      'GET /api',
      'POST /api/auth/token',
      'GET /api/auth/me',
      'GET /api/settings',
      'POST /api/settings',
      'GET /api/system/settings',
      'PATCH /api/system/settings',
      'GET /api/system/status',
    ]) {
      expect(listed).toContain(known);
    }
  });

  it('every route declares an auth mode (@Public() or @MinRole(…))', () => {
    const undeclared = routes.filter((r) => r.access !== 'public' && !ROLES.includes(r.access as never));
    expect(
      undeclared.map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`),
      'routes without @Public() or @MinRole()',
    ).toEqual([]);
  });

  it('only the documented routes are public', () => {
    const publicRoutes = routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.path}`);
    const allowed = ['GET /health', 'GET /ready', 'GET /api', 'POST /api/auth/token'];
    expect(publicRoutes.filter((r) => !allowed.includes(r))).toEqual([]);
  });

  it('GET and HEAD routes need at most the viewer role; writes need at least member; DELETE needs admin', () => {
    const wrong = routes.filter((r) => {
      if (r.access === 'public') return false;
      if (r.method === 'DELETE') return r.access !== 'admin';
      if (r.method !== 'GET' && r.method !== 'HEAD') return r.access === 'viewer';
      return false;
    });
    expect(wrong.map((r) => `${r.method} ${r.path} → ${r.access}`)).toEqual([]);
  });

  it('a route with no token is refused unless public', async () => {
    for (const route of routes.filter((r) => r.access !== 'public')) {
      const url = route.path.replace(/:([A-Za-z0-9_]+)/g, 'x');
      const res = await t.inject({ method: route.method, url });
      expect(res.statusCode, `${route.method} ${url}`).toBe(401);
    }
  });

  it('the OpenAPI document has every registered route, and nothing else', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const registered = routes.map((r) => `${r.method} ${toOpenApiPath(r.path)}`);
    expect(documented.sort()).toEqual([...new Set(registered)].sort());
  });

  it('every operation has a summary and a documented success response with a schema', () => {
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (!op.summary) problems.push(`${name}: no summary`);
        const success = Object.entries(op.responses).filter(([status]) => /^2/.test(status));
        if (!success.length) problems.push(`${name}: no 2xx response`);
        for (const [status, response] of success) {
          // Any media type will do (a download is a file); only 204 has no body.
          if (status !== '204' && !response.content) problems.push(`${name}: ${status} has no content schema`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('non-public operations declare the bearer scheme; both security schemes exist', () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes['admin-key']).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-Admin-Key',
    });
    for (const route of routes) {
      const op = doc.paths[toOpenApiPath(route.path)][route.method.toLowerCase()];
      const schemes = (op.security ?? []).flatMap((s) => Object.keys(s));
      if (route.access === 'public') expect(schemes, `${route.method} ${route.path}`).not.toContain('bearer');
      else expect(schemes, `${route.method} ${route.path}`).toContain('bearer');
    }
    const token = doc.paths['/api/auth/token'].post;
    expect((token.security ?? []).flatMap((s) => Object.keys(s))).toContain('admin-key');
  });

  it('request bodies list the DTO fields', () => {
    const bodyFields = (path: string, method: string): string[] => {
      const body = doc.paths[path][method].requestBody;
      expect(body, `${method} ${path} has a request body`).toBeDefined();
      return Object.keys(resolve(body!.content['application/json'].schema).properties ?? {});
    };
    expect(bodyFields('/api/auth/token', 'post')).toEqual(expect.arrayContaining(['team_id', 'role']));
    const settingsFields = [
      'daily_cost_limit',
      'smart_model_fallback',
      'max_repair_attempts',
      'max_parallel_jobs',
      'hitl_checkpoints',
      'hitl_timeout_minutes',
      'job_timeout_minutes',
    ];
    expect(bodyFields('/api/settings', 'post')).toEqual(expect.arrayContaining(settingsFields));
    expect(bodyFields('/api/system/settings', 'patch')).toEqual(expect.arrayContaining(settingsFields));

    // Every JSON request body anywhere resolves to a schema with properties.
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const json = op.requestBody?.content['application/json'];
        if (!json) continue;
        const schema = resolve(json.schema);
        expect(
          Object.keys(schema.properties ?? {}).length,
          `${method.toUpperCase()} ${path} body fields`,
        ).toBeGreaterThan(0);
      }
    }
  });

  it('no request body field is documented as a bare object (a generated client would send the wrong type)', () => {
    const vague: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const json = op.requestBody?.content['application/json'];
        if (!json) continue;
        for (const [prop, value] of Object.entries(resolve(json.schema).properties ?? {})) {
          const v = value as SchemaRef & { additionalProperties?: unknown };
          if (v.type === 'object' && !v.properties && !v.additionalProperties) {
            vague.push(`${method.toUpperCase()} ${path}: ${prop}`);
          }
        }
      }
    }
    expect(vague).toEqual([]);
  });

  it('serves Swagger UI at /docs', async () => {
    const res = await t.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
