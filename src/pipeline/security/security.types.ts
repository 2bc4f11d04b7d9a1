export type SecuritySeverity = 'blocker' | 'warning' | 'info';

export interface SecurityFinding {
  rule: string;
  /** Relative to the project root, posix separators. */
  file: string;
  /** 1-based. */
  line: number;
  severity: SecuritySeverity;
  /** Never contains a full secret: values are masked after their first 4 characters. */
  message: string;
}

export interface SecurityScanResult {
  findings: SecurityFinding[];
  files_scanned: number;
  blockers: number;
  /** True when there is no blocker; warnings and info do not fail the phase. */
  passed: boolean;
}
