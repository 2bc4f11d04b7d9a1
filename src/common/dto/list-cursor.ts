import type { FastifyReply } from 'fastify';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Keyset paging for the lists ordered newest first (`created_at DESC, slug
 * DESC`: jobs, projects). The cursor is the sort key of the last row of a page,
 * opaque to clients (base64url of a JSON pair); the next page starts strictly
 * after it, so rows inserted meanwhile neither shift nor repeat the walk.
 */
export interface ListCursor {
  created_at: string;
  slug: string;
}

const MAX_CURSOR_LENGTH = 400;

export function encodeListCursor(row: ListCursor): string {
  return Buffer.from(JSON.stringify([row.created_at, row.slug])).toString('base64url');
}

/** The cursor, or undefined when `value` is not one this API handed out. */
export function decodeListCursor(value: unknown): ListCursor | undefined {
  if (typeof value !== 'string' || !value || value.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(value))
    return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      parsed[0].length <= 32 &&
      parsed[1].length <= 64
    )
      return { created_at: parsed[0], slug: parsed[1] };
  } catch {
    // not JSON: falls through
  }
  return undefined;
}

/** Rows strictly after the cursor in `created_at DESC, slug DESC` order (a row-value range both databases index). */
export function applyListCursor<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  cursor: ListCursor | undefined,
): SelectQueryBuilder<T> {
  if (!cursor) return qb;
  return qb.andWhere(`(${alias}.created_at, ${alias}.slug) < (:afterCreatedAt, :afterSlug)`, {
    afterCreatedAt: cursor.created_at,
    afterSlug: cursor.slug,
  });
}

export interface NewestFirstPage<T> {
  rows: T[];
  /** Rows matching the filter. */
  total: number;
  /** The cursor of the next page, when there is one. */
  next: string | undefined;
}

/**
 * One page of a list ordered `created_at DESC, slug DESC` (the order its
 * indexes deliver without sorting), by offset or after the keyset cursor, and
 * the filter's total. One row more than the page is read to know whether a
 * next page exists. `filtered` builds the filtered query afresh each call.
 */
export async function pageNewestFirst<T extends ObjectLiteral & ListCursor>(
  filtered: () => SelectQueryBuilder<T>,
  alias: string,
  query: { limit?: number; offset?: number; after?: string },
): Promise<NewestFirstPage<T>> {
  const limit = query.limit ?? 100;
  const [page, total] = await Promise.all([
    applyListCursor(filtered(), alias, decodeListCursor(query.after))
      .orderBy(`${alias}.created_at`, 'DESC')
      .addOrderBy(`${alias}.slug`, 'DESC')
      .limit(limit + 1)
      .offset(query.offset ?? 0)
      .getMany(),
    // COUNT(*), not getCount(): TypeORM counts DISTINCT primary keys, a sort over every row.
    filtered()
      .select('COUNT(*)', 'n')
      .getRawOne<{ n: string | number }>()
      .then((row) => Number(row?.n ?? 0)),
  ]);
  const rows = page.slice(0, limit);
  return { rows, total, next: page.length > limit ? encodeListCursor(rows[rows.length - 1]) : undefined };
}

/**
 * `X-Total-Count`, and when there is a next page its cursor in `X-Next-Cursor`
 * and a `Link: <…>; rel="next"` (the same query with `after`, without `offset`).
 */
export function setListHeaders(reply: FastifyReply, total: number, next: string | undefined): void {
  void reply.header('X-Total-Count', String(total));
  if (!next) return;
  const url = new URL(reply.request.url, 'http://localhost');
  url.searchParams.delete('offset');
  url.searchParams.set('after', next);
  void reply.header('X-Next-Cursor', next);
  void reply.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
}

/** The list headers, for @ApiOkResponse({ headers }). */
export const LIST_HEADERS = {
  'X-Total-Count': { description: 'Rows matching the filter', required: true, schema: { type: 'integer' } },
  'X-Next-Cursor': {
    description: 'Pass as ?after= for the next page; absent on the last page',
    schema: { type: 'string' },
  },
  Link: {
    description: '<…>; rel="next" — the next page (keyset), absent on the last page',
    schema: { type: 'string' },
  },
};
