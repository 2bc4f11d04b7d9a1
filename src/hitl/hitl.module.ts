import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/jobs.module';
import { LessonsSource } from '../pipeline/lessons-source';
import { Checkpoint } from './checkpoint.entity';
import { CheckpointsService } from './checkpoints.service';
import { ExperienceLessonsSource } from './experience-lessons.source';
import { Experience } from './experience.entity';
import { ExperiencesService } from './experiences.service';
import { HitlQueueService } from './hitl-queue.service';
import { HitlController } from './hitl.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Checkpoint, Experience]), JobsModule],
  controllers: [HitlController],
  providers: [
    CheckpointsService,
    ExperiencesService,
    HitlQueueService,
    { provide: LessonsSource, useClass: ExperienceLessonsSource },
  ],
  exports: [CheckpointsService, ExperiencesService, LessonsSource],
})
export class HitlModule {}
