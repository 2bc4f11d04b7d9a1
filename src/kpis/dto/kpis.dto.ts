import { ApiProperty } from '@nestjs/swagger';

export class StatusBreakdownDto {
  @ApiProperty({ example: 2, description: 'Projects in discovery' })
  discovery: number;

  @ApiProperty({ example: 2, description: 'Projects in development + jobs queued, running or waiting' })
  development: number;

  @ApiProperty({ example: 1, description: 'Projects in production + succeeded jobs' })
  production: number;

  @ApiProperty({ example: 0, description: 'Blocked projects + failed jobs' })
  blocked: number;
}

export class KpisDto {
  @ApiProperty({
    example: 5,
    description: 'Projects + jobs of the scope (cancelled jobs are not counted): the sum of status_breakdown',
  })
  total_projects: number;

  @ApiProperty({ type: StatusBreakdownDto })
  status_breakdown: StatusBreakdownDto;

  @ApiProperty({
    example: 85,
    description: 'succeeded / (succeeded + failed) jobs × 100, one decimal; 0 when no job has finished',
  })
  success_rate: number;

  @ApiProperty({ example: 12.5, description: 'USD spent on LLM calls, all time, rounded to 6 decimals' })
  total_cost: number;

  @ApiProperty({ example: 3, description: 'Distinct models called in the last 30 UTC days' })
  active_models: number;

  @ApiProperty({
    example: 2,
    description:
      'Providers jobs could call now: enabled, with a base URL, and a key set (or none needed); the offline builtin generator is not counted',
  })
  active_providers: number;

  @ApiProperty({ example: 12.5, description: 'Same as total_cost' })
  total_cost_usd: number;

  @ApiProperty({ example: 3, description: 'Same as active_models' })
  active_models_count: number;

  @ApiProperty({ example: 2, description: 'Same as active_providers' })
  active_providers_count: number;
}
