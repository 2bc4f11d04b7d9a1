/**
 * Dart sources of a chart feature: a pure series (aggregation of the entity's
 * records, unit-testable), a ChangeNotifier that loads it from the repository,
 * and the screen (summary cards, an fl_chart BarChart, a breakdown list, empty
 * and error states).
 */
import { dartString } from '../dart-string';
import { FORMATTERS_PATH } from '../data/entity-dart';
import type { EntityField, EntityPlan } from '../plan/app-plan';
import { dartText, fill, inSentence, monthList, type UiText } from '../ui-text';
import { assignmentDart } from './dart-wrap';
import type { FeatureContext } from './archetype';
import { dartImports, fileNameOf, fromFeatureDir, SAFE_NOTIFY_DART } from './feature-dart.shared';
import { chartHeading, groupNoun, modeValue, periodMode, type ChartMode } from './chart.mode';
import { PERIOD_BARS, type ChartPeriod } from './chart.period';
import { USER_MESSAGE_PATH } from './records-user-message';

export interface ChartNames {
  entity: EntityPlan;
  mode: ChartMode;
  /** The app's UI strings, and what the chart counts in them (see `chartHeading`). */
  text: UiText;
  items: string;
  /** Public Dart classes (all start with the feature's prefix). */
  series: string;
  bucket: string;
  controller: string;
  screen: string;
  /** Root-relative file paths. */
  seriesPath: string;
  controllerPath: string;
}

/** Dart `double` expression of a summed field of `item`. */
function valueOf(field: EntityField, item: string): string {
  const access = `${item}.${field.name}`;
  if (field.required) return field.type === 'int' ? `${access}.toDouble()` : access;
  return field.type === 'int' ? `(${access} ?? 0).toDouble()` : `${access} ?? 0`;
}

/** Dart expression formatting a summed `double` for display. */
export function formatValue(mode: ChartMode, expr: string): string {
  const value = modeValue(mode);
  if (!value) return `'\${${expr}.round()}'`;
  return value.type === 'money' ? `formatMoney(${expr})` : `formatNumber(${expr})`;
}

/**
 * Adds `increment` to the bar of `item`'s date, when that day, week or month is shown. A habit
 * check-off's day is `yyyy-MM-dd` text, which `DateTime.tryParse` reads as that day's local midnight.
 */
function periodLoop(date: EntityField, increment: string): string {
  const text = date.type === 'text';
  const read = text ? `DateTime.tryParse(item.${date.name})` : `item.${date.name}`;
  const nullCheck = date.required && !text ? '' : '\n      if (date == null) continue;';
  return `      final date = ${read};${nullCheck}
      final period = _periodOf(date);
      final sum = sums[period];
      if (sum != null) sums[period] = sum + ${increment};`;
}

/** "months", "weeks", "days": what the bars of a chart over time are, for doc comments. */
const PERIOD_PLURALS: Readonly<Record<ChartPeriod, string>> = { day: 'days', week: 'weeks', month: 'months' };

