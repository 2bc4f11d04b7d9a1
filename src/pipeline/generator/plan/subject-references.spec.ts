import { beforeAll, describe, expect, it } from 'vitest';
import { generateFlutterProject } from '../flutter-project.generator';
import { bracketProblem } from '../testing/dart-brackets';
import { namedSpec } from '../testing/fixtures';
import { unresolvedImports } from '../testing/project-checks';
import type { AppPlan, EntityPlan } from './app-plan';
import { planApp } from './plan-app';

const PET_VET = namedSpec(
  'PetVet',
  'Veterinary clinic: owners register pets, book visits, vets write visit notes and prescriptions',
  ['login', 'pets', 'visits', 'prescriptions', 'calendar', 'notifications'],
);
const FLEET = namedSpec(
  'Fleet',
  'Track vehicles, drivers, fuel fill-ups and maintenance',
  ['vehicles', 'drivers', 'fuel log', 'maintenance', 'map', 'reports'],
  { backend: 'rest' },
);
const EVENT_HUB = namedSpec('EventHub', '', ['events', 'tickets', 'scanner', 'checkout'], { backend: 'graphql' });
const DESK = namedSpec('Desk', 'IT support tickets for employees', ['login', 'tickets'], { backend: 'rest' });

function entity(plan: AppPlan, className: string): EntityPlan {
  const found = plan.entities.find((candidate) => candidate.className === className);
  if (!found) throw new Error(`no ${className} in ${plan.entities.map((e) => e.className).join(', ')}`);
  return found;
}

/** `name:type!->Target` of each field, for compact expectations. */
function shape(plan: AppPlan, className: string): string[] {
  return entity(plan, className).fields.map(
    (field) => `${field.name}:${field.type}${field.required ? '!' : ''}${field.refersTo ? `->${field.refersTo}` : ''}`,
  );
}

function file(files: ReturnType<typeof generateFlutterProject>, path: string): string {
  const found = files.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found.content;
}

describe('records that belong to a subject the app lists', () => {
  it("links a vet's visits and prescriptions to the pet, with fields a vet writes", () => {
    const plan = planApp(PET_VET);
    expect(shape(plan, 'Visit')).toEqual(['petId:text!->Pet', 'reason:text!', 'date:dateTime!', 'notes:longText']);
    expect(shape(plan, 'Prescription')).toEqual([
      'petId:text!->Pet',
      'medication:text!',
      'dosage:text!',
      'instructions:longText',
      'date:date!',
    ]);
    expect(entity(plan, 'Prescription').titleField).toBe('medication');
  });

  it("links a fleet's fill-ups and services to the vehicle (and a fill-up optionally to its driver)", () => {
    const plan = planApp(FLEET);
    expect(shape(plan, 'FuelLog')).toEqual([
      'vehicleId:text!->Vehicle',
      'driverId:text->Driver',
      'station:text!',
      'date:date!',
      'liters:decimal!',
      'cost:money!',
      'odometer:int',
    ]);
    expect(shape(plan, 'MaintenanceRecord')).toEqual([
      'vehicleId:text!->Vehicle',
      'description:text!',
      'date:date!',
      'cost:money',
      'odometer:int',
      'notes:longText',
    ]);
  });

  it('makes tickets in an events app admissions to an event, and keeps a helpdesk its work orders', () => {
    const events = planApp(EVENT_HUB);
    const tickets = events.features.find((feature) => feature.names.id === 'tickets');
    expect(tickets?.entity).toBe('EventTicket');
    expect(shape(events, 'EventTicket')).toEqual([
      'eventId:text!->CalendarEvent',
      'holder:text!',
      'ticketType:text',
      'seat:text',
      'price:money',
      'code:text',
    ]);

    const status = planApp(namedSpec('Tracker', 'Log tickets and show their status', ['tickets', 'reports']));
    expect(status.features.find((feature) => feature.names.id === 'tickets')?.entity).toBe('WorkOrder');

    const desk = planApp(DESK);
    expect(desk.features.find((feature) => feature.names.id === 'tickets')?.entity).toBe('WorkOrder');
    expect(entity(desk, 'WorkOrder').fields.some((field) => field.refersTo)).toBe(false);
  });

  it('reads Spanish "entradas" next to "conciertos" as event tickets', () => {
    const plan = planApp(namedSpec('Conciertos', 'Vende entradas para conciertos', ['eventos', 'entradas']));
    const tickets = plan.features.find((feature) => feature.names.id === 'entradas');
    expect(tickets?.entity).toBe('EventTicket');
    const eventId = entity(plan, 'EventTicket').fields.find((field) => field.name === 'eventId');
    expect(eventId).toMatchObject({ refersTo: 'CalendarEvent', required: true, label: 'Evento' });
  });

  it('files tasks under a project when the app lists projects, leaving the project optional', () => {
    const plan = planApp(namedSpec('Proj', '', ['projects', 'tasks']));
    expect(shape(plan, 'Task')[0]).toBe('projectId:text->ProjectItem');
  });

  it("keeps a building's maintenance requests work orders", () => {
    const plan = planApp(namedSpec('Landlord', '', ['apartments', 'maintenance requests']));
    expect(plan.features.find((feature) => feature.names.id === 'maintenance_requests')?.entity).toBe('WorkOrder');
  });

  it('reads "recetas" as prescriptions in a Spanish vet app and as recipes in a cookbook', () => {
    const vet = planApp(
      namedSpec('VetCare', 'Clínica veterinaria: los dueños registran mascotas y los veterinarios escriben recetas', [
        'mascotas',
        'recetas',
      ]),
    );
    expect(shape(vet, 'Prescription')[0]).toBe('petId:text!->Pet');
    expect(entity(vet, 'Prescription').fields.map((field) => field.label)).toContain('Medicamento');
    const cookbook = planApp(namedSpec('Recetario', 'Guarda recetas de cocina con ingredientes', ['recetas']));
    expect(cookbook.entities.map((candidate) => candidate.className)).toContain('Recipe');
    const petOwner = planApp(namedSpec('Pets', '', ['pets', 'recipes']));
    expect(petOwner.entities.map((candidate) => candidate.className)).toContain('Recipe');
  });

  it('adds no link when the app keeps no list of the subject', () => {
    const plan = planApp(namedSpec('Meds', 'Remember my pills', ['medications', 'prescriptions']));
    expect(plan.entities.flatMap((candidate) => candidate.fields).some((field) => field.refersTo)).toBe(false);
  });

  it("replaces a grade's typed-in student with the student picked from the list", () => {
    const plan = planApp(namedSpec('Class', 'Teachers record grades', ['students', 'grades']));
    const grade = entity(plan, 'Grade');
    expect(shape(plan, 'Grade')[0]).toBe('studentId:text!->Student');
    expect(grade.fields.some((field) => field.name === 'student')).toBe(false);
    expect(grade.titleField).toBe('subject');
  });

  it('labels the link in the app language', () => {
    const plan = planApp(
      namedSpec(
        'Tierarzt',
        'Tierarztpraxis: Besitzer verwalten ihre Haustiere und buchen Besuche',
        ['Haustiere', 'Besuche'],
        { backend: 'none' },
      ),
    );
    const petId = entity(plan, 'Visit').fields.find((field) => field.name === 'petId');
    expect(petId?.label).toBe('Haustier');
  });

  it('gives a marketplace ad a price, a description and a condition', () => {
    const plan = planApp(namedSpec('Mercado', 'Vende y compra artículos usados', ['anuncios', 'búsqueda']));
    const ad = entity(plan, 'ClassifiedAd');
    expect(shape(plan, 'ClassifiedAd')).toEqual([
      'title:text!',
      'price:money!',
      'description:longText',
      'condition:text',
      'category:text',
    ]);
    expect(ad.fields.find((field) => field.name === 'condition')?.label).toBe('Estado');
  });

  it('keeps records of a day that are no tasks free of a "completed" flag, and chores with it', () => {
    const plan = planApp(namedSpec('Charity', '', ['donations', 'waterings']));
    expect(shape(plan, 'Donation')).toEqual(['title:text!', 'date:date!', 'notes:longText']);
    expect(shape(plan, 'Watering')).toContain('completed:bool');
  });
});

