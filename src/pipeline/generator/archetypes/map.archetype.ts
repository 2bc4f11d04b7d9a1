/**
 * Map / nearby: the feature's places (entity Place: name, address, latitude,
 * longitude, …) from the app's repository as markers on an OpenStreetMap map
 * (flutter_map + latlong2), or as a list, toggled by a SegmentedButton.
 * Tapping a marker or a list entry centres the map on the place (MapController)
 * and shows its details. The map sits behind a builder parameter, so the
 * widget test never loads network tiles.
 */
import type { GeneratedFile } from '../app-spec';
import { dartString } from '../dart-string';
import {
  FAKE_REPOSITORIES_PATH,
  FORMATTERS_PATH,
  displayText,
  isNumeric,
  isTextual,
  packageUri,
  sampleEntity,
  sampleTitle,
  sampleValue,
  titleField,
} from '../data/entity-dart';
import { relativeImport } from '../data/backends/backend-names';
import { packages } from '../data/package-versions';
import { dataScreenOf, manageDataLabel } from '../feature-links';
import { requireEntity, type EntityField, type EntityPlan } from '../plan/app-plan';
import { targetPlatforms } from '../spec-text';
import { dartText, fill, uiText } from '../ui-text';
import { assignmentDart } from './dart-wrap';
import type { ArchetypeTemplate, FeatureContext } from './archetype';
import { STAND_IN_TITLE, standInRoutes } from './data-screen-link';
import {
  dartImports,
  featureLabel,
  featurePaths,
  fileNameOf,
  fromFeatureDir,
  relativeTestImport,
  SAFE_NOTIFY_DART,
} from './feature-dart.shared';
import { USER_MESSAGE_PATH } from './records-user-message';
import { sampleKeyword } from './sample-keyword';

/** The entity fields the map shows. */
export interface PlaceFields {
  name: EntityField;
  latitude: EntityField;
  longitude: EntityField;
  /** Shown under the name in the list (e.g. the address). */
  subtitle?: EntityField;
  /** Shown in the details card besides the name and the coordinates. */
  details: EntityField[];
}

export function placeFields(entity: EntityPlan): PlaceFields {
  const name = titleField(entity);
  const numeric = entity.fields.filter(isNumeric);
  const latitude = numeric.find((field) => /^lat(itude)?$/i.test(field.name)) ?? numeric[0];
  const longitude =
    numeric.find((field) => /^(lng|lon|long|longitude)$/i.test(field.name)) ??
    numeric.find((field) => field !== latitude);
  if (!latitude || !longitude) throw new Error(`entity ${entity.className} has no latitude and longitude fields`);
  const details = entity.fields.filter((field) => field !== name && field !== latitude && field !== longitude);
  const subtitle = details.find((field) => isTextual(field) && field.type !== 'longText' && field.required);
  return { name, latitude, longitude, subtitle, details };
}

function paths(ctx: FeatureContext) {
  return featurePaths(ctx, { mapView: 'map_view' });
}

function names(ctx: FeatureContext) {
  const { prefix, controller, screen } = ctx.feature.classes;
  return {
    screen,
    controller,
    mapView: `${prefix}MapView`,
    mapBuilder: `${prefix}MapBuilder`,
    fakeMap: `fake${prefix}Map`,
  };
}

/** The entity screen where places are added and edited, when the app has one (it has no home card of its own). */
function placesRoute(ctx: FeatureContext): string | undefined {
  return dataScreenOf(ctx.plan, ctx.feature)?.route;
}

const hasCoordinates = (f: PlaceFields) => f.latitude.required && f.longitude.required;

function asDouble(field: EntityField, expr: string): string {
  return field.type === 'int' ? `${expr}.toDouble()` : expr;
}

