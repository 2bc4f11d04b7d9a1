import { describe, expect, it } from 'vitest';
import { dartString } from '../dart-string';
import { PACKAGE_VERSIONS } from '../data/package-versions';
import { requireEntity } from '../plan/app-plan';
import { chatText } from '../ui-text-chat';
import type { FeatureContext } from './archetype';
import { cameraArchetype, photoFields } from './camera.archetype';
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

function cameraContext(label: string, overrides: Parameters<typeof appSpec>[1] = {}): FeatureContext {
  return contextFor(appSpec([label, 'Expenses'], overrides), 'camera');
}

function fileOf(ctx: FeatureContext, suffix: string): string {
  return fileEndingWith(cameraArchetype, ctx, suffix);
}

describe('camera archetype', () => {
  it.each(HOSTILE_LABELS.camera)('writes Dart that parses and imports only what it declares (%s)', async (label) => {
    for (const backend of BACKENDS) {
      const ctx = cameraContext(label, { backend, platforms: backend === 'none' ? ['android', 'ios', 'web'] : [] });
      await expectParses(cameraArchetype.files(ctx));
      await expectImportsResolve(cameraArchetype, ctx);
    }
  });

  it('works on the Photo entity of the plan, generically over its fields', () => {
    const ctx = cameraContext('Camera');
    const entity = requireEntity(ctx.plan, ctx.feature);
    expect(entity.className).toBe('Photo');
    const fields = photoFields(entity);
    expect([fields.caption.name, fields.image.name, fields.takenAt?.name]).toEqual(['caption', 'imagePath', 'takenAt']);
    const controller = fileOf(ctx, '_controller.dart');
    expect(controller).toContain('final PhotoRepository _repository;');
    expect(controller).toContain('id: newId(),');
    expect(controller).toContain('caption: caption,');
    expect(controller).toContain('imagePath: imagePath,');
    expect(controller).toContain('takenAt: DateTime.now(),');
    expect(cameraArchetype.screenBuilder(ctx)).toBe(`${ctx.feature.classes.screen}(repository: services.photos)`);
  });

  it('picks with image_picker behind an interface the test fakes', () => {
    const ctx = cameraContext('Camera');
    const source = fileOf(ctx, '_image_source.dart');
    expect(source).toContain('abstract interface class CameraImageSource');
    expect(source).toContain('Future<String?> pick({required bool fromCamera});');
    expect(source).toContain('_picker.pickImage(');
    expect(source).toContain('source: fromCamera ? ImageSource.camera : ImageSource.gallery');
    expect(source).toContain('imageQuality: 85');
    expect(source).toContain('return file?.path;');
    const screen = fileOf(ctx, '_screen.dart');
    expect(screen).not.toContain('package:image_picker');
    expect(screen).toContain('widget.imageSource ?? CameraPickerImageSource()');
    expect(screen).toContain('GridView.builder(');
    expect(screen).toContain('Image.file(File(path), fit: fit, errorBuilder: _missing)');
    expect(screen).toContain('showDialog<String>(');
    expect(screen).toContain("'Caption is required'");
    expect(screen).toContain('SnackBarAction(');
    expect(screen).not.toMatch(/const Text\(widget\./);
  });

  it('shows network images on the web only when the app targets the web', () => {
    const web = fileOf(cameraContext('Camera', { platforms: ['web', 'android'] }), '_screen.dart');
    expect(web).toContain('if (kIsWeb) return Image.network(path');
    expect(web).toContain("import 'package:flutter/foundation.dart';");
    const mobile = fileOf(cameraContext('Camera', { platforms: ['android', 'ios'] }), '_screen.dart');
    expect(mobile).not.toContain('kIsWeb');
    expect(mobile).not.toContain('package:flutter/foundation.dart');
  });

  it('tests adding, the gallery-only case and delete with undo, without the plugin', () => {
    const ctx = cameraContext('Camera');
    const test = fileOf(ctx, '_screen_test.dart');
    expect(test).toContain('CameraScreen(repository: repository, imageSource: imageSource)');
    expect(test).toContain("await tester.tap(find.text('Take a photo'));");
    expect(test).toContain("await tester.enterText(find.byType(TextFormField), 'Harbour at dawn');");
    expect(test).toContain("expect(find.text('Harbour at dawn'), findsOneWidget);");
    expect(test).toContain("expect(saved.single.imagePath, '/photos/harbour.jpg');");
    expect(test).toContain("await tester.tap(find.byTooltip('Delete'));");
    expect(test).toContain("await tester.tap(find.text('Undo'));");
    expect(test).toContain('InMemoryPhotoRepository(seed: [');
    expect(test).not.toContain('ImagePicker');
    expect(fileOf(ctx, '_fakes.dart')).toContain('class CameraFakeImageSource implements CameraImageSource');
  });

  it('explains an undo whose save fails instead of leaving the error uncaught', () => {
    const ctx = cameraContext('Camera');
    const screen = fileOf(ctx, '_screen.dart');
    expect(screen).toContain('onPressed: () => _restore(photo),');
    expect(screen).toContain(
      "await _controller.restore(photo);\n    } catch (error) {\n      if (mounted) _showMessage('Could not save: ${userMessage(error)}');",
    );
    const test = fileOf(ctx, '_screen_test.dart');
    expect(test).toContain("testWidgets('explains an undo the backend cannot save'");
    expect(test).toContain('repository.failing = true;');
    // The whole localized sentence: the fake's exception never reaches the screen.
    expect(test).toContain(
      "expect(\n      find.text('Could not save: Something went wrong. Please try again.'),\n      findsOneWidget,\n    );",
    );
  });

  it('fills any other required fields and copes without a date field or with an optional path', async () => {
    const base = cameraContext('Camera');
    const ctx = withEntity(base, (entity) => ({
      ...entity,
      fields: [
        { name: 'caption', column: 'caption', label: 'Caption', type: 'text', required: true },
        { name: 'fileUrl', column: 'file_url', label: 'File url', type: 'url', required: false },
        { name: 'rating', column: 'rating', label: 'Rating', type: 'int', required: true },
        { name: 'favourite', column: 'favourite', label: 'Favourite', type: 'bool', required: false },
      ],
    }));
    const files = cameraArchetype.files(ctx);
    await expectParses(files);
    await expectImportsResolve(cameraArchetype, ctx);
    const controller = fileOf(ctx, '_controller.dart');
    expect(controller).toContain('fileUrl: imagePath,');
    expect(controller).toContain('rating: 0,');
    expect(controller).not.toContain('favourite:');
    expect(controller).not.toContain('_newestFirst');
    const screen = fileOf(ctx, '_screen.dart');
    expect(screen).toContain("path: (photo.fileUrl ?? '')");
    expect(screen).not.toContain('formatters.dart');
    expect(fileOf(ctx, '_screen_test.dart')).toContain("expect(saved.single.fileUrl, '/photos/harbour.jpg');");
  });

  it('sorts by an optional date field too', async () => {
    const ctx = withEntity(cameraContext('Camera'), (entity) => ({
      ...entity,
      fields: entity.fields.map((field) => (field.type === 'date' ? { ...field, required: false } : field)),
    }));
    await expectParses(cameraArchetype.files(ctx));
    const controller = fileOf(ctx, '_controller.dart');
    expect(controller).toContain('(b.takenAt ?? _undated).compareTo(a.takenAt ?? _undated)');
    expect(controller).toContain('static final DateTime _undated');
  });

  it('refuses an entity with nowhere to keep the image path', () => {
    const ctx = withEntity(cameraContext('Camera'), (entity) => ({
      ...entity,
      fields: entity.fields.filter((field) => field.name === 'caption'),
    }));
    expect(() => cameraArchetype.files(ctx)).toThrow(/path/);
  });

  it('escapes the label and names every public class after the feature', () => {
    const label = HOSTILE_LABELS.camera[0];
    const ctx = cameraContext(label);
    expect(fileOf(ctx, '_screen.dart')).toContain(`static const String title = ${dartString(label)};`);
    for (const file of cameraArchetype.files(ctx)) {
      for (const name of publicTypes(file.content)) {
        expect(name.startsWith(ctx.feature.classes.prefix), `${file.path}: ${name}`).toBe(true);
      }
    }
  });

  it('declares image_picker (and shared_preferences for device photos) at the pinned versions', () => {
    for (const backend of BACKENDS) {
      // A server-backed app keeps its photos on the device with shared_preferences.
      expect(cameraArchetype.dependencies(cameraContext('Camera', { backend }))).toEqual({
        image_picker: PACKAGE_VERSIONS.image_picker,
        ...(backend === 'none' ? {} : { shared_preferences: PACKAGE_VERSIONS.shared_preferences }),
      });
    }
  });

  it('explains the usage texts and where the image lives in the README', () => {
    const local = cameraArchetype.readme!(cameraContext('Camera', { platforms: ['android', 'ios'] }));
    expect(local).toContain('NSCameraUsageDescription');
    expect(local).toContain('NSPhotoLibraryUsageDescription');
    expect(local).toContain('**Android**');
    expect(local).not.toContain('macOS');
    const remote = cameraArchetype.readme!(
      cameraContext('Camera', { backend: 'firebase', platforms: ['macos', 'web'] }),
    );
    expect(remote).toContain('Photos stay on this device, whatever the backend');
    expect(remote).toContain('`services.photosOnDevice`');
    expect(remote).toContain('com.apple.security.files.user-selected.read-only');
    expect(remote).toContain('blob URL');
  });

  it('keeps photos on the device with a server backend, and says so above the grid', () => {
    for (const backend of BACKENDS.filter((kind) => kind !== 'none')) {
      const ctx = cameraContext('Camera', { backend });
      const files = cameraArchetype.files(ctx);
      const store = fileOf(ctx, '_photo_repository.dart');
      expect(store).toContain('class CameraPhotoRepository implements PhotoRepository');
      expect(store).toContain("static const String storageKey = 'photos';");
      expect(files.every((file) => !file.path.startsWith('lib/data/'))).toBe(true);
      expect(cameraArchetype.screenBuilder(ctx)).toBe('CameraScreen(repository: services.photosOnDevice)');
      expect(cameraArchetype.services?.(ctx)).toEqual([
        expect.objectContaining({ field: 'photosOnDevice', create: 'CameraPhotoRepository(prefs)' }),
      ]);
      const note = dartString(chatText(ctx.plan).photosStayOnDevice);
      expect(fileOf(ctx, '_screen.dart')).toContain(note);
      expect(fileOf(ctx, '_test.dart')).toContain(`expect(find.text(${note}), findsOneWidget);`);
    }
    const local = cameraContext('Camera');
    expect(cameraArchetype.services?.(local)).toEqual([]);
    expect(fileOf(local, '_screen.dart')).not.toContain(dartString(chatText(local.plan).photosStayOnDevice));
  });
});
