import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import { namedSpec } from '../testing/fixtures';
import { bookingParties } from './described-fields';
import { namesPeople } from './domain-entities';
import { planApp } from './plan-app';

const CLINICA = namedSpec('Clínica', 'Pacientes reservan citas con médicos', ['citas', 'médicos', 'calendario']);
const CABINET = namedSpec('Cabinet', 'Les patients prennent rendez-vous avec les médecins', [
  'rendez-vous',
  'médecins',
  'calendrier',
]);
const PALESTRA = namedSpec('Palestra', 'I clienti prenotano lezioni con gli allenatori', [
  'lezioni',
  'allenatori',
  'clienti',
]);
const PHONG_KHAM = namedSpec('Phòng khám', 'Bệnh nhân đặt lịch hẹn với bác sĩ', ['lịch hẹn', 'bác sĩ', 'lịch']);
const CLINIC = namedSpec('Clinic', 'Patients book appointments with doctors', ['appointments', 'doctors', 'calendar']);

/** "name:type!->Target" per field of the entity `className`. */
function shape(app: AppSpec, className: string): string[] {
  const entity = planApp(app).entities.find((candidate) => candidate.className === className);
  return (entity?.fields ?? []).map(
    (field) => `${field.name}:${field.type}${field.required ? '!' : ''}${field.refersTo ? `->${field.refersTo}` : ''}`,
  );
}

/** The label of field `name` on the entity the feature `featureId` works on. */
function labelOf(app: AppSpec, featureId: string, name: string): string | undefined {
  const plan = planApp(app);
  const feature = plan.features.find((candidate) => candidate.names.id === featureId);
  const entity = plan.entities.find((candidate) => candidate.className === feature?.entity);
  return entity?.fields.find((field) => field.name === name)?.label;
}

const PERSON = ['name:text!', 'phone:phone', 'email:email', 'notes:longText'];