function controllerDart(ctx: FeatureContext, entity: EntityPlan): string {
  const n = names(ctx);
  const E = entity.className;
  const imports = dartImports([
    'package:flutter/foundation.dart',
    fromFeatureDir(entity.paths.model),
    fromFeatureDir(entity.paths.repository),
    fromFeatureDir(USER_MESSAGE_PATH),
  ]);
  return `${imports}

/// The ${entity.pluralLabel.toLowerCase()} on the map and the one the user picked.
class ${n.controller} extends ChangeNotifier {
  ${n.controller}(this._repository);

  final ${E}Repository _repository;

  List<${E}> _places = const [];
  ${E}? _selected;
  bool _loading = false;
  String? _error;
  bool _disposed = false;

  List<${E}> get places => _places;
  ${E}? get selected => _selected;
  bool get isLoading => _loading;
  String? get error => _error;

  Future<void> load() async {
    _loading = true;
    _error = null;
    _notify();
    try {
      final items = await _repository.fetchAll();
      _places = [...items]
        ..sort(
          (a, b) => a.displayTitle
              .toLowerCase()
              .compareTo(b.displayTitle.toLowerCase()),
        );
      // Keep the selection, with its fresh data, while the place exists.
      final selectedId = _selected?.id;
      _selected = _places.where((place) => place.id == selectedId).firstOrNull;
    } catch (error) {
${assignmentDart('      ', '_error', dartText(uiText(ctx.plan).couldNotLoad, { error: 'userMessage(error)' }))}
    } finally {
      _loading = false;
      _notify();
    }
  }

  void select(${E} place) {
    _selected = place;
    _notify();
  }

  void clearSelection() {
    _selected = null;
    _notify();
  }

  // Async work may finish after the screen is gone; notifying then would throw.
${SAFE_NOTIFY_DART}
`;
}

function mapViewDart(ctx: FeatureContext, entity: EntityPlan, fields: PlaceFields): string {
  const n = names(ctx);
  const E = entity.className;
  const required = hasCoordinates(fields);
  const lat = asDouble(fields.latitude, required ? `place.${fields.latitude.name}` : 'latitude');
  const lng = asDouble(fields.longitude, required ? `place.${fields.longitude.name}` : 'longitude');
  const pointOf = required
    ? `LatLng _pointOf(${E} place) => LatLng(${lat}, ${lng});`
    : `/// Null when the ${entity.label.toLowerCase()} has no coordinates yet.
LatLng? _pointOf(${E} place) {
  final latitude = place.${fields.latitude.name};
  final longitude = place.${fields.longitude.name};
  if (latitude == null || longitude == null) return null;
  return LatLng(${lat}, ${lng});
}`;
  const points = required
    ? 'widget.places.map(_pointOf).toList()'
    : 'widget.places.map(_pointOf).whereType<LatLng>().toList()';
  const markerLoop = required
    ? `for (final place in widget.places)
              _marker(place, _pointOf(place), selectedId == place.id),`
    : `for (final place in widget.places)
              if (_pointOf(place) case final point?)
                _marker(place, point, selectedId == place.id),`;
  const packageId = `com.example.${ctx.plan.packageName}`;
  const focusBody = required
    ? `    _mapController.move(_pointOf(place), ${n.mapView}.focusZoom);`
    : `    final point = _pointOf(place);
    if (point != null) _mapController.move(point, ${n.mapView}.focusZoom);`;
  return `import 'package:flutter/material.dart';
import 'package:flutter_map/flutter_map.dart'
    show
        CameraFit,
        FlutterMap,
        MapController,
        MapOptions,
        Marker,
        MarkerLayer,
        RichAttributionWidget,
        TextSourceAttribution,
        TileLayer;
import 'package:latlong2/latlong.dart' show LatLng;

import '${fromFeatureDir(entity.paths.model)}';

${pointOf}

/// OpenStreetMap tiles (flutter_map) with a marker per ${entity.label.toLowerCase()}; moves to the
/// selected one.
class ${n.mapView} extends StatefulWidget {
  const ${n.mapView}({
    super.key,
    required this.places,
    required this.selected,
    required this.onSelect,
  });

  static const String tileUrl =
      'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

  /// Sent to the tile server, which identifies apps by it (OpenStreetMap's
  /// tile usage policy): keep it equal to the app's real application id.
  static const String userAgentPackageName = ${dartString(packageId)};

  static const double focusZoom = 15;

  final List<${E}> places;
  final ${E}? selected;
  final ValueChanged<${E}> onSelect;

  @override
  State<${n.mapView}> createState() => _${n.mapView}State();
}

class _${n.mapView}State extends State<${n.mapView}> {
  final MapController _mapController = MapController();

  @override
  void didUpdateWidget(${n.mapView} oldWidget) {
    super.didUpdateWidget(oldWidget);
    final selected = widget.selected;
    if (selected != null && selected.id != oldWidget.selected?.id) {
      _focus(selected);
    }
  }

  @override
  void dispose() {
    _mapController.dispose();
    super.dispose();
  }

  void _focus(${E} place) {
${focusBody}
  }

  MapOptions _initialOptions(List<LatLng> points) {
    final selected = widget.selected;
    final focus = selected == null ? null : _pointOf(selected);
    if (focus != null) {
      return MapOptions(initialCenter: focus, initialZoom: ${n.mapView}.focusZoom);
    }
    if (points.length > 1) {
      return MapOptions(
        initialCameraFit: CameraFit.coordinates(
          coordinates: points,
          padding: const EdgeInsets.all(48),
          maxZoom: ${n.mapView}.focusZoom,
        ),
      );
    }
    if (points.length == 1) {
      return MapOptions(
        initialCenter: points.single,
        initialZoom: ${n.mapView}.focusZoom,
      );
    }
    return const MapOptions(initialCenter: LatLng(0, 0), initialZoom: 2);
  }

  Marker _marker(${E} place, LatLng point, bool selected) {
    final scheme = Theme.of(context).colorScheme;
    return Marker(
      point: point,
      width: 44,
      height: 44,
      alignment: Alignment.topCenter,
      child: Tooltip(
        message: place.displayTitle,
        child: GestureDetector(
          onTap: () {
            _focus(place);
            widget.onSelect(place);
          },
          child: Icon(
            Icons.location_on,
            size: 44,
            color: selected ? scheme.primary : scheme.error,
          ),
        ),
      ),
    );
  }

  @override
  Widget build(BuildContext context) {
    final selectedId = widget.selected?.id;
    return FlutterMap(
      mapController: _mapController,
      options: _initialOptions(${points}),
      children: [
        TileLayer(
          urlTemplate: ${n.mapView}.tileUrl,
          userAgentPackageName: ${n.mapView}.userAgentPackageName,
        ),
        MarkerLayer(
          markers: [
            ${markerLoop}
          ],
        ),
        const RichAttributionWidget(
          attributions: [TextSourceAttribution('OpenStreetMap contributors')],
        ),
      ],
    );
  }
}
`;
}

