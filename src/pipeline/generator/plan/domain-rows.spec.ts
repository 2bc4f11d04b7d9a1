import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import { hasCreator, staffWritten } from '../data/backends/record-owner';
import { simpleSpec } from '../testing/fixtures';
import type { AppPlan } from './app-plan';
import { planApp } from './plan-app';
import { requestedEntity, screenFields, screenOf } from '../testing/plan-shapes';

function app(features: string[], overrides: Partial<AppSpec> = {}): AppSpec {
  return simpleSpec({ name: 'App', description: '', backend: 'none', features, ...overrides });
}

const RESTAURANT = app(['Reserve a table', 'Menu', 'Reviews'], {
  description: 'Restaurant table reservations: guests reserve a table for a party size and time',
  backend: 'firebase',
});
const FRENCH_RESTAURANT = app(['Réserver une table', 'Carte', 'Avis'], {
  description: 'Restaurant: les clients réservent une table et laissent des avis',
});
const GYM = app(['Class timetable', 'Book a class', 'Memberships', 'Trainers'], {
  description:
    'Gym app: members book classes from the weekly timetable; memberships with expiry dates and class credits',
  backend: 'supabase',
});
const BUDGET = app(['Bills', 'Spending chart', 'Accounts'], {
  description: 'Household budget with recurring bills and monthly spending charts',
});
const SHOP = app(['Products', 'Reviews', 'Cart'], { backend: 'supabase' });
const CAFE = app(['Menu', 'Order'], { description: 'Café app: order from the menu', backend: 'rest' });
const FREELANCER = app(['Clients', 'Invoices', 'Bills']);

/** The feature whose screen shows `label`. */
const shapeOf = screenFields;

/** The label of field `name` of the entity `label`'s screen keeps. */
function labelOf(plan: AppPlan, label: string, name: string): string | undefined {
  return requestedEntity(plan, label).fields.find((field) => field.name === name)?.label;
}

const TABLE_BOOKING = ['guestName:text!', 'partySize:int!', 'date:dateTime!', 'phone:phone', 'notes:longText'];
const MENU_ITEM = ['name:text!', 'price:money!', 'category:text', 'description:longText', 'available:bool'];
const REVIEW = ['rating:int!', 'comment:longText!', 'date:date!'];
const BILL = ['payee:text!', 'amount:money!', 'dueDate:date!', 'repeats:text', 'paid:bool', 'note:longText'];

