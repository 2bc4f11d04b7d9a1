import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import { simpleSpec } from '../testing/fixtures';
import type { AppPlan } from './app-plan';
import { planApp } from './plan-app';
import { fieldShape, screenOf } from '../testing/plan-shapes';

function app(description: string, features: string[], overrides: Partial<AppSpec> = {}): AppSpec {
  return simpleSpec({ name: 'App', description, backend: 'none', features, ...overrides });
}

/** "name:type!->Target[Label]" per field of the entity `label`'s screen keeps. */
function fieldsOf(plan: AppPlan, label: string): string[] {
  const feature = plan.features.find((candidate) => candidate.requested.includes(label));
  const entity = plan.entities.find((candidate) => candidate.className === feature?.entity);
  return (entity?.fields ?? []).map((field) => `${fieldShape(field)}[${field.label}]`);
}

const GYM = app(
  'Gym app: members book classes from the weekly timetable; memberships with expiry dates and class credits',
  ['Class timetable', 'Book a class', 'Memberships', 'Trainers'],
  { backend: 'supabase' },
);

describe("a gym's, yoga or dance studio's classes are sessions on a timetable", () => {
  it.each([
    // label of the timetable, of the booking, the app, the trainer field, the booking's class field
    [
      'Class timetable',
      'Book a class',
      GYM,
      'trainerId:text->Trainer[Trainer]',
      'classSessionId:text!->ClassSession[Class]',
    ],
    [
      'Classes',
      'Book a class',
      app('Yoga studio: students book yoga classes with our instructors', ['Classes', 'Instructors', 'Book a class']),
      'instructorId:text->Instructor[Instructor]',
      'classSessionId:text!->ClassSession[Class]',
    ],
    [
      'Timetable',
      'Book a class',
      app('Dance studio for salsa and hip hop', ['Timetable', 'Book a class']),
      'trainer:text[Trainer]',
      'classSessionId:text!->ClassSession[Class]',
    ],
    [
      'Horario de clases',
      'Reservar una clase',
      app('App del gimnasio: los socios reservan clases con los entrenadores', [
        'Horario de clases',
        'Reservar una clase',
        'Entrenadores',
      ]),
      'entrenadorId:text->Entrenador[Entrenador]',
      'classSessionId:text!->ClassSession[Clase]',
    ],
    [
      'Clases de yoga',
      'Reservar una clase',
      app('Estudio de yoga y pilates', ['Clases de yoga', 'Reservar una clase']),
      'trainer:text[Entrenador]',
      'classSessionId:text!->ClassSession[Clase]',
    ],
    [
      'Kursplan',
      'Kurs buchen',
      app('App für unser Fitnessstudio: Mitglieder buchen Kurse bei unseren Trainern', [
        'Kursplan',
        'Kurs buchen',
        'Trainer',
      ]),
      'trainerId:text->Trainer[Trainer]',
      'classSessionId:text!->ClassSession[Kurs]',
    ],
    [
      'Tanzkurse',
      'Kurs buchen',
      app('Die App unserer Tanzschule für Kinder und Erwachsene', ['Tanzkurse', 'Kurs buchen']),
      'trainer:text[Trainer]',
      'classSessionId:text!->ClassSession[Kurs]',
    ],
  ])('"%s" lists classes at a time, "%s" books one of them', (timetable, book, spec, trainer, booked) => {
    const plan = planApp(spec);
    expect(screenOf(plan, timetable)).toBe('entity:ClassSession');
    const session = fieldsOf(plan, timetable).map((field) => field.replace(/\[.*\]$/, ''));
    expect(session).toEqual([
      'name:text!',
      trainer.replace(/\[.*\]$/, ''),
      'startsAt:dateTime!',
      'durationMinutes:int',
      'capacity:int',
      'room:text',
    ]);
    expect(fieldsOf(plan, timetable)[1]).toBe(trainer);
    // The booking picks a class of the timetable; the class says when, the booking when it was made.
    expect(screenOf(plan, book)).toBe('entity:Booking');
    expect(fieldsOf(plan, book)).toContain(booked);
    expect(fieldsOf(plan, book).some((field) => field.startsWith('bookedAt:dateTime!'))).toBe(true);
    expect(
      plan.entities.find((entity) => entity.className === 'Booking')?.fields.find((f) => f.name === 'bookedAt'),
    ).toMatchObject({ managed: true, stamp: 'created' });
    expect(plan.entities.map((entity) => entity.className)).not.toContain('Course');
  });

  it.each([
    ['Class schedule', app('Gym', ['Class schedule', 'Book a class']), 'calendar:ClassSession'],
    // What the description books ("yoga classes with trainers") does not take the schedule over.
    [
      'Class schedule',
      app('Gym: members book yoga classes with trainers', ['Class schedule', 'Trainers', 'Book a class']),
      'calendar:ClassSession',
    ],
    ['Calendar', app('Gym app', ['Classes', 'Calendar', 'Book a class']), 'calendar:ClassSession'],
    ['Lịch lớp tập', app('Ứng dụng phòng gym', ['Lịch lớp tập', 'Huấn luyện viên']), 'calendar:ClassSession'],
    [
      'Planning des cours',
      app('Application de notre salle de sport', ['Planning des cours', 'Coachs']),
      'entity:ClassSession',
    ],
  ])('shows "%s" as the classes, each at its time', (label, spec, screen) => {
    const plan = planApp(spec);
    expect(screenOf(plan, label)).toBe(screen);
    expect(fieldsOf(plan, label).some((field) => field.startsWith('startsAt:dateTime!'))).toBe(true);
  });

  it('keeps a booking of yoga classes on the calendar while the studio lists no classes', () => {
    const plan = planApp(app('Yoga studio', ['Book yoga classes']));
    expect(screenOf(plan, 'Book yoga classes')).toBe('calendar:Booking');
    expect(fieldsOf(plan, 'Book yoga classes')).toContain('date:dateTime![Date & time]');
  });

  it('labels the session form in the app’s language', () => {
    const es = planApp(app('El gimnasio del barrio: los socios reservan clases', ['Horario de clases']));
    expect(es.locale).toBe('es');
    expect(fieldsOf(es, 'Horario de clases').map((field) => field.replace(/^.*\[|\]$/g, ''))).toEqual([
      'Nombre',
      'Entrenador',
      'Hora de inicio',
      'Duración (minutos)',
      'Plazas',
      'Sala',
    ]);
    const en = planApp(GYM);
    expect(fieldsOf(en, 'Class timetable').map((field) => field.replace(/^.*\[|\]$/g, ''))).toEqual([
      'Name',
      'Trainer',
      'Starts at',
      'Duration (min)',
      'Capacity',
      'Room',
    ]);
  });

  it.each([
    ['a school app', app('School app for teachers', ['Courses', 'Students', 'Grades']), 'Courses'],
    ['online courses', app('', ['Online courses', 'Lessons']), 'Online courses'],
    ['a language school', app('Language school: students book classes', ['Courses', 'Book a class']), 'Courses'],
    ['online courses of a fitness app', app('Fitness app with video workouts', ['Online courses']), 'Online courses'],
    ['a Spanish school', app('Escuela de idiomas para alumnos', ['Cursos', 'Alumnos']), 'Cursos'],
  ])('keeps the courses of %s', (_, spec, label) => {
    const plan = planApp(spec);
    expect(screenOf(plan, label)).toBe('entity:Course');
    expect(plan.entities.map((entity) => entity.className)).not.toContain('ClassSession');
  });

  it("books a language school's course on the calendar, as before", () => {
    const plan = planApp(app('Language school: students book classes', ['Courses', 'Book a class']));
    expect(screenOf(plan, 'Book a class')).toBe('calendar:Booking');
    expect(fieldsOf(plan, 'Book a class')).toContain('courseId:text!->Course[Class]');
  });

  it('sets up the sessions table and the booking’s link in the README’s Supabase SQL', () => {
    const readme = generateFlutterProject(GYM).find((file) => file.path === 'README.md')?.content ?? '';
    expect(readme).toContain('| Classes | `class_sessions` | `SupabaseClassSessionRepository` |');
    expect(readme).toContain('create table if not exists public."class_sessions" (');
    expect(readme).toContain('"trainer_id" text references public."trainers" ("id") on delete set null,');
    expect(readme).toContain('"starts_at" timestamptz not null,');
    expect(readme).toContain(
      '"class_session_id" text not null references public."class_sessions" ("id") on delete cascade,',
    );
    expect(readme).toContain('"booked_at" timestamptz not null,');
    expect(readme).toContain('- **Booking → Class**: a `ClassSession` picked from the Class timetable list');
  });
});
