/**
 * Fields that point at another entity's records (`EntityField.refersTo`: a dog
 * walk's walker): the shared Dart that picks one from the other list
 * (`RecordReferenceField`, a dropdown of their titles, or a hint with a button
 * opening that list while it is empty) and shows it by title
 * (`RecordTitles`, "(removed)" once the record is gone), plus the snippets the
 * entity and calendar archetypes build from them.
 */
import type { GeneratedFile } from '../app-spec';
import { dartString } from '../dart-string';
import { sampleEntity, sampleTitle } from '../data/entity-dart';
import type { AppPlan, EntityField, EntityPlan } from '../plan/app-plan';
import { referenceFields } from '../plan/entity-references';
import { dartText, fill, inSentence, uiText } from '../ui-text';
import { referenceText } from '../ui-text-references';
import { RECORDS_DIR } from './records-library';
import { sampleKeyword } from './sample-keyword';

export const RECORD_TITLES_PATH = `${RECORDS_DIR}/record_titles.dart`;
export const RECORD_REFERENCE_FIELD_PATH = `${RECORDS_DIR}/record_reference_field.dart`;

/** One reference of an entity, with what its Dart needs. */
export interface ReferenceLink {
  field: EntityField;
  target: EntityPlan;
  /** The screen's (and form's) parameter holding the target's repository, e.g. `walkers`. */
  param: string;
  /** The screen state's `RecordTitles` of the target, e.g. `_walkerTitles`. */
  titles: string;
  /** Named route of the screen listing the target, if the app has one. */
  route?: string;
  /** Texts of the picker, in the app's language. */
  emptyMessage: string;
  openLabel: string;
  removed: string;
}

/** The references of `entity` whose target is in the plan, one per field. */
export function referenceLinks(plan: AppPlan, entity: EntityPlan): ReferenceLink[] {
  const t = uiText(plan);
  const words = referenceText(plan);
  return referenceFields(entity).flatMap((field) => {
    const target = plan.entities.find((candidate) => candidate.className === field.refersTo);
    if (!target) return [];
    const screen = plan.features.find(
      (feature) =>
        feature.entity === target.className && (feature.archetype === 'entity' || feature.archetype === 'calendar'),
    );
    const screenTitle = screen?.names.label ?? target.pluralLabel;
    return [
      {
        field,
        target,
        param: target.collection,
        titles: `_${field.name.replace(/Id$/, '')}Titles`,
        route: screen?.route,
        emptyMessage: fill(words.noneYet, { items: inSentence(t, screenTitle), screen: screenTitle }),
        openLabel: fill(words.openScreen, { screen: screenTitle }),
        removed: words.removed,
      },
    ];
  });
}

/** Each target once: two fields pointing at the same list share its repository parameter. */
export function referencedTargets(links: readonly ReferenceLink[]): ReferenceLink[] {
  return links.filter((link, index) => links.findIndex((other) => other.param === link.param) === index);
}

/** The link of `field`, when it is a reference. */
export function linkOf(links: readonly ReferenceLink[], field: EntityField): ReferenceLink | undefined {
  return links.find((link) => link.field.name === field.name);
}

/** `final WalkerRepository walkers;` lines of a widget taking the targets' repositories. */
export function repositoryFields(links: readonly ReferenceLink[]): string {
  return referencedTargets(links)
    .map((link) => `  final ${link.target.className}Repository ${link.param};`)
    .join('\n');
}

/** `required this.walkers` constructor parameters. */
export function repositoryParams(links: readonly ReferenceLink[]): string[] {
  return referencedTargets(links).map((link) => `required this.${link.param}`);
}

/** `walkers: walkers` arguments passing the repositories on (`source` prefixes them, e.g. `widget.`). */
export function repositoryArgs(links: readonly ReferenceLink[], source = ''): string[] {
  return referencedTargets(links).map((link) => `${link.param}: ${source}${link.param}`);
}

/** `walkers: services.walkers` for the route table. */
export function serviceArgs(links: readonly ReferenceLink[]): string {
  return referencedTargets(links)
    .map((link) => `, ${link.param}: services.${link.param}`)
    .join('');
}