function factoryBody(n: ChartNames): string {
  const { mode, series, entity } = n;
  const E = entity.className;
  switch (mode.kind) {
    case 'valueByCategory':
      return `  /// ${mode.value.label} summed per ${mode.category.label.toLowerCase()}, largest first.
  factory ${series}.from(List<${E}> items) {
    final sums = <String, double>{};
    var total = 0.0;
    for (final item in items) {
      final value = _valueOf(item);
      total += value;
      final group = _groupOf(item);
      sums[group] = (sums[group] ?? 0) + value;
    }
    return ${series}(
      bars: _largestFirst(sums),
      total: total,
      count: items.length,
      average: items.isEmpty ? 0 : total / items.length,
    );
  }`;
    case 'countByCategory':
    case 'countByInitial':
      return `  /// How many ${entity.pluralLabel.toLowerCase()} fall in each group, largest first.
  factory ${series}.from(List<${E}> items) {
    final sums = <String, double>{};
    for (final item in items) {
      final group = _groupOf(item);
      sums[group] = (sums[group] ?? 0) + 1;
    }
    return ${series}(
      bars: _largestFirst(sums),
      count: items.length,
      average: sums.isEmpty ? 0 : items.length / sums.length,
    );
  }`;
    case 'valueByPeriod':
      return `  /// ${mode.value.label} summed per ${mode.period} over the last [periodCount] ${PERIOD_PLURALS[mode.period]} up to
  /// [today]'s ${mode.period} (now when null); the totals cover every record.
  factory ${series}.from(List<${E}> items, {DateTime? today}) {
    final periods = _lastPeriods(today ?? DateTime.now());
    final sums = {for (final period in periods) period: 0.0};
    var total = 0.0;
    for (final item in items) {
      final value = _valueOf(item);
      total += value;
${periodLoop(mode.date, 'value')}
    }
    return ${series}(
      bars: [
        for (final period in periods)
          (label: _periodLabel(period), value: sums[period]!),
      ],
      total: total,
      count: items.length,
      average: items.isEmpty ? 0 : total / items.length,
    );
  }`;
    case 'countByPeriod':
      return `  /// How many ${entity.pluralLabel.toLowerCase()} fall in each of the last [periodCount] ${PERIOD_PLURALS[mode.period]} up to
  /// [today]'s ${mode.period} (now when null).
  factory ${series}.from(List<${E}> items, {DateTime? today}) {
    final periods = _lastPeriods(today ?? DateTime.now());
    final sums = {for (final period in periods) period: 0.0};
    for (final item in items) {
${periodLoop(mode.date, '1')}
    }
    final counted = sums.values.fold<double>(0, (all, sum) => all + sum);
    final activePeriods = sums.values.where((sum) => sum > 0).length;
    return ${series}(
      bars: [
        for (final period in periods)
          (label: _periodLabel(period), value: sums[period]!),
      ],
      count: items.length,
      average: activePeriods == 0 ? 0 : counted / activePeriods,
    );
  }`;
    case 'valueByItem':
      return `  /// The [maxBars] ${entity.pluralLabel.toLowerCase()} with the largest ${mode.value.label.toLowerCase()}.
  factory ${series}.from(List<${E}> items) {
    final sorted = [...items]
      ..sort((a, b) => _valueOf(b).compareTo(_valueOf(a)));
    final total = items.fold<double>(0, (sum, item) => sum + _valueOf(item));
    return ${series}(
      bars: [
        for (final item in sorted.take(maxBars))
          (label: item.displayTitle, value: _valueOf(item)),
      ],
      total: total,
      count: items.length,
      average: items.isEmpty ? 0 : total / items.length,
    );
  }`;
    case 'countByFlag': {
      const label = mode.flag.label;
      return `  /// How many ${entity.pluralLabel.toLowerCase()} are ${label.toLowerCase()}, and how many are not.
  factory ${series}.from(List<${E}> items) {
    final yes = items.where((item) => item.${mode.flag.name}).length;
    return ${series}(
      bars: [
        (label: ${dartString(label)}, value: yes.toDouble()),
        (label: ${dartString(`Not ${label.toLowerCase()}`)}, value: (items.length - yes).toDouble()),
      ],
      count: items.length,
      average: items.length / 2,
    );
  }`;
    }
  }
}

/** Modes that draw the largest items or groups, capped at `maxBars`; the others have a fixed number of bars. */
function capsBars(mode: ChartMode): boolean {
  return (
    mode.kind === 'valueByItem' ||
    mode.kind === 'valueByCategory' ||
    mode.kind === 'countByCategory' ||
    mode.kind === 'countByInitial'
  );
}

