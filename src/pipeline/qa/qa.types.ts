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
  | 'feature_missing_test'
  // Symbol checks over the project's own code (qa/symbol-rules.ts).
  | 'name_not_imported'
  | 'undefined_name'
  | 'missing_required_argument'
  | 'unknown_named_argument'
  | 'extra_positional_arguments'
  | 'const_with_non_constant'
  | 'reserved_identifier'
  // Flutter / pub API table (qa/flutter-api-rules.ts); missing/unknown arguments reuse the rules above.
  | 'removed_api'
  | 'deprecated_api'
  // Feature contract (qa/feature-rules.ts).
  | 'feature_unreachable'
  | 'feature_test_missing_screen'
  | 'feature_test_no_action'
  // Flutter SDK (qa/flutter-check.ts): `analyzer_<diagnostic code>` plus these.
  | `analyzer_${string}`
  | 'flutter_pub_get_failed'
  | 'flutter_test_failed';

export interface QaFinding {
  rule: string;
  /** Relative to the project root, posix separators; the expected path for missing files. */
  file: string;
  /** 1-based. */
  line?: number;
  message: string;
}

/** What QA expects of one planned feature (from the app plan). */
export interface QaFeatureExpectation {
  /** The feature as the user asked for it. */
  label: string;
  /** The screen widget class, e.g. `TodoListScreen`. */
  screenClass: string;
  /** Root-relative path of the screen file. */
  screenPath: string;
  /** Root-relative path of the feature's widget test. */
  testPath: string;
}

/** The Flutter SDK part of QA: `flutter pub get`, `flutter analyze`, `flutter test`. */
export interface QaFlutterResult {
  ran: boolean;
  /** Why it did not run (no SDK), or which step stopped it. */
  reason?: string;
  /** Errors and warnings reported by `flutter analyze` (infos are ignored). */
  analyze_issues?: number;
  tests_passed?: boolean;
}

export interface QaReport {
  findings: QaFinding[];
  files_checked: number;
  dart_files: number;
  imports_checked: number;
  features_checked: number;
  /** Feature screens referenced from the app (the import closure of lib/main.dart). */
  features_reachable: number;
  /** Features whose screen is reachable and whose test references the screen and interacts with it. */
  features_tested: number;
  /** Capitalised names in files that import packages QA has no API table for (neither confirmed nor flagged). */
  unverified_names: number;
  /** Distinct names per file resolved against the project plus project constructor calls checked. */
  symbols_checked: number;
  flutter?: QaFlutterResult;
  passed: boolean;
}
