import { describe, expect, it } from 'vitest';
import { namedSpec } from '../testing/fixtures';
import { appLocale } from './app-language';
import type { AppPlan } from './app-plan';
import { germanCompoundHead } from './domain-entities';
import { singularNoun } from './noun-inflection';
import { planApp } from './plan-app';
import { isTimedRecord } from './timed-records';

/** `archetype:entity:title` of the screen of the first requested label. */
function firstScreen(plan: AppPlan): string {
  const feature = plan.features[0];
  return `${feature.archetype}:${feature.entity ?? '-'}:${feature.names.label}`;
}

/** `name:type` (`!` = required, `->Class` for a reference) of the entity of the first screen. */
function firstFields(plan: AppPlan): string[] {
  const entity = plan.entities.find((candidate) => candidate.className === plan.features[0].entity);
  return (entity?.fields ?? []).map(
    (field) => `${field.name}:${field.type}${field.required ? '!' : ''}${field.refersTo ? `->${field.refersTo}` : ''}`,
  );
}

describe('booking words of other languages reach the booking models', () => {
  it('books the German "Gassigänge" on a calendar like the English dog walks: a title, the walker, a date and time', () => {
    const description = 'Hundebesitzer buchen Gassigänge bei Gassigehern';
    const german = planApp(namedSpec('Gassi', description, ['Anmeldung', 'Gassigänge', 'Chat']));
    const english = planApp(
      namedSpec('Dogs', 'Dog owners book dog walks with walkers', ['Login', 'Dog walks', 'Chat']),
    );
    expect(german.locale).toBe('de');
    expect(german.features[1].archetype).toBe('calendar');
    expect(german.features[1].names.label).toBe('Gassigänge');
    const walk = german.entities.find((entity) => entity.className === 'Gassigang');
    expect(walk?.pluralLabel).toBe('Gassigänge');
    expect(walk?.fields.map((field) => `${field.name}:${field.type}${field.required ? '!' : ''}`)).toEqual([
      'title:text!',
      'gassigeher:text!',
      'date:dateTime!',
      'location:text',
      'hundebesitzer:text',
      'notes:longText',
    ]);
    // The same model the English description gives its dog walks.
    const dogWalk = english.entities.find((entity) => entity.className === 'DogWalk');
    expect(dogWalk?.fields.map((field) => field.type)).toEqual(walk?.fields.map((field) => field.type));
  });

  it('picks the walker from the Gassigeher list when the app keeps one', () => {
    const plan = planApp(
      namedSpec('Gassi', 'Hundebesitzer buchen Gassigänge bei Gassigehern', ['Gassigänge', 'Gassigeher']),
    );
    expect(firstScreen(plan)).toBe('calendar:Gassigang:Gassigänge');
    expect(firstFields(plan)).toEqual(expect.arrayContaining(['gassigeherId:text!->Gassigeher', 'date:dateTime!']));
  });

  it('books "Dog walks" when the description books "walks", with the walker picked from the "Walkers" list', () => {
    const description = 'Dog owners book walks with dog walkers';
    for (const label of ['Dog walks', 'Walks']) {
      const plan = planApp(namedSpec('Paws', description, [label, 'Walkers']));
      expect(firstScreen(plan)).toBe(`calendar:Walk:${label}`);
      // "dog walkers" in the description are the app's Walkers: a picker, not a name typed on every walk.
      expect(firstFields(plan)).toEqual(expect.arrayContaining(['walkerId:text!->Walker', 'date:dateTime!']));
    }
  });

  it('books a vet’s appointments with the vet picked from the Vets list (people with contact details)', () => {
    const plan = planApp(namedSpec('Paw Clinic', 'Pet owners book appointments with vets', ['Appointments', 'Vets']));
    expect(firstFields(plan)).toEqual(expect.arrayContaining(['vetId:text!->Vet']));
    expect(plan.entities.find((entity) => entity.className === 'Vet')?.fields.map((field) => field.name)).toEqual([
      'name',
      'phone',
      'email',
      'notes',
    ]);
  });

  it('keeps the Italian dentist appointments as English patients book them with dentists', () => {
    const italian = planApp(
      namedSpec('Dentista', 'Prenota appuntamenti con il dentista', ['Appuntamenti', 'Pazienti']),
    );
    const english = planApp(
      namedSpec('Dentist', 'Patients book appointments with dentists', ['Appointments', 'Patients']),
    );
    expect(firstScreen(italian)).toBe('calendar:Booking:Appuntamenti');
    expect(firstFields(italian)).toEqual([
      'pazienteId:text!->Paziente',
      'dentista:text!',
      'date:dateTime!',
      'notes:longText',
    ]);
    expect(firstFields(english)).toEqual([
      'patientId:text!->Patient',
      'dentist:text!',
      'date:dateTime!',
      'notes:longText',
    ]);
  });

  // (locale, app name, description, features, first screen, fields it must have)
  it.each([
    ['de', 'Praxis', 'Patienten buchen Termine beim Zahnarzt', ['Termine', 'Patienten'], 'Booking', 'zahnarzt:text!'],
    ['de', 'Praxis', 'Patienten buchen Arzttermine bei Ärzten', ['Arzttermine', 'Patienten'], 'Booking', 'arzt:text!'],
    [
      'de',
      'Salon',
      'Kunden buchen Termine beim Friseur',
      ['Buchungen', 'Kunden'],
      'Booking',
      'customerId:text!->Customer',
    ],
    // A restaurant's table bookings: how many guests come, not a salon's service.
    ['de', 'Lokal', 'Gäste buchen Tische', ['Tischreservierungen', 'Gäste'], 'TableBooking', 'partySize:int!'],
    [
      'fr',
      'Cabinet',
      'Les patients réservent des rendez-vous avec le médecin',
      ['Rendez-vous', 'Patients'],
      'Booking',
      'medecin:text!',
    ],
    [
      'es',
      'Clínica',
      'Los pacientes reservan citas con el médico',
      ['Citas', 'Pacientes'],
      'Booking',
      'pacienteId:text!->Paciente',
    ],
    ['pt', 'Clínica', 'Pacientes marcam consultas com médicos', ['Consultas', 'Pacientes'], 'Booking', 'medico:text!'],
    [
      'pt',
      'Clínica',
      'Pacientes agendam consultas com dentistas',
      ['Agendamentos', 'Pacientes'],
      'Booking',
      'dentista:text!',
    ],
    [
      'it',
      'Ristorante',
      'I clienti prenotano tavoli',
      ['Prenotazioni', 'Clienti'],
      'Booking',
      'customerId:text!->Customer',
    ],
    ['vi', 'Phòng khám', 'Bệnh nhân đặt lịch hẹn với bác sĩ', ['Lịch hẹn', 'Bệnh nhân'], 'Booking', 'bacSi:text!'],
    ['vi', 'Nhà hàng', 'Khách hàng đặt chỗ', ['Đặt chỗ', 'Khách hàng'], 'Booking', 'customerId:text!->Customer'],
    [
      'de',
      'Fahrschule',
      'Schüler buchen Fahrstunden bei Fahrlehrern',
      ['Fahrstunden', 'Fahrlehrer'],
      'Fahrstunde',
      'fahrlehrerId:text!->Fahrlehrer',
    ],
    [
      'de',
      'Nachhilfe',
      'Eltern buchen Nachhilfestunden bei Nachhilfelehrern',
      ['Nachhilfestunden', 'Nachhilfelehrer'],
      'Nachhilfestunde',
      'nachhilfelehrerId:text!->Nachhilfelehrer',
    ],
    [
      'de',
      'Hund',
      'Hundespaziergänge bei Gassigehern buchen',
      ['Hundespaziergänge', 'Gassigeher'],
      'Hundespaziergang',
      'gassigeherId:text!->Gassigeher',
    ],
    [
      'fr',
      'Balades',
      'Réservez des promenades de chiens avec des promeneurs',
      ['Promenades', 'Promeneurs'],
      'PromenadeChiens',
      'promeneurId:text!->Promeneur',
    ],
    [
      'es',
      'Paseos',
      'Reserva paseos de perros con paseadores',
      ['Paseos', 'Paseadores'],
      'PaseoPerros',
      'paseadorId:text!->Paseador',
    ],
    [
      'pt',
      'Passeios',
      'Agende passeios de cães com passeadores',
      ['Passeios', 'Passeadores'],
      'PasseioCaes',
      'passeadorId:text!->Passeador',
    ],
    [
      'it',
      'Lezioni',
      'Gli studenti prenotano lezioni con gli insegnanti',
      ['Lezioni', 'Insegnanti'],
      'Lezione',
      'insegnanteId:text!->Insegnante',
    ],
    [
      'es',
      'Clases',
      'Los alumnos reservan clases con profesores',
      ['Clases', 'Profesores'],
      'Clase',
      'profesorId:text!->Profesor',
    ],
    [
      'en',
      'Dogs',
      'Dog owners book dog walks with walkers',
      ['Dog walks', 'Walkers'],
      'DogWalk',
      'walkerId:text!->Walker',
    ],
  ])('%s: "%s" – %s → a calendar of timed %s records', (locale, name, description, features, className, party) => {
    const plan = planApp(namedSpec(name, description, features));
    expect(plan.locale).toBe(locale);
    // The screen keeps the user's word; its records are picked with a date and a time.
    expect(firstScreen(plan)).toBe(`calendar:${className}:${features[0]}`);
    expect(firstFields(plan)).toEqual(expect.arrayContaining(['date:dateTime!', party]));
  });

  it.each([
    // "Arzttermine" are the table's bookings: a patient ("Kunde") and a doctor from the list.
    ['Arzttermine bei Ärzten buchen', 'calendar:Booking:Arzttermine', 'arztId:text!->Arzt', 'Ärzte'],
    [
      'Gassigänge buchen bei Gassigehern',
      'calendar:Gassigang:Gassigänge',
      'gassigeherId:text!->Gassigeher',
      'Gassigeher',
    ],
  ])('mines "%s" into a calendar with a list of who it is with', (description, screen, party, people) => {
    const plan = planApp(namedSpec('Praxis Gassi', description, []));
    expect(firstScreen(plan)).toBe(screen);
    expect(firstFields(plan)).toEqual(expect.arrayContaining(['date:dateTime!', party]));
    // "bei Ärzten" is a dative: the list is titled in the nominative plural.
    expect(plan.features[1].names.label).toBe(people);
  });

  it('keeps the bookings a description names on one calendar, not a second one of events for the verb', () => {
    const plan = planApp(namedSpec('Clínica', 'Los pacientes reservan citas con el médico', []));
    expect(
      plan.features.map((feature) => `${feature.archetype}:${feature.entity ?? '-'}:${feature.names.label}`),
    ).toEqual(['entity:Paciente:Pacientes', 'calendar:Booking:Citas', 'settings:-:Ajustes']);
    const termine = planApp(namedSpec('Praxis', 'Termine buchen', []));
    expect(firstScreen(termine)).toBe('calendar:Booking:Termine');
  });

  it('reads a German description as German by its booking words', () => {
    expect(appLocale({ name: 'App', description: 'Patienten buchen Termine beim Zahnarzt', features: [] })).toBe('de');
    expect(
      appLocale({ name: 'App', description: 'Hundebesitzer buchen Gassigänge bei Gassigehern', features: [] }),
    ).toBe('de');
  });

  it('singularises the plurals the booking words come in', () => {
    expect(singularNoun('appuntamenti', 'it')).toBe('appuntamento');
    expect(singularNoun('pagamenti', 'it')).toBe('pagamento');
    expect(singularNoun('pazienti', 'it')).toBe('paziente');
    expect(singularNoun('ärzten', 'de')).toBe('arzt');
  });
});

