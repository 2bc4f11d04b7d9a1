import { describe, expect, it } from 'vitest';
import type { AppSpec, GeneratedFile } from '../app-spec';
import { backendDocs } from '../docs.generator';
import { generateFlutterProject } from '../flutter-project.generator';
import type { BackendKind, EntityPlan } from '../plan/app-plan';
import { planApp } from '../plan/plan-app';
import { namedSpec } from '../testing/fixtures';
import { unresolvedImports } from '../testing/project-checks';

const BACKENDS: readonly BackendKind[] = ['none', 'firebase', 'supabase', 'rest', 'graphql'];

const clinic = (backend: BackendKind): AppSpec =>
  namedSpec(
    'Clinic Booking',
    'Patients book appointments with doctors',
    ['login', 'appointments', 'doctors', 'calendar', 'notifications'],
    { backend },
  );

const PADEL = namedSpec('Pádel Club', 'Reservar pistas de pádel y pagar en la app', [
  'reservas',
  'jugadores',
  'pagos',
  'perfil',
]);

function entity(spec: AppSpec, className: string): EntityPlan {
  const found = planApp(spec).entities.find((candidate) => candidate.className === className);
  if (!found) throw new Error(`no ${className}`);
  return found;
}

function content(files: readonly GeneratedFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no ${path} in ${files.map((f) => f.path).join(', ')}`);
  return file.content;
}

describe('appointments at a time of day (dateTime fields)', () => {
  it.each(BACKENDS)('books clinic appointments at a date and time on %s', (backend) => {
    const when = entity(clinic(backend), 'Appointment').fields.find((field) => field.name === 'date');
    expect(when).toMatchObject({ type: 'dateTime', required: true, label: 'Date & time' });

    const files = generateFlutterProject(clinic(backend));
    expect(unresolvedImports(files)).toEqual([]);
    // The model sends the instant in UTC and reads it back in the device's time zone.
    const model = content(files, 'lib/data/models/appointment.dart');
    expect(model).toContain("'date': momentJson(date),");
    expect(model).toContain("date: readMoment(json['date']) ?? missingField('Appointment', 'date'),");
    const json = content(files, 'lib/data/json_fields.dart');
    expect(json).toContain('String momentJson(DateTime value) => value.toUtc().toIso8601String();');
    expect(json).toContain('value is String ? DateTime.tryParse(value)?.toLocal() : null;');
  });

  it('asks for the day, then the time, and shows and sorts appointments by their time', () => {
    const files = generateFlutterProject(clinic('supabase'));
    const dialog = content(files, 'lib/features/appointments/appointments_entry_dialog.dart');
    expect(dialog).toContain('final picked = await showTimePicker(');
    expect(dialog).toContain('initialTime: TimeOfDay.fromDateTime(_day),');
    expect(dialog).toContain('title: Text(formatTime(_day)),');
    const screen = content(files, 'lib/features/appointments/appointments_screen.dart');
    expect(screen).toContain('leading: Text(formatTime(entry.date)),');
    const controller = content(files, 'lib/features/appointments/appointments_controller.dart');
    expect(controller).toContain('..sort((a, b) => a.date.compareTo(b.date));');
    // The generated test saves a new appointment at 9:00 of the tapped day and sees its time.
    const test = content(files, 'test/features/appointments_screen_test.dart');
    expect(test).toContain('expect(saved.single.date, DateTime(2026, 1, 15, 9));');
    expect(test).toContain("expect(find.text('09:00'), findsOneWidget);");
    expect(test).toContain('date: DateTime(2026, 1, 2, 10, 30)');
    // The shared record form picks a time after the day when asked to, and formats both.
    const form = content(files, 'lib/core/records/record_form.dart');
    expect(form).toContain('final time = await showTimePicker(');
    expect(form).toMatch(/: withTime\s+\? formatDateTime\(current\)\s+: formatDate\(current\);/);
    const formatters = content(files, 'lib/core/formatters.dart');
    expect(formatters).toContain(
      "String formatDateTime(DateTime value) => '${formatDate(value)} ${formatTime(value)}';",
    );
  });

  it('stores the instant as timestamptz and documents it as date-time on every contract', () => {
    expect(content(generateFlutterProject(clinic('supabase')), 'README.md')).toContain('"date" timestamptz not null');
    const rest = backendDocs(clinic('rest'));
    expect(content(rest, 'docs/openapi.yaml')).toMatch(/date:\n\s+type: string\n\s+format: date-time/);
    expect(content(rest, 'docs/api_contract.md')).toContain('date-time');
    expect(content(rest, 'docs/data_model.json')).toContain('"type": "dateTime"');
    expect(content(backendDocs(clinic('graphql')), 'docs/schema.graphql')).toContain('date: DateTime!');
  });

  it('books Spanish padel courts at a "Fecha y hora", while payments keep their day', () => {
    expect(entity(PADEL, 'PistaPadelBooking').fields.find((field) => field.name === 'date')).toMatchObject({
      type: 'dateTime',
      label: 'Fecha y hora',
    });
    expect(entity(PADEL, 'Pago').fields.find((field) => field.name === 'date')?.type).toBe('date');
  });

  it('reads the time of day from class names in other languages: German compounds, Spanish citas', () => {
    const dogSchool = namedSpec(
      'Hundeschule Pfote',
      'Hundespaziergänge buchen mit Gassigehern, Termine und Kunden verwalten',
      [],
    );
    expect(entity(dogSchool, 'Hundespaziergang').fields.find((field) => field.name === 'date')?.type).toBe('dateTime');
    const clinica = namedSpec('Clínica', 'Pacientes reservan citas con médicos', ['citas', 'calendario']);
    expect(planApp(clinica).entities.some((e) => e.fields.some((field) => field.type === 'dateTime'))).toBe(true);
    // A German expense log keeps its day.
    const budget = namedSpec('Haushalt', 'Ausgaben erfassen', ['Ausgaben']);
    expect(planApp(budget).entities.flatMap((e) => e.fields).some((field) => field.type === 'dateTime')).toBe(false);
  });

  it('keeps a plain date on logs of what happened on a day', () => {
    const budget = namedSpec('Budget', 'Track expenses and workouts', ['expenses', 'workouts', 'habits']);
    for (const className of ['Expense', 'Workout']) {
      const dated = entity(budget, className).fields.filter((field) => field.type === 'dateTime');
      expect(dated).toEqual([]);
    }
    const meals = generateFlutterProject(
      namedSpec('Recipe Box', 'Save recipes and plan meals for the week', ['recipes', 'meal planner calendar']),
    );
    const dialog = meals.find((file) => file.path.endsWith('_entry_dialog.dart'))?.content ?? '';
    expect(dialog).toContain('late DateTime _day = widget.entry?.date ?? widget.day;');
    expect(dialog).not.toContain('showTimePicker');
  });

  it('names a dog walk after nobody: picking a walker leaves the title alone', () => {
    const files = generateFlutterProject(
      namedSpec('Dog Walker', 'Book dog walks with walkers', ['walks calendar', 'walkers']),
    );
    const dialog = files.find((file) => file.path.endsWith('_entry_dialog.dart'))?.content ?? '';
    expect(dialog).toContain('showTimePicker(');
    expect(dialog).not.toContain('_pickedTitle');
    expect(dialog).not.toContain('_walkerPicked');
  });
});
