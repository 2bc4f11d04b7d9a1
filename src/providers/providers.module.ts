import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ModelsController } from './models.controller';
import { ProviderModelsService } from './provider-models.service';
import { ProviderRecord } from './provider-record.entity';
import { ProvidersController } from './providers.controller';
import { ProvidersService } from './providers.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProviderRecord])],
  controllers: [ProvidersController, ModelsController],
  providers: [ProvidersService, ProviderModelsService],
  exports: [ProvidersService],
})
export class ProvidersModule {}