/** Root-relative model and repository paths of the targets. */
export function targetPaths(links: readonly ReferenceLink[]): string[] {
  return referencedTargets(links).flatMap((link) => [link.target.paths.model, link.target.paths.repository]);
}

/** The state field holding a link's titles (`source` reaches the repository, e.g. `widget.`). */
export function titlesField(link: ReferenceLink, source: string): string {
  return `  late final RecordTitles ${link.titles} = RecordTitles.of<${link.target.className}>(
    ${source}${link.param},
    idOf: (item) => item.id,
    titleOf: (item) => item.displayTitle,
    removed: ${dartString(link.removed)},
  );`;
}

/** Dart expression loading every link's titles (for `loadFirst`). */
export function loadTitlesExpr(links: readonly ReferenceLink[]): string {
  if (links.length === 1) return `${links[0].titles}.load`;
  return `() => Future.wait([${links.map((link) => `${link.titles}.load()`).join(', ')}])`;
}

/** Dart expression of the referenced record's title, from the field's value `expr`. */
export function titleExpr(link: ReferenceLink, expr: string): string {
  return `${link.titles}.titleOf(${expr})`;
}

/**
 * The picker of one reference in a form: `value` is the chosen id so far,
 * `handlers` its `onChanged:` / `onSaved:` lines; `source` reaches the repository.
 */
export function pickerDart(
  plan: AppPlan,
  link: ReferenceLink,
  options: { key: string; value: string; source: string; handlers: string[]; indent: string },
): string {
  const t = uiText(plan);
  const { field } = link;
  const i = options.indent;
  const label = field.required ? field.label : fill(t.optional, { label: field.label });
  const props = [
    `key: const Key(${dartString(options.key)})`,
    `label: ${dartString(label)}`,
    `repository: ${options.source}${link.param}`,
    'idOf: (item) => item.id',
    'titleOf: (item) => item.displayTitle',
    `initialValue: ${options.value}`,
    `requiredMessage: ${field.required ? dartString(fill(t.required, { label: field.label })) : 'null'}`,
    `emptyMessage: ${dartString(link.emptyMessage)}`,
    `errorText: (reason) => ${dartText(t.couldNotLoad, { error: 'reason' })}`,
    ...(link.route ? [`openLabel: ${dartString(link.openLabel)}`, `routeName: ${dartString(link.route)}`] : []),
    ...options.handlers,
  ];
  return `${i}RecordReferenceField<${link.target.className}>(
${props.map((prop) => `${i}  ${prop},`).join('\n')}
${i}),`;
}

/**
 * Two records of the target, for tests: their ids are what `sampleValue` puts in references.
 * A `const` list when the target has no DateTime field (prefer_const_constructors).
 */
export function targetSamples(link: ReferenceLink): string {
  const list = `[${sampleEntity(link.target, 1)}, ${sampleEntity(link.target, 2)}]`;
  return sampleKeyword(link.target) === 'const' ? `const ${list}` : list;
}

/** The title of a target's sample `n` as a test finds it. */
export function targetSampleTitle(link: ReferenceLink, n: number): string {
  return sampleTitle(link.target, n);
}

function recordTitlesDart(): string {
  return `import '../../data/repositories/record_repository.dart';

/// The titles of another list's records by id, so a reference (a dog walk's
/// walker) shows a name rather than an id.
class RecordTitles {
  RecordTitles(this._fetch, {required this.removed});

  /// The titles of [repository]'s records.
  static RecordTitles of<T>(
    RecordRepository<T> repository, {
    required String Function(T item) idOf,
    required String Function(T item) titleOf,
    required String removed,
  }) {
    return RecordTitles(
      () async => {
        for (final item in await repository.fetchAll()) idOf(item): titleOf(item),
      },
      removed: removed,
    );
  }

  final Future<Map<String, String>> Function() _fetch;

  /// Shown for a record deleted after it was chosen.
  final String removed;

  Map<String, String> _titles = const {};

  Future<void> load() async {
    _titles = await _fetch();
  }

  /// The title of the record with [id]; empty when none was chosen.
  String titleOf(String? id) {
    if (id == null || id.isEmpty) return '';
    return _titles[id] ?? removed;
  }
}
`;
}