describe('the generated screens of linked records', () => {
  let petVet: ReturnType<typeof generateFlutterProject> = [];
  let fleet: ReturnType<typeof generateFlutterProject> = [];
  beforeAll(() => {
    petVet = generateFlutterProject(PET_VET);
    fleet = generateFlutterProject(FLEET);
  });

  it('lists prescriptions with their pet, picks the pet in the form and shows no to-do filter', () => {
    const list = file(petVet, 'lib/features/prescriptions/prescriptions_screen.dart');
    expect(list).toContain('_petTitles.titleOf(item.petId)');
    expect(list).not.toContain('Completed');
    const form = file(petVet, 'lib/features/prescriptions/prescriptions_form_screen.dart');
    expect(form).toContain('RecordReferenceField<Pet>(');
    expect(form).toContain("requiredMessage: 'Pet is required'");
    expect(file(petVet, 'README.md')).toContain(
      '"pet_id" text not null references public."pets" ("id") on delete cascade',
    );
  });

  it('books a visit for a pet in the calendar', () => {
    const dialog = file(petVet, 'lib/features/visits/visits_entry_dialog.dart');
    expect(dialog).toContain('RecordReferenceField<Pet>(');
  });

  it('shows the vehicle and a named driver under each fill-up, and totals litres and cost but not odometers', () => {
    const list = file(fleet, 'lib/features/fuel_log/fuel_log_screen.dart');
    expect(list).toContain('_vehicleTitles.titleOf(item.vehicleId),');
    expect(list).toContain('if (item.driverId != null) _driverTitles.titleOf(item.driverId),');
    expect(list).toContain('litersSum');
    expect(list).toContain('costSum');
    expect(list).not.toContain('odometerSum');
    expect(file(fleet, 'lib/features/fuel_log/fuel_log_form_screen.dart')).not.toContain('Fuel log name');
  });

  it.each([
    ['PetVet', PET_VET],
    ['Fleet', FLEET],
    ['EventHub', EVENT_HUB],
  ])('%s: imports resolve and brackets balance', (_, spec) => {
    const files = generateFlutterProject(spec);
    expect(unresolvedImports(files)).toEqual([]);
    for (const dart of files.filter((candidate) => candidate.path.endsWith('.dart'))) {
      expect(bracketProblem(dart.content), dart.path).toBeNull();
    }
  });
});
