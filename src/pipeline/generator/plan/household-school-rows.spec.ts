import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import { isPersonal, staffWritten } from '../data/backends/record-owner';
import { generateFlutterProject } from '../flutter-project.generator';
import { simpleSpec } from '../testing/fixtures';
import type { AppPlan } from './app-plan';
import { planApp } from './plan-app';
import { fieldShape, screenOf } from '../testing/plan-shapes';

function app(description: string, features: string[], overrides: Partial<AppSpec> = {}): AppSpec {
  return simpleSpec({ name: 'App', description, backend: 'none', features, ...overrides });
}

/** "name:type!->Target" per field of the entity `label`'s screen keeps. */
function fieldsOf(plan: AppPlan, label: string): string[] {
  const feature = plan.features.find((candidate) => candidate.requested.includes(label));
  const entity = plan.entities.find((candidate) => candidate.className === feature?.entity);
  return (entity?.fields ?? []).map(fieldShape);
}

/** The label of field `name` on the entity of `label`'s screen. */
function labelOf(plan: AppPlan, label: string, name: string): string | undefined {
  const feature = plan.features.find((candidate) => candidate.requested.includes(label));
  const entity = plan.entities.find((candidate) => candidate.className === feature?.entity);
  return entity?.fields.find((field) => field.name === name)?.label;
}

const HOTEL = app('Hotel: guests book rooms', ['Rooms', 'Reservations', 'Guests'], { backend: 'supabase' });
const LIBRARY = app('Library: members borrow books', ['Books', 'Loans', 'Members']);
const LANDLORD = app('Landlord app', ['Tenants', 'Leases', 'Rent payments', 'Repairs']);
const HOMEWORK = app('Homework planner for students', ['Subjects', 'Homework', 'Exams']);

describe("a hotel's rooms, a library's loans, a landlord's leases and a pupil's homework have their own fields", () => {
  it.each([
    // app, screen label, archetype:Entity, fields
    [
      HOTEL,
      'Rooms',
      'entity:HotelRoom',
      ['name:text!', 'roomType:text', 'pricePerNight:money!', 'capacity:int', 'notes:longText'],
    ],
    // A stay links its room and guest and spans check-in to check-out; the calendar places it on check-in.
    [
      HOTEL,
      'Reservations',
      'calendar:RoomBooking',
      [
        'title:text!',
        'roomId:text!->HotelRoom',
        'guestId:text!->Guest',
        'checkIn:date!',
        'checkOut:date!',
        'notes:longText',
      ],
    ],
    // The book is picked from the catalogue; the borrower's name then titles the loan.
    [
      LIBRARY,
      'Loans',
      'entity:Loan',
      ['bookId:text!->Book', 'member:text!', 'borrowedOn:date!', 'dueDate:date!', 'returned:bool', 'notes:longText'],
    ],
    [
      LANDLORD,
      'Leases',
      'entity:Lease',
      [
        'unit:text!',
        'tenantId:text!->Tenant',
        'startDate:date!',
        'endDate:date',
        'monthlyRent:money!',
        'deposit:money',
        'notes:longText',
      ],
    ],
    // Rent is a record of who paid what, never a checkout of products.
    [
      LANDLORD,
      'Rent payments',
      'entity:RentPayment',
      [
        'description:text!',
        'tenantId:text->Tenant',
        'amount:money!',
        'date:date!',
        'paid:bool',
        'method:text',
        'notes:longText',
      ],
    ],
    [
      LANDLORD,
      'Repairs',
      'entity:Repair',
      ['title:text!', 'unit:text', 'reportedOn:date!', 'cost:money', 'done:bool', 'notes:longText'],
    ],
    [HOMEWORK, 'Subjects', 'entity:Subject', ['name:text!', 'teacher:text', 'room:text', 'notes:longText']],
    [
      HOMEWORK,
      'Homework',
      'entity:Homework',
      ['title:text!', 'subjectId:text!->Subject', 'dueDate:date!', 'done:bool', 'notes:longText'],
    ],
    [
      HOMEWORK,
      'Exams',
      'entity:Exam',
      ['title:text!', 'subjectId:text!->Subject', 'startsAt:dateTime!', 'room:text', 'score:decimal', 'notes:longText'],
    ],
    // A school that lists courses, not subjects: the course replaces the typed subject.
    [
      app('School app for teachers', ['Courses', 'Assignments', 'Students']),
      'Assignments',
      'entity:Homework',
      ['title:text!', 'courseId:text!->Course', 'dueDate:date!', 'done:bool', 'notes:longText'],
    ],
  ])('%#: %s → %s', (spec, label, screen, fields) => {
    const plan = planApp(spec);
    expect(screenOf(plan, label)).toBe(screen);
    expect(fieldsOf(plan, label)).toEqual(fields);
  });

  it("links a lease to the flat the app lists, with a title of its own, and keeps a rent payment's links", () => {
    const plan = planApp(app('Manage tenants, leases and rent payments for my apartments', []));
    expect(fieldsOf(plan, 'Leases')).toEqual([
      'title:text!',
      'listingId:text!->Listing',
      'tenantId:text!->Tenant',
      'startDate:date!',
      'endDate:date',
      'monthlyRent:money!',
      'deposit:money',
      'notes:longText',
    ]);
    expect(fieldsOf(plan, 'Rent payments')).toEqual(
      expect.arrayContaining(['tenantId:text!->Tenant', 'apartmentId:text->Listing']),
    );
  });

  it("lets every guest browse a hotel's rooms and only its staff change them; a chat's rooms stay open", () => {
    const hotel = planApp(
      app('Hotel: guests book rooms', ['Sign up', 'Rooms', 'Reservations'], { backend: 'supabase' }),
    );
    const rooms = hotel.entities.find((entity) => entity.className === 'HotelRoom');
    expect(rooms && [isPersonal(hotel, rooms), staffWritten(hotel, rooms)]).toEqual([false, true]);
    const chat = planApp(app('', ['Sign up', 'Chat', 'Rooms'], { backend: 'supabase' }));
    const channels = chat.entities.find((entity) => entity.className === 'Room');
    expect(channels && staffWritten(chat, channels)).toBe(false);
  });

  it('adds no shop to a landlord app: rent payments are records', () => {
    const plan = planApp(LANDLORD);
    expect(plan.features.map((feature) => feature.archetype)).not.toContain('checkout');
    expect(plan.entities.map((entity) => entity.className)).not.toContain('Product');
  });

  it('lets the hotel booking dialog pick the check-out day, and places the stay on its check-in', () => {
    const files = generateFlutterProject(HOTEL);
    const dialog = files.find((file) => file.path.endsWith('reservations_entry_dialog.dart'))?.content ?? '';
    expect(dialog).toContain('late DateTime _day = widget.entry?.checkIn ?? widget.day;');
    expect(dialog).toContain("title: Text('Check in: ${formatDate(_day)}'),");
    expect(dialog).toContain("title: Text('Check out: ${formatDate(_checkOutValue)}'),");
    expect(dialog).toContain('checkOut: _checkOutValue,');
  });
});

