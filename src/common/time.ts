/** ISO-8601 UTC timestamp, the format every timestamp column stores. */
export function nowIso(): string {
  return new Date().toISOString();
}