function seriesHelpers(n: ChartNames): string {
  const { mode, entity, bucket, text } = n;
  const E = entity.className;
  const helpers: string[] = [];
  const value = modeValue(mode);
  if (value) helpers.push(`  static double _valueOf(${E} item) => ${valueOf(value, 'item')};`);
  if (mode.kind === 'valueByCategory' || mode.kind === 'countByCategory') {
    helpers.push(`  static String _groupOf(${E} item) {
    final group = item.${mode.category.name}.trim();
    return group.isEmpty ? ${dartString(text.other)} : group;
  }`);
  }
  if (mode.kind === 'countByInitial') {
    helpers.push(`  static String _groupOf(${E} item) {
    final title = item.displayTitle.trim();
    return title.isEmpty ? '#' : String.fromCharCodes(title.runes.take(1)).toUpperCase();
  }`);
  }
  if (mode.kind === 'valueByCategory' || mode.kind === 'countByCategory' || mode.kind === 'countByInitial') {
    helpers.push(`  /// Groups sorted by size (then name); past [maxBars] the smallest fold into "Other".
  static List<${bucket}> _largestFirst(Map<String, double> sums) {
    final entries = sums.entries.toList()
      ..sort((a, b) {
        final bySize = b.value.compareTo(a.value);
        return bySize != 0 ? bySize : a.key.compareTo(b.key);
      });
    if (entries.length <= maxBars) {
      return [for (final entry in entries) (label: entry.key, value: entry.value)];
    }
    final rest = entries
        .skip(maxBars - 1)
        .fold<double>(0, (sum, entry) => sum + entry.value);
    return [
      for (final entry in entries.take(maxBars - 1))
        (label: entry.key, value: entry.value),
      (label: ${dartString(text.other)}, value: rest),
    ];
  }`);
  }
  const overTime = periodMode(mode);
  if (overTime) helpers.push(periodHelpers(overTime.period, text));
  return helpers.join('\n\n');
}

/**
 * `_lastPeriods`, `_periodOf` and `_periodLabel` of a chart over time. Dates are built from their
 * parts (`DateTime(y, m, d - 7)`), never by adding a `Duration`, so a daylight-saving change
 * cannot move a bar's key off midnight. Weeks start on Monday and are labelled with it ("Jan 5").
 */
function periodHelpers(period: ChartPeriod, text: UiText): string {
  const dayMonth = dartText(text.dayMonth, {
    day: 'start.day',
    month: '_monthNames[start.month - 1]',
    monthNumber: 'start.month',
  });
  const label = period === 'month' ? '_monthNames[start.month - 1]' : dayMonth;
  const monthNames = label.includes('_monthNames')
    ? `  static const List<String> _monthNames = [
${monthList(text.shortMonthNames)
  .map((name) => `    ${dartString(name)},`)
  .join('\n')}
  ];

`
    : '';
  const last = {
    month: `  /// First days of the [periodCount] months ending with [today]'s month, oldest first.
  static List<DateTime> _lastPeriods(DateTime today) => [
        for (var back = periodCount - 1; back >= 0; back--)
          DateTime(today.year, today.month - back),
      ];

  /// The first day of [date]'s month: the key of its bar.
  static DateTime _periodOf(DateTime date) => DateTime(date.year, date.month);`,
    week: `  /// The Mondays of the [periodCount] weeks ending with [today]'s week, oldest first.
  static List<DateTime> _lastPeriods(DateTime today) {
    final week = _periodOf(today);
    return [
      for (var back = periodCount - 1; back >= 0; back--)
        DateTime(week.year, week.month, week.day - 7 * back),
    ];
  }

  /// The Monday (weekday 1) of [date]'s week: the key of its bar.
  static DateTime _periodOf(DateTime date) =>
      DateTime(date.year, date.month, date.day - (date.weekday - 1));`,
    day: `  /// The [periodCount] days ending with [today], oldest first.
  static List<DateTime> _lastPeriods(DateTime today) => [
        for (var back = periodCount - 1; back >= 0; back--)
          DateTime(today.year, today.month, today.day - back),
      ];

  /// Midnight of [date]'s day: the key of its bar.
  static DateTime _periodOf(DateTime date) =>
      DateTime(date.year, date.month, date.day);`,
  }[period];
  return `${monthNames}${last}

  static String _periodLabel(DateTime start) =>
      ${label};`;
}

