/**
 * Camera / photos: take a photo or pick one from the gallery (image_picker),
 * caption it and keep it as the feature's entity (Photo: caption, image path,
 * taken at); a grid of photos with a full view, delete and undo. Picking goes
 * through a small interface so the widget test passes a fake and never
 * reaches the plugin.
 *
 * A photo is a file on this device, and its path means nothing elsewhere: so
 * the photos always stay on the device (shared_preferences, whatever the
 * app's backend), and the screen says so when the rest of the app's data is
 * shared. Sharing them needs an upload to file storage, described in README.
 */
import type { GeneratedFile } from '../app-spec';
import { dartString } from '../dart-string';
import {
  FAKE_REPOSITORIES_PATH,
  FORMATTERS_PATH,
  dateField,
  displayText,
  isTextual,
  packageUri,
  sampleEntity,
  sampleTitle,
  titleField,
} from '../data/entity-dart';
import { libRelative } from '../data/backends/backend-names';
import { localRepositoryDart } from '../data/backends/local.backend';
import { IDS_PATH } from '../data/entity-files';
import { packages } from '../data/package-versions';
import { requireEntity, type EntityField, type EntityPlan } from '../plan/app-plan';
import { targetPlatforms } from '../spec-text';
import { dartText, fill, uiText } from '../ui-text';
import { chatText } from '../ui-text-chat';
import { recordText } from '../ui-text-records';
import { assignmentDart, callDart, expectFoundOnceDart, ifMountedDart } from './dart-wrap';
import type { ArchetypeTemplate, FeatureContext, ServiceDecl } from './archetype';
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

/** The entity fields the photo screen fills and shows. */
export interface PhotoFields {
  /** The caption the user types (the entity's title field). */
  caption: EntityField;
  /** Where the image file is (a text field named like a path, image or URL). */
  image: EntityField;
  /** When the photo was added, when the entity has a date field. */
  takenAt?: EntityField;
}

const IMAGE_FIELD_NAME = /path|image|photo|picture|file|url|uri/i;

export function photoFields(entity: EntityPlan): PhotoFields {
  const caption = titleField(entity);
  const texts = entity.fields.filter((field) => isTextual(field) && field.name !== caption.name);
  const image = texts.find((field) => IMAGE_FIELD_NAME.test(field.name)) ?? texts[0];
  if (!image) throw new Error(`entity ${entity.className} has no text field to keep a photo's path in`);
  return { caption, image, takenAt: dateField(entity) };
}

/** A Dart literal for a required field the photo screen does not ask for. */
function defaultValue(field: EntityField): string {
  switch (field.type) {
    case 'int':
    case 'decimal':
    case 'money':
      return '0';
    case 'bool':
      return 'false';
    case 'date':
    case 'dateTime':
      return 'DateTime.now()';
    default:
      return "''";
  }
}

function paths(ctx: FeatureContext) {
  return featurePaths(ctx, { imageSource: 'image_source' });
}

/**
 * With a server backend the app's `services.<photos>` would send device paths
 * to it; the camera keeps its photos in their own on-device repository
 * instead (the `none` backend's already is one).
 */
function deviceStore(ctx: FeatureContext): { decl: ServiceDecl; path: string; content: string } | undefined {
  if (ctx.plan.backend === 'none') return undefined;
  const entity = requireEntity(ctx.plan, ctx.feature);
  const local = {
    className: `${ctx.feature.classes.prefix}${entity.className}Repository`,
    path: `${ctx.feature.paths.dir}/${ctx.feature.names.id}_${entity.fileName}_repository.dart`,
  };
  return {
    decl: {
      field: `${entity.collection}OnDevice`,
      type: `${entity.className}Repository`,
      typeImport: libRelative(entity.paths.repository),
      create: `${local.className}(prefs)`,
      createImports: [libRelative(local.path)],
      fake: `InMemory${entity.className}Repository()`,
      fakeImport: FAKE_REPOSITORIES_PATH,
    },
    path: local.path,
    content: localRepositoryDart(entity, local),
  };
}

