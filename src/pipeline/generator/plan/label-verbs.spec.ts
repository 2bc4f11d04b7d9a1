import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import { simpleSpec } from '../testing/fixtures';
import { planApp } from './plan-app';

function app(features: string[], overrides: Partial<AppSpec> = {}): AppSpec {
  return simpleSpec({ name: 'App', description: '', backend: 'none', features, ...overrides });
}

/** "archetype:Entity" of the screen that shows `label`. */
function screenOf(plan: ReturnType<typeof planApp>, label: string): string {
  const feature = plan.features.find((candidate) => candidate.requested.includes(label));
  return `${feature?.archetype}:${feature?.entity ?? '-'}`;
}

/** "name[Label]" (with "->Target" for a link) per field of the entity `label`'s screen keeps. */
function fieldsOf(plan: ReturnType<typeof planApp>, label: string): string[] {
  const feature = plan.features.find((candidate) => candidate.requested.includes(label));
  const entity = plan.entities.find((candidate) => candidate.className === feature?.entity);
  return (entity?.fields ?? []).map(
    (field) => `${field.name}${field.refersTo ? `->${field.refersTo}` : ''}[${field.label}]`,
  );
}

describe('feature labels that start with a verb', () => {
  it('books the thing "Book a …" names instead of keeping a reading list', () => {
    const plan = planApp(app(['Book a court']));
    expect(screenOf(plan, 'Book a court')).toBe('calendar:Booking');
    expect(fieldsOf(plan, 'Book a court')).toEqual([
      'customerName[Customer name]',
      'court[Court]',
      'date[Date & time]',
      'phone[Phone]',
      'notes[Notes]',
    ]);
    expect(plan.entities.map((entity) => entity.className)).not.toContain('Book');
  });

  it("links a booked class to the gym's class sessions, and keeps the timetable a list of them", () => {
    const plan = planApp(
      app(['Class timetable', 'Trainers', 'Book a class'], {
        description: 'Gym class timetable: members book classes run by trainers.',
      }),
    );
    // The class on the timetable has the time: the booking is a list of booked classes (`class-sessions.spec.ts`).
    expect(screenOf(plan, 'Book a class')).toBe('entity:Booking');
    expect(fieldsOf(plan, 'Book a class')).toContain('classSessionId->ClassSession[Class]');
    expect(screenOf(plan, 'Class timetable')).toBe('entity:ClassSession');
  });

  it('keeps a plain booking for "Book now", and orders for "Place an order"', () => {
    const plan = planApp(app(['Book now', 'Place an order']));
    expect(screenOf(plan, 'Book now')).toBe('calendar:Booking');
    expect(fieldsOf(plan, 'Book now')).toContain('service[Service]');
    expect(screenOf(plan, 'Place an order')).toBe('entity:OrderEntry');
  });

  it('names a request after what is requested: "Request a quote" keeps quote requests', () => {
    const plan = planApp(app(['Request a quote']));
    const entity = plan.entities[0];
    expect([entity.className, entity.label, entity.fileName, entity.tableName]).toEqual([
      'QuoteRequest',
      'Quote request',
      'quote_request',
      'quote_requests',
    ]);
  });

  it('keeps a requested ride as a ride: picked up at a time, dropped off, paid — and a bike ride a log', () => {
    const plan = planApp(app(['Request a ride', 'Bike rides']));
    expect(screenOf(plan, 'Request a ride')).toBe('entity:Ride');
    expect(fieldsOf(plan, 'Request a ride')).toEqual([
      'pickup[Pickup]',
      'destination[Destination]',
      'date[Date & time]',
      'passengers[Passengers]',
      'fare[Fare]',
      'notes[Notes]',
    ]);
    expect(plan.entities.find((entity) => entity.className === 'Ride')?.fields[2].type).toBe('dateTime');
    expect(screenOf(plan, 'Bike rides')).toBe('entity:BikeRide');
  });

  it('takes the records after other verbs: "Track expenses" are expenses, not songs', () => {
    const plan = planApp(app(['Track expenses', 'Sell items', 'Add a contact']));
    expect(screenOf(plan, 'Track expenses')).toBe('entity:Expense');
    expect(screenOf(plan, 'Sell items')).toBe('entity:Item');
    expect(screenOf(plan, 'Add a contact')).toBe('entity:Contact');
  });

  it.each([
    ['Books', 'entity:Book'],
    ['Book list', 'entity:Book'],
    ['My books', 'entity:Book'],
    ['Reading: books', 'entity:Book'],
    ['Places to visit', 'entity:Place'],
    ['Order history', 'entity:OrderEntry'],
    ['Book notes', 'entity:Book'],
    ['Log in', 'auth:-'],
  ])('keeps "%s" a noun (%s)', (label, screen) => {
    expect(screenOf(planApp(app([label])), label)).toBe(screen);
  });

  it('books the table a French, Spanish or German label names, labelled in the user’s words', () => {
    const fr = planApp(
      app(['Menu', 'Réserver une table'], { name: 'Chez Paul', description: 'Un restaurant à Lyon avec une carte' }),
    );
    expect(fr.locale).toBe('fr');
    // A restaurant's table is booked for a party at a time (`TableBooking`), in the app's language.
    expect(screenOf(fr, 'Réserver une table')).toBe('calendar:TableBooking');
    expect(fieldsOf(fr, 'Réserver une table')).toContain('partySize[Nombre de personnes]');
    const es = planApp(app(['Reservar una clase', 'Entrenadores'], { description: 'Un gimnasio con clases' }));
    expect(fieldsOf(es, 'Reservar una clase')).toContain('clase[Clase]');
    const de = planApp(app(['Tisch reservieren', 'Speisekarte'], { description: 'Ein Restaurant in Berlin' }));
    expect(screenOf(de, 'Tisch reservieren')).toBe('calendar:TableBooking');
    expect(fieldsOf(de, 'Tisch reservieren')).toContain('partySize[Party size]');
  });
});