export function seriesDart(n: ChartNames): string {
  const { series, bucket, mode, entity } = n;
  const overTime = periodMode(mode);
  // Only the constants this mode reads: a chart over time never caps its bars.
  const constants = [
    ...(capsBars(mode) ? ['  /// At most this many bars are drawn.\n  static const int maxBars = 7;'] : []),
    ...(overTime ? [`  static const int periodCount = ${PERIOD_BARS[overTime.period]};`] : []),
  ];
  const constantBlock = constants.map((constant) => `${constant}\n\n`).join('');
  const value = modeValue(mode);
  // The "Total …" summary card is the only reader of `total`: a count would repeat `count`.
  const totalField = value
    ? `  /// Sum of every ${entity.label.toLowerCase()}'s ${value.label.toLowerCase()}.
  final double total;

`
    : '';
  // The "most common" summary card is the only reader of `top`.
  const top = !hasTopCard(mode)
    ? ''
    : `

  /// The tallest non-empty bar, if any.
  ${bucket}? get top {
    ${bucket}? best;
    for (final bar in bars) {
      if (bar.value > 0 && (best == null || bar.value > best.value)) best = bar;
    }
    return best;
  }`;
  return `${dartImports([fromFeatureDir(entity.paths.model)])}

/// One bar of the chart: what it counts and how much.
typedef ${bucket} = ({String label, double value});

/// What the chart shows, computed from the ${entity.pluralLabel.toLowerCase()} alone (plain Dart, so tests
/// can check the numbers without a widget).
class ${series} {
  const ${series}({
    required this.bars,${value ? '\n    required this.total,' : ''}
    required this.count,
    required this.average,
  });

${factoryBody(n)}

${constantBlock}  final List<${bucket}> bars;

${totalField}  /// How many ${entity.pluralLabel.toLowerCase()} the series was built from.
  final int count;

  /// ${modeValue(mode) ? `Average per ${entity.label.toLowerCase()}.` : 'Average per non-empty bar.'}
  final double average;

  bool get isEmpty => count == 0;

  /// The tallest bar's value (0 without data).
  double get maxValue =>
      bars.fold<double>(0, (max, bar) => bar.value > max ? bar.value : max);${top}

${seriesHelpers(n)}
}
`;
}

export function controllerDart(n: ChartNames): string {
  const { controller, series, entity, mode } = n;
  const E = entity.className;
  const overTime = periodMode(mode);
  const todayField = overTime
    ? `

  /// The day in the chart's last ${overTime.period}; now when null.
  final DateTime? today;`
    : '';
  const params = overTime ? `{required ${E}Repository repository, this.today}` : `{required ${E}Repository repository}`;
  const build = overTime ? `${series}.from(items, today: today)` : `${series}.from(items)`;
  return `${dartImports([
    'package:flutter/foundation.dart',
    fromFeatureDir(entity.paths.repository),
    fromFeatureDir(USER_MESSAGE_PATH),
    fileNameOf(n.seriesPath),
  ])}

/// Loads the ${entity.pluralLabel.toLowerCase()} and turns them into the chart's series.
class ${controller} extends ChangeNotifier {
  ${controller}(${params}) : _repository = repository;

  final ${E}Repository _repository;${todayField}

  ${series}? _series;
  bool _isLoading = false;
  String? _error;
  bool _disposed = false;

  /// Null until the first load finishes.
  ${series}? get series => _series;
  bool get isLoading => _isLoading;
  String? get error => _error;

  Future<void> load() async {
    _isLoading = true;
    _error = null;
    _notify();
    try {
      final items = await _repository.fetchAll();
      _series = ${build};
    } catch (error) {
${assignmentDart('      ', '_error', dartText(n.text.couldNotLoad, { error: 'userMessage(error)' }))}
    } finally {
      _isLoading = false;
      _notify();
    }
  }

${SAFE_NOTIFY_DART}
`;
}

interface SummaryCard {
  key: string;
  label: string;
  /** Dart String expression; `series` is in scope. */
  value: string;
}

/** The summary cards above the chart; the first one's key is `summary-total` (tests look for it). */
/** What the chart says before there is anything to draw (the test looks for it too). */
export function chartEmptyText(n: Pick<ChartNames, 'entity' | 'text'>): string {
  return fill(n.text.noDataYet, { items: n.entity.pluralLabel.toLowerCase() });
}

/** Whether the "Most common" card is shown (and `top` emitted): counts per group, never per period. */
function hasTopCard(mode: ChartMode): boolean {
  return !modeValue(mode) && !periodMode(mode);
}

