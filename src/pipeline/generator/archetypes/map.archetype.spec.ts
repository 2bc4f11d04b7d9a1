import { describe, expect, it } from 'vitest';
import { dartString } from '../dart-string';
import { PACKAGE_VERSIONS } from '../data/package-versions';
import { requireEntity } from '../plan/app-plan';
import type { FeatureContext } from './archetype';
import { mapArchetype, placeFields } from './map.archetype';
import {
  BACKENDS,
  HOSTILE_LABELS,
  appSpec,
  contextFor,
  expectImportsResolve,
  expectParses,
  fileEndingWith,
  withEntity,
  publicTypes,
} from './testing/archetype-spec-helpers';

function mapContext(label: string, overrides: Parameters<typeof appSpec>[1] = {}): FeatureContext {
  return contextFor(appSpec([label, 'Expenses'], overrides), 'map');
}

function fileOf(ctx: FeatureContext, suffix: string): string {
  return fileEndingWith(mapArchetype, ctx, suffix);
}

describe('map archetype', () => {
  it.each(HOSTILE_LABELS.map)('writes Dart that parses and imports only what it declares (%s)', async (label) => {
    for (const backend of BACKENDS) {
      const ctx = mapContext(label, { backend });
      await expectParses(mapArchetype.files(ctx));
      await expectImportsResolve(mapArchetype, ctx);
    }
  });

  it('shows the Place entity of the plan, found through its fields', () => {
    const ctx = mapContext('Map');
    const entity = requireEntity(ctx.plan, ctx.feature);
    expect(entity.className).toBe('Place');
    const fields = placeFields(entity);
    expect([fields.name.name, fields.latitude.name, fields.longitude.name, fields.subtitle?.name]).toEqual([
      'name',
      'latitude',
      'longitude',
      'address',
    ]);
    expect(mapArchetype.screenBuilder(ctx)).toBe(`${ctx.feature.classes.screen}(repository: services.places)`);
  });

  it('draws OpenStreetMap tiles and markers with flutter_map 7 and centres with a MapController', () => {
    const ctx = mapContext('Map', { slug: 'city-guide' });
    const view = fileOf(ctx, '_map_view.dart');
    expect(view).toContain('FlutterMap(');
    expect(view).toContain('mapController: _mapController');
    expect(view).toContain('MapOptions(initialCenter: focus, initialZoom:');
    expect(view).toContain('initialCameraFit: CameraFit.coordinates(');
    expect(view).toContain("'https://tile.openstreetmap.org/{z}/{x}/{y}.png'");
    expect(view).toContain("static const String userAgentPackageName = 'com.example.city_guide';");
    expect(view).toContain('userAgentPackageName: ');
    expect(view).toContain('MarkerLayer(');
    expect(view).toContain('Marker(');
    expect(view).toContain('point: point,');
    expect(view).toContain('child: Tooltip(');
    expect(view).toContain('_mapController.move(_pointOf(place)');
    expect(view).toContain('_mapController.dispose();');
    expect(view).toContain('LatLng _pointOf(Place place) => LatLng(place.latitude, place.longitude);');
    expect(view).toContain("TextSourceAttribution('OpenStreetMap contributors')");
  });

  it('toggles map and list with a SegmentedButton, behind a map builder the test replaces', () => {
    const ctx = mapContext('Map');
    const screen = fileOf(ctx, '_screen.dart');
    expect(screen).not.toContain('package:flutter_map');
    expect(screen).toContain('SegmentedButton<_View>(');
    expect(screen).toContain("label: Text('Map')");
    expect(screen).toContain("label: Text('List')");
    expect(screen).toContain(
      'final MapFeatureMapBuilder? mapBuilder;'.replace('MapFeature', ctx.feature.classes.prefix),
    );
    expect(screen).toContain('widget.mapBuilder ?? _openStreetMap');
    expect(screen).toContain('onTap: () => _showOnMap(place)');
    expect(screen).toContain('_PlaceDetails(place: selected, onClose: _controller.clearSelection)');
    expect(screen).toContain("_DetailLine(label: 'Address', value: place.address)");
    expect(screen).toContain('if (place.notes != null)');
    expect(screen).not.toMatch(/const Text\(widget\./);
  });

  it('links to the screen where places are entered', () => {
    const ctx = mapContext('Map');
    const entityFeature = ctx.plan.features.find(
      (feature) => feature.archetype === 'entity' && feature.entity === 'Place',
    );
    expect(entityFeature).toBeDefined();
    const screen = fileOf(ctx, '_screen.dart');
    // By the screen's routeName, not a copied '/places' string.
    expect(screen).toContain(`pushNamed(${entityFeature?.classes.screen}.routeName)`);
    expect(screen).not.toContain(`pushNamed('${entityFeature?.route}')`);
    // A sibling folder's screen is imported as a sibling, not through lib/features again.
    const sibling = entityFeature?.paths.screen.replace('lib/features/', '../');
    expect(screen).toContain(`import '${sibling}';`);
    expect(screen).not.toContain("import '../../features/");
    expect(screen).toContain("tooltip: 'Manage places',");
    expect(screen).toContain("child: const Text('Add places'),");
    expect(mapArchetype.readme!(ctx)).toContain(`\`${entityFeature?.route}\``);
  });

  it('tests that Manage places opens that screen and the map reloads on return', () => {
    const ctx = mapContext('Map');
    const test = fileOf(ctx, '_screen_test.dart');
    const steps = [
      "'/places': (context) => Scaffold(",
      "await tester.tap(find.byTooltip('Manage places'));",
      "await repository.save(const Place(id: 'place-3'",
      'await tester.pageBack();',
      "expect(find.text('3 on the map'), findsOneWidget);",
    ];
    // In this order: open, add a place meanwhile, come back, see it.
    const at = steps.map((step) => test.indexOf(step));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('has no Manage action when the plan has no places screen', () => {
    const ctx = mapContext('Map');
    const alone = {
      ...ctx,
      plan: { ...ctx.plan, features: ctx.plan.features.filter((f) => f.archetype !== 'entity') },
    };
    expect(fileOf(alone, '_screen.dart')).not.toContain('Manage places');
    expect(fileOf(alone, '_screen_test.dart')).not.toContain('routes:');
  });

  it('tests the list, the selection from a list entry and from a marker, with a fake map', () => {
    const ctx = mapContext('Map');
    const test = fileOf(ctx, '_screen_test.dart');
    // All-constant samples are const (flutter_lints: prefer_const_constructors).
    expect(test).toContain('InMemoryPlaceRepository(seed: const [');
    expect(test).toContain(`mapBuilder: fake${ctx.feature.classes.prefix}Map`);
    expect(test).toContain("await tester.tap(find.text('List'));");
    expect(test).toContain("expect(find.text('Name 1'), findsOneWidget);");
    expect(test).toContain("expect(find.text('Name 2'), findsOneWidget);");
    expect(test).toContain("await tester.tap(find.text('Name 2'));");
    expect(test).toContain("expect(find.text('Centred on Name 2'), findsOneWidget);");
    expect(test).toContain("expect(find.text('Address 2'), findsOneWidget);");
    expect(test).toContain("await tester.tap(find.text('Marker Name 1'));");
    expect(test).not.toContain('FlutterMap');
    expect(fileOf(ctx, '_fakes.dart')).toContain(`Widget fake${ctx.feature.classes.prefix}Map(`);
  });

  it('skips places without coordinates when the coordinates are optional', async () => {
    const ctx = withEntity(mapContext('nearby'), (entity) => ({
      ...entity,
      fields: entity.fields.map((field) =>
        field.name === 'latitude' || field.name === 'longitude' ? { ...field, required: false } : field,
      ),
    }));
    await expectParses(mapArchetype.files(ctx));
    const view = fileOf(ctx, '_map_view.dart');
    expect(view).toContain('LatLng? _pointOf(Place place) {');
    expect(view).toContain('if (_pointOf(place) case final point?)');
    expect(view).toContain('.whereType<LatLng>()');
    expect(fileOf(ctx, '_screen.dart')).toContain('if (place.latitude != null && place.longitude != null)');
  });

  it('accepts other coordinate names and integer coordinates', async () => {
    const ctx = withEntity(mapContext('nearby'), (entity) => ({
      ...entity,
      fields: [
        { name: 'title', column: 'title', label: 'Title', type: 'text', required: true },
        { name: 'lat', column: 'lat', label: 'Lat', type: 'int', required: true },
        { name: 'lng', column: 'lng', label: 'Lng', type: 'decimal', required: true },
        { name: 'visitedOn', column: 'visited_on', label: 'Visited on', type: 'date', required: false },
      ],
      titleField: 'title',
    }));
    const files = mapArchetype.files(ctx);
    await expectParses(files);
    await expectImportsResolve(mapArchetype, ctx);
    expect(fileOf(ctx, '_map_view.dart')).toContain('LatLng(place.lat.toDouble(), place.lng)');
    const screen = fileOf(ctx, '_screen.dart');
    expect(screen).toContain("import '../../core/formatters.dart';");
    expect(screen).toContain('formatDate(place.visitedOn!)');
  });

  it('refuses an entity without coordinates', () => {
    const ctx = withEntity(mapContext('Map'), (entity) => ({
      ...entity,
      fields: entity.fields.filter((field) => field.type !== 'decimal'),
    }));
    expect(() => mapArchetype.files(ctx)).toThrow(/latitude/);
  });

  it('escapes the label and names every public class after the feature', () => {
    const label = HOSTILE_LABELS.map[0];
    const ctx = mapContext(label);
    expect(fileOf(ctx, '_screen.dart')).toContain(`static const String title = ${dartString(label)};`);
    for (const file of mapArchetype.files(ctx)) {
      for (const name of publicTypes(file.content)) {
        expect(name.startsWith(ctx.feature.classes.prefix), `${file.path}: ${name}`).toBe(true);
      }
    }
  });

  it('declares flutter_map and latlong2 at the pinned versions', () => {
    expect(mapArchetype.dependencies(mapContext('Map'))).toEqual({
      flutter_map: PACKAGE_VERSIONS.flutter_map,
      latlong2: PACKAGE_VERSIONS.latlong2,
    });
  });

  it('explains the tile policy and the network permission in the README', () => {
    const readme = mapArchetype.readme!(mapContext('Map', { platforms: ['android', 'macos'] }));
    expect(readme).toContain('operations.osmfoundation.org/policies/tiles');
    expect(readme).toContain('userAgentPackageName');
    expect(readme).toContain('android.permission.INTERNET');
    expect(readme).toContain('com.apple.security.network.client');
    expect(mapArchetype.readme!(mapContext('Map', { platforms: ['ios'] }))).not.toContain('com.apple.security');
  });
});
