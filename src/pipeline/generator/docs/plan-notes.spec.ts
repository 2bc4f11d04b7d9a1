import { describe, expect, it } from 'vitest';
import type { AppSpec, GeneratedFile } from '../app-spec';
import { baDocs, briefDocs, designDocs } from '../docs.generator';
import { generateFlutterProject } from '../flutter-project.generator';
import { awkwardSpec, simpleSpec } from '../testing/fixtures';

function content(files: readonly GeneratedFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} was not generated`);
  return file.content;
}

function readme(spec: AppSpec): string {
  return content(generateFlutterProject(spec), 'README.md');
}

/** The Markdown section under `## heading`, up to the next `## `. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}\n`);
  if (start < 0) return '';
  const end = markdown.indexOf('\n## ', start + 3);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** The table row (one line) whose cells mention `text`. */
function row(markdown: string, text: string): string {
  return markdown.split('\n').find((line) => line.startsWith('|') && line.includes(text)) ?? '';
}

const SYNONYMS = simpleSpec({
  features: ['login', 'sign in', 'authentication', 'dark mode', 'theme', 'settings', 'map', 'checkout'],
});

describe('README: how your features map to screens', () => {
  const mapping = section(readme(SYNONYMS), 'How your features map to screens');

  it('shows synonyms merged into one screen, with route and file', () => {
    const login = row(mapping, '"login"');
    expect(login).toContain('"login", "sign in", "authentication" (feature list)');
    expect(login).toContain('`/login`');
    expect(login).toContain('`lib/features/login/login_screen.dart`');
    expect(login).toContain('3 requests for the same kind of screen, merged');
    expect(login).toContain(
      'no home card: opens first until someone is signed in; later from "Account" in the home app bar',
    );
    const settings = row(mapping, '"dark mode"');
    expect(settings).toContain('| Settings |');
    expect(settings).toContain('opens from the settings button in the home app bar');
  });

  it('says why the app added Places and Products and where to open them', () => {
    expect(row(mapping, '| Places |')).toContain(
      'added by the app: Map needs places to work on, and this is where they are added; no home card: open it with "Manage places" on Map',
    );
    expect(row(mapping, '| Products |')).toContain('open it with "Manage products" on Checkout');
  });

  it('says which requests came from the description', () => {
    const mined = section(
      readme(simpleSpec({ features: ['Expenses'], description: 'Track expenses and see them on a map.' })),
      'How your features map to screens',
    );
    expect(row(mined, '| Map |')).toContain('"Map" (description)');
    expect(row(mined, '| Expenses |')).toContain('"Expenses" (feature list)');
  });

  it('keeps one table row per screen for hostile labels', () => {
    const awkward = section(readme(awkwardSpec()), 'How your features map to screens');
    const rows = awkward.split('\n').filter((line) => line.startsWith('|'));
    const screens = content(generateFlutterProject(awkwardSpec()), 'lib/app.dart').match(/\.routeName: \(context\)/g);
    // Header and divider, then one row per screen (the home route is not a feature).
    expect(rows).toHaveLength(2 + (screens?.length ?? 0) - 1);
    expect(row(awkward, 'Bob')).toContain('"Bob\'s "quoted" feature" (feature list)');
    expect(awkward).toContain('"Price $5 ${x} \\ back\\slash" (feature list)');
  });
});

describe('README: the Features list marks screens nobody opens from a home card', () => {
  const features = section(
    readme(simpleSpec({ features: ['Login', 'Onboarding', 'Map', 'Checkout', 'Tasks'] })),
    'Features',
  );
  /** The list item of one screen. */
  const item = (label: string) => features.split('\n').find((line) => line.startsWith(`- **${label}** `)) ?? '';

  it('says which screens the app added, and for which feature, as the mapping table does', () => {
    expect(item('Places')).toContain(
      ': _Added by the app for Map; no home card: open it with "Manage places" on Map._ A list of places',
    );
    expect(item('Products')).toContain(
      '_Added by the app for Checkout; no home card: open it with "Manage products" on Checkout._',
    );
    expect(item('Settings')).toContain('_Added by the app (every app gets settings); opens from the settings button');
  });

  it('says sign-in opens first and the tour once, and leaves requested home cards unmarked', () => {
    expect(item('Login')).toContain('_No home card: opens first until someone is signed in; later from "Account"');
    expect(item('Onboarding')).toContain('_No home card: shown once, at the first launch._');
    for (const label of ['Map', 'Checkout', 'Tasks']) expect(item(label)).not.toContain('): _');
  });
});

