import { Injectable } from '@nestjs/common';
import { LessonsSource } from '../pipeline/lessons-source';
import { ExperiencesService } from './experiences.service';

/** Feeds a team's approved lessons into agent prompts. */
@Injectable()
export class ExperienceLessonsSource extends LessonsSource {
  constructor(private readonly experiences: ExperiencesService) {
    super();
  }

  lessonsFor(teamId: string, agent: string, hint: string): Promise<string[]> {
    return this.experiences.lessonsFor(teamId, agent, hint);
  }
}
