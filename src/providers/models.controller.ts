import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../common/auth/access.decorators';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { apiError, ErrorResponseDto } from '../common/errors/error-response.dto';
import { ModelsQueryDto, ModelsResponseDto } from './dto/models.dto';
import { ProviderModelsService } from './provider-models.service';
import { KEY_RULE_DESCRIPTION } from './provider-rules';

@ApiTags('Providers')
@Controller('api/models')
export class ModelsController {
  constructor(private readonly models: ProviderModelsService) {}

  @Get()
  @MinRole('viewer')
  @ApiOperation({
    summary:
      "List a provider's models (price and context length when given); on failure success=false and the known defaults",
    description:
      "The provider's key is sent only as its key rule allows: with no key or a withheld one, success=false, the " +
      'reason in `error`, and nothing is sent (unless `key` is given). ' +
      KEY_RULE_DESCRIPTION,
  })
  @ApiOkResponse({ type: ModelsResponseDto })
  @ApiBadRequestResponse({
    description: 'base_url is not http(s) or points at a link-local/metadata address',
    type: ErrorResponseDto,
  })
  @ApiNotFoundResponse(apiError('Unknown provider', 'Provider "my-provider" not found'))
  list(@Query() query: ModelsQueryDto, @CurrentUser() user: AuthUser): Promise<ModelsResponseDto> {
    return this.models.list(query, user);
  }
}