function names(ctx: FeatureContext) {
  const { prefix, controller, screen } = ctx.feature.classes;
  return {
    screen,
    controller,
    imageSource: `${prefix}ImageSource`,
    pickerImageSource: `${prefix}PickerImageSource`,
    fakeImageSource: `${prefix}FakeImageSource`,
  };
}

/** `photo.imagePath` as a non-null String. */
function imagePathExpr(fields: PhotoFields, item: string): string {
  const access = `${item}.${fields.image.name}`;
  return fields.image.required ? access : `(${access} ?? '')`;
}

function imageSourceDart(ctx: FeatureContext): string {
  const n = names(ctx);
  return `import 'package:image_picker/image_picker.dart' show ImagePicker, ImageSource;

/// Where new photos come from: the screen uses [${n.pickerImageSource}],
/// tests pass a fake.
abstract interface class ${n.imageSource} {
  /// Whether [pick] can use a camera here (phones and the web, not desktops).
  bool get supportsCamera;

  /// The path of the chosen image (a blob URL on the web), or null when the
  /// user cancels.
  Future<String?> pick({required bool fromCamera});
}

/// The device camera and photo library, through image_picker.
class ${n.pickerImageSource} implements ${n.imageSource} {
  ${n.pickerImageSource}({ImagePicker? picker})
      : _picker = picker ?? ImagePicker();

  final ImagePicker _picker;

  @override
  bool get supportsCamera => _picker.supportsImageSource(ImageSource.camera);

  @override
  Future<String?> pick({required bool fromCamera}) async {
    final file = await _picker.pickImage(
      source: fromCamera ? ImageSource.camera : ImageSource.gallery,
      maxWidth: 2048,
      imageQuality: 85,
    );
    return file?.path;
  }
}
`;
}

function controllerDart(ctx: FeatureContext, entity: EntityPlan, fields: PhotoFields): string {
  const n = names(ctx);
  const t = uiText(ctx.plan);
  const E = entity.className;
  const args = [`id: newId()`];
  for (const field of entity.fields) {
    if (field.name === fields.caption.name) args.push(`${field.name}: caption`);
    else if (field.name === fields.image.name) args.push(`${field.name}: imagePath`);
    else if (field.name === fields.takenAt?.name) args.push(`${field.name}: DateTime.now()`);
    else if (field.required) args.push(`${field.name}: ${defaultValue(field)}`);
  }
  const date = fields.takenAt;
  const sortKey = (item: string) => (date?.required ? `${item}.${date.name}` : `${item}.${date?.name} ?? _undated`);
  const sorting = date
    ? `

  /// Newest first.
  static int _newestFirst(${E} a, ${E} b) =>
      ${date.required ? sortKey('b') : `(${sortKey('b')})`}.compareTo(${sortKey('a')});${
        date.required
          ? ''
          : `

  static final DateTime _undated = DateTime.fromMillisecondsSinceEpoch(0);`
      }`
    : '';
  const loaded = date ? `[...items]..sort(_newestFirst)` : `[...items].reversed.toList()`;
  const restored = date ? `[..._items, item]..sort(_newestFirst)` : `[item, ..._items]`;
  const imports = dartImports([
    'package:flutter/foundation.dart',
    fromFeatureDir(entity.paths.model),
    fromFeatureDir(entity.paths.repository),
    fromFeatureDir(IDS_PATH),
    fromFeatureDir(USER_MESSAGE_PATH),
  ]);
  return `${imports}

/// The ${entity.pluralLabel.toLowerCase()} of the grid, newest first; adds, deletes and restores them.
class ${n.controller} extends ChangeNotifier {
  ${n.controller}(this._repository);

  final ${E}Repository _repository;

  List<${E}> _items = const [];
  bool _loading = false;
  String? _error;
  bool _disposed = false;

  List<${E}> get items => _items;
  bool get isLoading => _loading;
  String? get error => _error;

  Future<void> load() async {
    _loading = true;
    _error = null;
    _notify();
    try {
      final items = await _repository.fetchAll();
      _items = ${loaded};
    } catch (error) {
${assignmentDart('      ', '_error', dartText(t.couldNotLoad, { error: 'userMessage(error)' }))}
    } finally {
      _loading = false;
      _notify();
    }
  }

  /// Saves a new ${entity.label.toLowerCase()} for the image at [imagePath].
  Future<void> add({required String caption, required String imagePath}) async {
    final item = ${E}(
${args.map((arg) => `      ${arg},`).join('\n')}
    );
    await _repository.save(item);
    _items = [item, ..._items];
    _notify();
  }

  Future<void> remove(${E} item) async {
    await _repository.delete(item.id);
    _items = _items.where((existing) => existing.id != item.id).toList();
    _notify();
  }

  /// Puts back a ${entity.label.toLowerCase()} removed by [remove] (undo).
  Future<void> restore(${E} item) async {
    await _repository.save(item);
    _items = ${restored};
    _notify();
  }${sorting}

  // Async work may finish after the screen is gone; notifying then would throw.
${SAFE_NOTIFY_DART}
`;
}

