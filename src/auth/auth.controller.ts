import { Body, Controller, Get, Headers, HttpCode, Post, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import {
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AdminKeyAuth, MinRole, Public } from '../common/auth/access.decorators';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { RateLimitGuard } from '../common/rate-limit.guard';
import { RATE_LIMITS } from '../common/rate-limits';
import { AuthService } from './auth.service';
import { CreateTokenDto, MeResponseDto, TokenResponseDto } from './dto/token.dto';

@ApiTags('Auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('token')
  @HttpCode(200)
  @Public()
  @UseGuards(RateLimitGuard)
  @SkipThrottle({ [RATE_LIMITS.jobs]: true })
  @ApiTooManyRequestsResponse({
    description: 'Token minting rate limit (per IP); see Retry-After',
    type: ErrorResponseDto,
  })
  @AdminKeyAuth()
  @ApiOperation({ summary: 'Mint a JWT for a team and role (needs X-Admin-Key)' })
  @ApiHeader({ name: 'X-Admin-Key', required: true, description: 'Must equal ADMIN_API_KEY' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({ description: 'Admin key missing or wrong', type: ErrorResponseDto })
  @ApiServiceUnavailableResponse({ description: 'ADMIN_API_KEY is not configured', type: ErrorResponseDto })
  issue(@Headers('x-admin-key') adminKey: string | undefined, @Body() body: CreateTokenDto): Promise<TokenResponseDto> {
    return this.auth.issueToken(adminKey, body.team_id, body.role);
  }

  @Get('me')
  @MinRole('viewer')
  @ApiOperation({ summary: 'Who the current token belongs to' })
  @ApiOkResponse({ type: MeResponseDto })
  me(@CurrentUser() user: AuthUser): MeResponseDto {
    return this.auth.describe(user);
  }
}
