/**
 * `npm run quality`: generates every spec of the quality corpus
 * (test/fixtures/quality-corpus.json) with the builtin generator, runs QA on
 * it and prints, per spec and in total, the measures of issue 10 ("Measure
 * it"). The totals are a Markdown table for the README. Exit code 1 when a
 * "Done when" target is missed, 2 when the corpus cannot be read.
 *
 *   npm run quality                      # the whole corpus
 *   npm run quality -- --only vi-expenses,hostile-quotes
 *   npm run quality -- --json out.json   # also write every measure as JSON
 *
 * The measures live in src/pipeline/generator/quality/; this file only formats.
 */
import { writeFileSync } from 'node:fs';
import type { BackendKind } from '../src/pipeline/generator/plan/app-plan';
import { loadQualityCorpus, type CorpusEntry } from '../src/pipeline/generator/quality/quality-corpus';
import { flutterApiTable } from '../src/pipeline/qa/flutter-api/flutter-api-table';
import {
  SIMILARITY_LIMIT,
  RECORD_SIMILARITY_LIMIT,
  measureCorpus,
  missedTargets,
  qualityTotals,
  type QualityTotals,
  type SpecQuality,
} from '../src/pipeline/generator/quality/quality-metrics';

interface Options {
  only?: Set<string>;
  json?: string;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--only')
      options.only = new Set(
        value()
          .split(',')
          .map((id) => id.trim()),
      );
    else if (arg === '--json') options.json = value();
    else throw new Error(`unknown argument ${arg} (use --only <ids> or --json <file>)`);
  }
  return options;
}

function percent(part: number, whole: number): string {
  return whole ? `${Math.floor((part / whole) * 1000) / 10}%` : '—';
}

