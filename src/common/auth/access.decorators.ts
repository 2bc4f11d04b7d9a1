import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from './auth-user';
import { ErrorResponseDto } from '../errors/error-response.dto';

export const ACCESS_KEY = 'auth:access';
export const QUERY_TOKEN_KEY = 'auth:query-token';
export type AccessMode = 'public' | Role;

/** No token needed. */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS_KEY, 'public' satisfies AccessMode);
}

/** A Bearer token whose role is at least `role` (viewer < member < admin). */
export function MinRole(role: Role): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_KEY, role satisfies AccessMode),
    ApiBearerAuth('bearer'),
    ApiUnauthorizedResponse({
      description: 'Missing, invalid or expired token',
      type: ErrorResponseDto,
      example: { detail: 'Invalid or expired token' },
    }),
    ApiForbiddenResponse({
      description: `Needs the ${role} role or higher`,
      type: ErrorResponseDto,
      example: { detail: `This action needs the ${role} role` },
    }),
  );
}

/** Also accept the token as `?access_token=` (browser EventSource cannot send headers). */
export function AllowQueryToken(): MethodDecorator {
  return SetMetadata(QUERY_TOKEN_KEY, true);
}

/** Documents the X-Admin-Key header scheme on a route. */
export function AdminKeyAuth(): MethodDecorator {
  return ApiSecurity('admin-key');
}
