import { ForbiddenException, Injectable, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ACCESS_KEY, QUERY_TOKEN_KEY, type AccessMode } from '../common/auth/access.decorators';
import { roleRank, type AuthUser, type Role } from '../common/auth/auth-user';
import { EVENTS, type PermissionDeniedEvent } from '../common/events';
import { isMetricsToken, METRICS_TOKEN_KEY } from '../common/auth/metrics-token';
import type { AllConfig } from '../config/config.types';
import type { KeyObject } from 'node:crypto';
import { jwtSigningKey } from './jwt-key';
import { JWT_VERIFY_KEY, missingTokenReason, QUERY_TOKEN_ALLOWED } from './jwt.strategy';

type AuthedRequest = FastifyRequest & {
  user?: AuthUser;
  [QUERY_TOKEN_ALLOWED]?: boolean;
  [JWT_VERIFY_KEY]?: KeyObject;
};

/**
 * Global guard, deny by default: a route must declare `@Public()` or
 * `@MinRole(…)`; otherwise it needs a valid HS256 token (the passport `jwt`
 * strategy) whose role ranks at least the declared one.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard('jwt') {
  private readonly key: KeyObject;

  constructor(
    private readonly reflector: Reflector,
    private readonly events: EventEmitter2,
    private readonly config: ConfigService<AllConfig, true>,
  ) {
    super();
    this.key = jwtSigningKey(config);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const mode = this.reflector.getAllAndOverride<AccessMode | undefined>(ACCESS_KEY, targets);
    if (mode === 'public') return true;

    const request = context.switchToHttp().getRequest<AuthedRequest>();
    if (this.reflector.get<boolean | undefined>(QUERY_TOKEN_KEY, context.getHandler())) {
      request[QUERY_TOKEN_ALLOWED] = true;
    }
    // /metrics: a scraper's static METRICS_TOKEN stands in for an admin token.
    if (
      this.reflector.get<boolean | undefined>(METRICS_TOKEN_KEY, context.getHandler()) &&
      isMetricsToken(request.headers.authorization, this.config.get('auth.metricsToken', { infer: true }))
    ) {
      return true;
    }
    request[JWT_VERIFY_KEY] = this.key;
    await super.canActivate(context);
    const user = request.user!;

    // A route without a declared mode is a bug; refuse rather than guess.
    const required: Role = mode ?? 'admin';
    if (roleRank(user.role) < roleRank(required)) {
      const event: PermissionDeniedEvent = {
        user,
        method: request.method,
        path: request.url.split('?')[0],
        required,
      };
      this.events.emit(EVENTS.permissionDenied, event);
      throw new ForbiddenException(`This action needs the ${required} role`);
    }
    return true;
  }

  override getAuthenticateOptions(): { session: boolean } {
    return { session: false };
  }

  /** `err`: a claim check failed (its own message); no user: no token, or a bad signature or expiry. */
  override handleRequest<T = AuthUser>(err: unknown, user: T | false, info: unknown, context: ExecutionContext): T {
    if (err) throw err instanceof Error ? err : new UnauthorizedException('Authentication failed');
    if (user) return user;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const noToken = info instanceof Error && info.message === 'No auth token';
    throw new UnauthorizedException(noToken ? missingTokenReason(request) : 'Invalid or expired token');
  }
}
