import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { QaFeatureExpectation } from '../qa.types';

/** Root-relative path → content. */
export type ProjectFiles = Record<string, string>;

export const DEMO_PUBSPEC = `name: demo_app
description: A demo app.
publish_to: 'none'
version: 1.0.0+1
environment:
  sdk: ^3.5.0
dependencies:
  flutter:
    sdk: flutter
dev_dependencies:
  flutter_test:
    sdk: flutter
flutter:
  uses-material-design: true
`;

/** The expectation the app plan would give a feature with this id and class stem. */
export function featureExpectation(label: string, id: string, stem: string): QaFeatureExpectation {
  return {
    label,
    screenClass: `${stem}Screen`,
    screenPath: `lib/features/${id}/${id}_screen.dart`,
    testPath: `test/features/${id}_screen_test.dart`,
  };
}

/** Temporary project directories for tests; `cleanup` removes them all. */
export class TempProjects {
  private readonly dirs: string[] = [];

  async dir(prefix = 'qa-'): Promise<string> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }

  async write(files: ProjectFiles): Promise<string> {
    const dir = await this.dir();
    for (const [rel, content] of Object.entries(files)) {
      const abs = path.join(dir, ...rel.split('/'));
      await fs.mkdir(path.dirname(abs), { recursive: true });
      await fs.writeFile(abs, content);
    }
    return dir;
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
  }
}
