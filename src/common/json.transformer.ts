import type { ValueTransformer } from 'typeorm';

/** Stores a JSON value in a text column (portable across SQLite and PostgreSQL). */
export function jsonColumn<T>(fallback: T): ValueTransformer {
  return {
    to: (value: T | undefined) => JSON.stringify(value ?? fallback),
    from: (raw: string | null): T => {
      if (raw == null || raw === '') return fallback;
      try {
        return JSON.parse(raw) as T;
      } catch {
        return fallback;
      }
    },
  };
}
