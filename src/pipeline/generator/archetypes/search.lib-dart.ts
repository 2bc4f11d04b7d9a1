/**
 * Dart sources of a search feature: a ChangeNotifier that loads the entity's
 * records and filters them by every text field (case-insensitive), an optional
 * category chip row and yes/no chip, and the screen with a search field,
 * result count, empty states and a details sheet.
 */
import { dartString } from '../dart-string';
import { FORMATTERS_PATH, displayText, isTextual, titleField } from '../data/entity-dart';
import type { EntityField, EntityPlan } from '../plan/app-plan';
import { dartText, fill, uiText, type UiText } from '../ui-text';
import { assignmentDart } from './dart-wrap';
import type { FeatureContext } from './archetype';
import { dartImports, fileNameOf, fromFeatureDir, SAFE_NOTIFY_DART } from './feature-dart.shared';
import { groupingField } from './chart.mode';
import { USER_MESSAGE_PATH } from './records-user-message';

export interface SearchNames {
  entity: EntityPlan;
  controller: string;
  screen: string;
  controllerPath: string;
  /** Text fields the query looks in. */
  textFields: EntityField[];
  /** A required text field whose values become filter chips (e.g. an expense's category). */
  category?: EntityField;
  /** A yes/no field with a "only these" chip (e.g. a task's done). */
  flag?: EntityField;
  /** What a result shows under its title. */
  subtitle?: EntityField;
  text: UiText;
}

/** What the list says when nothing matches (the test looks for it too). */
export function noMatches(n: Pick<SearchNames, 'entity' | 'text'>): string {
  return fill(n.text.noResults, { items: n.entity.pluralLabel.toLowerCase() });
}

/** What the screen says above `count` results ("3 results"); its tests find this text. */
export function resultCountText(t: UiText, count: number): string {
  return count === 1 ? t.oneResult : fill(t.resultCount, { count });
}

/** The screen's `_resultCount`; languages that write one result like many need no branch. */
function resultCountDart(t: UiText): string {
  const many = dartText(t.resultCount, { count: 'count' });
  if (resultCountText(t, 1) === fill(t.resultCount, { count: 1 })) {
    return `  static String _resultCount(int count) => ${many};`;
  }
  return `  static String _resultCount(int count) =>
      count == 1 ? ${dartString(t.oneResult)} : ${many};`;
}

export function searchNames(ctx: FeatureContext, entity: EntityPlan): SearchNames {
  const { feature } = ctx;
  const category = groupingField(entity);
  const title = entity.titleField;
  const subtitle =
    category ??
    entity.fields.find(
      (field) => field.required && field.name !== title && field.type !== 'longText' && field.type !== 'bool',
    );
  return {
    entity,
    controller: feature.classes.controller,
    screen: feature.classes.screen,
    controllerPath: `${feature.paths.dir}/${feature.names.id}_controller.dart`,
    textFields: entity.fields.filter(isTextual),
    category,
    flag: entity.fields.find((field) => field.type === 'bool'),
    text: uiText(ctx.plan),
    subtitle,
  };
}