export function summaryCards(n: Pick<ChartNames, 'mode' | 'text' | 'items'>): SummaryCard[] {
  const { mode, text } = n;
  const count = fill(text.itemCount, { items: n.items });
  const value = modeValue(mode);
  if (value) {
    return [
      {
        key: 'summary-total',
        label: fill(text.totalOf, { label: inSentence(text, value.label) }),
        value: formatValue(mode, 'series.total'),
      },
      { key: 'summary-count', label: count, value: `'\${series.count}'` },
      {
        key: 'summary-average',
        label: fill(text.averageOf, { label: inSentence(text, value.label) }),
        value: formatValue(mode, 'series.average'),
      },
    ];
  }
  const cards: SummaryCard[] = [{ key: 'summary-total', label: count, value: `'\${series.count}'` }];
  // "Most common" names a group; the busiest month of a chart over time is plain to see in its bars.
  if (hasTopCard(mode)) {
    cards.push({ key: 'summary-top', label: text.mostCommon, value: `series.top?.label ?? '-'` });
  }
  const noun = groupNoun(mode, text);
  if (noun) {
    cards.push({
      key: 'summary-average',
      label: fill(text.averagePer, { noun }),
      value: 'formatNumber(series.average)',
    });
  }
  return cards;
}

function cardsRow(cards: readonly SummaryCard[]): string {
  const items = cards.map(
    (card) => `              Expanded(
                child: _SummaryCard(
                  key: const ValueKey(${dartString(card.key)}),
                  label: ${dartString(card.label)},
                  value: ${card.value},
                ),
              ),`,
  );
  return items.join('\n              const SizedBox(width: 8),\n');
}

