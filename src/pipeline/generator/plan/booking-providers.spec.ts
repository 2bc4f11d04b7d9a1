import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import { namedSpec } from '../testing/fixtures';
import { bookingParties } from './described-fields';
import { namesPeople } from './domain-entities';
import { planApp } from './plan-app';
import { fieldShape } from '../testing/plan-shapes';

const BARBER = namedSpec('Fade', 'A barber shop where customers book haircuts with barbers', [
  'Barbers',
  'Book a haircut',
  'My bookings',
]);
const TUTORING = namedSpec(
  'Tutor Hub',
  'Tutoring marketplace: students book lessons with tutors and leave reviews',
  ['Tutors', 'Lessons', 'Reviews'],
  { backend: 'firebase' },
);
const RIDES = namedSpec('Hop In', 'Riders request rides from drivers', [], { backend: 'graphql' });
const TIEM_TOC = namedSpec('Tiệm tóc', 'Khách đặt lịch cắt tóc với thợ', ['Thợ cắt tóc', 'Đặt lịch']);

const PERSON = ['name:text!', 'phone:phone', 'email:email', 'notes:longText'];

/** `archetype:Entity:title` per screen. */
function screens(app: AppSpec): string[] {
  return planApp(app).features.map((feature) => `${feature.archetype}:${feature.entity ?? '-'}:${feature.names.label}`);
}

/** "name:type!->Target" per field of the entity `className`. */
function shape(app: AppSpec, className: string): string[] {
  const entity = planApp(app).entities.find((candidate) => candidate.className === className);
  return (entity?.fields ?? []).map(fieldShape);
}

function fieldLabel(app: AppSpec, className: string, name: string): string | undefined {
  const entity = planApp(app).entities.find((candidate) => candidate.className === className);
  return entity?.fields.find((field) => field.name === name)?.label;
}

describe('bookings link to the person they are made with', () => {
  it('books a haircut with a barber picked from the Barbers list, on one booking calendar', () => {
    expect(screens(BARBER)).toEqual([
      'entity:Barber:Barbers',
      'calendar:Booking:Book a haircut',
      'settings:-:Settings',
    ]);
    // "My bookings" is the same calendar of the same bookings, not a second screen.
    expect(planApp(BARBER).features[1].requested).toEqual(['Book a haircut', 'My bookings']);
    expect(shape(BARBER, 'Booking')).toEqual([
      'customer:text!',
      'haircut:text!',
      'barberId:text!->Barber',
      'date:dateTime!',
      'phone:phone',
      'notes:longText',
    ]);
    expect(fieldLabel(BARBER, 'Booking', 'haircut')).toBe('Haircut');
    expect(shape(BARBER, 'Barber')).toEqual(PERSON);
    const dialog = generateFlutterProject(BARBER).find((file) =>
      file.path.endsWith('book_a_haircut_entry_dialog.dart'),
    );
    expect(dialog?.content).toContain('RecordReferenceField<Barber>(');
  });

  it('books a lesson at a time with a tutor picked from the Tutors list, instead of a course', () => {
    expect(screens(TUTORING).slice(0, 2)).toEqual(['entity:Tutor:Tutors', 'calendar:Lesson:Lessons']);
    expect(shape(TUTORING, 'Lesson')).toEqual(
      expect.arrayContaining(['title:text!', 'tutorId:text!->Tutor', 'date:dateTime!']),
    );
    expect(planApp(TUTORING).entities.map((entity) => entity.className)).not.toContain('Course');
    // "… and leave reviews" starts a new clause: reviews are not more people a lesson is booked with.
    expect(shape(TUTORING, 'Lesson').some((field) => field.startsWith('review'))).toBe(false);
    // Without feature labels the description's own screens: the students are picked on each lesson too.
    const mined = namedSpec('Tutor Hub', TUTORING.description, []);
    expect(shape(mined, 'Lesson')).toEqual(
      expect.arrayContaining(['tutorId:text!->Tutor', 'studentId:text->Student', 'date:dateTime!']),
    );
  });

  it('keeps a gym booking on the timetable’s classes when members book them "from the weekly timetable"', () => {
    const gym = namedSpec('Gym', 'Gym app: members book classes from the weekly timetable', [
      'Class timetable',
      'Book a class',
      'Trainers',
    ]);
    const plan = planApp(gym);
    const timetable = plan.features.find((feature) => feature.names.label === 'Class timetable')?.entity;
    const booking = plan.features.find((feature) => feature.names.label === 'Book a class')?.entity ?? '';
    expect(shape(gym, booking)).toEqual(expect.arrayContaining([expect.stringMatching(`->${timetable}$`)]));
    expect(bookingParties(gym.description).provider).toBeUndefined();
  });

  it('reads "request" as the verb: rides (pickup, destination, fare) with the driver from the Drivers list', () => {
    expect(bookingParties(RIDES.description)).toEqual({ provider: 'driver' });
    const plan = planApp(RIDES);
    expect(plan.entities.map((entity) => entity.className)).not.toContain('RidersRequestRide');
    expect(screens(RIDES)).toEqual(expect.arrayContaining(['entity:Ride:Rides', 'entity:Driver:Drivers']));
    expect(shape(RIDES, 'Ride')).toEqual([
      'pickup:text!',
      'destination:text!',
      'date:dateTime!',
      'driverId:text->Driver',
      'passengers:int',
      'fare:money',
      'notes:longText',
    ]);
    // The label "Request a ride" names the same table row: it keeps the driver the description names.
    const labelled = namedSpec('Hop In', RIDES.description, ['Request a ride', 'Drivers']);
    expect(shape(labelled, 'Ride')).toContain('driverId:text->Driver');
  });

  it('links walks booked "with local walkers" to a "Dog walkers" list, named after that list', () => {
    const app = namedSpec('Paws', 'Book dog walks with local walkers and pay in the app', ['Dog walks', 'Dog walkers']);
    expect(shape(app, 'DogWalk')).toContain('dogWalkerId:text!->DogWalker');
    expect(fieldLabel(app, 'DogWalk', 'dogWalkerId')).toBe('Dog walker');
  });

  it('keeps "from" a source after other verbs: recipes from grandma name nobody they are booked with', () => {
    expect(bookingParties('Save recipes from my grandmother')).toEqual({});
  });

  it('reads the Vietnamese "thợ cắt tóc" as barbers and links each booking to one of them', () => {
    expect(namesPeople(['tho', 'cat', 'toc'], 'vi')).toBe(true);
    expect(namesPeople(['tho', 'dien'], 'vi')).toBe(true);
    // A bare "thơ" is a poem, "thỏ" a rabbit: no list of people.
    expect(namesPeople(['bai', 'tho'], 'vi')).toBe(false);
    expect(namesPeople(['tho'], 'vi')).toBe(false);
    expect(bookingParties(TIEM_TOC.description)).toMatchObject({ booker: 'khach', provider: 'tho' });
    expect(bookingParties('Khách đặt lịch với thợ cắt tóc')).toMatchObject({ provider: 'thoCatToc' });
    expect(shape(TIEM_TOC, 'ThoCatToc')).toEqual(PERSON);
    const booking = shape(TIEM_TOC, 'Booking');
    expect(booking).toContain('thoCatTocId:text!->ThoCatToc');
    // "cắt" is no cat whose appointments these are.
    expect(booking.some((field) => field.startsWith('catId'))).toBe(false);
    expect(fieldLabel(TIEM_TOC, 'Booking', 'thoCatTocId')).toBe('Thợ cắt tóc');
  });
});