/** A details line's value as a non-null String, and the condition under which it is shown. */
function detailValue(field: EntityField, item: string): { value: string; when?: string } {
  const access = `${item}.${field.name}`;
  if (field.required || field.type === 'bool') return { value: displayText(field, access) };
  return { value: displayText({ ...field, required: true }, `${access}!`), when: `${access} != null` };
}

function coordinatesText(fields: PlaceFields, item: string): { value: string; when?: string } {
  const lat = `${item}.${fields.latitude.name}`;
  const lng = `${item}.${fields.longitude.name}`;
  if (hasCoordinates(fields)) {
    return { value: `'\${${lat}.toStringAsFixed(5)}, \${${lng}.toStringAsFixed(5)}'` };
  }
  return {
    value: `'\${${lat}!.toStringAsFixed(5)}, \${${lng}!.toStringAsFixed(5)}'`,
    when: `${lat} != null && ${lng} != null`,
  };
}

function screenDart(ctx: FeatureContext, entity: EntityPlan, fields: PlaceFields): string {
  const n = names(ctx);
  const t = uiText(ctx.plan);
  const p = paths(ctx);
  const E = entity.className;
  const route = placesRoute(ctx);
  // Opened by its own routeName constant, never a copied route string.
  const placesScreen = dataScreenOf(ctx.plan, ctx.feature);
  const plural = entity.pluralLabel.toLowerCase();
  const usesFormatters = fields.details.some((field) => ['money', 'decimal', 'date', 'dateTime'].includes(field.type));
  const imports = dartImports([
    'package:flutter/material.dart',
    ...(usesFormatters ? [fromFeatureDir(FORMATTERS_PATH)] : []),
    fromFeatureDir(entity.paths.model),
    fromFeatureDir(entity.paths.repository),
    // A sibling feature: `../places/places_screen.dart`, not a detour through lib/.
    ...(placesScreen ? [relativeImport(ctx.feature.paths.screen, placesScreen.paths.screen)] : []),
    fileNameOf(p.controller),
    fileNameOf(p.mapView),
  ]);
  const detailLines = [
    ...fields.details.map((field) => ({ label: field.label, ...detailValue(field, 'place') })),
    { label: t.coordinates, ...coordinatesText(fields, 'place') },
  ]
    .map(({ label, value, when }) => {
      const indent = when ? '                ' : '              ';
      const oneLine = `_DetailLine(label: ${dartString(label)}, value: ${value}),`;
      const line =
        indent.length + oneLine.length <= 80
          ? `${indent}${oneLine}`
          : `${indent}_DetailLine(\n${indent}  label: ${dartString(label)},\n${indent}  value: ${value},\n${indent}),`;
      return when ? `              if (${when})\n${line}` : line;
    })
    .join('\n');
  const subtitle = fields.subtitle
    ? `\n          subtitle: Text(${displayText(fields.subtitle, `place.${fields.subtitle.name}`)}),`
    : '';
  const editMethod = placesScreen
    ? `

  /// Opens the screen where ${plural} are added and edited, then reloads.
  Future<void> _editPlaces() async {
    await Navigator.of(context).pushNamed(${placesScreen.classes.screen}.routeName);
    if (mounted) await _controller.load();
  }`
    : '';
  const editAction = route
    ? `
          IconButton(
            tooltip: ${dartString(manageDataLabel(ctx.plan, entity))},
            icon: const Icon(Icons.edit_location_alt_outlined),
            onPressed: _editPlaces,
          ),`
    : '';
  const emptyAction = route
    ? `
        action: FilledButton.tonal(
          onPressed: _editPlaces,
          child: const Text(${dartString(fill(t.addItem, { item: plural }))}),
        ),`
    : '';
  return `${imports}

/// Builds the map area: [places] as markers, centred on [selected]; calls
/// [onSelect] when a marker is tapped.
typedef ${n.mapBuilder} = Widget Function(
  BuildContext context,
  List<${E}> places,
  ${E}? selected,
  ValueChanged<${E}> onSelect,
);

enum _View { map, list }

/// ${entity.pluralLabel} on a map or in a list; a tap shows a place's details.
class ${n.screen} extends StatefulWidget {
  const ${n.screen}({super.key, required this.repository, this.mapBuilder});

  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';

  final ${E}Repository repository;

  /// The map; OpenStreetMap tiles through flutter_map when null.
  final ${n.mapBuilder}? mapBuilder;

  @override
  State<${n.screen}> createState() => _${n.screen}State();
}

class _${n.screen}State extends State<${n.screen}> {
  late final ${n.controller} _controller = ${n.controller}(widget.repository);
  _View _view = _View.map;

  @override
  void initState() {
    super.initState();
    _controller.load();
  }

  @override
  void dispose() {
    _controller.dispose();
    super.dispose();
  }

  static Widget _openStreetMap(
    BuildContext context,
    List<${E}> places,
    ${E}? selected,
    ValueChanged<${E}> onSelect,
  ) {
    return ${n.mapView}(places: places, selected: selected, onSelect: onSelect);
  }

  /// Selects [place] and shows it on the map.
  void _showOnMap(${E} place) {
    _controller.select(place);
    setState(() => _view = _View.map);
  }${editMethod}

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(
        title: const Text(${n.screen}.title),
        actions: [${editAction}
          IconButton(
            tooltip: ${dartString(t.reload)},
            icon: const Icon(Icons.refresh),
            onPressed: _controller.load,
          ),
        ],
      ),
      body: Column(
        children: [
          Padding(
            padding: const EdgeInsets.fromLTRB(16, 12, 16, 8),
            child: SegmentedButton<_View>(
              segments: const [
                ButtonSegment(
                  value: _View.map,
                  icon: Icon(Icons.map_outlined),
                  label: Text(${dartString(t.mapView)}),
                ),
                ButtonSegment(
                  value: _View.list,
                  icon: Icon(Icons.view_list_outlined),
                  label: Text(${dartString(t.listView)}),
                ),
              ],
              selected: {_view},
              onSelectionChanged: (selection) =>
                  setState(() => _view = selection.first),
            ),
          ),
          Expanded(
            child: ListenableBuilder(
              listenable: _controller,
              builder: (context, _) => _buildBody(context),
            ),
          ),
        ],
      ),
    );
  }

  Widget _buildBody(BuildContext context) {
    final places = _controller.places;
    if (_controller.isLoading && places.isEmpty) {
      return const Center(child: CircularProgressIndicator());
    }
    final error = _controller.error;
    if (error != null && places.isEmpty) {
      return _Message(
        text: error,
        action: FilledButton.tonal(
          onPressed: _controller.load,
          child: const Text(${dartString(t.retry)}),
        ),
      );
    }
    if (places.isEmpty) {
      return ${route ? '' : 'const '}_Message(
        text: ${dartString(fill(t.nothingYet, { items: plural }))},${emptyAction}
      );
    }
    final selected = _controller.selected;
    final mapBuilder = widget.mapBuilder ?? _openStreetMap;
    return Column(
      children: [
        Expanded(
          child: switch (_view) {
            _View.map => mapBuilder(context, places, selected, _controller.select),
            _View.list => _buildList(places, selected),
          },
        ),
        if (selected != null)
          _PlaceDetails(place: selected, onClose: _controller.clearSelection),
      ],
    );
  }

  Widget _buildList(List<${E}> places, ${E}? selected) {
    return ListView.separated(
      itemCount: places.length,
      separatorBuilder: (context, index) => const Divider(height: 1),
      itemBuilder: (context, index) {
        final place = places[index];
        return ListTile(
          leading: const Icon(Icons.place_outlined),
          title: Text(place.${fields.name.name}),${subtitle}
          trailing: const Icon(Icons.chevron_right),
          selected: place.id == selected?.id,
          onTap: () => _showOnMap(place),
        );
      },
    );
  }
}

class _PlaceDetails extends StatelessWidget {
  const _PlaceDetails({required this.place, required this.onClose});

  final ${E} place;
  final VoidCallback onClose;

  @override
  Widget build(BuildContext context) {
    return Card(
      margin: const EdgeInsets.all(12),
      child: ConstrainedBox(
        constraints: const BoxConstraints(maxHeight: 240),
        child: SingleChildScrollView(
          padding: const EdgeInsets.fromLTRB(16, 4, 4, 16),
          child: Column(
            crossAxisAlignment: CrossAxisAlignment.start,
            children: [
              Row(
                children: [
                  Expanded(
                    child: Text(
                      place.${fields.name.name},
                      style: Theme.of(context).textTheme.titleMedium,
                    ),
                  ),
                  IconButton(
                    tooltip: ${dartString(t.close)},
                    icon: const Icon(Icons.close),
                    onPressed: onClose,
                  ),
                ],
              ),
${detailLines}
            ],
          ),
        ),
      ),
    );
  }
}

class _DetailLine extends StatelessWidget {
  const _DetailLine({required this.label, required this.value});

  final String label;
  final String value;

  @override
  Widget build(BuildContext context) {
    return Padding(
      padding: const EdgeInsets.only(top: 8, right: 12),
      child: Column(
        crossAxisAlignment: CrossAxisAlignment.start,
        children: [
          Text(label, style: Theme.of(context).textTheme.labelSmall),
          Text(value),
        ],
      ),
    );
  }
}

class _Message extends StatelessWidget {
  const _Message({required this.text, this.action});

  final String text;
  final Widget? action;

  @override
  Widget build(BuildContext context) {
    final action = this.action;
    return Center(
      child: Padding(
        padding: const EdgeInsets.all(24),
        child: Column(
          mainAxisSize: MainAxisSize.min,
          children: [
            Text(text, textAlign: TextAlign.center),
            if (action != null) ...[const SizedBox(height: 16), action],
          ],
        ),
      ),
    );
  }
}
`;
}

