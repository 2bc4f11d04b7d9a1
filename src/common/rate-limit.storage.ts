import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';

/** What ThrottlerStorage.increment returns (times in seconds). */
interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * One hit, atomically: count it in a window of `ttl` ms (the window starts at
 * its first hit), and once the count passes `limit` block the key for
 * `blockDuration` ms; when the block lapses counting starts afresh — the
 * rules of the in-memory storage, kept in Redis so every API process shares them.
 * Returns { hits, ms left in the window, blocked (0/1), ms left of the block }.
 */
const INCREMENT = `
local hitKey, blockKey = KEYS[1], KEYS[2]
local ttl, limit, block = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local blockLeft = redis.call('PTTL', blockKey)
if blockLeft > 0 then
  return { limit + 1, blockLeft, 1, blockLeft }
end
local hits = redis.call('INCR', hitKey)
local left = redis.call('PTTL', hitKey)
if left < 0 then
  redis.call('PEXPIRE', hitKey, ttl)
  left = ttl
end
if hits > limit then
  if block <= 0 then return { hits, left, 1, left } end
  redis.call('SET', blockKey, '1', 'PX', block)
  redis.call('DEL', hitKey)
  return { hits, left, 1, block }
end
return { hits, left, 0, 0 }
`;

const seconds = (ms: number): number => Math.max(0, Math.ceil(ms / 1000));

/**
 * Rate-limit counters in Redis (used with the Bull backend), under
 * `<QUEUE_PREFIX>:ratelimit:`, so several API processes on one Redis enforce
 * one limit together. If Redis cannot answer, the request is let through
 * (logged): the job queue then refuses work anyway, and token minting stays
 * possible while Redis recovers.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis;
  private lastWarning = 0;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(redisUrl, {
      // Commands wait for the connection (at boot, or while it is re-established) up to commandTimeout.
      maxRetriesPerRequest: 1,
      commandTimeout: 2_000,
      connectTimeout: 5_000,
    });
    // Connection errors surface as failed commands below; ioredis keeps reconnecting.
    this.redis.on('error', () => undefined);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:ratelimit:${throttlerName}:${key}`;
    try {
      const [hits, left, blocked, blockLeft] = (await this.redis.eval(
        INCREMENT,
        2,
        `${base}:hits`,
        `${base}:blocked`,
        ttl,
        limit,
        blockDuration,
      )) as [number, number, number, number];
      return {
        totalHits: hits,
        timeToExpire: seconds(left),
        isBlocked: blocked === 1,
        timeToBlockExpire: seconds(blockLeft),
      };
    } catch (error) {
      if (Date.now() - this.lastWarning > 60_000) {
        this.lastWarning = Date.now();
        this.logger.warn(`Rate limits not enforced: Redis did not answer (${(error as Error).message})`);
      }
      return { totalHits: 0, timeToExpire: seconds(ttl), isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