function screenDart(ctx: FeatureContext, entity: EntityPlan, fields: PhotoFields): string {
  const n = names(ctx);
  const t = uiText(ctx.plan);
  const p = paths(ctx);
  const E = entity.className;
  const web = targetPlatforms(ctx.plan.spec).includes('web');
  const label = entity.label.toLowerCase();
  const plural = entity.pluralLabel.toLowerCase();
  const date = fields.takenAt;
  const subtitle = (item: string) =>
    date ? `\n            subtitle: Text(${displayText(date, `${item}.${date.name}`)}),` : '';
  const dialogSubtitle = date ? `\n              subtitle: Text(${displayText(date, `photo.${date.name}`)}),` : '';
  const imports = dartImports([
    'dart:io',
    ...(web ? ['package:flutter/foundation.dart'] : []),
    'package:flutter/material.dart',
    ...(date ? [fromFeatureDir(FORMATTERS_PATH)] : []),
    fromFeatureDir(entity.paths.model),
    fromFeatureDir(entity.paths.repository),
    fromFeatureDir(USER_MESSAGE_PATH),
    fileNameOf(p.controller),
    fileNameOf(p.imageSource),
  ]);
  const image = web
    ? `    // On the web the picker hands out a blob URL, not a file path.
    if (kIsWeb) return Image.network(path, fit: fit, errorBuilder: _missing);
    return Image.file(File(path), fit: fit, errorBuilder: _missing);`
    : `    return Image.file(File(path), fit: fit, errorBuilder: _missing);`;
  const caption = fields.caption;
  // The rest of the app's data is shared through the backend; say that photos are not.
  const body = deviceStore(ctx)
    ? `Column(
        children: [
          Padding(
            padding: const EdgeInsets.fromLTRB(16, 12, 16, 0),
            child: Row(
              children: [
                Icon(Icons.smartphone_outlined, size: 18, color: Theme.of(context).colorScheme.onSurfaceVariant),
                const SizedBox(width: 8),
                Expanded(
                  child: Text(
                    ${dartString(chatText(ctx.plan).photosStayOnDevice)},
                    style: Theme.of(context).textTheme.bodySmall,
                  ),
                ),
              ],
            ),
          ),
          Expanded(
            child: ListenableBuilder(
              listenable: _controller,
              builder: (context, _) => _buildBody(),
            ),
          ),
        ],
      )`
    : `ListenableBuilder(
        listenable: _controller,
        builder: (context, _) => _buildBody(),
      )`;
  return `${imports}

/// ${entity.pluralLabel}: take a photo or pick one, caption it, keep it.
class ${n.screen} extends StatefulWidget {
  const ${n.screen}({super.key, required this.repository, this.imageSource});

  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';

  final ${E}Repository repository;

  /// Where new photos come from; the device camera and gallery when null.
  final ${n.imageSource}? imageSource;

  @override
  State<${n.screen}> createState() => _${n.screen}State();
}

class _${n.screen}State extends State<${n.screen}> {
  late final ${n.controller} _controller = ${n.controller}(widget.repository);
  late final ${n.imageSource} _imageSource =
      widget.imageSource ?? ${n.pickerImageSource}();

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

  Future<void> _add() async {
    final fromCamera =
        _imageSource.supportsCamera ? await _chooseSource() : false;
    if (fromCamera == null || !mounted) return;
    final imagePath = await _pick(fromCamera: fromCamera);
    if (imagePath == null || !mounted) return;
    final caption = await showDialog<String>(
      context: context,
      builder: (context) => const _CaptionDialog(),
    );
    if (caption == null || !mounted) return;
    try {
      await _controller.add(caption: caption, imagePath: imagePath);
    } catch (error) {
${ifMountedDart('      ', (indent) => callDart(indent, '_showMessage', dartText(t.couldNotSave, { error: 'userMessage(error)' }), ';'))}
    }
  }

  Future<bool?> _chooseSource() {
    return showModalBottomSheet<bool>(
      context: context,
      showDragHandle: true,
      builder: (context) => SafeArea(
        child: Column(
          mainAxisSize: MainAxisSize.min,
          children: [
            ListTile(
              leading: const Icon(Icons.photo_camera_outlined),
              title: const Text(${dartString(t.takePhoto)}),
              onTap: () => Navigator.of(context).pop(true),
            ),
            ListTile(
              leading: const Icon(Icons.photo_library_outlined),
              title: const Text(${dartString(t.chooseFromGallery)}),
              onTap: () => Navigator.of(context).pop(false),
            ),
          ],
        ),
      ),
    );
  }

  Future<String?> _pick({required bool fromCamera}) async {
    try {
      return await _imageSource.pick(fromCamera: fromCamera);
    } catch (error) {
      if (mounted) {
        _showMessage(
          fromCamera
              ? ${dartText(t.couldNotOpenCamera, { error: 'userMessage(error)' })}
              : ${dartText(t.couldNotOpenGallery, { error: 'userMessage(error)' })},
        );
      }
      return null;
    }
  }

  Future<void> _delete(${E} photo) async {
    try {
      await _controller.remove(photo);
    } catch (error) {
${ifMountedDart('      ', (indent) => callDart(indent, '_showMessage', dartText(t.couldNotDelete, { error: 'userMessage(error)' }), ';'))}
      return;
    }
    if (!mounted) return;
    ScaffoldMessenger.of(context)
      ..hideCurrentSnackBar()
      ..showSnackBar(
        SnackBar(
          content: const Text(${dartString(fill(t.itemDeleted, { item: entity.label }))}),
          action: SnackBarAction(
            label: ${dartString(t.undo)},
            onPressed: () => _restore(photo),
          ),
        ),
      );
  }

  /// Undo of a delete: a failing save is explained, not left uncaught.
  Future<void> _restore(${E} photo) async {
    try {
      await _controller.restore(photo);
    } catch (error) {
${ifMountedDart('      ', (indent) => callDart(indent, '_showMessage', dartText(t.couldNotSave, { error: 'userMessage(error)' }), ';'))}
    }
  }

  Future<void> _open(${E} photo) {
    return showDialog<void>(
      context: context,
      builder: (context) => Dialog(
        clipBehavior: Clip.antiAlias,
        child: Column(
          mainAxisSize: MainAxisSize.min,
          children: [
            Flexible(
              child: InteractiveViewer(
                child: _PhotoImage(
                  path: ${imagePathExpr(fields, 'photo')},
                  fit: BoxFit.contain,
                ),
              ),
            ),
            ListTile(
              title: Text(photo.${caption.name}),${dialogSubtitle}
              trailing: IconButton(
                tooltip: ${dartString(t.close)},
                icon: const Icon(Icons.close),
                onPressed: () => Navigator.of(context).pop(),
              ),
            ),
          ],
        ),
      ),
    );
  }

  void _showMessage(String message) {
    ScaffoldMessenger.of(context)
      ..hideCurrentSnackBar()
      ..showSnackBar(SnackBar(content: Text(message)));
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text(${n.screen}.title)),
      floatingActionButton: FloatingActionButton.extended(
        onPressed: _add,
        icon: const Icon(Icons.add_a_photo_outlined),
        label: const Text(${dartString(fill(t.addItem, { item: label }))}),
      ),
      body: ${body},
    );
  }

  Widget _buildBody() {
    final photos = _controller.items;
    if (_controller.isLoading && photos.isEmpty) {
      return const Center(child: CircularProgressIndicator());
    }
    final error = _controller.error;
    if (error != null && photos.isEmpty) {
      return Center(
        child: Padding(
          padding: const EdgeInsets.all(24),
          child: Column(
            mainAxisSize: MainAxisSize.min,
            children: [
              Text(error, textAlign: TextAlign.center),
              const SizedBox(height: 16),
              FilledButton.tonal(
                onPressed: _controller.load,
                child: const Text(${dartString(t.retry)}),
              ),
            ],
          ),
        ),
      );
    }
    if (photos.isEmpty) {
      return const Center(
        child: Padding(
          padding: EdgeInsets.all(24),
          child: Text(
            ${dartString(fill(t.photosEmpty, { items: plural }))},
            textAlign: TextAlign.center,
          ),
        ),
      );
    }
    return GridView.builder(
      padding: const EdgeInsets.fromLTRB(12, 12, 12, 88),
      gridDelegate: const SliverGridDelegateWithMaxCrossAxisExtent(
        maxCrossAxisExtent: 220,
        mainAxisSpacing: 12,
        crossAxisSpacing: 12,
      ),
      itemCount: photos.length,
      itemBuilder: (context, index) {
        final photo = photos[index];
        return _PhotoTile(
          photo: photo,
          onOpen: () => _open(photo),
          onDelete: () => _delete(photo),
        );
      },
    );
  }
}

class _PhotoTile extends StatelessWidget {
  const _PhotoTile({
    required this.photo,
    required this.onOpen,
    required this.onDelete,
  });

  final ${E} photo;
  final VoidCallback onOpen;
  final VoidCallback onDelete;

  @override
  Widget build(BuildContext context) {
    return Card(
      margin: EdgeInsets.zero,
      clipBehavior: Clip.antiAlias,
      child: InkWell(
        onTap: onOpen,
        child: GridTile(
          footer: GridTileBar(
            backgroundColor: Colors.black54,
            title: Text(photo.${caption.name}),${subtitle('photo')}
            trailing: IconButton(
              tooltip: ${dartString(t.delete)},
              color: Colors.white,
              icon: const Icon(Icons.delete_outline),
              onPressed: onDelete,
            ),
          ),
          child: _PhotoImage(path: ${imagePathExpr(fields, 'photo')}),
        ),
      ),
    );
  }
}

/// The image file (or URL) of a ${label}; a placeholder when it cannot be read.
class _PhotoImage extends StatelessWidget {
  const _PhotoImage({required this.path, this.fit = BoxFit.cover});

  final String path;
  final BoxFit fit;

  @override
  Widget build(BuildContext context) {
    if (path.isEmpty) return const _MissingImage();
${image}
  }

  static Widget _missing(
    BuildContext context,
    Object error,
    StackTrace? stackTrace,
  ) {
    return const _MissingImage();
  }
}

class _MissingImage extends StatelessWidget {
  const _MissingImage();

  @override
  Widget build(BuildContext context) {
    final scheme = Theme.of(context).colorScheme;
    return ColoredBox(
      color: scheme.surfaceContainerHighest,
      child: Center(
        child: Icon(Icons.broken_image_outlined, color: scheme.onSurfaceVariant),
      ),
    );
  }
}

class _CaptionDialog extends StatefulWidget {
  const _CaptionDialog();

  @override
  State<_CaptionDialog> createState() => _CaptionDialogState();
}

class _CaptionDialogState extends State<_CaptionDialog> {
  final GlobalKey<FormState> _formKey = GlobalKey<FormState>();
  final TextEditingController _caption = TextEditingController();

  @override
  void dispose() {
    _caption.dispose();
    super.dispose();
  }

  void _save() {
    if (!(_formKey.currentState?.validate() ?? false)) return;
    Navigator.of(context).pop(_caption.text.trim());
  }

  @override
  Widget build(BuildContext context) {
    return AlertDialog(
      title: const Text(${dartString(fill(t.newItem, { item: label }))}),
      content: Form(
        key: _formKey,
        child: TextFormField(
          controller: _caption,
          autofocus: true,
          decoration: const InputDecoration(labelText: ${dartString(caption.label)}),
          textInputAction: TextInputAction.done,
          onFieldSubmitted: (_) => _save(),
          validator: (value) => value == null || value.trim().isEmpty
              ? ${dartString(fill(t.required, { label: caption.label }))}
              : null,
        ),
      ),
      actions: [
        TextButton(
          onPressed: () => Navigator.of(context).pop(),
          child: const Text(${dartString(t.cancel)}),
        ),
        FilledButton(onPressed: _save, child: const Text(${dartString(t.save)})),
      ],
    );
  }
}
`;
}

