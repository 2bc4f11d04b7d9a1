import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CostsModule } from '../costs/costs.module';
import { Job } from '../jobs/job.entity';
import { ProjectsModule } from '../projects/projects.module';
import { ProvidersModule } from '../providers/providers.module';
import { JobStatsService } from './job-stats.service';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';

/** Reads from costs, projects, providers and jobs; nothing imports it back except metrics, so no cycle. */
@Module({
  imports: [TypeOrmModule.forFeature([Job]), CostsModule, ProjectsModule, ProvidersModule],
  controllers: [KpisController],
  providers: [KpisService, JobStatsService],
  exports: [JobStatsService],
})
export class KpisModule {}