function fakesDart(ctx: FeatureContext, entity: EntityPlan, fields: PlaceFields): string {
  const n = names(ctx);
  const name = fields.name.name;
  const imports = dartImports(['package:flutter/material.dart', packageUri(ctx.plan.packageName, entity.paths.model)]);
  return `${imports}

/// A map stand-in without tiles: says how many places it shows and which one
/// it is centred on, with a "Marker <name>" button per place.
Widget ${n.fakeMap}(
  BuildContext context,
  List<${entity.className}> places,
  ${entity.className}? selected,
  ValueChanged<${entity.className}> onSelect,
) {
  return ListView(
    children: [
      Text('\${places.length} on the map'),
      if (selected != null) Text('Centred on \${selected.${name}}'),
      for (final place in places)
        TextButton(
          onPressed: () => onSelect(place),
          child: Text('Marker \${place.${name}}'),
        ),
    ],
  );
}
`;
}

function testDart(ctx: FeatureContext, entity: EntityPlan, fields: PlaceFields): string {
  const n = names(ctx);
  const t = uiText(ctx.plan);
  const p = paths(ctx);
  const pkg = ctx.plan.packageName;
  const E = entity.className;
  const title = (i: number) => dartString(sampleTitle(entity, i));
  const subtitle = fields.subtitle;
  const subtitleCheck = (i: number) =>
    subtitle &&
    (subtitle.type === 'text' || subtitle.type === 'email' || subtitle.type === 'phone' || subtitle.type === 'url')
      ? `\n    expect(find.text(${sampleValue(subtitle, i)}), findsOneWidget);`
      : '';
  const imports = dartImports([
    'package:flutter/material.dart',
    'package:flutter_test/flutter_test.dart',
    packageUri(pkg, entity.paths.model),
    packageUri(pkg, ctx.feature.paths.screen),
    relativeTestImport(ctx.feature.paths.test, FAKE_REPOSITORIES_PATH),
    relativeTestImport(ctx.feature.paths.test, p.fakes),
  ]);
  const route = placesRoute(ctx);
  const routes = route ? standInRoutes(route, '        ') : '';
  // All-constant samples must be `const` (prefer_const_constructors).
  const constPrefix = sampleKeyword(entity) === 'const' ? 'const ' : '';
  return `${imports}

void main() {
  Future<InMemory${E}Repository> pumpScreen(WidgetTester tester) async {
    final repository = InMemory${E}Repository(seed: ${constPrefix}[
      ${sampleEntity(entity, 1)},
      ${sampleEntity(entity, 2)},
    ]);
    await tester.pumpWidget(
      MaterialApp(
        home: ${n.screen}(repository: repository, mapBuilder: ${n.fakeMap}),${routes}
      ),
    );
    await tester.pumpAndSettle();
    return repository;
  }

  testWidgets('lists the places and shows the tapped one on the map', (tester) async {
    await pumpScreen(tester);
    expect(find.text('2 on the map'), findsOneWidget);

    await tester.tap(find.text(${dartString(t.listView)}));
    await tester.pumpAndSettle();
    expect(find.text(${title(1)}), findsOneWidget);
    expect(find.text(${title(2)}), findsOneWidget);
    expect(find.text('2 on the map'), findsNothing);

    await tester.tap(find.text(${title(2)}));
    await tester.pumpAndSettle();

    // Back on the map, centred on the place, with its details below.
    expect(find.text(${dartString(`Centred on ${sampleTitle(entity, 2)}`)}), findsOneWidget);
    expect(find.text(${title(2)}), findsOneWidget);${subtitleCheck(2)}
    expect(find.text(${dartString(t.coordinates)}), findsOneWidget);
    expect(find.text(${title(1)}), findsNothing);
  });

  testWidgets('a tapped marker shows its place, and the details close', (tester) async {
    await pumpScreen(tester);

    await tester.tap(find.text(${dartString(`Marker ${sampleTitle(entity, 1)}`)}));
    await tester.pumpAndSettle();
    expect(find.text(${title(1)}), findsOneWidget);
    expect(find.text(${dartString(t.coordinates)}), findsOneWidget);

    await tester.tap(find.byTooltip(${dartString(t.close)}));
    await tester.pumpAndSettle();
    expect(find.text(${dartString(t.coordinates)}), findsNothing);
  });${route ? manageTest(ctx, entity) : ''}
}
`;
}