function fakesDart(ctx: FeatureContext): string {
  const n = names(ctx);
  const p = paths(ctx);
  return `${dartImports([packageUri(ctx.plan.packageName, p.imageSource)])}

/// Hands out [imagePath] for every pick (null: the user cancelled) and
/// records each request: true for the camera, false for the gallery.
class ${n.fakeImageSource} implements ${n.imageSource} {
  ${n.fakeImageSource}({this.imagePath, this.supportsCamera = true});

  final String? imagePath;
  final List<bool> requests = [];

  @override
  final bool supportsCamera;

  @override
  Future<String?> pick({required bool fromCamera}) async {
    requests.add(fromCamera);
    return imagePath;
  }
}
`;
}

function testDart(ctx: FeatureContext, entity: EntityPlan, fields: PhotoFields): string {
  const n = names(ctx);
  const t = uiText(ctx.plan);
  const p = paths(ctx);
  const pkg = ctx.plan.packageName;
  const E = entity.className;
  const label = entity.label.toLowerCase();
  const plural = entity.pluralLabel.toLowerCase();
  const addLabel = dartString(fill(t.addItem, { item: label }));
  const emptyText = dartString(fill(t.photosEmpty, { items: plural }));
  const stayNote = deviceStore(ctx)
    ? `\n    expect(find.text(${dartString(chatText(ctx.plan).photosStayOnDevice)}), findsOneWidget);`
    : '';
  const imports = dartImports([
    'package:flutter/material.dart',
    'package:flutter_test/flutter_test.dart',
    packageUri(pkg, entity.paths.model),
    packageUri(pkg, entity.paths.repository),
    packageUri(pkg, ctx.feature.paths.screen),
    packageUri(pkg, p.imageSource),
    relativeTestImport(ctx.feature.paths.test, FAKE_REPOSITORIES_PATH),
    relativeTestImport(ctx.feature.paths.test, p.fakes),
  ]);
  return `${imports}

void main() {
  Future<void> pumpScreen(
    WidgetTester tester,
    ${E}Repository repository,
    ${n.imageSource} imageSource,
  ) async {
    await tester.pumpWidget(
      MaterialApp(
        home: ${n.screen}(repository: repository, imageSource: imageSource),
      ),
    );
    await tester.pumpAndSettle();
  }

  testWidgets('a new photo is saved with its caption and shown in the grid', (tester) async {
    final repository = InMemory${E}Repository();
    final imageSource = ${n.fakeImageSource}(imagePath: '/photos/harbour.jpg');
    await pumpScreen(tester, repository, imageSource);
    expect(find.textContaining(${emptyText}), findsOneWidget);${stayNote}

    await tester.tap(find.text(${addLabel}));
    await tester.pumpAndSettle();
    await tester.tap(find.text(${dartString(t.takePhoto)}));
    await tester.pumpAndSettle();
    expect(imageSource.requests, [true]);

    await tester.tap(find.text(${dartString(t.save)}));
    await tester.pump();
    expect(find.text(${dartString(fill(t.required, { label: fields.caption.label }))}), findsOneWidget);

    await tester.enterText(find.byType(TextFormField), 'Harbour at dawn');
    await tester.tap(find.text(${dartString(t.save)}));
    await tester.pumpAndSettle();

    expect(find.text('Harbour at dawn'), findsOneWidget);
    expect(find.textContaining(${emptyText}), findsNothing);
    final saved = await repository.fetchAll();
    expect(saved.single.${fields.image.name}, '/photos/harbour.jpg');
  });

  testWidgets('offers the gallery alone where there is no camera', (tester) async {
    final imageSource = ${n.fakeImageSource}(supportsCamera: false);
    await pumpScreen(tester, InMemory${E}Repository(), imageSource);

    await tester.tap(find.text(${addLabel}));
    await tester.pumpAndSettle();

    expect(find.text(${dartString(t.takePhoto)}), findsNothing);
    expect(imageSource.requests, [false]);
    expect(find.textContaining(${emptyText}), findsOneWidget);
  });

  testWidgets('deletes a photo and brings it back with undo', (tester) async {
    final repository = InMemory${E}Repository(seed: ${sampleKeyword(entity) === 'const' ? 'const ' : ''}[
      ${sampleEntity(entity, 1)},
    ]);
    await pumpScreen(tester, repository, ${n.fakeImageSource}());
    expect(find.text(${dartString(sampleTitle(entity, 1))}), findsOneWidget);

    await tester.tap(find.byTooltip(${dartString(t.delete)}));
    await tester.pumpAndSettle();
    expect(find.text(${dartString(sampleTitle(entity, 1))}), findsNothing);
    expect(await repository.fetchAll(), isEmpty);

    await tester.tap(find.text(${dartString(t.undo)}));
    await tester.pumpAndSettle();
    expect(find.text(${dartString(sampleTitle(entity, 1))}), findsOneWidget);
    expect(await repository.fetchAll(), hasLength(1));
  });

  testWidgets('explains an undo the backend cannot save', (tester) async {
    final repository = InMemory${E}Repository(seed: ${sampleKeyword(entity) === 'const' ? 'const ' : ''}[
      ${sampleEntity(entity, 1)},
    ]);
    await pumpScreen(tester, repository, ${n.fakeImageSource}());
    await tester.tap(find.byTooltip(${dartString(t.delete)}));
    await tester.pumpAndSettle();

    repository.failing = true;
    await tester.tap(find.text(${dartString(t.undo)}));
    await tester.pumpAndSettle();

    // Told in words (the fake throws a plain Exception: the generic sentence), not as the exception.
${expectFoundOnceDart('    ', `find.text(${dartString(fill(t.couldNotSave, { error: recordText(ctx.plan).errorOther }))})`)}
    expect(find.text(${dartString(sampleTitle(entity, 1))}), findsNothing);
  });
}
`;
}

