import type { AppConfig } from './app.config';
import type { AuthConfig } from './auth.config';
import type { DatabaseConfig } from './database.config';
import type { LlmConfig } from './llm.config';
import type { QueueConfig } from './queue.config';
import type { WorkspaceConfig } from './workspace.config';

/** Every config namespace, for `ConfigService<AllConfig, true>.get(…, { infer: true })`. */
export interface AllConfig {
  app: AppConfig;
  auth: AuthConfig;
  database: DatabaseConfig;
  queue: QueueConfig;
  workspace: WorkspaceConfig;
  llm: LlmConfig;
}