/** The app-bar action opens the screen where places are entered; back on the map, new ones show. */
function manageTest(ctx: FeatureContext, entity: EntityPlan): string {
  const action = manageDataLabel(ctx.plan, entity);
  return `

  testWidgets(${dartString(`"${action}" opens their screen and the map shows new ones on return`)}, (tester) async {
    final repository = await pumpScreen(tester);

    await tester.tap(find.byTooltip(${dartString(action)}));
    await tester.pumpAndSettle();
    expect(find.text('${STAND_IN_TITLE}'), findsOneWidget);

    await repository.save(${sampleKeyword(entity) === 'const' ? 'const ' : ''}${sampleEntity(entity, 3)});
    await tester.pageBack();
    await tester.pumpAndSettle();
    expect(find.text('3 on the map'), findsOneWidget);
  });`;
}

function readme(ctx: FeatureContext): string {
  const entity = requireEntity(ctx.plan, ctx.feature);
  const platforms = targetPlatforms(ctx.plan.spec);
  const route = placesRoute(ctx);
  const lines = [
    `The map (${featureLabel(ctx)}) uses [flutter_map](https://pub.dev/packages/flutter_map) with OpenStreetMap tiles and [latlong2](https://pub.dev/packages/latlong2).`,
    '',
    `- **Tile usage policy**: openstreetmap.org tiles are free for light use only (https://operations.osmfoundation.org/policies/tiles/). The app identifies itself with \`userAgentPackageName\` (in \`${paths(ctx).mapView}\`, now \`com.example.${ctx.plan.packageName}\`): set it to your real application id. For heavy traffic use a commercial tile provider or your own tile server; keep the "OpenStreetMap contributors" attribution.`,
    '- **Android**: release builds need the internet permission in `android/app/src/main/AndroidManifest.xml` (debug builds have it already):',
    '',
    '  ```xml',
    '  <uses-permission android:name="android.permission.INTERNET"/>',
    '  ```',
  ];
  if (platforms.includes('macos')) {
    lines.push(
      '- **macOS**: allow outgoing connections in `macos/Runner/DebugProfile.entitlements` and `macos/Runner/Release.entitlements`:',
      '',
      '  ```xml',
      '  <key>com.apple.security.network.client</key>',
      '  <true/>',
      '  ```',
    );
  }
  lines.push(
    '',
    `Markers come from the ${entity.pluralLabel.toLowerCase()} in the app's data${route ? ` (added and edited on the \`${route}\` screen)` : ''}; each needs a latitude and a longitude.`,
  );
  return lines.join('\n');
}

export const mapArchetype: ArchetypeTemplate = {
  id: 'map',
  dependencies: () => packages('flutter_map', 'latlong2'),
  files(ctx): GeneratedFile[] {
    const entity = requireEntity(ctx.plan, ctx.feature);
    const fields = placeFields(entity);
    const p = paths(ctx);
    return [
      { path: p.controller, content: controllerDart(ctx, entity) },
      { path: p.mapView, content: mapViewDart(ctx, entity, fields) },
      { path: ctx.feature.paths.screen, content: screenDart(ctx, entity, fields) },
      { path: p.fakes, content: fakesDart(ctx, entity, fields) },
      { path: ctx.feature.paths.test, content: testDart(ctx, entity, fields) },
    ];
  },
  screenBuilder(ctx) {
    const entity = requireEntity(ctx.plan, ctx.feature);
    return `${ctx.feature.classes.screen}(repository: services.${entity.collection})`;
  },
  readme,
  summary(ctx) {
    const entity = requireEntity(ctx.plan, ctx.feature);
    return `${featureLabel(ctx)}: ${entity.pluralLabel.toLowerCase()} as markers on an OpenStreetMap map or as a list; a tap centres the map on a place and shows its details.`;
  },
};
