// The baseline for the HTTP benchmarks, run in its own process: a bare Fastify server with
//   GET /hello  — a constant JSON body;
//   GET /jobs   — the same page GET /api/jobs?limit=100 serves (the newest 100 jobs of all teams, their
//                 phase states, the total), read from the API's SQLite file with better-sqlite3 and mapped
//                 by the API's own toJobResponse, without Nest, auth, validation or TypeORM.
// Usage: node bench/lib/bare-server.mjs <port> [<sqlite file>]; prints "ready" when listening.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const Fastify = require('fastify');
const [port, dbPath] = process.argv.slice(2);
const DIST = process.env.BENCH_DIST ?? new URL('../../dist', import.meta.url).pathname;
const app = Fastify();
app.get('/hello', async () => ({ hello: 'world' }));

if (dbPath) {
  const Database = require('better-sqlite3');
  const { toJobResponse } = require(join(DIST, 'jobs/job.mapper.js'));
  const db = new Database(dbPath, { readonly: true });
  const page = db.prepare('SELECT * FROM jobs ORDER BY created_at DESC, slug DESC LIMIT ? OFFSET ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM jobs');
  app.get('/jobs', async (request, reply) => {
    const rows = page.all(Number(request.query.limit ?? 100), Number(request.query.offset ?? 0));
    const slugs = rows.map((r) => r.slug);
    const phases = db
      .prepare(`SELECT job_slug, phase, status FROM job_phases WHERE job_slug IN (${slugs.map(() => '?').join(',')})`)
      .all(...slugs);
    const bySlug = new Map();
    for (const p of phases) (bySlug.get(p.job_slug) ?? bySlug.set(p.job_slug, []).get(p.job_slug)).push(p);
    void reply.header('X-Total-Count', String(count.get().n));
    return rows.map((r) =>
      toJobResponse(
        {
          ...r,
          features: JSON.parse(r.features),
          checkpoints: JSON.parse(r.checkpoints),
          cancel_requested: Boolean(r.cancel_requested),
        },
        bySlug.get(r.slug) ?? [],
      ),
    );
  });
}

await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('ready\n');
