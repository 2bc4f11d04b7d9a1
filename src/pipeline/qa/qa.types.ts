/** Rule ids of the static QA checks (stable: the repair phase keys on them). */
export type QaRule =
  | 'dart_syntax'
  | 'import_unresolved'
  | 'package_undeclared'
  | 'dart_library_unknown'
  | 'pubspec_missing'
  | 'pubspec_invalid'
  | 'pubspec_name'
  | 'feature_missing_screen'
  | 'feature_missing_test';

export interface QaFinding {
  rule: string;
  /** Relative to the project root, posix separators; the expected path for missing files. */
  file: string;
  /** 1-based. */
  line?: number;
  message: string;
}

export interface QaReport {
  findings: QaFinding[];
  files_checked: number;
  dart_files: number;
  imports_checked: number;
  features_checked: number;
  passed: boolean;
}
