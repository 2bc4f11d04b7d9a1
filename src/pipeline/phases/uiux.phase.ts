import { Injectable } from '@nestjs/common';
import { AgentWriter } from '../agent-writer.service';
import { DocsPhase } from './docs-phase';

/** Screens, theme tokens and states. */
@Injectable()
export class UiuxPhase extends DocsPhase {
  protected readonly task =
    'Write the UI/UX design: every screen (home, one per feature, settings) with layout and actions, theme tokens for the requested style, and empty/loading/error states.';
  protected override readonly contextDocs = ['docs/app_brief.md', 'docs/user_stories.md', 'docs/architecture.md'];

  constructor(writer: AgentWriter) {
    super(writer);
  }

  readonly phase = 'uiux' as const;
}