describe('an admin area', () => {
  it('is an overview of the app’s data, not a list of "admin panels"', () => {
    const plan = planApp(app(['Products', 'Orders', 'Admin panel']));
    expect(screenOf(plan, 'Admin panel')).toBe('chart:OrderEntry');
    expect(plan.entities.map((entity) => entity.className)).not.toContain('AdminPanel');
  });
});

describe('links in a non-English app', () => {
  it.each([
    ['fr', 'Salon Léa', ['Réservations', 'Paiements'], 'Les clientes réservent des rendez-vous', 'Réservation'],
    ['de', 'Friseur', ['Termine', 'Zahlungen'], 'Kunden buchen Termine', 'Buchung'],
    ['pt', 'Salão', ['Agendamentos', 'Pagamentos'], 'Clientes agendam horários', 'Reserva'],
    ['vi', 'Tiệm', ['Lịch hẹn', 'Thanh toán'], 'Khách hàng đặt lịch hẹn', 'Lịch hẹn'],
  ])('names a payment’s booking in %s', (locale, name, features, description, label) => {
    const plan = planApp(app(features, { name, description }));
    expect(plan.locale).toBe(locale);
    const links = plan.entities.flatMap((entity) => entity.fields.filter((field) => field.refersTo === 'Booking'));
    expect(links.map((field) => field.label)).toEqual([label]);
  });

  it('names a link the label table lacks after the screen listing its records ("Recetas" → "Receta")', () => {
    const plan = planApp(
      app(['Recetas', 'Calendario de comidas'], { name: 'Cocina', description: 'Recetas y planificador de comidas' }),
    );
    const links = plan.entities.flatMap((entity) => entity.fields.filter((field) => field.refersTo === 'Recipe'));
    expect(links.map((field) => field.label)).toEqual(['Receta']);
  });
});
