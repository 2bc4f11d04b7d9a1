/**
 * A domain entity's screens: list, add/edit form with validation, detail view
 * and delete, over the entity's repository (whatever the backend).
 */
import type { GeneratedFile } from '../app-spec';
import { dartString } from '../dart-string';
import {
  FAKE_REPOSITORIES_PATH,
  FORMATTERS_PATH,
  displayText,
  isNumeric,
  packageUri,
  sampleEntity,
  sampleTitle,
  titleField,
} from '../data/entity-dart';
import { IDS_PATH } from '../data/entity-files';
import { requireEntity, type EntityField, type EntityPlan } from '../plan/app-plan';
import type { ArchetypeTemplate, FeatureContext } from './archetype';

/** Relative import from a file in `lib/features/<id>/` to a root-relative `lib/…` path. */
export function fromFeatureDir(rootPath: string): string {
  return `../../${rootPath.slice('lib/'.length)}`;
}

function paths(ctx: FeatureContext) {
  const { dir, names } = { dir: ctx.feature.paths.dir, names: ctx.feature.names };
  return {
    controller: `${dir}/${names.id}_controller.dart`,
    form: `${dir}/${names.id}_form_screen.dart`,
    detail: `${dir}/${names.id}_detail_screen.dart`,
  };
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function controllerDart(ctx: FeatureContext, entity: EntityPlan): string {
  const { controller } = ctx.feature.classes;
  const E = entity.className;
  return `import 'package:flutter/foundation.dart';

import '${fromFeatureDir(entity.paths.model)}';
import '${fromFeatureDir(entity.paths.repository)}';

/// Loads, saves and deletes ${entity.pluralLabel.toLowerCase()}; the screens listen to it.
class ${controller} extends ChangeNotifier {
  ${controller}(this._repository);

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
      _items = [...items]..sort((a, b) => a.displayTitle.toLowerCase().compareTo(b.displayTitle.toLowerCase()));
    } catch (error) {
      _error = 'Could not load ${entity.pluralLabel.toLowerCase()}: $error';
    } finally {
      _loading = false;
      _notify();
    }
  }

  Future<void> save(${E} item) async {
    await _repository.save(item);
    await load();
  }

  Future<void> delete(${E} item) async {
    await _repository.delete(item.id);
    await load();
  }

  // Async work may finish after the screen is gone; notifying then would throw.
  void _notify() {
    if (!_disposed) notifyListeners();
  }

  @override
  void dispose() {
    _disposed = true;
    super.dispose();
  }
}
`;
}

/** Other fields shown under the title in the list: the first two that are not long text. */
function subtitleFields(entity: EntityPlan): EntityField[] {
  return entity.fields.filter((field) => field.name !== entity.titleField && field.type !== 'longText').slice(0, 2);
}

function subtitleExpr(entity: EntityPlan, item: string): string | undefined {
  const fields = subtitleFields(entity);
  if (fields.length === 0) return undefined;
  const parts = fields.map((field) => displayText(field, `${item}.${field.name}`));
  return `[${parts.join(', ')}].where((part) => part.isNotEmpty).join(' · ')`;
}

function screenDart(ctx: FeatureContext, entity: EntityPlan): string {
  const { screen, controller, prefix } = ctx.feature.classes;
  const p = paths(ctx);
  const E = entity.className;
  const subtitle = subtitleExpr(entity, 'item');
  const usesFormatters = subtitleFields(entity).some((field) => ['money', 'decimal', 'date'].includes(field.type));
  const imports = [
    `import '${fileName(p.controller)}';`,
    `import '${fileName(p.detail)}';`,
    `import '${fileName(p.form)}';`,
    `import '${fromFeatureDir(entity.paths.model)}';`,
    `import '${fromFeatureDir(entity.paths.repository)}';`,
    ...(usesFormatters ? [`import '${fromFeatureDir(FORMATTERS_PATH)}';`] : []),
  ].sort();
  return `import 'package:flutter/material.dart';

${imports.join('\n')}

/// ${entity.pluralLabel}: the list, with add, open and delete.
class ${screen} extends StatefulWidget {
  const ${screen}({super.key, required this.repository});

  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';

  final ${E}Repository repository;

  @override
  State<${screen}> createState() => _${screen}State();
}

class _${screen}State extends State<${screen}> {
  late final ${controller} _controller = ${controller}(widget.repository);

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

  Future<void> _openForm([${E}? item]) async {
    final saved = await Navigator.of(context).push<${E}>(
      MaterialPageRoute(builder: (context) => ${prefix}FormScreen(initial: item)),
    );
    if (saved != null) await _controller.save(saved);
  }

  Future<void> _openDetail(${E} item) async {
    await Navigator.of(context).push<void>(
      MaterialPageRoute(
        builder: (context) => ${prefix}DetailScreen(
          item: item,
          onEdit: () => _openForm(item),
          onDelete: () => _controller.delete(item),
        ),
      ),
    );
  }

  Future<void> _confirmDelete(${E} item) async {
    final confirmed = await showDialog<bool>(
      context: context,
      builder: (context) => AlertDialog(
        title: const Text(${dartString(`Delete this ${entity.label.toLowerCase()}?`)}),
        content: Text(item.displayTitle),
        actions: [
          TextButton(
            onPressed: () => Navigator.of(context).pop(false),
            child: const Text('Cancel'),
          ),
          FilledButton(
            onPressed: () => Navigator.of(context).pop(true),
            child: const Text('Delete'),
          ),
        ],
      ),
    );
    if (confirmed ?? false) await _controller.delete(item);
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text(${screen}.title)),
      floatingActionButton: FloatingActionButton.extended(
        onPressed: _openForm,
        icon: const Icon(Icons.add),
        label: const Text(${dartString(`Add ${entity.label.toLowerCase()}`)}),
      ),
      body: ListenableBuilder(
        listenable: _controller,
        builder: (context, _) => _buildBody(context),
      ),
    );
  }

  Widget _buildBody(BuildContext context) {
    if (_controller.isLoading && _controller.items.isEmpty) {
      return const Center(child: CircularProgressIndicator());
    }
    final error = _controller.error;
    if (error != null) {
      return Center(
        child: Padding(
          padding: const EdgeInsets.all(24),
          child: Column(
            mainAxisSize: MainAxisSize.min,
            children: [
              Text(error, textAlign: TextAlign.center),
              const SizedBox(height: 12),
              OutlinedButton(
                onPressed: _controller.load,
                child: const Text('Retry'),
              ),
            ],
          ),
        ),
      );
    }
    final items = _controller.items;
    if (items.isEmpty) {
      return const Center(
        child: Padding(
          padding: EdgeInsets.all(24),
          child: Text(
            ${dartString(`No ${entity.pluralLabel.toLowerCase()} yet. Tap "Add ${entity.label.toLowerCase()}" to create one.`)},
            textAlign: TextAlign.center,
          ),
        ),
      );
    }
    return ListView.separated(
      padding: const EdgeInsets.only(bottom: 88),
      itemCount: items.length,
      separatorBuilder: (context, index) => const Divider(height: 1),
      itemBuilder: (context, index) {
        final item = items[index];
        return ListTile(
          title: Text(item.displayTitle),
${subtitle ? `          subtitle: Text(${subtitle}),\n` : ''}          onTap: () => _openDetail(item),
          trailing: IconButton(
            icon: const Icon(Icons.delete_outline),
            tooltip: 'Delete',
            onPressed: () => _confirmDelete(item),
          ),
        );
      },
    );
  }
}
`;
}

function fieldKey(field: EntityField): string {
  return `Key('${field.name}Field')`;
}

function textFieldValidator(field: EntityField): string {
  const checks: string[] = [];
  if (field.required) checks.push(`    if (text.isEmpty) return ${dartString(`${field.label} is required`)};`);
  else checks.push('    if (text.isEmpty) return null;');
  if (field.type === 'email')
    checks.push(`    if (!RegExp(r'^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$').hasMatch(text)) return 'Enter a valid email';`);
  if (field.type === 'url')
    checks.push(`    if (Uri.tryParse(text)?.hasAbsolutePath != true) return 'Enter a full URL (https://…)';`);
  if (field.type === 'phone')
    checks.push(`    if (!RegExp(r'^[+0-9 ()-]{6,}$').hasMatch(text)) return 'Enter a valid phone number';`);
  if (field.type === 'int') checks.push(`    if (int.tryParse(text) == null) return 'Enter a whole number';`);
  if (field.type === 'decimal' || field.type === 'money') {
    checks.push(`    final number = double.tryParse(text.replaceAll(',', '.'));`);
    checks.push(`    if (number == null) return 'Enter a number';`);
    if (field.type === 'money') checks.push(`    if (number < 0) return 'Enter an amount of 0 or more';`);
  }
  checks.push('    return null;');
  return checks.join('\n');
}

function keyboardType(field: EntityField): string | undefined {
  switch (field.type) {
    case 'email':
      return 'TextInputType.emailAddress';
    case 'phone':
      return 'TextInputType.phone';
    case 'url':
      return 'TextInputType.url';
    case 'int':
      return 'TextInputType.number';
    case 'decimal':
    case 'money':
      return 'const TextInputType.numberWithOptions(decimal: true)';
    case 'longText':
      return 'TextInputType.multiline';
    default:
      return undefined;
  }
}

/** The Dart expression reading the field's value back from the form state. */
function formValue(field: EntityField): string {
  const text = `_${field.name}.text.trim()`;
  switch (field.type) {
    case 'bool':
      return `_${field.name}`;
    case 'date':
      return field.required ? `_${field.name} ?? DateTime.now()` : `_${field.name}`;
    case 'int':
      return field.required ? `int.parse(${text})` : `int.tryParse(${text})`;
    case 'decimal':
    case 'money':
      return field.required
        ? `double.parse(${text}.replaceAll(',', '.'))`
        : `double.tryParse(${text}.replaceAll(',', '.'))`;
    default:
      return field.required ? text : `${text}.isEmpty ? null : ${text}`;
  }
}

function initialText(field: EntityField): string {
  const value = `widget.initial?.${field.name}`;
  if (field.type === 'int' || isNumeric(field)) return `${value}?.toString() ?? ''`;
  return `${value} ?? ''`;
}

function formDart(ctx: FeatureContext, entity: EntityPlan): string {
  const { prefix } = ctx.feature.classes;
  const E = entity.className;
  const form = `${prefix}FormScreen`;
  const textFields = entity.fields.filter((field) => field.type !== 'bool' && field.type !== 'date');
  const dateFields = entity.fields.filter((field) => field.type === 'date');
  const boolFields = entity.fields.filter((field) => field.type === 'bool');
  const state = [
    ...textFields.map(
      (field) =>
        `  late final TextEditingController _${field.name} =\n      TextEditingController(text: ${initialText(field)});`,
    ),
    ...dateFields.map((field) =>
      field.required
        ? `  late DateTime? _${field.name} = widget.initial?.${field.name} ?? DateTime.now();`
        : `  late DateTime? _${field.name} = widget.initial?.${field.name};`,
    ),
    ...boolFields.map((field) => `  late bool _${field.name} = widget.initial?.${field.name} ?? false;`),
  ].join('\n');
  const dispose = textFields.map((field) => `    _${field.name}.dispose();`).join('\n');
  const validators = textFields
    .map(
      (field) => `  String? _validate${field.name[0].toUpperCase()}${field.name.slice(1)}(String? value) {
    final text = value?.trim() ?? '';
${textFieldValidator(field)}
  }`,
    )
    .join('\n\n');
  const widgets = entity.fields
    .map((field) => {
      if (field.type === 'bool') {
        return `            SwitchListTile(
              key: const ${fieldKey(field)},
              contentPadding: EdgeInsets.zero,
              title: const Text(${dartString(field.label)}),
              value: _${field.name},
              onChanged: (value) => setState(() => _${field.name} = value),
            ),`;
      }
      if (field.type === 'date') {
        return `            ListTile(
              key: const ${fieldKey(field)},
              contentPadding: EdgeInsets.zero,
              leading: const Icon(Icons.event_outlined),
              title: const Text(${dartString(field.required ? field.label : `${field.label} (optional)`)}),
              subtitle: Text(_${field.name} == null ? 'Not set' : formatDate(_${field.name}!)),
              onTap: () => _pickDate(
                _${field.name},
                (picked) => setState(() => _${field.name} = picked),
              ),
            ),`;
      }
      const keyboard = keyboardType(field);
      const lines = [
        `            TextFormField(`,
        `              key: const ${fieldKey(field)},`,
        `              controller: _${field.name},`,
        `              decoration: const InputDecoration(`,
        `                labelText: ${dartString(field.required ? field.label : `${field.label} (optional)`)},`,
        `                border: OutlineInputBorder(),`,
        `              ),`,
        ...(keyboard ? [`              keyboardType: ${keyboard},`] : []),
        ...(field.type === 'longText' ? ['              minLines: 2,', '              maxLines: 6,'] : []),
        `              validator: _validate${field.name[0].toUpperCase()}${field.name.slice(1)},`,
        `            ),`,
      ];
      return lines.join('\n');
    })
    .join('\n            const SizedBox(height: 16),\n');
  const args = [
    '      id: widget.initial?.id ?? newId(),',
    ...entity.fields.map((field) => `      ${field.name}: ${formValue(field)},`),
  ].join('\n');
  const datePicker = dateFields.length
    ? `

  Future<void> _pickDate(DateTime? current, ValueChanged<DateTime> onPicked) async {
    final picked = await showDatePicker(
      context: context,
      initialDate: current ?? DateTime.now(),
      firstDate: DateTime(2000),
      lastDate: DateTime(2100),
    );
    if (picked != null) onPicked(picked);
  }`
    : '';
  const imports = [
    `import '${fromFeatureDir(entity.paths.model)}';`,
    `import '${fromFeatureDir(IDS_PATH)}';`,
    ...(dateFields.length ? [`import '${fromFeatureDir(FORMATTERS_PATH)}';`] : []),
  ].sort();
  return `import 'package:flutter/material.dart';

${imports.join('\n')}

/// Adds a ${entity.label.toLowerCase()} (or edits \`initial\`); pops with the saved value.
class ${form} extends StatefulWidget {
  const ${form}({super.key, this.initial});

  final ${E}? initial;

  @override
  State<${form}> createState() => _${form}State();
}

class _${form}State extends State<${form}> {
  final _formKey = GlobalKey<FormState>();
${state}

  @override
  void dispose() {
${dispose}
    super.dispose();
  }

${validators}${datePicker}

  void _submit() {
    if (!(_formKey.currentState?.validate() ?? false)) return;
    Navigator.of(context).pop(${E}(
${args}
    ));
  }

  @override
  Widget build(BuildContext context) {
    final editing = widget.initial != null;
    return Scaffold(
      appBar: AppBar(
        title: Text(editing ? ${dartString(`Edit ${entity.label.toLowerCase()}`)} : ${dartString(`New ${entity.label.toLowerCase()}`)}),
      ),
      body: Form(
        key: _formKey,
        child: ListView(
          padding: const EdgeInsets.all(16),
          children: [
${widgets}
            const SizedBox(height: 24),
            FilledButton.icon(
              onPressed: _submit,
              icon: const Icon(Icons.check),
              label: const Text('Save'),
            ),
          ],
        ),
      ),
    );
  }
}
`;
}

function detailDart(ctx: FeatureContext, entity: EntityPlan): string {
  const { prefix } = ctx.feature.classes;
  const detail = `${prefix}DetailScreen`;
  const rows = entity.fields
    .map(
      (field) => `          ListTile(
            title: const Text(${dartString(field.label)}),
            subtitle: Text(${displayText(field, `item.${field.name}`)}),
          ),`,
    )
    .join('\n');
  const usesFormatters = entity.fields.some((field) => ['money', 'decimal', 'date'].includes(field.type));
  return `import 'package:flutter/material.dart';

${usesFormatters ? `import '${fromFeatureDir(FORMATTERS_PATH)}';\n` : ''}import '${fromFeatureDir(entity.paths.model)}';

/// Every field of one ${entity.label.toLowerCase()}, with edit and delete.
class ${detail} extends StatelessWidget {
  const ${detail}({
    super.key,
    required this.item,
    required this.onEdit,
    required this.onDelete,
  });

  final ${entity.className} item;
  final Future<void> Function() onEdit;
  final Future<void> Function() onDelete;

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(
        title: Text(item.displayTitle),
        actions: [
          IconButton(
            icon: const Icon(Icons.edit_outlined),
            tooltip: 'Edit',
            onPressed: () async {
              Navigator.of(context).pop();
              await onEdit();
            },
          ),
          IconButton(
            icon: const Icon(Icons.delete_outline),
            tooltip: 'Delete',
            onPressed: () async {
              Navigator.of(context).pop();
              await onDelete();
            },
          ),
        ],
      ),
      body: ListView(
        children: [
${rows}
        ],
      ),
    );
  }
}
`;
}

/** Dart text a test types into a field so that its validator passes. */
function validInput(field: EntityField): string {
  switch (field.type) {
    case 'email':
      return 'ada@example.com';
    case 'phone':
      return '+1 555 0100';
    case 'url':
      return 'https://example.com/a';
    case 'int':
      return '7';
    case 'decimal':
    case 'money':
      return '12.5';
    default:
      return `New ${field.label.toLowerCase()}`;
  }
}

function testDart(ctx: FeatureContext, entity: EntityPlan): string {
  const { screen } = ctx.feature.classes;
  const pkg = ctx.plan.packageName;
  const title = titleField(entity);
  const required = entity.fields.filter((field) => field.required && field.type !== 'bool' && field.type !== 'date');
  const fill = required
    .map(
      (field) =>
        `    await tester.enterText(find.byKey(const Key('${field.name}Field')), ${dartString(validInput(field))});`,
    )
    .join('\n');
  const imports = [
    `import 'package:${pkg}/${ctx.feature.paths.screen.slice('lib/'.length)}';`,
    `import '${packageUri(pkg, entity.paths.model)}';`,
    `import '../support/${FAKE_REPOSITORIES_PATH.slice('test/support/'.length)}';`,
  ];
  return `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
${imports.join('\n')}

void main() {
  Future<void> pumpScreen(WidgetTester tester, InMemory${entity.className}Repository repository) async {
    await tester.pumpWidget(MaterialApp(home: ${screen}(repository: repository)));
    await tester.pumpAndSettle();
  }

  testWidgets('lists the saved ${entity.pluralLabel.toLowerCase()}', (tester) async {
    final repository = InMemory${entity.className}Repository(seed: [
      ${sampleEntity(entity, 1)},
      ${sampleEntity(entity, 2)},
    ]);
    await pumpScreen(tester, repository);

    expect(find.text(${dartString(sampleTitle(entity, 1))}), findsOneWidget);
    expect(find.text(${dartString(sampleTitle(entity, 2))}), findsOneWidget);
  });

  testWidgets('adds a ${entity.label.toLowerCase()} through the form', (tester) async {
    final repository = InMemory${entity.className}Repository();
    await pumpScreen(tester, repository);

    await tester.tap(find.byType(FloatingActionButton));
    await tester.pumpAndSettle();
${fill}
    await tester.tap(find.text('Save'));
    await tester.pumpAndSettle();

    expect(find.text(${dartString(validInput(title))}), findsOneWidget);
    expect(await repository.fetchAll(), hasLength(1));
  });

  testWidgets('refuses an empty form', (tester) async {
    await pumpScreen(tester, InMemory${entity.className}Repository());

    await tester.tap(find.byType(FloatingActionButton));
    await tester.pumpAndSettle();
    await tester.tap(find.text('Save'));
    await tester.pumpAndSettle();

    expect(find.text(${dartString(`${title.label} is required`)}), findsOneWidget);
  });

  testWidgets('deletes a ${entity.label.toLowerCase()} after confirming', (tester) async {
    final repository = InMemory${entity.className}Repository(seed: [
      ${sampleEntity(entity, 1)},
    ]);
    await pumpScreen(tester, repository);

    await tester.tap(find.byTooltip('Delete'));
    await tester.pumpAndSettle();
    await tester.tap(find.widgetWithText(FilledButton, 'Delete'));
    await tester.pumpAndSettle();

    expect(find.text(${dartString(sampleTitle(entity, 1))}), findsNothing);
    expect(await repository.fetchAll(), isEmpty);
  });
}
`;
}

export const entityArchetype: ArchetypeTemplate = {
  id: 'entity',
  dependencies: () => ({}),
  files(ctx): GeneratedFile[] {
    const entity = requireEntity(ctx.plan, ctx.feature);
    const p = paths(ctx);
    return [
      { path: p.controller, content: controllerDart(ctx, entity) },
      { path: p.form, content: formDart(ctx, entity) },
      { path: p.detail, content: detailDart(ctx, entity) },
      { path: ctx.feature.paths.screen, content: screenDart(ctx, entity) },
      { path: ctx.feature.paths.test, content: testDart(ctx, entity) },
    ];
  },
  screenBuilder(ctx) {
    const entity = requireEntity(ctx.plan, ctx.feature);
    return `${ctx.feature.classes.screen}(repository: services.${entity.collection})`;
  },
  summary(ctx) {
    const entity = requireEntity(ctx.plan, ctx.feature);
    const fields = entity.fields.map((field) => field.label.toLowerCase()).join(', ');
    return `${entity.pluralLabel}: list, add and edit with validation, details and delete (${fields}).`;
  },
};