describe('people in other languages', () => {
  it.each([
    [['medicos'], 'es'],
    [['doctoras'], 'es'],
    [['entrenadores'], 'es'],
    [['medecins'], 'fr'],
    [['entraineurs'], 'fr'],
    [['allenatori'], 'it'],
    [['insegnanti'], 'it'],
    [['treinadores'], 'pt'],
    [['bac', 'si'], 'vi'],
    [['huan', 'luyen', 'vien'], 'vi'],
    [['tho', 'cat', 'toc'], 'vi'],
    [['tho', 'sua', 'xe'], 'vi'],
  ] as const)('reads %j as a list of people', (words, locale) => {
    expect(namesPeople(words, locale)).toBe(true);
  });

  it('does not read things as people', () => {
    expect(namesPeople(['citas'], 'es')).toBe(false);
    expect(namesPeople(['lezioni'], 'it')).toBe(false);
    expect(namesPeople(['lich', 'hen'], 'vi')).toBe(false);
    // "thơ" (a poem) and "thỏ" (a rabbit) fold like "thợ" (a tradesman): only a trade makes one a person.
    expect(namesPeople(['tho'], 'vi')).toBe(false);
    expect(namesPeople(['tho', 'tinh'], 'vi')).toBe(false);
  });

  it('keeps Vietnamese drivers and mechanics people, apart from the vehicles ("xe") they drive or mend', () => {
    const plan = planApp(namedSpec('Gara', '', ['Thợ sửa xe', 'Tài xế', 'Người lái xe', 'Xe']));
    const features = plan.features.filter((feature) => feature.archetype === 'entity');
    expect(features.map((feature) => [feature.names.label, feature.entity])).toEqual([
      ['Thợ sửa xe', 'ThoSuaXe'],
      ['Tài xế', 'TaiXe'],
      ['Người lái xe', 'NguoiLaiXe'],
      ['Xe', 'Vehicle'],
    ]);
    for (const className of ['ThoSuaXe', 'TaiXe', 'NguoiLaiXe']) {
      expect(shape(namedSpec('Gara', '', ['Thợ sửa xe', 'Tài xế', 'Người lái xe', 'Xe']), className)).toEqual(PERSON);
    }
    // A head that is a thing keeps its row: "xe máy" (motorbikes), "khách hàng" (customers).
    expect(shape(namedSpec('Cửa hàng', '', ['Xe máy', 'Khách hàng']), 'Vehicle')).toContain('plate:text!');
    expect(planApp(namedSpec('Cửa hàng', '', ['Xe máy', 'Khách hàng'])).entities.map((e) => e.className)).toContain(
      'Customer',
    );
  });

  it('finds who books and who is booked with, in the singular', () => {
    expect(bookingParties('Pacientes reservan citas con médicos')).toMatchObject({
      booker: 'paciente',
      provider: 'medico',
    });
    expect(bookingParties('Les patients prennent rendez-vous avec les médecins')).toMatchObject({
      booker: 'patient',
      provider: 'medecin',
    });
    expect(bookingParties('I clienti prenotano lezioni con gli allenatori')).toMatchObject({
      booker: 'cliente',
      provider: 'allenatore',
    });
    expect(bookingParties('Bệnh nhân đặt lịch hẹn với bác sĩ')).toMatchObject({
      booker: 'benhNhan',
      bookerLabel: 'Bệnh nhân',
      provider: 'bacSi',
    });
  });

  it('gives the Spanish doctors contact details and picks one on each appointment', () => {
    expect(shape(CLINICA, 'Medico')).toEqual(PERSON);
    expect(shape(CLINICA, 'Booking')).toEqual([
      'paciente:text!',
      'medicoId:text!->Medico',
      'date:dateTime!',
      'phone:phone',
      'notes:longText',
    ]);
    expect(labelOf(CLINICA, 'citas', 'medicoId')).toBe('Médico');
  });

  it('links the French appointment to the doctors list', () => {
    expect(shape(CABINET, 'Medecin')).toEqual(PERSON);
    expect(shape(CABINET, 'Booking')).toContain('medecinId:text!->Medecin');
    expect(labelOf(CABINET, 'rendez_vous', 'medecinId')).toBe('Médecin');
    expect(labelOf(CABINET, 'rendez_vous', 'patient')).toBe('Patient');
  });

  it('keeps the Italian coaches and clients as people, and a lesson calendar picks both', () => {
    expect(shape(PALESTRA, 'Allenatore')).toEqual(PERSON);
    expect(shape(PALESTRA, 'Customer')).toContain('phone:phone');
    const withCalendar = namedSpec('Palestra', PALESTRA.description, [...PALESTRA.features, 'calendario']);
    expect(shape(withCalendar, 'Lezione')).toEqual(
      expect.arrayContaining(['allenatoreId:text!->Allenatore', 'customerId:text->Customer']),
    );
  });

  it('names the Vietnamese patient with its accents and picks the doctor', () => {
    expect(shape(PHONG_KHAM, 'BacSi')).toEqual(PERSON);
    expect(shape(PHONG_KHAM, 'Booking')).toContain('bacSiId:text!->BacSi');
    expect(labelOf(PHONG_KHAM, 'lich_hen', 'benhNhan')).toBe('Bệnh nhân');
    expect(labelOf(PHONG_KHAM, 'lich_hen', 'bacSiId')).toBe('Bác sĩ');
  });

  it('keeps the English clinic as it was', () => {
    expect(shape(CLINIC, 'Doctor')).toEqual(PERSON);
    expect(shape(CLINIC, 'Appointment')).toEqual([
      'patient:text!',
      'doctorId:text!->Doctor',
      'date:dateTime!',
      'phone:phone',
      'notes:longText',
    ]);
  });

  it('writes a Spanish appointment form that picks the doctor from the list', () => {
    const files = generateFlutterProject(CLINICA);
    const dialog = files.find((file) => file.path === 'lib/features/citas/citas_entry_dialog.dart')?.content ?? '';
    expect(dialog).toContain('RecordReferenceField<Medico>(');
    expect(dialog).toContain("label: 'Médico',");
    expect(dialog).toContain("requiredMessage: 'Médico es obligatorio',");
    expect(dialog).toContain("labelText: 'Paciente'");
    const model = files.find((file) => file.path === 'lib/data/models/medico.dart')?.content ?? '';
    expect(model).toContain('final String? phone;');
    expect(model).toContain('final String? email;');
  });
});
