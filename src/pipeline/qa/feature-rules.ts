import type { ProjectIndex } from './project-symbols';
import type { QaFeatureExpectation, QaFinding } from './qa.types';

/**
 * The feature contract: each planned feature has its screen and widget test
 * at the planned paths, the app can reach the screen (something in the import
 * closure of lib/main.dart uses the class), and the test pumps the screen and
 * interacts with it.
 */

export const APP_ENTRY = 'lib/main.dart';

export interface FeatureCheck {
  findings: QaFinding[];
  count: number;
  reachable: number;
  tested: number;
}

function declaresClass(index: ProjectIndex, file: string, name: string): boolean {
  const scan = index.scanOf(file);
  if (!scan) return false;
  return scan.classes.some((c) => c.name === name) || scan.brokenTypeNames.includes(name);
}

export function checkFeatures(
  expected: readonly QaFeatureExpectation[],
  fileSet: ReadonlySet<string>,
  index: ProjectIndex,
): FeatureCheck {
  const findings: QaFinding[] = [];
  const appFiles = fileSet.has(APP_ENTRY) ? index.closure(APP_ENTRY) : new Set<string>();
  let reachable = 0;
  let tested = 0;
  for (const { label, screenClass, screenPath, testPath } of expected) {
    const hasScreen = fileSet.has(screenPath);
    const hasTest = fileSet.has(testPath);
    if (!hasScreen) {
      findings.push({
        rule: 'feature_missing_screen',
        file: screenPath,
        message: `Feature "${label}" has no screen file`,
      });
    } else if (!declaresClass(index, screenPath, screenClass)) {
      findings.push({
        rule: 'feature_missing_screen',
        file: screenPath,
        message: `Feature "${label}": ${screenPath} does not declare the screen class ${screenClass}`,
      });
    }
    if (!hasTest) {
      findings.push({ rule: 'feature_missing_test', file: testPath, message: `Feature "${label}" has no widget test` });
    }

    const isReachable = [...appFiles].some(
      (file) => file !== screenPath && file !== testPath && index.scanOf(file)?.mentions.has(screenClass),
    );
    if (isReachable) reachable++;
    else if (hasScreen) {
      const why = fileSet.has(APP_ENTRY)
        ? `no file imported (directly or indirectly) by ${APP_ENTRY} uses ${screenClass}`
        : `${APP_ENTRY} does not exist`;
      findings.push({
        rule: 'feature_unreachable',
        file: screenPath,
        message: `Feature "${label}" cannot be opened in the app: ${why}; add a route or a navigation entry for it`,
      });
    }

    const test = hasTest ? index.scanOf(testPath) : undefined;
    if (!test) continue;
    if (!test.mentions.has(screenClass)) {
      findings.push({
        rule: 'feature_test_missing_screen',
        file: testPath,
        message: `The widget test of feature "${label}" never uses ${screenClass}; pump the screen and test it`,
      });
    } else if (!test.hasTestAction) {
      findings.push({
        rule: 'feature_test_no_action',
        file: testPath,
        message: `The widget test of feature "${label}" pumps ${screenClass} but never interacts with it (tap, enterText, drag, … or a call on its controller)`,
      });
    } else if (isReachable) {
      tested++;
    }
  }
  return { findings, count: expected.length, reachable, tested };
}
