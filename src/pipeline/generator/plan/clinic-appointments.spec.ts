import { describe, expect, it } from 'vitest';
import { generateFlutterProject } from '../flutter-project.generator';
import { namedSpec } from '../testing/fixtures';
import { appLocale } from './app-language';
import type { AppPlan, EntityPlan } from './app-plan';
import { planApp } from './plan-app';

const SORRISO = namedSpec('Clinica Sorriso', 'Clínica odontológica: pacientes, consultas com dentistas, lembretes', [
  'pacientes',
  'consultas',
]);
const DENTAL = namedSpec('Dental Care', 'Dental clinic: patients, appointments with dentists, reminders', [
  'patients',
  'appointments',
]);

function entityOfFeature(plan: AppPlan, label: string): EntityPlan {
  const feature = plan.features.find((candidate) => candidate.names.label === label);
  const found = plan.entities.find((entity) => entity.className === feature?.entity);
  if (!found) throw new Error(`no entity for ${label}`);
  return found;
}

/** `name:type!->Target` of each field, for compact expectations. */
function shape(entity: EntityPlan): string[] {
  return entity.fields.map(
    (field) => `${field.name}:${field.type}${field.required ? '!' : ''}${field.refersTo ? `->${field.refersTo}` : ''}`,
  );
}

function file(files: ReturnType<typeof generateFlutterProject>, path: string): string {
  const found = files.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no ${path} in ${files.map((candidate) => candidate.path).join(', ')}`);
  return found.content;
}

describe("a clinic's appointments are of a patient the app lists", () => {
  it('reads the Portuguese clinic as Portuguese', () => {
    expect(appLocale(SORRISO)).toBe('pt');
    expect(planApp(SORRISO).locale).toBe('pt');
    expect(appLocale(DENTAL)).toBe('en');
  });

  it('links the English appointment to the patient instead of a typed-in name', () => {
    const plan = planApp(DENTAL);
    const appointment = entityOfFeature(plan, 'Appointments');
    expect(shape(appointment)).toEqual([
      'patientId:text!->Patient',
      'dentist:text!',
      'date:dateTime!',
      'notes:longText',
    ]);
    expect(appointment.titleField).toBe('dentist');
  });

  it('links the Portuguese consultation to the paciente, labelled in Portuguese', () => {
    const plan = planApp(SORRISO);
    const consulta = entityOfFeature(plan, 'Consultas');
    expect(plan.features.find((feature) => feature.names.label === 'Consultas')?.archetype).toBe('calendar');
    expect(shape(consulta)).toEqual([
      'pacienteId:text!->Paciente',
      'dentista:text!',
      'date:dateTime!',
      'notes:longText',
    ]);
    expect(consulta.fields.map((field) => field.label)).toEqual(['Paciente', 'Dentista', 'Data e hora', 'Notas']);
  });

  it('picks the patient from the list in the form and shows their name in the day list', () => {
    const files = generateFlutterProject(SORRISO);
    const dialog = file(files, 'lib/features/consultas/consultas_entry_dialog.dart');
    expect(dialog).toContain('RecordReferenceField<Paciente>(');
    expect(dialog).toContain("label: 'Paciente',");
    expect(dialog).toContain("routeName: '/pacientes',");
    expect(dialog).not.toContain('customerName');
    expect(dialog).not.toContain("labelText: 'Telefone");
    const screen = file(files, 'lib/features/consultas/consultas_screen.dart');
    expect(screen).toContain('subtitle: Text(_pacienteTitles.titleOf(entry.pacienteId))');

    const english = file(generateFlutterProject(DENTAL), 'lib/features/appointments/appointments_entry_dialog.dart');
    expect(english).toContain('RecordReferenceField<Patient>(');
    expect(english).toContain("requiredMessage: 'Patient is required',");
    expect(english).not.toContain("labelText: 'Customer name'");
  });

  it('links a Spanish clinic the same way, and reads an Italian one as Italian', () => {
    const sonrisa = namedSpec('Clínica Sonrisa', 'Clínica dental: pacientes, citas con dentistas, recordatorios', [
      'pacientes',
      'citas',
    ]);
    const plan = planApp(sonrisa);
    expect(plan.locale).toBe('es');
    expect(shape(entityOfFeature(plan, 'Citas'))).toEqual([
      'pacienteId:text!->Paciente',
      'dentista:text!',
      'date:dateTime!',
      'notes:longText',
    ]);
    const italian = { name: 'Studio', description: 'Studio dentistico: pazienti, appuntamenti con i dentisti' };
    expect(appLocale({ ...italian, features: ['pazienti', 'appuntamenti'] })).toBe('it');
  });

  it('keeps the typed-in name and phone when the app lists no patients', () => {
    const plan = planApp(namedSpec('Dental Care', '', ['appointments']));
    const appointment = entityOfFeature(plan, 'Appointments');
    expect(appointment.fields.some((field) => field.refersTo)).toBe(false);
    expect(appointment.fields.map((field) => field.name)).toEqual(expect.arrayContaining(['customerName', 'phone']));
  });
});