describe('README and models: what was guessed', () => {
  const spec = simpleSpec({ features: ['Zorbs', 'Quantum flux', 'Volunteers', 'Expenses'] });
  const files = generateFlutterProject(spec);
  const guessed = section(content(files, 'README.md'), 'What was guessed');

  it('lists each guessed screen with its fields and why', () => {
    expect(row(guessed, '| Zorbs |')).toContain(
      'Zorb name (text, required), Notes (longText), Date (date) | Not a kind of record the generator knows, so its fields are a generic record (a name or title, notes, a date)',
    );
    expect(row(guessed, '| Quantum flux |')).toContain('`QuantumFlux` (`lib/data/models/quantum_flux.dart`)');
    expect(row(guessed, '| Volunteers |')).toContain('guessed from the shape of the word');
    expect(guessed).not.toContain('Expenses');
  });

  it('puts a TODO in the doc comment of each guessed model only', () => {
    expect(content(files, 'lib/data/models/zorb.dart')).toMatch(
      /^\/\/\/ Zorb: one record of the app's data\.\n\/\/\/\n\/\/\/ TODO: Not a kind of record the generator knows, so its fields are/m,
    );
    const comment = content(files, 'lib/data/models/quantum_flux.dart')
      .split('\n')
      .filter((line) => line.startsWith('///'));
    expect(comment.join(' ')).toContain('Check them against your data (README.md, "What was guessed").');
    for (const line of comment) expect(line.length).toBeLessThanOrEqual(80);
    expect(content(files, 'lib/data/models/expense.dart')).not.toContain('TODO');
  });

  it('says fields came from the description when they did', () => {
    const mined = readme(
      simpleSpec({ features: [], name: 'Crag log', description: 'Log climbing routes I sent with grade and attempts' }),
    );
    expect(section(mined, 'What was guessed')).toContain('taken from words of the app description');
  });

  it('has no such section when every screen is a known kind of record', () => {
    expect(readme(simpleSpec({ features: ['Expenses', 'Map'] }))).not.toContain('## What was guessed');
  });

  it('repeats the guesses in the app brief and the data model of the requirements', () => {
    expect(content(briefDocs(spec), 'docs/app_brief.md')).toContain('## What was guessed');
    expect(content(baDocs(spec), 'docs/requirements.md')).toContain(
      '_Not a kind of record the generator knows, so its fields are a generic record',
    );
  });
});

describe('docs: how added screens are reached', () => {
  it('tells stories and the design through the Manage action, not a home card', () => {
    const stories = content(baDocs(SYNONYMS), 'docs/user_stories.md');
    expect(stories).toContain('Given I am on Map, when I tap "Manage places", then a screen titled "Places" opens.');
    expect(stories).not.toContain('when I tap "Places"');
    expect(stories).toContain('Given I am not signed in, when I open the app, then a screen titled "Login" opens.');
    const product = JSON.parse(content(baDocs(SYNONYMS), 'docs/product_spec.json')) as {
      features: { id: string; homeCard: boolean; openedFrom: string | null }[];
    };
    expect(product.features.find((feature) => feature.id === 'products')).toMatchObject({
      homeCard: false,
      openedFrom: 'checkout',
    });
    expect(product.features.find((feature) => feature.id === 'map')).toMatchObject({ homeCard: true });
    expect(content(designDocs(SYNONYMS), 'docs/design.md')).toContain(
      'widget `PlacesScreen`, no home card: open it with "Manage places" on Map.',
    );
  });
});
