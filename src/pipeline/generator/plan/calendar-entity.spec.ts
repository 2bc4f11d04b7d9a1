import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import { bracketProblem } from '../testing/dart-brackets';
import { unresolvedImports } from '../testing/project-checks';
import type { AppPlan } from './app-plan';
import { planApp } from './plan-app';
import { namedSpec } from '../testing/fixtures';

const spec = (name: string, description: string, features: string[]) => namedSpec(name, description, features);

const DOG_WALKER = spec('Dog Walker', 'Book dog walks with local walkers and pay in the app', [
  'calendar',
  'walkers',
  'login',
]);
const CLINIC = spec('Clinic Booking', 'Patients book appointments with doctors; doctors see their schedule', [
  'login',
  'appointments',
  'doctors',
  'calendar',
  'notifications',
  'map',
]);
const RECIPE_BOX = spec(
  'Recipe Box',
  'Save recipes with ingredients and steps, search them and plan meals for the week',
  ['recipes', 'search', 'meal planner calendar', 'shopping list'],
);
const BUDGET = spec('Budget', 'Track expenses by category', ['expenses', 'calendar', 'charts']);

/** `archetype:entity:title` of every screen, settings last. */
function screens(plan: AppPlan): string[] {
  return plan.features.map((f) => `${f.archetype}:${f.entity ?? '-'}:${f.names.label}`);
}

/** `name:type` (`!` = required, `→Class` for a reference) of one entity. */
function fields(plan: AppPlan, className: string): string[] | undefined {
  return plan.entities
    .find((entity) => entity.className === className)
    ?.fields.map((f) => `${f.name}:${f.type}${f.required ? '!' : ''}${f.refersTo ? `→${f.refersTo}` : ''}`);
}

function classNames(plan: AppPlan): string[] {
  return plan.entities.map((entity) => entity.className);
}

describe('planApp: a requested calendar books what the description books', () => {
  it('books the dog walks of a dog walker app, each with one of the walkers, not generic events', () => {
    const plan = planApp(DOG_WALKER);
    expect(screens(plan)).toEqual([
      'calendar:DogWalk:Calendar',
      'entity:Walker:Walkers',
      'auth:-:Login',
      'settings:-:Settings',
    ]);
    expect(fields(plan, 'DogWalk')).toEqual([
      'title:text!',
      'walkerId:text!→Walker',
      'date:dateTime!',
      'location:text',
      'price:money!',
      'paid:bool',
      'notes:longText',
    ]);
    // The walkers are the people the description books: contact details, no date to type in.
    expect(fields(plan, 'Walker')).toEqual(['name:text!', 'phone:phone', 'email:email', 'notes:longText']);
    expect(classNames(plan)).not.toContain('CalendarEvent');
  });

  it('folds a record screen of the booked thing into the calendar: one screen books the dog walks', () => {
    const plan = planApp({ ...DOG_WALKER, features: ['dog walks', 'calendar', 'walkers'] });
    expect(screens(plan)).toEqual(['calendar:DogWalk:Dog walks', 'entity:Walker:Walkers', 'settings:-:Settings']);
    expect(plan.features[0].requested).toEqual(['dog walks', 'calendar']);
  });

  it('makes appointments and calendar one booking calendar of appointments with a doctor', () => {
    const plan = planApp(CLINIC);
    const calendars = plan.features.filter((f) => f.archetype === 'calendar');
    expect(calendars.map((f) => [f.names.label, f.entity, f.requested])).toEqual([
      ['Appointments', 'Appointment', ['appointments', 'calendar']],
    ]);
    expect(fields(plan, 'Appointment')).toEqual([
      'patient:text!',
      'doctorId:text!→Doctor',
      'date:dateTime!',
      'phone:phone',
      'notes:longText',
    ]);
    expect(classNames(plan)).not.toContain('CalendarEvent');
  });

  it('plans meals that each cook one of the recipes on a meal planner calendar', () => {
    const plan = planApp(RECIPE_BOX);
    expect(screens(plan)).toEqual([
      'entity:Recipe:Recipes',
      'search:Recipe:Search',
      'calendar:Meal:Meal planner calendar',
      'entity:ShoppingList:Shopping list',
      'settings:-:Settings',
    ]);
    expect(fields(plan, 'Meal')).toEqual(['title:text!', 'recipeId:text!→Recipe', 'date:date!', 'notes:longText']);
    // A plain "calendar" in the same app plans the same meals.
    const plain = planApp({ ...RECIPE_BOX, features: ['recipes', 'calendar'] });
    expect(fields(plain, 'Meal')).toEqual(fields(plan, 'Meal'));
  });

  it('shows the tracked expenses by day and keeps their list, with no separate event list', () => {
    const plan = planApp(BUDGET);
    expect(screens(plan)).toEqual([
      'entity:Expense:Expenses',
      'calendar:Expense:Calendar',
      'chart:Expense:Charts',
      'settings:-:Settings',
    ]);
    expect(classNames(plan)).toEqual(['Expense']);
  });

  it('keeps generic events where nothing dated is booked, planned or logged', () => {
    const cases: AppSpec[] = [
      spec('Family Calendar', 'A shared calendar for the family', ['calendar', 'notes']),
      spec('Budget', 'My money, sorted', ['expenses', 'calendar']),
      // Recipes without a word of planning: no planner to build.
      spec('Recipe Box', 'Save recipes with ingredients and steps', ['recipes', 'calendar']),
    ];
    for (const app of cases) {
      const calendar = planApp(app).features.find((f) => f.archetype === 'calendar');
      expect(calendar?.entity, app.description).toBe('CalendarEvent');
    }
    // Bookings the label names stay the table's bookings.
    const lessons = planApp(spec('Lessons', 'Book lessons', ['reservations', 'calendar']));
    expect(lessons.features.find((f) => f.archetype === 'calendar')?.entity).toBe('Reservation');
  });

  it('says in the README that the requested words share one screen', () => {
    const readme = generateFlutterProject(CLINIC).find((file) => file.path === 'README.md')?.content ?? '';
    const row = readme.split('\n').find((line) => line.startsWith('| "appointments"'));
    expect(row).toContain('"calendar"');
    expect(row).toContain('2 requests for the same kind of screen, merged; a calendar of the appointments');
    const dogReadme = generateFlutterProject(DOG_WALKER).find((file) => file.path === 'README.md')?.content ?? '';
    expect(dogReadme.split('\n').find((line) => line.startsWith('| "calendar"'))).toContain(
      'a calendar of the dog walks',
    );
  });
});

describe('the calendar apps build as whole projects', () => {
  it.each([
    ['dog walker', DOG_WALKER],
    ['clinic', CLINIC],
    ['recipe box', RECIPE_BOX],
    ['budget', BUDGET],
  ])('%s: imports resolve and brackets balance', (_, app) => {
    const files = generateFlutterProject(app);
    expect(unresolvedImports(files)).toEqual([]);
    for (const file of files.filter((f) => f.path.endsWith('.dart'))) {
      expect(bracketProblem(file.content), file.path).toBeNull();
    }
    // The calendar's form picks the referenced record: its screen receives that repository.
    const plan = planApp(app);
    const calendar = plan.features.find((f) => f.archetype === 'calendar');
    const screen = files.find((file) => file.path === calendar?.paths.screen)?.content ?? '';
    const entity = plan.entities.find((e) => e.className === calendar?.entity);
    for (const field of entity?.fields.filter((f) => f.refersTo) ?? []) {
      const target = plan.entities.find((e) => e.className === field.refersTo);
      expect(screen, field.name).toContain(`${target?.className}Repository`);
    }
  });
});
