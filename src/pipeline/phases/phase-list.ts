import { ArchitectPhase } from './architect.phase';
import { BackendPhase } from './backend.phase';
import { BaPhase } from './ba.phase';
import { CreatePhase } from './create.phase';
import { DevPhase } from './dev.phase';
import { ExportPhase } from './export.phase';
import { QaPhase } from './qa.phase';
import { RefactorPhase } from './refactor.phase';
import { RepairPhase } from './repair.phase';
import { ReviewerPhase } from './reviewer.phase';
import { RuntimePhase } from './runtime.phase';
import { SecurityPhase } from './security.phase';
import { UiuxPhase } from './uiux.phase';

/**
 * Every phase handler. The runner orders them by PHASE_NAMES and refuses to
 * start when a phase has no handler or two: adding a phase is one class plus
 * one line here (and its name in phase-names.ts).
 */
export const PHASE_HANDLER_CLASSES = [
  CreatePhase,
  BaPhase,
  BackendPhase,
  ArchitectPhase,
  UiuxPhase,
  DevPhase,
  QaPhase,
  RefactorPhase,
  RepairPhase,
  RuntimePhase,
  SecurityPhase,
  ReviewerPhase,
  ExportPhase,
];
