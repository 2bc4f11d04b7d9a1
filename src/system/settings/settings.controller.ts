import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../../common/auth/access.decorators';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { SettingsResponseDto, UpdateSettingsDto } from '../dto/settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('Settings')
@Controller('api')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get('settings')
  @MinRole('viewer')
  @ApiOperation({ summary: 'All system settings, as strings' })
  @ApiOkResponse({ type: SettingsResponseDto })
  list(): Promise<Record<string, string>> {
    return this.settings.getAll();
  }

  @Get('system/settings')
  @MinRole('viewer')
  @ApiOperation({ summary: 'Alias of GET /api/settings' })
  @ApiOkResponse({ type: SettingsResponseDto })
  listAlias(): Promise<Record<string, string>> {
    return this.settings.getAll();
  }

  @Post('settings')
  @HttpCode(200)
  @MinRole('admin')
  @ApiOperation({ summary: 'Update the given settings (others unchanged); persisted and mirrored into .env' })
  @ApiOkResponse({ type: SettingsResponseDto })
  @ApiBadRequestResponse({ description: 'Unknown key or invalid value; nothing written', type: ErrorResponseDto })
  update(@Body() body: UpdateSettingsDto, @CurrentUser() user: AuthUser): Promise<Record<string, string>> {
    return this.settings.update({ ...body }, user);
  }

  @Patch('system/settings')
  @MinRole('admin')
  @ApiOperation({ summary: 'Alias of POST /api/settings (partial update)' })
  @ApiOkResponse({ type: SettingsResponseDto })
  @ApiBadRequestResponse({ description: 'Unknown key or invalid value; nothing written', type: ErrorResponseDto })
  patch(@Body() body: UpdateSettingsDto, @CurrentUser() user: AuthUser): Promise<Record<string, string>> {
    return this.settings.update({ ...body }, user);
  }
}
