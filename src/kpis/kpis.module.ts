import { Module } from '@nestjs/common';
import { CostsModule } from '../costs/costs.module';
import { JobsModule } from '../jobs/jobs.module';
import { ProjectsModule } from '../projects/projects.module';
import { ProvidersModule } from '../providers/providers.module';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';

/** Reads from jobs, costs, projects and providers; nothing imports it back, so no cycle. */
@Module({
  imports: [JobsModule, CostsModule, ProjectsModule, ProvidersModule],
  controllers: [KpisController],
  providers: [KpisService],
})
export class KpisModule {}
