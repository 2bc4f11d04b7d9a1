import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { IsNull, LessThan, type Repository } from 'typeorm';
import { isUniqueViolation } from '../database/db-errors';
import { IdempotencyKey } from './idempotency-key.entity';

/** How long a key remembers its request. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Expired keys are deleted at most this often per process, by the next request that carries a key. */
const SWEEP_EVERY_MS = 60_000;
/** A duplicate waits this long for the first request to finish before it is told to retry (409). */
const IN_FLIGHT_WAIT_MS = 10_000;
const IN_FLIGHT_POLL_MS = 50;
/** A request still unfinished after this long died with its process: its key is free again. */
const ABANDONED_AFTER_MS = 5 * 60_000;
/** Claims tried before giving up: each failed one means another request changed the row meanwhile. */
const CLAIM_ATTEMPTS = 5;

export interface IdempotentRequest {
  /** Whose keys these are (the team); keys of different scopes never meet. */
  scope: string;
  /** The client's Idempotency-Key; undefined: the request is simply performed. */
  key: string | undefined;
  /** What the request asks for (route, path parameters, validated body): same key + other request → 422. */
  request: unknown;
}

export interface IdempotentResult<T> {
  value: T;
  /** True when this answers a repeat of an earlier request instead of performing it again. */
  replayed: boolean;
}

/** JSON with object keys sorted, so the same request always hashes the same whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function fingerprintOf(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Idempotency keys for writes that create something (Stripe's model): the
 * first request with a key is performed and the id of what it made is stored;
 * the same key with the same request within 24 h answers with that resource
 * as it is now (`replay`); the same key with another request is a 422. The
 * key row is claimed by an insert that a primary key guards, so concurrent
 * duplicates perform the work once: the others wait for it. A request that
 * fails stores nothing: its key can be used again.
 */
@Injectable()
export class IdempotencyService {
  private lastSweep = 0;

  constructor(@InjectRepository(IdempotencyKey) private readonly keys: Repository<IdempotencyKey>) {}

  async run<T>(
    request: IdempotentRequest,
    perform: () => Promise<{ id: string; value: T }>,
    replay: (id: string) => Promise<T | undefined>,
  ): Promise<IdempotentResult<T>> {
    const { scope, key } = request;
    if (key === undefined) return { value: (await perform()).value, replayed: false };
    await this.sweep();
    const fingerprint = fingerprintOf(request.request);
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      if (await this.claim(scope, key, fingerprint)) {
        return { value: await this.performClaimed(scope, key, perform), replayed: false };
      }
      const row = await this.settled(scope, key, fingerprint);
      if (!row) continue; // The first request failed (or its key expired): claim the key again.
      if (row.fingerprint !== fingerprint) {
        throw new UnprocessableEntityException(
          'This Idempotency-Key was already used with a different request; use a new key for a new request',
        );
      }
      if (row.resource_id === null) {
        throw new ConflictException('A request with this Idempotency-Key is still in progress; retry shortly');
      }
      const value = await replay(row.resource_id);
      if (value !== undefined) return { value, replayed: true };
      // What the key made is gone (deleted, or wiped): the key starts afresh.
      await this.keys.delete({ scope, key, resource_id: row.resource_id });
    }
    throw new ConflictException('This Idempotency-Key keeps changing hands; retry shortly');
  }

  /** Forgets every key (wipe: back to a fresh install). */
  async clearAll(): Promise<void> {
    await this.keys.createQueryBuilder().delete().execute();
  }

  /** Deletes every expired key (requests do it lazily, at most once a minute per process). */
  async purgeExpired(now = new Date()): Promise<number> {
    return (await this.keys.delete({ expires_at: LessThan(now.toISOString()) })).affected ?? 0;
  }

  private async claim(scope: string, key: string, fingerprint: string): Promise<boolean> {
    const now = new Date();
    try {
      await this.keys.insert({
        scope,
        key,
        fingerprint,
        resource_id: null,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  private async performClaimed<T>(
    scope: string,
    key: string,
    perform: () => Promise<{ id: string; value: T }>,
  ): Promise<T> {
    let result: { id: string; value: T };
    try {
      result = await perform();
    } catch (error) {
      await this.keys.delete({ scope, key, resource_id: IsNull() });
      throw error;
    }
    await this.keys.update({ scope, key }, { resource_id: result.id });
    return result.value;
  }

  /**
   * The key's row once its first request has finished, or undefined when the
   * key is free again (that request failed, the key expired or was
   * abandoned). Used for another request, or still unfinished after
   * IN_FLIGHT_WAIT_MS: the row as it is.
   */
  private async settled(scope: string, key: string, fingerprint: string): Promise<IdempotencyKey | undefined> {
    const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
    for (;;) {
      const row = await this.keys.findOneBy({ scope, key });
      if (!row) return undefined;
      const now = Date.now();
      const abandoned = row.resource_id === null && Date.parse(row.created_at) + ABANDONED_AFTER_MS < now;
      if (Date.parse(row.expires_at) <= now || abandoned) {
        await this.keys.delete({ scope, key, created_at: row.created_at });
        return undefined;
      }
      if (row.resource_id !== null || row.fingerprint !== fingerprint || now >= deadline) return row;
      await sleep(IN_FLIGHT_POLL_MS);
    }
  }

  private async sweep(): Promise<void> {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    await this.purgeExpired();
  }
}