function referenceFieldDart(): string {
  return `import 'package:flutter/material.dart';

import '../../data/repositories/record_repository.dart';
import '../user_message.dart';

/// Picks one record of another list (a dog walk's walker) and holds its id.
///
/// While that list is empty it says so and offers to open it. A record
/// deleted after it was chosen is no longer offered: the form asks again
/// instead of failing on an unknown value.
class RecordReferenceField<T> extends StatefulWidget {
  const RecordReferenceField({
    super.key,
    required this.label,
    required this.repository,
    required this.idOf,
    required this.titleOf,
    required this.initialValue,
    required this.requiredMessage,
    required this.emptyMessage,
    required this.errorText,
    this.openLabel,
    this.routeName,
    this.onChanged,
    this.onSaved,
  });

  final String label;
  final RecordRepository<T> repository;
  final String Function(T item) idOf;
  final String Function(T item) titleOf;

  /// The id chosen so far, or null.
  final String? initialValue;

  /// The message when nothing is chosen; null when the field is optional.
  final String? requiredMessage;
  final String emptyMessage;

  /// What a failed load says, given why in the user's words (\`userMessage\`).
  final String Function(String reason) errorText;

  /// The button opening the other list, and that list's named route.
  final String? openLabel;
  final String? routeName;

  final ValueChanged<String?>? onChanged;
  final FormFieldSetter<String>? onSaved;

  @override
  State<RecordReferenceField<T>> createState() => _RecordReferenceFieldState<T>();
}

class _RecordReferenceFieldState<T> extends State<RecordReferenceField<T>> {
  late Future<List<T>> _records = widget.repository.fetchAll();

  String? _validate(String? value) =>
      value == null || value.isEmpty ? widget.requiredMessage : null;

  Future<void> _openList(String routeName) async {
    await Navigator.of(context).pushNamed(routeName);
    // What was added there is offered at once.
    if (mounted) setState(() => _records = widget.repository.fetchAll());
  }

  @override
  Widget build(BuildContext context) {
    return FutureBuilder<List<T>>(
      future: _records,
      builder: (context, snapshot) {
        if (snapshot.hasError) {
          return _message(widget.errorText(userMessage(snapshot.error!)));
        }
        final records = snapshot.data;
        if (records == null) return const LinearProgressIndicator();
        if (records.isEmpty) return _message(widget.emptyMessage);
        final ids = records.map(widget.idOf).toSet();
        return DropdownButtonFormField<String>(
          value: ids.contains(widget.initialValue) ? widget.initialValue : null,
          isExpanded: true,
          decoration: InputDecoration(
            labelText: widget.label,
            border: const OutlineInputBorder(),
          ),
          items: [
            if (widget.requiredMessage == null)
              const DropdownMenuItem<String>(child: Text('—')),
            for (final item in records)
              DropdownMenuItem<String>(
                value: widget.idOf(item),
                child: Text(widget.titleOf(item), overflow: TextOverflow.ellipsis),
              ),
          ],
          validator: _validate,
          onChanged: (value) => widget.onChanged?.call(value),
          onSaved: widget.onSaved,
        );
      },
    );
  }

  /// Nothing to choose from: the reason, a way to the other list, and the
  /// required message when the form is submitted anyway.
  Widget _message(String text) {
    final openLabel = widget.openLabel;
    final routeName = widget.routeName;
    return FormField<String>(
      validator: _validate,
      onSaved: widget.onSaved,
      builder: (field) => InputDecorator(
        decoration: InputDecoration(
          labelText: widget.label,
          errorText: field.errorText,
          border: const OutlineInputBorder(),
        ),
        child: Row(
          children: [
            Expanded(child: Text(text)),
            if (openLabel != null && routeName != null)
              TextButton(
                onPressed: () => _openList(routeName),
                child: Text(openLabel),
              ),
          ],
        ),
      ),
    );
  }
}
`;
}

/** The shared files of reference fields (identical content, written once per app). */
export function referenceFiles(): GeneratedFile[] {
  return [
    { path: RECORD_TITLES_PATH, content: recordTitlesDart() },
    { path: RECORD_REFERENCE_FIELD_PATH, content: referenceFieldDart() },
  ];
}
