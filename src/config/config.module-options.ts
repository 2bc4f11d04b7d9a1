import type { ConfigModuleOptions } from '@nestjs/config';
import { appConfig } from './app.config';
import { authConfig } from './auth.config';
import { databaseConfig } from './database.config';
import { validateEnv } from './env.validation';
import { llmConfig } from './llm.config';
import { queueConfig } from './queue.config';
import { workspaceConfig } from './workspace.config';

export const configModuleOptions: ConfigModuleOptions = {
  isGlobal: true,
  cache: true,
  // A getter: read when ConfigModule.forRoot runs (each boot), not when this file is imported.
  get envFilePath() {
    return process.env.ENV_FILE || '.env';
  },
  validate: validateEnv,
  load: [appConfig, authConfig, databaseConfig, queueConfig, workspaceConfig, llmConfig],
};
