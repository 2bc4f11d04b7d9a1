import { registerAs } from '@nestjs/config';
import { resolve } from 'node:path';
import { env } from './env';

export interface WorkspaceConfig {
  /** Absolute directory holding one folder per job (never shown to clients). */
  generatedAppsDir: string;
  /** Flutter executable for the runtime phase; found on PATH when unset. */
  flutterBin?: string;
}

export const workspaceConfig = registerAs('workspace', (): WorkspaceConfig => ({
  generatedAppsDir: resolve(env('GENERATED_APPS_DIR') ?? 'workspace/generated_apps'),
  flutterBin: env('FLUTTER_BIN'),
}));
