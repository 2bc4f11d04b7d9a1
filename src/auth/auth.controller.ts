import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import {
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
import { apiError, ErrorResponseDto } from '../common/errors/error-response.dto';
import { RateLimitGuard } from '../common/rate-limit.guard';
import { RATE_LIMITS } from '../common/rate-limits';
import { AdminKeyGuard } from './admin-key.guard';
import { AuthService } from './auth.service';
import { CreateTokenDto, MeResponseDto, TokenResponseDto } from './dto/token.dto';

@ApiTags('Auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('token')
  @HttpCode(200)
  @Public()
  // The rate limit first, so failed key guesses count too.
  @UseGuards(RateLimitGuard, AdminKeyGuard)
  @SkipThrottle({ [RATE_LIMITS.jobs]: true })
  @ApiTooManyRequestsResponse({
    description: 'Token minting rate limit (per IP); see Retry-After',
    type: ErrorResponseDto,
  })
  @AdminKeyAuth()
  @ApiOperation({ summary: 'Mint a JWT for a team and role (needs X-Admin-Key)' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse(apiError('Admin key missing or wrong', 'Invalid admin key'))
  @ApiServiceUnavailableResponse(
    apiError('ADMIN_API_KEY is not configured', 'ADMIN_API_KEY is not configured on the server'),
  )
  issue(@Body() body: CreateTokenDto): Promise<TokenResponseDto> {
    return this.auth.issueToken(body.team_id, body.role);
  }

  @Get('me')
  @MinRole('viewer')
  @ApiOperation({ summary: 'Who the current token belongs to' })
  @ApiOkResponse({ type: MeResponseDto })
  me(@CurrentUser() user: AuthUser): MeResponseDto {
    return this.auth.describe(user);
  }
}
