/** USD as the API reports it: rounded to 6 decimals (sums of floats drift in the last digits). */
export function roundUsd(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Aggregates come back as numbers (SQLite) or numeric strings (PostgreSQL bigint/numeric); NULL is 0. */
export function num(value: string | number | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}
