/** Reads a trimmed environment variable; empty counts as unset. */
export function env(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

export function envInt(name: string, fallback: number): number {
  const raw = env(name);
  return raw === undefined ? fallback : Number(raw);
}

export function envBool(name: string, fallback: boolean): boolean {
  const raw = env(name)?.toLowerCase();
  if (raw === undefined) return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw);
}
