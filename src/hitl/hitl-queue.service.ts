import { Injectable, NotFoundException } from '@nestjs/common';
import { isAdmin, type AuthUser } from '../common/auth/auth-user';
import { CheckpointsService } from './checkpoints.service';
import type { CheckpointDto, ExperienceDto, HitlQueueDto } from './dto/hitl.dto';
import { ExperiencesService } from './experiences.service';
import { toCheckpointDto, toExperienceDto } from './hitl.mapper';

export type Decision = 'approve' | 'reject';

/** The one queue of everything waiting for a human: checkpoints and lessons, listed and decided by id. */
@Injectable()
export class HitlQueueService {
  constructor(
    private readonly checkpoints: CheckpointsService,
    private readonly experiences: ExperiencesService,
  ) {}

  async pending(user: AuthUser): Promise<HitlQueueDto> {
    const [experiences, checkpoints] = await Promise.all([
      this.experiences.pending(user),
      this.checkpoints.pending(user),
    ]);
    return {
      pending: [
        ...checkpoints.map((c) => ({ type: 'checkpoint', ...toCheckpointDto(c) })),
        ...experiences.map((e) => ({ type: 'experience', content: e.problem, ...toExperienceDto(e) })),
      ],
      counts: { experiences: experiences.length, checkpoints: checkpoints.length },
    };
  }

  /** Approves or rejects the checkpoint or lesson with this id, if the user's team may see it. */
  async decide(
    id: string,
    decision: Decision,
    user: AuthUser,
    reason?: string,
  ): Promise<CheckpointDto | ExperienceDto> {
    const visible = (item: { team_id: string } | null) => !!item && (isAdmin(user) || item.team_id === user.team_id);
    if (visible(await this.checkpoints.findById(id))) {
      return toCheckpointDto(
        decision === 'approve'
          ? await this.checkpoints.approve(id, user, reason)
          : await this.checkpoints.reject(id, user, reason),
      );
    }
    if (visible(await this.experiences.findById(id))) {
      return toExperienceDto(
        await this.experiences.decide(id, user, decision === 'approve' ? 'approved' : 'rejected', reason),
      );
    }
    throw new NotFoundException(`No checkpoint or experience ${id}`);
  }
}