function capitalized(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Private field / getter / setter names of the yes/no filter. */
export function flagNames(flag: EntityField): { field: string; getter: string; setter: string } {
  const stem = capitalized(flag.name);
  return { field: `_only${stem}`, getter: `only${stem}`, setter: `setOnly${stem}` };
}

export function controllerDart(n: SearchNames): string {
  const { controller, entity, category, flag, textFields } = n;
  const E = entity.className;
  const plural = entity.pluralLabel.toLowerCase();
  const flagN = flag ? flagNames(flag) : undefined;
  const state = [
    `  List<${E}> _items = const [];`,
    `  String _query = '';`,
    ...(category ? ['  String? _category;'] : []),
    ...(flagN ? [`  bool ${flagN.field} = false;`] : []),
    '  bool _isLoading = false;',
    '  String? _error;',
    '  bool _disposed = false;',
  ];
  const getters = [
    `  List<${E}> get items => _items;`,
    '  String get query => _query;',
    ...(category ? ['  String? get category => _category;'] : []),
    ...(flagN ? [`  bool get ${flagN.getter} => ${flagN.field};`] : []),
    '  bool get isLoading => _isLoading;',
    '  String? get error => _error;',
  ];
  // The chips only, not the query: the screen's "Clear filters" reads "Clear search" without them.
  const chipFilters = [...(category ? ['_category != null'] : []), ...(flagN ? [flagN.field] : [])];
  const hasFilters = chipFilters.length
    ? `

  /// Whether a filter chip is on (the query aside).
  bool get hasFilters => ${chipFilters.join(' || ')};`
    : '';
  const clears = [
    "    _query = '';",
    ...(category ? ['    _category = null;'] : []),
    ...(flagN ? [`    ${flagN.field} = false;`] : []),
  ];
  const checks = [
    ...(category ? [`    if (_category != null && item.${category.name}.trim() != _category) return false;`] : []),
    ...(flagN && flag ? [`    if (${flagN.field} && !item.${flag.name}) return false;`] : []),
  ];
  const optionalText = textFields.some((field) => !field.required);
  const textList = textFields.map((field) => `item.${field.name}`).join(', ');
  const anyText = optionalText
    ? `    final texts = <String?>[${textList}];
    return texts.any((text) => text != null && text.toLowerCase().contains(needle));`
    : `    final texts = <String>[${textList}];
    return texts.any((text) => text.toLowerCase().contains(needle));`;
  const categoryMembers = category
    ? `

  /// The ${category.label.toLowerCase()} values present, for the filter chips.
  List<String> get categories {
    final values = {for (final item in _items) item.${category.name}.trim()}..remove('');
    return values.toList()..sort();
  }

  void setCategory(String? value) {
    _category = value;
    _notify();
  }`
    : '';
  const flagMembers =
    flagN && flag
      ? `

  /// Keeps only ${plural} that are ${flag.label.toLowerCase()} when [value] is true.
  void ${flagN.setter}(bool value) {
    ${flagN.field} = value;
    _notify();
  }`
      : '';
  return `${dartImports([
    'package:flutter/foundation.dart',
    fromFeatureDir(entity.paths.model),
    fromFeatureDir(entity.paths.repository),
    fromFeatureDir(USER_MESSAGE_PATH),
  ])}

/// Loads every ${entity.label.toLowerCase()} once and filters them as the user types.
class ${controller} extends ChangeNotifier {
  ${controller}({required ${E}Repository repository}) : _repository = repository;

  final ${E}Repository _repository;

${state.join('\n')}

${getters.join('\n')}

  /// The ${plural} matching the query and the filters.
  List<${E}> get results => [
        for (final item in _items)
          if (_matches(item)) item,
      ];${hasFilters}

  void setQuery(String value) {
    if (value == _query) return;
    _query = value;
    _notify();
  }${categoryMembers}${flagMembers}

  /// Clears the query and every filter.
  void clearAll() {
${clears.join('\n')}
    _notify();
  }

  Future<void> load() async {
    _isLoading = true;
    _error = null;
    _notify();
    try {
      final items = await _repository.fetchAll();
      _items = [...items]
        ..sort((a, b) => a.displayTitle.toLowerCase().compareTo(b.displayTitle.toLowerCase()));
    } catch (error) {
${assignmentDart('      ', '_error', dartText(n.text.couldNotLoad, { error: 'userMessage(error)' }))}
    } finally {
      _isLoading = false;
      _notify();
    }
  }

  /// Whether any text of [item] contains [query], ignoring case.
  static bool matchesQuery(${E} item, String query) {
    final needle = query.trim().toLowerCase();
    if (needle.isEmpty) return true;
${anyText}
  }

  bool _matches(${E} item) {
${checks.length > 0 ? `${checks.join('\n')}\n` : ''}    return matchesQuery(item, _query);
  }

${SAFE_NOTIFY_DART}
`;
}

/** One row of the details sheet; optional fields only when set. */
function detailRow(field: EntityField, t: UiText): string {
  const label = dartString(field.label);
  if (field.required || field.type === 'bool') {
    return `            _DetailRow(label: ${label}, value: ${displayText(field, `item.${field.name}`, t)}),`;
  }
  const value = displayText({ ...field, required: true }, `item.${field.name}!`, t);
  return `            if (item.${field.name} != null)
              _DetailRow(label: ${label}, value: ${value}),`;
}

function filtersDart(n: SearchNames): string {
  const { category, flag } = n;
  if (!category && !flag) return '';
  const chips: string[] = [];
  if (flag) {
    const names = flagNames(flag);
    chips.push(`          FilterChip(
            label: const Text(${dartString(flag.label)}),
            selected: _controller.${names.getter},
            onSelected: _controller.${names.setter},
          ),
          const SizedBox(width: 8),`);
  }
  if (category) {
    chips.push(`          for (final category in _controller.categories) ...[
            ChoiceChip(
              label: Text(category),
              selected: _controller.category == category,
              onSelected: (selected) =>
                  _controller.setCategory(selected ? category : null),
            ),
            const SizedBox(width: 8),
          ],`);
  }
  const body = chips.join('\n');
  return `

  Widget _buildFilters() {
    return SingleChildScrollView(
      scrollDirection: Axis.horizontal,
      padding: const EdgeInsets.symmetric(horizontal: 16),
      child: Row(
        children: [
${body}
        ],
      ),
    );
  }`;
}

export function screenDart(ctx: FeatureContext, n: SearchNames): string {
  const { feature } = ctx;
  const { screen, controller, entity, subtitle, category, flag } = n;
  const E = entity.className;
  const state = `_${screen}State`;
  const plural = entity.pluralLabel.toLowerCase();
  const hasFilters = Boolean(category || flag);
  const subtitleLine = subtitle
    ? `\n          subtitle: Text(${displayText(subtitle, `item.${subtitle.name}`, n.text)}),`
    : '';
  // The sheet's heading is the title, so the rows are the other fields.
  const title = titleField(entity);
  const rows = entity.fields
    .filter((field) => field !== title)
    .map((field) => detailRow(field, n.text))
    .join('\n');
  const clearLabel = hasFilters
    ? `Text(
            _controller.hasFilters
                ? ${dartString(n.text.clearFilters)}
                : ${dartString(n.text.clearSearch)},
          )`
    : `const Text(${dartString(n.text.clearSearch)})`;
  const body = `class ${screen} extends StatefulWidget {
  const ${screen}({super.key, required this.repository});

  static const String title = ${dartString(feature.names.label)};
  static const String routeName = '${feature.route}';

  final ${E}Repository repository;

  @override
  State<${screen}> createState() => ${state}();
}

class ${state} extends State<${screen}> {
  late final ${controller} _controller;
  final TextEditingController _queryController = TextEditingController();

  @override
  void initState() {
    super.initState();
    _controller = ${controller}(repository: widget.repository);
    _controller.load();
  }

  @override
  void dispose() {
    _controller.dispose();
    _queryController.dispose();
    super.dispose();
  }

  void _clearAll() {
    _queryController.clear();
    _controller.clearAll();
  }

  void _showDetails(${E} item) {
    showModalBottomSheet<void>(
      context: context,
      showDragHandle: true,
      isScrollControlled: true,
      builder: (context) => _DetailsSheet(item: item),
    );
  }

${resultCountDart(n.text)}

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text(${screen}.title)),
      body: ListenableBuilder(
        listenable: _controller,
        builder: (context, _) {
          final results = _controller.results;
          return Column(
            crossAxisAlignment: CrossAxisAlignment.stretch,
            children: [
              Padding(
                padding: const EdgeInsets.fromLTRB(16, 16, 16, 8),
                child: TextField(
                  controller: _queryController,
                  onChanged: _controller.setQuery,
                  textInputAction: TextInputAction.search,
                  decoration: InputDecoration(
                    hintText: ${dartString(fill(n.text.searchHint, { items: plural }))},
                    prefixIcon: const Icon(Icons.search),
                    suffixIcon: _controller.query.isEmpty
                        ? null
                        : IconButton(
                            tooltip: ${dartString(n.text.clearSearch)},
                            icon: const Icon(Icons.clear),
                            onPressed: () {
                              _queryController.clear();
                              _controller.setQuery('');
                            },
                          ),
                    border: const OutlineInputBorder(),
                  ),
                ),
              ),${hasFilters ? '\n              _buildFilters(),' : ''}
              // No count before the first load (it would say 0) or with nothing to search.
              if (_controller.items.isNotEmpty)
                Padding(
                  padding: const EdgeInsets.symmetric(horizontal: 16, vertical: 8),
                  child: Text(
                    _resultCount(results.length),
                    style: Theme.of(context).textTheme.labelLarge,
                  ),
                ),
              Expanded(child: _buildResults(results)),
            ],
          );
        },
      ),
    );
  }${filtersDart(n)}

  Widget _buildResults(List<${E}> results) {
    if (_controller.isLoading && _controller.items.isEmpty) {
      return const Center(child: CircularProgressIndicator());
    }
    final error = _controller.error;
    if (error != null && _controller.items.isEmpty) {
      return _Message(
        icon: Icons.error_outline,
        text: error,
        action: TextButton(
          onPressed: _controller.load,
          child: const Text(${dartString(n.text.retry)}),
        ),
      );
    }
    if (_controller.items.isEmpty) {
      return const _Message(
        icon: Icons.inbox_outlined,
        text: ${dartString(fill(n.text.nothingYet, { items: plural }))},
      );
    }
    if (results.isEmpty) {
      return _Message(
        icon: Icons.search_off,
        text: ${dartString(noMatches(n))},
        action: TextButton(
          onPressed: _clearAll,
          child: ${clearLabel},
        ),
      );
    }
    return ListView.separated(
      itemCount: results.length,
      separatorBuilder: (context, index) => const Divider(height: 1),
      itemBuilder: (context, index) {
        final item = results[index];
        return ListTile(
          title: Text(item.displayTitle),${subtitleLine}
          trailing: const Icon(Icons.chevron_right),
          onTap: () => _showDetails(item),
        );
      },
    );
  }
}

class _DetailsSheet extends StatelessWidget {
  const _DetailsSheet({required this.item});

  final ${E} item;

  @override
  Widget build(BuildContext context) {
    return SafeArea(
      child: SingleChildScrollView(
        padding: const EdgeInsets.fromLTRB(24, 0, 24, 24),
        child: Column(
          mainAxisSize: MainAxisSize.min,
          crossAxisAlignment: CrossAxisAlignment.start,
          children: [
            Text(
              item.displayTitle,
              style: Theme.of(context).textTheme.titleLarge,
            ),
            const SizedBox(height: 16),
${rows}
          ],
        ),
      ),
    );
  }
}

class _DetailRow extends StatelessWidget {
  const _DetailRow({required this.label, required this.value});

  final String label;
  final String value;

  @override
  Widget build(BuildContext context) {
    final theme = Theme.of(context);
    return Padding(
      padding: const EdgeInsets.symmetric(vertical: 6),
      child: Column(
        crossAxisAlignment: CrossAxisAlignment.start,
        children: [
          Text(
            label,
            style: theme.textTheme.labelMedium
                ?.copyWith(color: theme.colorScheme.onSurfaceVariant),
          ),
          const SizedBox(height: 2),
          Text(value, style: theme.textTheme.bodyLarge),
        ],
      ),
    );
  }
}

class _Message extends StatelessWidget {
  const _Message({required this.icon, required this.text, this.action});

  final IconData icon;
  final String text;
  final Widget? action;

  @override
  Widget build(BuildContext context) {
    final action = this.action;
    return Center(
      child: Padding(
        padding: const EdgeInsets.all(32),
        child: Column(
          mainAxisSize: MainAxisSize.min,
          children: [
            Icon(icon, size: 48, color: Theme.of(context).colorScheme.outline),
            const SizedBox(height: 12),
            Text(text, textAlign: TextAlign.center),
            if (action != null) ...[
              const SizedBox(height: 12),
              action,
            ],
          ],
        ),
      ),
    );
  }
}
`;
  const uris = [
    'package:flutter/material.dart',
    fromFeatureDir(entity.paths.model),
    fromFeatureDir(entity.paths.repository),
    fileNameOf(n.controllerPath),
  ];
  if (/\bformat(Money|Number|Date)\(/.test(body)) uris.push(fromFeatureDir(FORMATTERS_PATH));
  return `${dartImports(uris)}\n\n${body}`;
}
