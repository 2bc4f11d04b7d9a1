import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { AuthService } from './auth.service';

/** Set on a request by the admin-key guard: its app's AuthService (passport keeps one strategy per process). */
export const ADMIN_KEY_CHECKER = Symbol('auth.admin-key-checker');

type KeyRequest = FastifyRequest & { [ADMIN_KEY_CHECKER]?: AuthService };

/** What the admin-key strategy vouches for: the caller holds ADMIN_API_KEY. */
export interface AdminKeyPrincipal {
  admin_key: true;
}

/** The `X-Admin-Key` header on token minting, checked against ADMIN_API_KEY in constant time. */
@Injectable()
export class AdminKeyStrategy extends PassportStrategy(Strategy, 'admin-key') {
  constructor(private readonly auth: AuthService) {
    super();
  }

  validate(request: KeyRequest): AdminKeyPrincipal {
    const given = request.headers['x-admin-key'];
    (request[ADMIN_KEY_CHECKER] ?? this.auth).checkAdminKey(typeof given === 'string' ? given : undefined);
    return { admin_key: true };
  }
}