describe('words that only look like bookings or walks', () => {
  it.each(['Umgang', 'Eingang', 'Ausgang', 'Vorgang', 'Lehrgang'])('"%s" is no walk at a time of day', (word) => {
    expect(isTimedRecord({ className: word, fields: [] })).toBe(false);
    const plan = planApp(namedSpec('Firma', 'Vorgänge und Eingänge verwalten', [word, 'Notizen']));
    expect(firstScreen(plan)).toBe(`entity:${word}:${word}`);
    expect(firstFields(plan)).not.toContain('date:dateTime!');
  });

  it('keeps "Gassigang", "Rundgang" and "Hundespaziergang" walks', () => {
    for (const word of ['Gassigang', 'Rundgang', 'Hundespaziergang', 'Arzttermin', 'Besprechung']) {
      expect(isTimedRecord({ className: word, fields: [] })).toBe(true);
    }
  });

  it('does not read "Terminal" as an appointment', () => {
    const plan = planApp(namedSpec('Server', 'Terminals verwalten', ['Terminals', 'Notizen']));
    expect(firstScreen(plan)).toMatch(/^entity:Terminals?:Terminals$/);
    expect(firstFields(plan)).not.toContain('date:dateTime!');
    expect(isTimedRecord({ className: 'Terminal', fields: [] })).toBe(false);
    expect(germanCompoundHead('terminal')).toBe('terminal');
  });

  it('reads the head of a German compound only for the record words that may end one', () => {
    expect(germanCompoundHead('arzttermin')).toBe('termin');
    expect(germanCompoundHead('tischreservierung')).toBe('reservierung');
    expect(germanCompoundHead('hausaufgabe')).toBe('aufgabe');
    // A cookbook and a guest book are no books of the library.
    expect(germanCompoundHead('kochbuch')).toBe('kochbuch');
    expect(germanCompoundHead('buchhaltung')).toBe('buchhaltung');
    // In a description too: "Nebenausgaben" are expenses, "Tischreservierungen" table bookings.
    const mined = planApp(namedSpec('Schule', 'Hausaufgaben und Nebenausgaben erfassen, Tischreservierungen', []));
    // "Hausaufgaben" are a pupil's homework (a row of their own since `household-school-rows.ts`), not tasks.
    expect(mined.features.map((feature) => feature.entity)).toEqual(['Homework', 'Expense', 'TableBooking', undefined]);
    const plan = planApp(namedSpec('Schule', 'Hausaufgaben verwalten', ['Hausaufgaben', 'Gästebuch']));
    expect(plan.features.map((feature) => `${feature.archetype}:${feature.entity ?? '-'}`)).toEqual([
      'entity:Homework',
      'entity:Gaestebuch',
      'settings:-',
    ]);
  });
});