export function screenDart(ctx: FeatureContext, n: ChartNames): string {
  const { feature } = ctx;
  const { screen, controller, series, entity, mode } = n;
  const E = entity.className;
  const state = `_${screen}State`;
  const overTime = periodMode(mode);
  const todayParam = overTime ? ', this.today' : '';
  const todayField = overTime
    ? `

  /// The day in the chart's last ${overTime.period}; now when null (tests pin it).
  final DateTime? today;`
    : '';
  const todayArg = overTime ? ', today: widget.today' : '';
  const cards = summaryCards(n);
  const empty = chartEmptyText(n);
  const body = `class ${screen} extends StatefulWidget {
  const ${screen}({super.key, required this.repository${todayParam}});

  static const String title = ${dartString(feature.names.label)};
  static const String routeName = '${feature.route}';

  final ${E}Repository repository;${todayField}

  @override
  State<${screen}> createState() => ${state}();
}

class ${state} extends State<${screen}> {
  late final ${controller} _controller;

  @override
  void initState() {
    super.initState();
    _controller = ${controller}(repository: widget.repository${todayArg});
    _controller.load();
  }

  @override
  void dispose() {
    _controller.dispose();
    super.dispose();
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(
        title: const Text(${screen}.title),
        actions: [
          IconButton(
            tooltip: ${dartString(n.text.refresh)},
            icon: const Icon(Icons.refresh),
            onPressed: _controller.load,
          ),
        ],
      ),
      body: ListenableBuilder(
        listenable: _controller,
        builder: (context, _) => _buildBody(context),
      ),
    );
  }

  Widget _buildBody(BuildContext context) {
    final series = _controller.series;
    if (series == null) {
      final error = _controller.error;
      if (error != null) {
        return _ErrorView(message: error, onRetry: _controller.load);
      }
      return const Center(child: CircularProgressIndicator());
    }
    if (series.isEmpty) return const _EmptyView();
    return RefreshIndicator(
      onRefresh: _controller.load,
      child: ListView(
        padding: const EdgeInsets.all(16),
        children: [
          Row(
            crossAxisAlignment: CrossAxisAlignment.start,
            children: [
${cardsRow(cards)}
            ],
          ),
          const SizedBox(height: 24),
          Text(
            ${dartString(chartHeading(mode, entity, n.text, n.items))},
            style: Theme.of(context).textTheme.titleMedium,
          ),
          const SizedBox(height: 16),
          SizedBox(height: 240, child: _SeriesChart(series: series)),
          const SizedBox(height: 16),
          for (final bar in series.bars)
            ListTile(
              contentPadding: EdgeInsets.zero,
              title: Text(bar.label),
              trailing: Text(${formatValue(mode, 'bar.value')}),
            ),
        ],
      ),
    );
  }
}

class _SummaryCard extends StatelessWidget {
  const _SummaryCard({super.key, required this.label, required this.value});

  final String label;
  final String value;

  @override
  Widget build(BuildContext context) {
    final textTheme = Theme.of(context).textTheme;
    return Card(
      child: Padding(
        padding: const EdgeInsets.all(12),
        child: Column(
          crossAxisAlignment: CrossAxisAlignment.start,
          children: [
            Text(
              label,
              style: textTheme.labelMedium,
              maxLines: 2,
              overflow: TextOverflow.ellipsis,
            ),
            const SizedBox(height: 4),
            FittedBox(
              fit: BoxFit.scaleDown,
              alignment: Alignment.centerLeft,
              child: Text(value, style: textTheme.titleLarge),
            ),
          ],
        ),
      ),
    );
  }
}

class _SeriesChart extends StatelessWidget {
  const _SeriesChart({required this.series});

  final ${series} series;

  /// Long labels would overlap under narrow bars.
  static String _short(String label) {
    final characters = label.characters;
    return characters.length <= 8 ? label : '\${characters.take(7)}…';
  }

  @override
  Widget build(BuildContext context) {
    final theme = Theme.of(context);
    final bars = series.bars;
    final maxValue = series.maxValue;
    return BarChart(
      BarChartData(
        minY: 0,
        maxY: maxValue <= 0 ? 1 : maxValue * 1.2,
        alignment: BarChartAlignment.spaceAround,
        borderData: FlBorderData(show: false),
        gridData: const FlGridData(drawVerticalLine: false),
        titlesData: FlTitlesData(
          topTitles: const AxisTitles(),
          rightTitles: const AxisTitles(),
          leftTitles: const AxisTitles(
            sideTitles: SideTitles(showTitles: true, reservedSize: 44),
          ),
          bottomTitles: AxisTitles(
            sideTitles: SideTitles(
              showTitles: true,
              reservedSize: 28,
              getTitlesWidget: (value, meta) {
                final index = value.toInt();
                if (index < 0 || index >= bars.length) {
                  return const SizedBox.shrink();
                }
                return Padding(
                  padding: const EdgeInsets.only(top: 6),
                  child: Text(
                    _short(bars[index].label),
                    style: theme.textTheme.labelSmall,
                  ),
                );
              },
            ),
          ),
        ),
        barGroups: [
          for (var index = 0; index < bars.length; index++)
            BarChartGroupData(
              x: index,
              barRods: [
                BarChartRodData(
                  toY: bars[index].value,
                  width: 18,
                  color: theme.colorScheme.primary,
                  borderRadius: const BorderRadius.vertical(
                    top: Radius.circular(4),
                  ),
                ),
              ],
            ),
        ],
      ),
    );
  }
}

class _EmptyView extends StatelessWidget {
  const _EmptyView();

  @override
  Widget build(BuildContext context) {
    final theme = Theme.of(context);
    return Center(
      child: Padding(
        padding: const EdgeInsets.all(32),
        child: Column(
          mainAxisSize: MainAxisSize.min,
          children: [
            Icon(Icons.bar_chart, size: 64, color: theme.colorScheme.outline),
            const SizedBox(height: 16),
            Text(
              ${dartString(empty)},
              textAlign: TextAlign.center,
              style: theme.textTheme.titleMedium,
            ),
          ],
        ),
      ),
    );
  }
}

class _ErrorView extends StatelessWidget {
  const _ErrorView({required this.message, required this.onRetry});

  final String message;
  final VoidCallback onRetry;

  @override
  Widget build(BuildContext context) {
    return Center(
      child: Padding(
        padding: const EdgeInsets.all(32),
        child: Column(
          mainAxisSize: MainAxisSize.min,
          children: [
            const Icon(Icons.error_outline, size: 48),
            const SizedBox(height: 12),
            Text(message, textAlign: TextAlign.center),
            const SizedBox(height: 12),
            FilledButton(onPressed: onRetry, child: const Text(${dartString(n.text.retry)})),
          ],
        ),
      ),
    );
  }
}
`;
  const uris = [
    'package:fl_chart/fl_chart.dart',
    'package:flutter/material.dart',
    fromFeatureDir(entity.paths.repository),
    fileNameOf(n.controllerPath),
    fileNameOf(n.seriesPath),
  ];
  if (/\bformat(Money|Number|Date)\(/.test(body)) uris.push(fromFeatureDir(FORMATTERS_PATH));
  return `${dartImports(uris)}\n\n${body}`;
}
