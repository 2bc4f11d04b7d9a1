import { Injectable, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import { ADMIN_KEY_CHECKER, type AdminKeyPrincipal } from './admin-key.strategy';
import { AuthService } from './auth.service';

/** Route guard for token minting: runs the `admin-key` strategy (503 when no key is configured, else 401). */
@Injectable()
export class AdminKeyGuard extends PassportAuthGuard('admin-key') {
  constructor(private readonly auth: AuthService) {
    super();
  }

  override canActivate(context: ExecutionContext): Promise<boolean> {
    context.switchToHttp().getRequest<{ [ADMIN_KEY_CHECKER]?: AuthService }>()[ADMIN_KEY_CHECKER] = this.auth;
    return super.canActivate(context) as Promise<boolean>;
  }

  // Kept off `request.user`, which holds token users only.
  override getAuthenticateOptions(): { property: string; session: boolean } {
    return { property: 'adminKey', session: false };
  }

  override handleRequest<T = AdminKeyPrincipal>(err: unknown, principal: T | false): T {
    if (err) throw err instanceof Error ? err : new UnauthorizedException('Authentication failed');
    if (!principal) throw new UnauthorizedException('Missing X-Admin-Key header');
    return principal;
  }
}