/** A Markdown table cell: no pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

function specRow(r: SpecQuality): string[] {
  if (r.error) return [r.id, r.backend ?? '?', 'ERROR', '', '', '', '', '', '', '', '', '', ''];
  const recognised = r.labels.filter((l) => l.recognition === 'archetype' || l.recognition === 'domain').length;
  const modelled = r.labels.filter((l) => l.recognition === 'model').length;
  const tests = r.features.map((f) => f.tests);
  const mean = tests.length ? tests.reduce((a, b) => a + b, 0) / tests.length : 0;
  const backend =
    r.expectedBackend === r.backend ? (r.backend ?? '?') : `${r.backend ?? '?'} (≠ ${r.expectedBackend ?? '?'})`;
  return [
    r.id,
    backend,
    `${recognised}+${modelled}/${r.labels.length}`,
    String(r.mined.length),
    String(r.features.length),
    String(r.pairs.filter((p) => p.identical).length),
    String(r.pairs.filter((p) => p.similarity >= SIMILARITY_LIMIT).length),
    r.maxSimilarity.toFixed(2),
    `${r.reachable}/${r.features.length}`,
    `${tests.length ? Math.min(...tests) : 0} / ${mean.toFixed(1)}`,
    String(r.findings.length),
    r.missingPackages.length ? `missing ${r.missingPackages.join(', ')}` : 'ok',
    String(r.expectationMisses.length),
  ];
}

function specDetails(r: SpecQuality): string[] {
  const lines: string[] = [];
  if (r.error) lines.push(`  error: ${r.error}`);
  for (const label of r.labels.filter((l) => l.recognition !== 'archetype' && l.recognition !== 'domain')) {
    const what = label.recognition === 'model' ? `domain model ${label.entity ?? '?'}` : 'LOST (no feature)';
    lines.push(`  "${label.label}" → ${what}`);
  }
  if (r.mined.length) {
    const mined = r.mined.map((f) => (f.entity ? `${f.id} (${f.archetype} ${f.entity})` : `${f.id} (${f.archetype})`));
    lines.push(`  mined: ${mined.join(', ')}`);
  }
  for (const pair of r.pairs
    .filter((p) => p.similarity >= SIMILARITY_LIMIT)
    .sort((a, b) => b.similarity - a.similarity)) {
    lines.push(`  ${pair.identical ? 'IDENTICAL' : 'similar'}: ${pair.a} ~ ${pair.b} ${pair.similarity.toFixed(2)}`);
  }
  for (const feature of r.features.filter((f) => !f.reachable || f.tests < 1 || !f.tested)) {
    const problems = [
      !feature.reachable && 'unreachable',
      feature.tests < 1 && 'no widget test',
      !feature.tested && 'not tested per QA',
    ];
    lines.push(`  feature ${feature.id}: ${problems.filter(Boolean).join(', ')}`);
  }
  for (const finding of r.findings) {
    lines.push(
      `  finding ${finding.file}${finding.line ? `:${finding.line}` : ''} [${finding.rule}] ${finding.message}`,
    );
  }
  for (const miss of r.expectationMisses) lines.push(`  expectation: ${miss}`);
  return lines;
}

function backendCell(totals: QualityTotals): string {
  return (Object.entries(totals.backends) as [BackendKind, { specs: number; withPackages: number }][])
    .filter(([, counts]) => counts.specs > 0)
    .map(([kind, counts]) => `${kind} ${counts.withPackages}/${counts.specs}`)
    .join(', ');
}

function totalsTable(t: QualityTotals): string {
  const backendsOk = Object.values(t.backends).every((b) => b.withPackages === b.specs);
  const ok = (pass: boolean) => (pass ? '✅' : '❌');
  return table(
    ['Measure', 'Result', 'Target', ''],
    [
      ['Specs generated and checked', `${t.specs - t.errors}/${t.specs}`, 'all', ok(t.errors === 0)],
      [
        'Requested features recognised (+ given a domain model) / asked',
        `${t.recognised} + ${t.modelled} / ${t.asked} (${percent(t.recognised + t.modelled, t.asked)})`,
        '100%',
        ok(t.lost === 0),
      ],
      ['Features mined from descriptions (thin lists)', String(t.mined), '—', ''],
      ['Features generated', String(t.features), '—', ''],
      [
        'Identical feature pairs (after renaming; besides two unknown words)',
        `${t.identicalPairs} of ${t.pairs}`,
        '0',
        ok(t.identicalPairs === 0),
      ],
      [
        `Feature pairs with line-set similarity ≥ ${SIMILARITY_LIMIT} (besides two record screens)`,
        `${t.similarPairs} (max ${t.maxSimilarity.toFixed(2)})`,
        '0',
        ok(t.similarPairs === 0),
      ],
      [
        'Two record screens of different entities: pairs ≥ 0.6 / all, max',
        `${t.recordPairsSimilar} / ${t.recordPairs}, max ${t.maxRecordSimilarity.toFixed(2)}`,
        `max < ${RECORD_SIMILARITY_LIMIT}`,
        ok(t.maxRecordSimilarity < RECORD_SIMILARITY_LIMIT),
      ],
      [
        'Record screens of two unknown words (same default fields) / still labelled alike',
        `${t.wordlessPairs} / ${t.wordlessSameLabels}`,
        '—',
        '',
      ],
      [
        'Reachable feature screens',
        `${t.reachable}/${t.features} (${percent(t.reachable, t.features)})`,
        '100%',
        ok(t.reachable === t.features),
      ],
      [
        'Features with a widget test (min / mean tests)',
        `${t.withTests}/${t.features} (${t.minTests} / ${t.meanTests.toFixed(1)})`,
        'every feature ≥ 1',
        ok(t.withTests === t.features),
      ],
      ['Features whose test pumps and exercises the screen (QA)', `${t.qaTested}/${t.features}`, '—', ''],
      ['Static QA findings', String(t.findings), '0', ok(t.findings === 0)],
      ['Backend dependencies present', backendCell(t), 'all', ok(backendsOk)],
      ['Corpus expectations missed (informational)', String(t.expectationMisses), '—', ''],
    ],
  );
}

async function main(): Promise<number> {
  let options: Options;
  let corpus: CorpusEntry[];
  try {
    options = parseArgs(process.argv.slice(2));
    corpus = loadQualityCorpus();
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const only = options.only;
  if (only) {
    const unknown = [...only].filter((id) => !corpus.some((entry) => entry.id === id));
    if (unknown.length) {
      console.error(`unknown corpus ids: ${unknown.join(', ')}`);
      return 2;
    }
    corpus = corpus.filter((entry) => only.has(entry.id));
  }

  const started = Date.now();
  // First use loads QA's Flutter API table: its cost is reported, not asserted.
  const tableStarted = performance.now();
  const apiTable = flutterApiTable();
  const tableMillis = performance.now() - tableStarted;
  const results = await measureCorpus(corpus, (r) => {
    process.stderr.write(`${r.error ? 'ERROR' : 'done '} ${r.id} (${r.files} files, ${r.millis} ms)\n`);
  });

  console.log(`# Quality of the builtin generator on ${results.length} specs\n`);
  console.log(
    table(
      [
        'spec',
        'backend',
        'recognised+models/asked',
        'mined',
        'features',
        'identical',
        `≥${SIMILARITY_LIMIT}`,
        'max sim',
        'reachable',
        'tests min/mean',
        'findings',
        'backend deps',
        'expect. misses',
      ],
      results.map(specRow),
    ),
  );
  const details = results.map((r) => ({ id: r.id, note: r.note, lines: specDetails(r) })).filter((d) => d.lines.length);
  if (details.length) {
    console.log('\n## Details\n');
    for (const detail of details) console.log(`${detail.id} — ${detail.note}\n${detail.lines.join('\n')}\n`);
  }

  const totals = qualityTotals(results);
  console.log(`## Totals\n\n${totalsTable(totals)}\n`);
  console.log(
    `Flutter API table (QA): Flutter ${apiTable.flutterVersion}, ${apiTable.libraries.size} libraries, loaded in ${tableMillis.toFixed(1)} ms\n`,
  );
  const missed = missedTargets(results);
  if (missed.length) {
    console.log(`## Missed "Done when" targets (${missed.length})\n`);
    for (const miss of missed) {
      console.log(`- ${miss.target} (${miss.details.length}):`);
      for (const detail of miss.details) console.log(`  - ${detail}`);
    }
  } else {
    console.log('Every "Done when" target is met.');
  }
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (options.json) writeFileSync(options.json, `${JSON.stringify({ totals, missed, results }, null, 2)}\n`);
  return missed.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 2;
  },
);
