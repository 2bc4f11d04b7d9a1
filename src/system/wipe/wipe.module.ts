import { Module } from '@nestjs/common';
import { ActivityModule } from '../../activity/activity.module';
import { AgentsModule } from '../../agents/agents.module';
import { CostsModule } from '../../costs/costs.module';
import { HitlModule } from '../../hitl/hitl.module';
import { JobsModule } from '../../jobs/jobs.module';
import { ProjectsModule } from '../../projects/projects.module';
import { ProvidersModule } from '../../providers/providers.module';
import { WipeController } from './wipe.controller';
import { WipeService } from './wipe.service';

@Module({
  imports: [JobsModule, ProjectsModule, HitlModule, CostsModule, ActivityModule, AgentsModule, ProvidersModule],
  controllers: [WipeController],
  providers: [WipeService],
})
export class WipeModule {}
