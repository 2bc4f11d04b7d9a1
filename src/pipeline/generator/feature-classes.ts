import type { FeatureNames } from './naming';

/** Dart class names declared for one feature. */
export interface FeatureClasses {
  /** Public `StatefulWidget`, e.g. `TodoListScreen`. */
  screen: string;
  /** Immutable model, e.g. `TodoListItem`. */
  item: string;
  /** In-memory data source, e.g. `TodoListRepository`. */
  repository: string;
  /** `ChangeNotifier` holding the screen state, e.g. `TodoListController`. */
  controller: string;
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
  'ContextMenuButtonItem',
  'ContextMenuController',
  'CheckedPopupMenuItem',
  'BottomNavigationBarItem',
  'DefaultTabController',
  'DraggableScrollableController',
  'DropdownMenuItem',
  'ExpansibleController',
  'ExpansionTileController',
  'FixedExtentScrollController',
  'MagnifierController',
  'MaterialStatesController',
  'MenuController',
  'OverlayPortalController',
  'PageController',
  'PersistentBottomSheetController',
  'PopupMenuItem',
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
]);

/**
 * Every class gets a role suffix, so no feature can produce a bare Flutter name
 * (`Text`, `State`, `Theme`, …) and no two suffixed names of different features
 * can coincide (no suffix is a proper suffix of another). Names that still hit a
 * framework class get a `Feature` infix.
 */
function suffixed(stem: string, suffix: string): string {
  const name = `${stem}${suffix}`;
  return FRAMEWORK_CLASSES.has(name) ? `${stem}Feature${suffix}` : name;
}

export function featureClasses(names: Pick<FeatureNames, 'className'>): FeatureClasses {
  const stem = names.className;
  return {
    screen: suffixed(stem, 'Screen'),
    item: suffixed(stem, 'Item'),
    repository: suffixed(stem, 'Repository'),
    controller: suffixed(stem, 'Controller'),
  };
}

/** Files of one feature, relative to the project root; `screen` and `test` equal FeatureNames paths. */
export interface FeatureFilePaths {
  model: string;
  repository: string;
  state: string;
  screen: string;
  test: string;
}

export function featureFilePaths(names: Pick<FeatureNames, 'id' | 'screenPath' | 'testPath'>): FeatureFilePaths {
  const dir = `lib/features/${names.id}`;
  return {
    model: `${dir}/${names.id}_model.dart`,
    repository: `${dir}/${names.id}_repository.dart`,
    state: `${dir}/${names.id}_state.dart`,
    screen: names.screenPath,
    test: names.testPath,
  };
}

/** Named route of a feature screen; ids are `[a-z0-9_]`, so no escaping is needed. */
export function featureRoute(names: Pick<FeatureNames, 'id'>): string {
  return `/${names.id}`;
}