describe('the same words in other languages', () => {
  it.each([
    // description, features, screen label, archetype:Entity, a field and its label
    [
      'Hôtel: les clients réservent des chambres',
      ['Chambres', 'Réservations'],
      'Chambres',
      'entity:HotelRoom',
      'pricePerNight',
      'Prix par nuit',
    ],
    [
      'Gestione dell albergo: camere, ospiti e prenotazioni',
      ['Camere', 'Ospiti'],
      'Camere',
      'entity:HotelRoom',
      'roomType',
      'Tipo di camera',
    ],
    ['Khách sạn: khách đặt phòng', ['Phòng', 'Khách'], 'Phòng', 'entity:HotelRoom', 'pricePerNight', 'Giá mỗi đêm'],
    [
      'Hotel: los huéspedes reservan habitaciones',
      ['Habitaciones', 'Reservas'],
      'Habitaciones',
      'entity:HotelRoom',
      'capacity',
      'Plazas',
    ],
    [
      'Biblioteca: los socios piden libros prestados y los devuelven',
      ['Libros', 'Préstamos', 'Socios'],
      'Préstamos',
      'entity:Loan',
      'borrowedOn',
      'Fecha de préstamo',
    ],
    [
      'Bibliothèque du quartier: les membres empruntent des livres',
      ['Livres', 'Prêts'],
      'Prêts',
      'entity:Loan',
      'bookId',
      'Livre',
    ],
    [
      'Hausaufgaben-Planer für Schüler',
      ['Fächer', 'Hausaufgaben', 'Prüfungen'],
      'Hausaufgaben',
      'entity:Homework',
      'subjectId',
      'Fach',
    ],
    [
      'Hausaufgaben-Planer für Schüler',
      ['Fächer', 'Hausaufgaben', 'Prüfungen'],
      'Prüfungen',
      'entity:Exam',
      'startsAt',
      'Beginn',
    ],
    [
      'Agenda dei compiti per gli studenti della scuola',
      ['Materie', 'Compiti', 'Esami'],
      'Compiti',
      'entity:Homework',
      'subjectId',
      'Materia',
    ],
    ['Planner para estudiantes', ['Materias', 'Tareas', 'Exámenes'], 'Exámenes', 'entity:Exam', 'room', 'Aula'],
    ['Ứng dụng cho học sinh', ['Môn học', 'Bài tập về nhà', 'Kỳ thi'], 'Kỳ thi', 'entity:Exam', 'subjectId', 'Môn học'],
    ['Aplikasi untuk siswa', ['Mata pelajaran', 'PR', 'Ujian'], 'PR', 'entity:Homework', 'dueDate', 'Jatuh tempo'],
    [
      'Aplicativo do senhorio para os inquilinos e os contratos',
      ['Inquilinos', 'Contratos de aluguel'],
      'Contratos de aluguel',
      'entity:Lease',
      'monthlyRent',
      'Aluguel mensal',
    ],
    [
      'App für Vermieter: Mieter, Verträge und Reparaturen verwalten',
      ['Mieter', 'Mietverträge', 'Reparaturen'],
      'Reparaturen',
      'entity:Repair',
      'reportedOn',
      'Gemeldet am',
    ],
  ])('%s %j: %s → %s', (description, features, label, screen, field, fieldLabel) => {
    const plan = planApp(app(description, features));
    expect(screenOf(plan, label)).toBe(screen);
    expect(labelOf(plan, label, field)).toBe(fieldLabel);
  });
});