function readme(ctx: FeatureContext): string {
  const entity = requireEntity(ctx.plan, ctx.feature);
  const fields = photoFields(entity);
  const platforms = targetPlatforms(ctx.plan.spec);
  const lines = [
    `The photo screen (${featureLabel(ctx)}) uses [image_picker](https://pub.dev/packages/image_picker).`,
    '',
    '- **iOS**: add both usage texts to `ios/Runner/Info.plist` (without them iOS ends the app when it opens the camera or the library):',
    '',
    '  ```xml',
    '  <key>NSCameraUsageDescription</key>',
    '  <string>Take photos to keep in the app.</string>',
    '  <key>NSPhotoLibraryUsageDescription</key>',
    '  <string>Choose photos from your library to keep in the app.</string>',
    '  ```',
    '- **Android**: no manifest entry is needed (the system camera and photo picker do the work). Android may stop the app while the camera is open on low-memory devices; `ImagePicker().retrieveLostData()` recovers that photo if you need it. Picked files are in the app cache: copy them (e.g. with path_provider) if they must outlive it.',
  ];
  if (platforms.includes('web')) {
    lines.push(
      '- **Web**: the picked image is a blob URL that is valid for the browser session only; upload it if it must be kept.',
    );
  }
  if (platforms.includes('macos')) {
    lines.push(
      '- **macOS**: there is no camera source (the screen offers the gallery only); add the file access entitlement to `macos/Runner/DebugProfile.entitlements` and `macos/Runner/Release.entitlements`:',
      '',
      '  ```xml',
      '  <key>com.apple.security.files.user-selected.read-only</key>',
      '  <true/>',
      '  ```',
    );
  }
  if (platforms.includes('windows') || platforms.includes('linux')) {
    lines.push('- **Windows / Linux**: there is no camera source; the screen opens a file picker instead.');
  }
  lines.push(
    '',
    ctx.plan.backend === 'none'
      ? `Each ${entity.label.toLowerCase()} is stored on the device with the path of its image file (\`${fields.image.name}\`).`
      : `${entity.pluralLabel} stay on this device, whatever the backend: the screen keeps each ${entity.label.toLowerCase()} (${fields.caption.label.toLowerCase()} and the path of its image file, \`${fields.image.name}\`) with \`shared_preferences\` (\`services.${deviceStore(ctx)?.decl.field}\`) and says so above the grid, because a device path means nothing on other devices. To share them, upload the file to your backend's file storage, store its URL in \`${fields.image.name}\`, and give the screen a ${entity.className}Repository on your backend (the app writes none for it, as nothing is shared yet).`,
  );
  return lines.join('\n');
}

