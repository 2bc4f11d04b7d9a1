import type { ObjectLiteral, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Inserts one row into a table with an auto-increment `id` and returns that
 * id, in one statement on either database. (`Repository.insert` reads an
 * SQLite row back after writing it, to fill in defaults nobody needs here.)
 */
export async function insertReturningId<T extends ObjectLiteral>(
  repo: Repository<T>,
  row: QueryDeepPartialEntity<T>,
): Promise<number> {
  const insert = repo.createQueryBuilder().insert().values(row).updateEntity(false);
  if (repo.manager.connection.options.type === 'postgres') {
    const rows = (await insert.returning('id').execute()).raw as { id: number | string }[];
    return Number(rows[0]?.id ?? 0);
  }
  const rowId = (await insert.execute()).raw as number | bigint;
  return Number(rowId);
}