describe('domain rows of common features', () => {
  // (case, spec, feature label, screen, fields)
  it.each([
    ['a restaurant books tables', RESTAURANT, 'Reserve a table', 'calendar:TableBooking', TABLE_BOOKING],
    ['a restaurant lists its dishes', RESTAURANT, 'Menu', 'entity:MenuItem', MENU_ITEM],
    ['a restaurant’s reviews are of the visit', RESTAURANT, 'Reviews', 'entity:Review', REVIEW],
    ['a French label books a table', FRENCH_RESTAURANT, 'Réserver une table', 'calendar:TableBooking', TABLE_BOOKING],
    ['a French restaurant’s "Carte" is its menu', FRENCH_RESTAURANT, 'Carte', 'entity:MenuItem', MENU_ITEM],
    ['French "Avis" are reviews', FRENCH_RESTAURANT, 'Avis', 'entity:Review', REVIEW],
    ['a café’s menu', CAFE, 'Menu', 'entity:MenuItem', MENU_ITEM],
    ['a shop’s reviews are of its products', SHOP, 'Reviews', 'entity:Review', ['productId:text!->Product', ...REVIEW]],
    [
      'a gym’s memberships',
      GYM,
      'Memberships',
      'entity:Membership',
      ['member:text!', 'plan:text!', 'startDate:date!', 'expiryDate:date!', 'credits:int'],
    ],
    ['a household’s bills are bills to pay', BUDGET, 'Bills', 'entity:Bill', BILL],
    [
      'a freelancer’s bills are its invoices to clients',
      FREELANCER,
      'Bills',
      'entity:Invoice',
      ['customer:text!', 'amount:money!', 'dueDate:date!', 'paid:bool', 'note:longText'],
    ],
  ])('%s', (_, spec, label, screen, fields) => {
    const plan = planApp(spec);
    expect(screenOf(plan, label)).toBe(screen);
    expect(shapeOf(plan, label)).toEqual(fields);
  });

  it.each([
    ['Bills', '', 'entity:Bill'],
    ['Bills', 'Pay the rent and utilities on time', 'entity:Bill'],
    ['Invoices', 'Household budget with recurring bills', 'entity:Invoice'],
    ['Bills', 'Freelance work: bill your clients', 'entity:Invoice'],
  ])('reads "%s" in "%s" as %s', (label, description, screen) => {
    expect(screenOf(planApp(app([label, 'Notes'], { description })), label)).toBe(screen);
  });

  it.each([
    // (locale, app name, description, features, label, screen)
    [
      'vi',
      'Chi tiêu',
      'Quản lý chi tiêu gia đình và hoá đơn hằng tháng',
      ['Hoá đơn', 'Chi tiêu'],
      'Hoá đơn',
      'entity:Bill',
    ],
    [
      'vi',
      'Cửa hàng',
      'Quản lý khách hàng và hoá đơn bán hàng',
      ['Hoá đơn', 'Khách hàng'],
      'Hoá đơn',
      'entity:Invoice',
    ],
    ['es', 'Casa', 'Presupuesto del hogar: facturas y gastos', ['Facturas', 'Gastos'], 'Facturas', 'entity:Bill'],
    ['es', 'Taller', 'Facturas para los clientes del taller', ['Facturas', 'Clientes'], 'Facturas', 'entity:Invoice'],
  ])('%s: %s – "%s" → %s', (locale, name, description, features, label, screen) => {
    const plan = planApp(app(features, { name, description }));
    expect(plan.locale).toBe(locale);
    expect(screenOf(plan, label)).toBe(screen);
  });

  it('says the rating’s range in the app’s language, since the form checks none', () => {
    expect(labelOf(planApp(RESTAURANT), 'Reviews', 'rating')).toBe('Rating (1–5)');
    expect(labelOf(planApp(FRENCH_RESTAURANT), 'Avis', 'rating')).toBe('Note (1–5)');
    expect(labelOf(planApp(FRENCH_RESTAURANT), 'Réserver une table', 'partySize')).toBe('Nombre de personnes');
    expect(labelOf(planApp(GYM), 'Memberships', 'credits')).toBe('Class credits');
  });

  it('keeps members people and links each membership to one', () => {
    const plan = planApp(app(['Members', 'Memberships'], { description: 'Gym memberships' }));
    expect(shapeOf(plan, 'Members')).toEqual(['name:text!', 'phone:phone', 'email:email', 'notes:longText']);
    expect(shapeOf(plan, 'Memberships')).toEqual([
      'memberId:text!->Member',
      'plan:text!',
      'startDate:date!',
      'expiryDate:date!',
      'credits:int',
    ]);
  });

  it.each([
    [['Books', 'Book reviews'], 'Book reviews', 'bookId:text!->Book'],
    [['Tutors', 'Reviews'], 'Reviews', 'tutorId:text!->Tutor'],
    [['Recipes', 'Ratings'], 'Ratings', 'recipeId:text!->Recipe'],
  ])('links the reviews of %j to what they review', (features, label, link) => {
    const plan = planApp(app(features));
    expect(screenOf(plan, label)).toBe('entity:Review');
    expect(shapeOf(plan, label)[0]).toBe(link);
  });

  it('picks a table booking’s table only where the restaurant lists its tables', () => {
    const plan = planApp(app(['Reserve a table', 'Tables']));
    expect(shapeOf(plan, 'Reserve a table')).toEqual(['tableId:text->TableEntry', ...TABLE_BOOKING]);
    expect(labelOf(plan, 'Reserve a table', 'tableId')).toBe('Table');
    const german = planApp(
      app(['Tisch reservieren', 'Tische'], {
        description: 'Unser Restaurant: die Gäste reservieren einen Tisch und sehen die Speisekarte',
      }),
    );
    expect(german.locale).toBe('de');
    expect(shapeOf(german, 'Tisch reservieren')).toEqual(['tischId:text->Tisch', ...TABLE_BOOKING]);
    expect(labelOf(german, 'Tisch reservieren', 'partySize')).toBe('Personenzahl');
  });

  it.each([
    // (features, description, label, screen)
    [['Dishes', 'Reserve a table'], 'Restaurant: order dishes and book tables', 'Dishes', 'entity:MenuItem'],
    [['Chores', 'Dishes'], 'Family chores: dishes, laundry and vacuuming', 'Dishes', 'entity:Dish'],
    [['Carte', 'Balades'], 'Trouver des balades autour de moi', 'Carte', 'map:Place'],
    [['Menu', 'Carte'], 'Restaurant avec une carte de nos adresses', 'Carte', 'map:Place'],
    [['Abonnements', 'Statistiques'], 'Suivre mes abonnements Netflix, Spotify', 'Abonnements', 'entity:Abonnement'],
    [['Decks', 'Flashcards'], 'Learn words with flashcards and review them every day', 'Decks', 'entity:Deck'],
  ])('keeps %j apart from the new rows where the app says otherwise (%s)', (features, description, label, screen) => {
    expect(screenOf(planApp(app(features, { description })), label)).toBe(screen);
  });

  it('lets everyone read the reviews and only their writer change one; staff write the menu', () => {
    const plan = planApp(
      app(['Login', 'Menu', 'Reviews'], { description: 'Restaurant: sign up and leave reviews', backend: 'supabase' }),
    );
    const entity = (className: string) => plan.entities.find((candidate) => candidate.className === className);
    const review = entity('Review');
    const menu = entity('MenuItem');
    if (!review || !menu) throw new Error('no review or menu');
    expect(hasCreator(plan, review)).toBe(true);
    expect(staffWritten(plan, menu)).toBe(true);
  });

  it('sells the menu at a restaurant’s checkout, which knows no "available" switch', () => {
    const plan = planApp(app(['Menu', 'Cart'], { description: 'Restaurant' }));
    expect(screenOf(plan, 'Cart')).toBe('checkout:MenuItem');
    expect(shapeOf(plan, 'Menu')).toEqual(['name:text!', 'price:money!', 'category:text', 'description:longText']);
  });
});
