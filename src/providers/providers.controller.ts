import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { MinRole } from '../common/auth/access.decorators';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { apiError, ErrorResponseDto } from '../common/errors/error-response.dto';
import { Location, LOCATION_HEADER } from '../common/http/location';
import { CreateProviderDto, ProviderNameParamDto, UpdateProviderDto, UpsertProviderDto } from './dto/provider.dto';
import {
  DeleteProviderResponseDto,
  ProviderDto,
  ProvidersListResponseDto,
  TestProviderResponseDto,
  UseProviderResponseDto,
} from './dto/provider-response.dto';
import { ProviderModelsService } from './provider-models.service';
import { KEY_RULE_DESCRIPTION } from './provider-rules';
import { ProvidersService } from './providers.service';

@ApiTags('Providers')
@Controller('api/providers')
export class ProvidersController {
  constructor(
    private readonly providers: ProvidersService,
    private readonly models: ProviderModelsService,
  ) {}

  @Get()
  @MinRole('viewer')
  @ApiOperation({
    summary: 'Every LLM provider (built-in and custom) and the active one; keys show only as set/not set',
  })
  @ApiOkResponse({ type: ProvidersListResponseDto })
  list(): Promise<ProvidersListResponseDto> {
    return this.providers.list();
  }

  @Get(':name')
  @MinRole('viewer')
  @ApiOperation({ summary: 'One provider (built-in or custom); its key shows only as set/not set' })
  @ApiParam({ name: 'name', example: 'openrouter' })
  @ApiOkResponse({ type: ProviderDto })
  @ApiNotFoundResponse(apiError('No provider by that name', 'Provider "my-provider" not found'))
  get(@Param() { name }: ProviderNameParamDto): Promise<ProviderDto> {
    return this.providers.get(name);
  }

  @Post()
  @MinRole('admin')
  @ApiOperation({
    summary: 'Add a custom provider (name in the body)',
    description: KEY_RULE_DESCRIPTION,
  })
  @ApiCreatedResponse({ type: ProviderDto, headers: LOCATION_HEADER })
  @Location('/api/providers/:name')
  @ApiBadRequestResponse({
    description: 'Invalid name, base_url or model, or api_key_env other than null or <NAME>_API_KEY',
    type: ErrorResponseDto,
  })
  @ApiConflictResponse(
    apiError('A provider (built-in or custom) has that name', 'Provider "my-provider" already exists'),
  )
  create(@Body() body: CreateProviderDto, @CurrentUser() user: AuthUser): Promise<ProviderDto> {
    return this.providers.create(body, user);
  }

  @Post(':name')
  @HttpCode(200)
  @MinRole('admin')
  @ApiOperation({
    summary: 'Add or replace a provider (name in the URL); for a built-in, stores an override (source "override")',
    description: KEY_RULE_DESCRIPTION,
  })
  @ApiParam({ name: 'name', example: 'my-provider' })
  @ApiOkResponse({ type: ProviderDto })
  @ApiBadRequestResponse({
    description: 'Invalid field (api_key_env other than null or <NAME>_API_KEY), or the builtin generator',
    type: ErrorResponseDto,
  })
  upsert(
    @Param() { name }: ProviderNameParamDto,
    @Body() body: UpsertProviderDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ProviderDto> {
    return this.providers.upsert(name, body, user);
  }

  @Patch(':name')
  @MinRole('admin')
  @ApiOperation({
    summary: 'Change some fields of a provider; for a built-in, stores an override (source "override")',
    description: KEY_RULE_DESCRIPTION,
  })
  @ApiParam({ name: 'name', example: 'openrouter' })
  @ApiOkResponse({ type: ProviderDto })
  @ApiBadRequestResponse({
    description:
      'Invalid field (api_key_env other than null or <NAME>_API_KEY), nothing given, or the builtin generator',
    type: ErrorResponseDto,
  })
  @ApiNotFoundResponse(apiError('No provider by that name', 'Provider "my-provider" not found'))
  update(
    @Param() { name }: ProviderNameParamDto,
    @Body() body: UpdateProviderDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ProviderDto> {
    return this.providers.update(name, body, user);
  }

  @Delete(':name')
  @MinRole('admin')
  @ApiOperation({ summary: 'Delete a custom provider (built-ins cannot be deleted: 400)' })
  @ApiParam({ name: 'name', example: 'my-provider' })
  @ApiOkResponse({ type: DeleteProviderResponseDto })
  @ApiBadRequestResponse(
    apiError(
      'A built-in provider',
      'Provider "openrouter" is built in and cannot be deleted; PATCH it to change or disable it',
    ),
  )
  @ApiNotFoundResponse(apiError('No provider by that name', 'Provider "my-provider" not found'))
  @ApiConflictResponse(
    apiError('It is the active provider', 'Provider "my-provider" is the active provider; use another one first'),
  )
  remove(@Param() { name }: ProviderNameParamDto, @CurrentUser() user: AuthUser): Promise<DeleteProviderResponseDto> {
    return this.providers.remove(name, user);
  }

  @Post(':name/use')
  @HttpCode(200)
  @MinRole('admin')
  @ApiOperation({ summary: 'Make it the active provider at once (persisted in settings and in .env as LLM_PROVIDER)' })
  @ApiParam({ name: 'name', example: 'openrouter' })
  @ApiOkResponse({ type: UseProviderResponseDto })
  @ApiBadRequestResponse(apiError('The provider is disabled', 'Provider "openrouter" is disabled; enable it first'))
  @ApiNotFoundResponse(apiError('No provider by that name', 'Provider "my-provider" not found'))
  use(@Param() { name }: ProviderNameParamDto, @CurrentUser() user: AuthUser): Promise<UseProviderResponseDto> {
    return this.providers.use(name, user);
  }

  @Post(':name/test')
  @HttpCode(200)
  @MinRole('admin')
  @ApiOperation({
    summary: "Test the connection by listing the provider's models (10 s timeout)",
    description:
      'status "error" with the reason, and nothing sent, when the provider has no API, its key variable is not set, ' +
      "or its key is withheld because a built-in's base_url points at a host other than its own. " +
      KEY_RULE_DESCRIPTION,
  })
  @ApiParam({ name: 'name', example: 'openrouter' })
  @ApiOkResponse({ type: TestProviderResponseDto })
  @ApiNotFoundResponse(apiError('No provider by that name', 'Provider "my-provider" not found'))
  test(@Param() { name }: ProviderNameParamDto): Promise<TestProviderResponseDto> {
    return this.models.test(name);
  }
}
