import { Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import type { KeyObject } from 'node:crypto';
import { Strategy, type StrategyOptionsWithoutRequest } from 'passport-jwt';
import { MAX_TOKEN_EXP, ROLES, TEAM_ID_PATTERN, type AuthUser, type Role } from '../common/auth/auth-user';
import type { AllConfig } from '../config/config.types';
import { jwtSigningKey } from './jwt-key';

/** Set on a request by the auth guard when its route accepts `?access_token=` (event streams). */
export const QUERY_TOKEN_ALLOWED = Symbol('auth.query-token-allowed');

/**
 * The verifying key of the app handling the request, set by its auth guard.
 * Passport keeps one strategy per name for the whole process, so with two
 * apps in one process (tests) the registered strategy may belong to the
 * other one; the key travels with the request instead.
 */
export const JWT_VERIFY_KEY = Symbol('auth.jwt-verify-key');

type TokenRequest = FastifyRequest & { [QUERY_TOKEN_ALLOWED]?: boolean; [JWT_VERIFY_KEY]?: KeyObject };

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The token of a request: the `Authorization: Bearer` header, or — on routes
 * that allow it and only without that header — the `access_token` query parameter.
 */
export function tokenFromRequest(request: TokenRequest): string | null {
  const header = request.headers.authorization;
  if (header) return BEARER.exec(header)?.[1] ?? null;
  if (request[QUERY_TOKEN_ALLOWED]) {
    const token = (request.query as Record<string, unknown> | undefined)?.access_token;
    if (typeof token === 'string' && token) return token;
  }
  return null;
}

/** Why no token was found, in the words the API has always used. */
export function missingTokenReason(request: FastifyRequest): string {
  return request.headers.authorization ? 'Authorization header must be "Bearer <token>"' : 'Missing bearer token';
}

/**
 * Bearer tokens: HS256 only, signature and expiry checked by passport-jwt
 * (jsonwebtoken), then the claims the API relies on: `exp` present and a real
 * date, a valid `team_id`, a known `role`.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: ConfigService<AllConfig, true>) {
    const ownKey = jwtSigningKey(config);
    const options: StrategyOptionsWithoutRequest = {
      jwtFromRequest: tokenFromRequest,
      // A KeyObject (see jwt-key.ts), which jsonwebtoken accepts; the typings only list string | Buffer.
      secretOrKeyProvider: (request: TokenRequest, _token: string, done: (err: null, key: string) => void) =>
        done(null, (request[JWT_VERIFY_KEY] ?? ownKey) as unknown as string),
      algorithms: ['HS256'],
      ignoreExpiration: false,
    };
    super(options);
  }

  validate(payload: Record<string, unknown>): AuthUser {
    const { team_id, role, exp } = payload;
    if (exp === undefined) throw new UnauthorizedException('Token has no expiry');
    // A whole number of seconds that is a real date: `exp: 1e300` verifies, but no date can show it.
    if (typeof exp !== 'number' || !Number.isSafeInteger(exp) || exp > MAX_TOKEN_EXP) {
      throw new UnauthorizedException('Token expiry is not a valid time');
    }
    if (typeof team_id !== 'string' || !ROLES.includes(role as Role)) {
      throw new UnauthorizedException('Token lacks team_id or role');
    }
    // The rule minting applies: an empty or odd team id never scopes a request.
    if (!TEAM_ID_PATTERN.test(team_id)) throw new UnauthorizedException('Token team_id is not a valid team id');
    return { team_id, role: role as Role, exp };
  }
}