export const cameraArchetype: ArchetypeTemplate = {
  id: 'camera',
  // The on-device photo store of a server-backed app reads shared_preferences.
  dependencies: (ctx) => ({
    ...packages('image_picker'),
    ...(deviceStore(ctx) ? packages('shared_preferences') : {}),
  }),
  files(ctx): GeneratedFile[] {
    const entity = requireEntity(ctx.plan, ctx.feature);
    const fields = photoFields(entity);
    const p = paths(ctx);
    const store = deviceStore(ctx);
    return [
      ...(store ? [{ path: store.path, content: store.content }] : []),
      { path: p.imageSource, content: imageSourceDart(ctx) },
      { path: p.controller, content: controllerDart(ctx, entity, fields) },
      { path: ctx.feature.paths.screen, content: screenDart(ctx, entity, fields) },
      { path: p.fakes, content: fakesDart(ctx) },
      { path: ctx.feature.paths.test, content: testDart(ctx, entity, fields) },
    ];
  },
  screenBuilder(ctx) {
    const entity = requireEntity(ctx.plan, ctx.feature);
    const field = deviceStore(ctx)?.decl.field ?? entity.collection;
    return `${ctx.feature.classes.screen}(repository: services.${field})`;
  },
  services(ctx) {
    const store = deviceStore(ctx);
    return store ? [store.decl] : [];
  },
  readme,
  summary(ctx) {
    const entity = requireEntity(ctx.plan, ctx.feature);
    const fields = entity.fields.map((field) => field.label.toLowerCase()).join(', ');
    return `${featureLabel(ctx)}: take a photo or pick one from the gallery, caption it and keep it in a grid, with delete and undo (${entity.pluralLabel}: ${fields}).`;
  },
};
