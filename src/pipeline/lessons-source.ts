/**
 * Approved lessons of a team, fed into agent prompts. Provided by the approvals
 * (HITL) module; the pipeline only knows this port.
 */
export abstract class LessonsSource {
  /** The most relevant approved lessons for this agent, bounded in size; marks them used. */
  abstract lessonsFor(teamId: string, agent: string, hint: string): Promise<string[]>;
}
