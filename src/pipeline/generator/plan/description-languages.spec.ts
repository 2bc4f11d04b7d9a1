import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import { namedSpec } from '../testing/fixtures';
import { unresolvedImports } from '../testing/project-checks';
import type { AppPlan, EntityPlan } from './app-plan';
import { isGermanAgentNoun } from './german-agent-nouns';
import { planApp } from './plan-app';

/** The German dog school of the brief: walks booked at the end of the clause, walkers and customers listed. */
const DOG_SCHOOL = namedSpec(
  'Hundeschule Pfote',
  'Hundespaziergänge buchen, Gassigeher und Kunden verwalten, Termine im Kalender',
  ['Anmeldung', 'Hundespaziergänge', 'Gassigeher', 'Kunden', 'Kalender', 'Benachrichtigungen'],
  { backend: 'rest' },
);

const FRENCH_BUDGET = namedSpec('Mon Budget', 'Suivez vos dépenses et revenus chaque mois', [
  'connexion',
  'dépenses',
  'calendrier',
  'graphique',
]);

const ENGLISH_DOG_SCHOOL = namedSpec(
  'Dog School',
  'Book dog walks with walkers, manage walkers and customers, appointments in the calendar',
  ['Login', 'Dog walks', 'Walkers', 'Customers', 'Calendar', 'Notifications'],
  { backend: 'rest' },
);

function entity(plan: AppPlan, className: string): EntityPlan {
  const found = plan.entities.find((candidate) => candidate.className === className);
  if (!found) throw new Error(`no entity ${className} in ${plan.entities.map((e) => e.className).join(', ')}`);
  return found;
}

/** `name:type` (`!` = required, `->Class` for a reference) of one entity. */
function fields(plan: AppPlan, className: string): string[] {
  return entity(plan, className).fields.map(
    (field) => `${field.name}:${field.type}${field.required ? '!' : ''}${field.refersTo ? `->${field.refersTo}` : ''}`,
  );
}

/** `archetype:entity` of every screen the user asked for or the description gave. */
function screens(plan: AppPlan): string[] {
  return plan.features.map((feature) => `${feature.archetype}:${feature.entity ?? '-'}`);
}

function file(files: readonly GeneratedFile[], path: string): string {
  const found = files.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found.content;
}

describe('German verb-final descriptions', () => {
  it('books the walks named before "buchen" on the calendar, each with a walker and a customer from their lists', () => {
    const plan = planApp(DOG_SCHOOL);
    expect(screens(plan)).toEqual([
      'auth:-',
      'calendar:Hundespaziergang',
      'entity:Gassigeher',
      'entity:Customer',
      'notifications:-',
      'settings:-',
    ]);
    const walk = fields(plan, 'Hundespaziergang');
    expect(walk[0]).toBe('title:text!');
    expect(walk).toEqual(
      expect.arrayContaining(['location:text', 'gassigeherId:text->Gassigeher', 'customerId:text->Customer']),
    );
    expect(walk.some((spec) => /^date:date(Time)?!$/.test(spec))).toBe(true);
    // The customers are managed, not booked: no "booking of a customer", no free-text customer name.
    expect(plan.entities.map((e) => e.className)).not.toContain('CustomerBooking');
    expect(walk.join()).not.toMatch(/customerName/);
    // The labels are German: the reference to the table's customers says "Kunde".
    expect(entity(plan, 'Hundespaziergang').fields.find((f) => f.name === 'customerId')?.label).toBe('Kunde');
  });

  it('reads the nouns of a clause ending in a verb as its objects, and does not carry the verb into the next clause', () => {
    const plan = planApp(namedSpec('Fahrschule', 'Fahrstunden und Prüfungsfahrten buchen, Fahrlehrer verwalten', []));
    expect(screens(plan)).toEqual(['calendar:Fahrstunde', 'entity:Pruefungsfahrt', 'entity:Fahrlehrer', 'settings:-']);
    // "Fahrlehrer" are people to manage, not something booked.
    expect(fields(plan, 'Fahrlehrer')).toEqual(['name:text!', 'phone:phone', 'email:email', 'notes:longText']);
    expect(fields(plan, 'Fahrstunde')).toContain('fahrlehrerId:text->Fahrlehrer');
  });

  it('links "mit Gassigehern" after the final verb to the walks, and titles the list in the nominative', () => {
    const plan = planApp(namedSpec('Gassi', 'Hundespaziergänge buchen mit Gassigehern', []));
    expect(plan.features.map((feature) => feature.names.label)).toEqual([
      'Hundespaziergänge',
      'Gassigeher',
      'Einstellungen',
    ]);
    expect(fields(plan, 'Hundespaziergang')).toContain('gassigeherId:text!->Gassigeher');
  });

  it('writes the walk dialog with pickers of walkers and customers, in German', () => {
    const files = generateFlutterProject(DOG_SCHOOL);
    expect(unresolvedImports(files)).toEqual([]);
    const dialog = file(files, 'lib/features/hundespaziergaenge/hundespaziergaenge_entry_dialog.dart');
    expect(dialog).toContain('RecordReferenceField<Gassigeher>(');
    expect(dialog).toContain("label: 'Gassigeher (optional)',");
    expect(dialog).toContain('RecordReferenceField<Customer>(');
    expect(dialog).toContain("label: 'Kunde (optional)',");
    const model = file(files, 'lib/data/models/gassigeher.dart');
    expect(model).toContain('final String? phone;');
    expect(model).toContain('final String? email;');
  });
});

