import { Module } from '@nestjs/common';
import { CostsModule } from '../costs/costs.module';
import { ProvidersModule } from '../providers/providers.module';
import { LlmService } from './llm.service';

@Module({
  imports: [ProvidersModule, CostsModule],
  providers: [LlmService],
  exports: [LlmService],
})
export class LlmModule {}
