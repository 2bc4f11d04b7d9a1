import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import { ACCESS_KEY, QUERY_TOKEN_KEY, type AccessMode } from '../common/auth/access.decorators';
import { MAX_TOKEN_EXP, ROLES, roleRank, TEAM_ID_PATTERN, type AuthUser, type Role } from '../common/auth/auth-user';
import { EVENTS, type PermissionDeniedEvent } from '../common/events';

type AuthedRequest = FastifyRequest & { user?: AuthUser };

/**
 * Global guard, deny by default: a route must declare `@Public()` or
 * `@MinRole(…)`; otherwise it needs a valid HS256 token whose role ranks at
 * least the declared one.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly events: EventEmitter2,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const mode = this.reflector.getAllAndOverride<AccessMode | undefined>(ACCESS_KEY, targets);
    if (mode === 'public') return true;

    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const allowQuery = this.reflector.get<boolean | undefined>(QUERY_TOKEN_KEY, context.getHandler()) ?? false;
    const user = await this.verify(this.extractToken(request, allowQuery));
    request.user = user;

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

  private extractToken(request: FastifyRequest, allowQuery: boolean): string {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new UnauthorizedException('Authorization header must be "Bearer <token>"');
      return match[1];
    }
    if (allowQuery) {
      const token = (request.query as Record<string, unknown> | undefined)?.access_token;
      if (typeof token === 'string' && token) return token;
    }
    throw new UnauthorizedException('Missing bearer token');
  }

  private async verify(token: string): Promise<AuthUser> {
    let payload: Record<string, unknown>;
    try {
      payload = await this.jwt.verifyAsync<Record<string, unknown>>(token, { algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedException('Invalid or expired token');
    }
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
