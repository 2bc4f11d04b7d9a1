import type { FeatureNames } from './naming';

/** Dart class names every feature declares; a template's other classes start with `prefix` or are private. */
export interface FeatureClasses {
  /** Public `StatefulWidget`/`StatelessWidget`, e.g. `ExpensesScreen`. */
  screen: string;
  /** The screen's `ChangeNotifier` (when it has one), e.g. `ExpensesController`. */
  controller: string;
  /** The feature's class stem, e.g. `Expenses`: prefix of every public class the feature declares. */
  prefix: string;
}

/**
 * Classes exported by `package:flutter/material.dart` / `foundation.dart` (and a
 * few SDK ones) that end in one of the feature suffixes. The screen file imports
 * material *and* the feature's own files, so a feature called "Search" must not
 * declare `SearchController`: the two imports would make the name ambiguous.
 */
const FRAMEWORK_CLASSES: ReadonlySet<string> = new Set([
  'AnimationController',
  'CarouselController',
  'ContextMenuController',
  'DefaultTabController',
  'DraggableScrollableController',
  'ExpansibleController',
  'ExpansionTileController',
  'FixedExtentScrollController',
  'MagnifierController',
  'MaterialStatesController',
  'MenuController',
  'OverlayPortalController',
  'PageController',
  'PersistentBottomSheetController',
  'RestorableTextEditingController',
  'ScaffoldFeatureController',
  'ScrollController',
  'SearchController',
  'SnapshotController',
  'StreamController',
  'TabController',
  'TextEditingController',
  'TrackingScrollController',
  'TreeSliverController',
  'UndoHistoryController',
  'WidgetStatesController',
  'MobileScannerController',
  'MapController',
  'CameraController',
]);

/**
 * Every class gets a role suffix, so no feature can produce a bare Flutter name
 * (`Text`, `State`, `Theme`, …). Names that still hit a framework class get a
 * `Feature` infix.
 */
function suffixed(stem: string, suffix: string): string {
  const name = `${stem}${suffix}`;
  return FRAMEWORK_CLASSES.has(name) ? `${stem}Feature${suffix}` : name;
}

export function featureClasses(names: Pick<FeatureNames, 'className'>): FeatureClasses {
  const stem = names.className;
  return { screen: suffixed(stem, 'Screen'), controller: suffixed(stem, 'Controller'), prefix: stem };
}

/** Files every feature has, relative to the project root. */
export interface FeatureFilePaths {
  /** `lib/features/<id>`: the feature's own helper files go here. */
  dir: string;
  screen: string;
  test: string;
}

export function featureFilePaths(names: Pick<FeatureNames, 'id' | 'screenPath' | 'testPath'>): FeatureFilePaths {
  return { dir: `lib/features/${names.id}`, screen: names.screenPath, test: names.testPath };
}

/** Named route of a feature screen; ids are `[a-z0-9_]`, so no escaping is needed. */
export function featureRoute(names: Pick<FeatureNames, 'id'>): string {
  return `/${names.id}`;
}
