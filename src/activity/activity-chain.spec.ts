import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  entryHash,
  GENESIS_HASH,
  verifyChain,
  type ChainedFields,
  type ChainedRow,
} from './activity-chain';

const FIELDS: ChainedFields = {
  timestamp: '2026-11-29T10:00:00.000Z',
  task_id: 'my-app',
  agent: 'qa_agent',
  action: 'phase_passed',
  status: 'success',
  details: '{"phase":"qa"}',
  team_id: 'default',
};

/** A valid chain of `n` rows with ids 1..n. */
function chain(n: number): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields = { ...FIELDS, details: JSON.stringify({ i }) };
    const hash = entryHash(prev, fields);
    rows.push({ ...fields, id: i, prev_hash: prev, hash });
    prev = hash;
  }
  return rows;
}

const fetchFrom = (rows: ChainedRow[]) => async (afterId: number, limit: number) =>
  rows.filter((r) => r.id > afterId).slice(0, limit);

describe('activity chain', () => {
  it('serialises fields in one fixed order, whatever order they are given in', () => {
    const reordered = Object.fromEntries(Object.entries(FIELDS).reverse()) as unknown as ChainedFields;
    expect(canonicalJson(reordered)).toBe(canonicalJson(FIELDS));
    expect(Object.keys(JSON.parse(canonicalJson(FIELDS)) as object)).toEqual([
      'action',
      'agent',
      'details',
      'status',
      'task_id',
      'team_id',
      'timestamp',
    ]);
  });

  it('the hash is sha256 hex and depends on the previous hash and on every field', () => {
    const base = entryHash(GENESIS_HASH, FIELDS);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(GENESIS_HASH, { ...FIELDS })).toBe(base);
    expect(entryHash('1'.repeat(64), FIELDS)).not.toBe(base);
    for (const key of Object.keys(FIELDS) as (keyof ChainedFields)[]) {
      expect(entryHash(GENESIS_HASH, { ...FIELDS, [key]: `${FIELDS[key]}x` }), key).not.toBe(base);
    }
    expect(entryHash(GENESIS_HASH, { ...FIELDS, agent: null })).not.toBe(base);
  });

  it('verifies a chain across batch boundaries', async () => {
    expect(await verifyChain(fetchFrom(chain(7)), 2)).toEqual({ ok: true, checked: 7 });
    expect(await verifyChain(fetchFrom(chain(6)), 3)).toEqual({ ok: true, checked: 6 });
    expect(await verifyChain(fetchFrom([]), 3)).toEqual({ ok: true, checked: 0 });
  });

  it('names an altered entry', async () => {
    const rows = chain(6);
    rows[3] = { ...rows[3], status: 'fail' };
    expect(await verifyChain(fetchFrom(rows), 2)).toMatchObject({ ok: false, checked: 3, brokenAt: 4 });
  });

  it('names the entry after a removed one, and a chain whose head was removed', async () => {
    const rows = chain(6);
    expect(await verifyChain(fetchFrom(rows.filter((r) => r.id !== 3)), 2)).toMatchObject({ ok: false, brokenAt: 4 });
    const headless = await verifyChain(fetchFrom(rows.slice(1)), 2);
    expect(headless).toMatchObject({ ok: false, brokenAt: 2, checked: 0 });
    expect(headless.reason).toMatch(/first entry/);
  });

  it('names an entry whose hash was recomputed after an edit (its successor no longer links)', async () => {
    const rows = chain(4);
    const edited = { ...rows[1], details: '{"i":99}' };
    rows[1] = { ...edited, hash: entryHash(edited.prev_hash, edited) };
    expect(await verifyChain(fetchFrom(rows))).toMatchObject({ ok: false, brokenAt: 3 });
  });
});
