import { Injectable, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthUser, Role } from '../common/auth/auth-user';
import type { AllConfig } from '../config/config.types';
import type { MeResponseDto, TokenResponseDto } from './dto/token.dto';

@Injectable()
export class AuthService {
  constructor(
    private readonly config: ConfigService<AllConfig, true>,
    private readonly jwt: JwtService,
  ) {}

  /** Mints a token; the caller has been checked by the `admin-key` strategy. */
  async issueToken(teamId = 'default', role: Role = 'admin'): Promise<TokenResponseDto> {
    const ttl = this.config.get('auth.tokenTtlSeconds', { infer: true });
    const token = await this.jwt.signAsync({ team_id: teamId, role }, { algorithm: 'HS256', expiresIn: ttl });
    return { token, team_id: teamId, role, expires_in: ttl };
  }

  describe(user: AuthUser): MeResponseDto {
    return { team_id: user.team_id, role: user.role, expires_at: new Date(user.exp * 1000).toISOString() };
  }

  /** The `X-Admin-Key` rule (used by the admin-key strategy): 503 when none is configured, 401 when missing or wrong. */
  checkAdminKey(given: string | undefined): void {
    const expected = this.config.get('auth.adminApiKey', { infer: true });
    if (!expected) throw new ServiceUnavailableException('ADMIN_API_KEY is not configured on the server');
    if (!given) throw new UnauthorizedException('Missing X-Admin-Key header');
    // Compare digests so the comparison is constant-time whatever the lengths.
    const a = createHash('sha256').update(given).digest();
    const b = createHash('sha256').update(expected).digest();
    if (!timingSafeEqual(a, b)) throw new UnauthorizedException('Invalid admin key');
  }
}
