import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import { bracketProblem } from '../testing/dart-brackets';
import { unresolvedImports } from '../testing/project-checks';
import { planApp } from './plan-app';
import { namedSpec } from '../testing/fixtures';

const spec = (name: string, description: string, features: string[]) => namedSpec(name, description, features);

const PADEL = spec('Pádel Club', 'Reservar pistas de pádel y pagar en la app', [
  'reservas',
  'jugadores',
  'pagos',
  'perfil',
]);
const COURTS = spec('Court Club', 'Book tennis courts and pay in the app', [
  'reservations',
  'players',
  'payments',
  'profile',
]);

/** "name:type!->Target" per field of the entity a feature works on. */
function fieldsOf(app: AppSpec, featureId: string): string[] {
  const plan = planApp(app);
  const feature = plan.features.find((candidate) => candidate.names.id === featureId);
  const entity = plan.entities.find((candidate) => candidate.className === feature?.entity);
  return (entity?.fields ?? []).map(
    (field) => `${field.name}:${field.type}${field.required ? '!' : ''}${field.refersTo ? `->${field.refersTo}` : ''}`,
  );
}

function screens(app: AppSpec): string[] {
  return planApp(app).features.map((feature) => `${feature.archetype}:${feature.entity ?? '-'}:${feature.names.label}`);
}

describe('a club that books courts and takes payments', () => {
  it('plans the Spanish padel club: court bookings by a player, players, payment records, no shop', () => {
    expect(planApp(PADEL).locale).toBe('es');
    expect(screens(PADEL)).toEqual([
      'calendar:PistaPadelBooking:Reservas',
      'entity:Jugador:Jugadores',
      'entity:Pago:Pagos',
      'profile:-:Perfil',
      'settings:-:Ajustes',
    ]);
    expect(fieldsOf(PADEL, 'reservas')).toEqual([
      'pista:text!',
      'jugadorId:text!->Jugador',
      'date:dateTime!',
      'price:money!',
      'paid:bool',
      'notes:longText',
    ]);
    expect(fieldsOf(PADEL, 'jugadores')).toEqual(['name:text!', 'phone:phone', 'email:email', 'notes:longText']);
    expect(fieldsOf(PADEL, 'pagos')).toEqual([
      'description:text!',
      'bookingId:text->PistaPadelBooking',
      'amount:money!',
      'date:date!',
      'paid:bool',
      'method:text',
      'notes:longText',
    ]);
  });

  it('labels the payment form in Spanish, the booking picker after the booked courts', () => {
    const pago = planApp(PADEL).entities.find((entity) => entity.className === 'Pago');
    expect(pago?.fields.map((field) => field.label)).toEqual([
      'Descripción',
      'Pista de pádel',
      'Importe',
      'Fecha',
      'Pagado',
      'Método de pago',
      'Notas',
    ]);
  });

  it('plans the English tennis club the same way', () => {
    expect(screens(COURTS)).toEqual([
      'calendar:TennisCourtBooking:Reservations',
      'entity:Player:Players',
      'entity:Payment:Payments',
      'profile:-:Profile',
      'settings:-:Settings',
    ]);
    expect(fieldsOf(COURTS, 'reservations')).toContain('playerId:text!->Player');
    expect(fieldsOf(COURTS, 'reservations')).not.toContain('customerName:text!');
    expect(fieldsOf(COURTS, 'payments')).toContain('bookingId:text->TennisCourtBooking');
  });

  it('names a booked court or room a booking, apart from the courts or rooms themselves', () => {
    const labels = (app: AppSpec, className: string) => {
      const entity = planApp(app).entities.find((candidate) => candidate.className === className);
      return [entity?.label, entity?.pluralLabel];
    };
    expect(labels(COURTS, 'TennisCourtBooking')).toEqual(['Tennis court booking', 'Tennis court bookings']);
    const hotel = spec('Hotel', 'Hotel: guests book rooms', ['Rooms', 'Reservations', 'Guests']);
    expect(labels(hotel, 'HotelRoom')).toEqual(['Room', 'Rooms']);
    expect(labels(hotel, 'RoomBooking')).toEqual(['Room booking', 'Room bookings']);
    const dialog = generateFlutterProject(hotel).find((file) => file.path.endsWith('reservations_entry_dialog.dart'));
    expect(dialog?.content).toContain("? 'New room booking'");
    // Other languages keep the screen's own word: the Spanish padel booking is a "Pista de pádel".
    expect(labels(PADEL, 'PistaPadelBooking')[0]).not.toMatch(/booking/i);
  });

  it('keeps the salon booking when the description books nothing, and the checkout when the app sells', () => {
    const salon = spec('Salon', 'Manage my hair salon', ['bookings', 'clients']);
    // The salon's customer, picked from the clients list the app keeps rather than a name typed in.
    expect(fieldsOf(salon, 'bookings')).toEqual(
      expect.arrayContaining(['customerId:text!->Customer', 'service:text!']),
    );
    const shop = spec('Shoe Shop', 'Sell shoes online', ['cart', 'checkout', 'payments']);
    expect(planApp(shop).features.map((feature) => feature.archetype)).toEqual(['entity', 'checkout', 'settings']);
    const sellsInDescription = spec('Merch', 'Sell band products to fans', ['payments']);
    expect(planApp(sellsInDescription).features.some((feature) => feature.archetype === 'checkout')).toBe(true);
  });

  it('gives people in other languages a phone and an email', () => {
    for (const label of ['jugadores', 'Spieler', 'giocatori', 'socios', 'alumnos']) {
      const app = spec('Club', '', [label]);
      expect([label, fieldsOf(app, planApp(app).features[0].names.id)]).toEqual([
        label,
        ['name:text!', 'phone:phone', 'email:email', 'notes:longText'],
      ]);
    }
  });

  it('says in the README why payments are records, not a checkout', () => {
    const readme = generateFlutterProject(PADEL).find((file) => file.path === 'README.md')?.content ?? '';
    const row = readme.split('\n').find((line) => line.startsWith('| "pagos"'));
    expect(row).toContain('a list of payment records of the pistas de pádel');
    expect(row).toContain('not a checkout');
  });

  it.each([
    ['padel', PADEL],
    ['courts', COURTS],
  ])('%s: imports resolve and brackets balance', (_, app) => {
    const files = generateFlutterProject(app);
    expect(unresolvedImports(files)).toEqual([]);
    for (const file of files.filter((f) => f.path.endsWith('.dart'))) {
      expect(bracketProblem(file.content), file.path).toBeNull();
    }
    // Neither app sells: no product model, no checkout screen.
    expect(files.some((file) => /product|checkout/.test(file.path))).toBe(false);
  });
});