describe('the bare words stay what they are outside such apps', () => {
  it.each([
    // A chat's rooms are channels; a camera takes photos; meeting rooms are no hotel's.
    ['', ['Chat rooms'], 'Chat rooms', 'chat:ChatMessage'],
    ['', ['Camera', 'Photos'], 'Camera', 'camera:Photo'],
    ['App fotografica', ['Camera', 'Foto'], 'Camera', 'camera:Photo'],
    ['Employees book meeting rooms', ['Meeting rooms', 'Bookings'], 'Meeting rooms', 'entity:MeetingRoom'],
    // A clinic's exams are examinations; a clinical study's subjects are people; an email's subjects are lines.
    ['Clinic for patients', ['Patients', 'Exams', 'Appointments'], 'Exams', 'entity:Exam'],
    ['Clinical study', ['Subjects', 'Visits'], 'Subjects', 'entity:Subject'],
    // A budget's loans are money; Spanish tasks stay tasks outside a school; repairmen are people.
    ['Budget app', ['Expenses', 'Loans'], 'Loans', 'entity:Loan'],
    ['App de tareas', ['Tareas'], 'Tareas', 'entity:Task'],
    ['', ['Thợ sửa chữa'], 'Thợ sửa chữa', 'entity:ThoSuaChua'],
    // A school's courses, a gym's classes and a ride-share's or a shop's payments are unchanged.
    ['School app for teachers', ['Courses', 'Students', 'Grades'], 'Courses', 'entity:Course'],
    ['Gym', ['Classes', 'Members'], 'Classes', 'entity:ClassSession'],
    ['Riders pay drivers for rides', ['Rides', 'Payments', 'Drivers'], 'Payments', 'entity:Payment'],
    ['', ['Products', 'Cart', 'Payments'], 'Cart', 'checkout:Product'],
  ])('%s %j: %s → %s', (description, features, label, screen) => {
    expect(screenOf(planApp(app(description, features)), label)).toBe(screen);
  });

  it.each([
    // Generic records keep their title, notes and date: no hotel, library or school fields.
    ['Clinic for patients', ['Patients', 'Exams'], 'Exams'],
    ['Clinical study', ['Subjects', 'Visits'], 'Subjects'],
    ['Email client', ['Inbox', 'Subjects'], 'Subjects'],
    ['Budget app', ['Expenses', 'Loans'], 'Loans'],
    ['Employees book meeting rooms', ['Meeting rooms', 'Bookings'], 'Meeting rooms'],
  ])('%s %j: %s stay a generic record', (description, features, label) => {
    const fields = fieldsOf(planApp(app(description, features)), label).map((field) => field.split(':')[0]);
    expect(fields).toEqual(expect.arrayContaining(['notes', 'date']));
    expect(fields).not.toContain('pricePerNight');
    expect(fields).not.toContain('subjectId');
    expect(fields).not.toContain('borrowedOn');
  });

  it("keeps a shop's payments a checkout and a ride-share's linked to its rides", () => {
    const rides = planApp(app('Riders pay drivers for rides', ['Rides', 'Payments', 'Drivers']));
    expect(fieldsOf(rides, 'Payments')).toContain('rideId:text->Ride');
    expect(fieldsOf(rides, 'Payments')).not.toContain('tenantId:text->Tenant');
  });
});