describe('German agent nouns', () => {
  it.each(['gassigeher', 'fahrer', 'betreuer', 'lehrer', 'spieler', 'trainerin', 'betreuerinnen', 'gassigehern'])(
    'reads "%s" as people',
    (word) => expect(isGermanAgentNoun(word)).toBe(true),
  );

  it.each([
    'kalender',
    'terminkalender',
    'ordner',
    'computer',
    'wasserfilter',
    'wasser',
    'zimmer',
    'teller',
    'bucher',
    'bilder',
    'erinnern',
    'speichern',
    'immer',
    'eier',
  ])('does not read "%s" as people', (word) => expect(isGermanAgentNoun(word)).toBe(false));

  it('gives people contact fields when a German feature names them, but not a calendar or a folder', () => {
    const plan = planApp(
      namedSpec('Verein', 'Die App für unseren Verein und die Mitglieder', [
        'Fahrer',
        'Betreuerinnen',
        'Ordner',
        'Zimmer',
      ]),
    );
    const person = ['name:text!', 'phone:phone', 'email:email', 'notes:longText'];
    expect(fields(plan, 'Fahrer')).toEqual(person);
    expect(fields(plan, 'Betreuerin')).toEqual(person);
    expect(entity(plan, 'Betreuerin').pluralLabel).toBe('Betreuerinnen');
    expect(fields(plan, 'Ordner')).not.toContain('phone:phone');
    expect(fields(plan, 'Zimmer')).not.toContain('phone:phone');
  });
});

describe('tracking verbs of other languages', () => {
  it.each([
    ['fr', 'Suivez vos dépenses et revenus chaque mois', ['dépenses', 'calendrier']],
    ['fr', 'Suivre mes dépenses', ['dépenses', 'calendrier']],
    ['es', 'Controla tus gastos cada mes', ['gastos', 'calendario']],
    ['it', 'Tieni traccia delle spese', ['spese', 'calendario']],
    ['pt', 'Acompanhe seus gastos', ['despesas', 'calendário']],
    ['en', 'Track your expenses', ['expenses', 'calendar']],
  ])('%s: "%s" shows the expenses on the requested calendar', (locale, description, features) => {
    const plan = planApp(namedSpec('Budget', description, features));
    expect(plan.locale).toBe(locale);
    expect(screens(plan)).toEqual(['entity:Expense', 'calendar:Expense', 'settings:-']);
  });

  it('writes the French calendar over the expenses, with no generic events left', () => {
    const files = generateFlutterProject(FRENCH_BUDGET);
    expect(file(files, 'lib/app.dart')).toContain('CalendrierScreen(repository: services.expenses)');
    expect(files.some((f) => f.path === 'lib/data/models/calendar_event.dart')).toBe(false);
    // "revenus" is the table's income, not a titled note.
    expect(planApp(namedSpec('Budget', 'Suivez vos dépenses et revenus', [])).entities.map((e) => e.className)).toEqual(
      ['Expense', 'Income'],
    );
  });
});

describe('bookings and the people lists the app keeps', () => {
  it('keeps the English control: walks with a required walker, now also a customer from the list', () => {
    const plan = planApp(ENGLISH_DOG_SCHOOL);
    expect(screens(plan)).toEqual([
      'auth:-',
      'calendar:DogWalk',
      'entity:Walker',
      'entity:Customer',
      'notifications:-',
      'settings:-',
    ]);
    const walk = fields(plan, 'DogWalk');
    expect(walk.slice(0, 2)).toEqual(['title:text!', 'walkerId:text!->Walker']);
    expect(walk).toContain('customerId:text->Customer');
  });

  it('picks the customer of a table booking ("Termine") from the customers list instead of typing a name', () => {
    const plan = planApp(namedSpec('Hundeschule', 'Hundespaziergänge buchen, Termine und Kunden verwalten', []));
    const booking = entity(plan, 'Booking');
    expect(fields(plan, 'Booking')).toEqual(expect.arrayContaining(['customerId:text!->Customer', 'service:text!']));
    expect(booking.titleField).toBe('service');
    expect(booking.fields.find((f) => f.name === 'customerId')?.label).toBe('Kunde');
  });

  it('keeps the typed customer name when the app has no customers list', () => {
    const plan = planApp(namedSpec('Salon', 'Appointments for a hair salon', ['appointments']));
    expect(fields(plan, 'Appointment')[0]).toBe('customerName:text!');
  });
});
