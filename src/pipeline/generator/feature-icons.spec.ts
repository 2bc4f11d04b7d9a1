import { describe, expect, it } from 'vitest';
import { featureIcon, featureIcons } from './feature-icons';
import { appSpec } from './archetypes/testing/archetype-spec-helpers';
import { planApp } from './plan/plan-app';

const homeIcons = (features: string[]) =>
  Object.fromEntries(planApp(appSpec(features)).features.map((feature) => [feature.names.id, feature.icon]));

describe('featureIcons', () => {
  it('tells a shop’s catalog, cart and orders apart', () => {
    const icons = homeIcons(['Catalog', 'Cart', 'Checkout', 'Orders', 'Login']);
    expect(icons.catalog).toBe('Icons.storefront_outlined');
    expect(icons.cart).toBe('Icons.shopping_cart_outlined');
    expect(icons.orders).toBe('Icons.receipt_long_outlined');
  });

  it('gives streaks, channels and doctors a fitting icon instead of the generic one', () => {
    expect(featureIcon('streaks')).toBe('Icons.local_fire_department_outlined');
    expect(featureIcon('channels')).toBe('Icons.forum_outlined');
    expect(featureIcon('doctors')).toBe('Icons.medical_services_outlined');
    expect(featureIcon('shopping_list')).toBe('Icons.shopping_basket_outlined');
  });

  it('never repeats an icon on the home screen while another fits or a spare is left', () => {
    for (const features of [
      ['Habits', 'Streaks', 'Timer', 'Notifications', 'Dark mode'],
      ['Login', 'Appointments', 'Doctors', 'Calendar', 'Notifications', 'Map'],
      ['Recipes', 'Search', 'Meal planner calendar', 'Shopping list'],
      ['Widgets', 'Gadgets', 'Gizmos', 'Doohickeys'],
    ]) {
      const icons = planApp(appSpec(features)).features.map((feature) => feature.icon);
      expect(new Set(icons).size, icons.join(', ')).toBe(icons.length);
    }
  });

  it('lets archetype screens keep their own icon and moves a keyword match to its alternative', () => {
    expect(
      featureIcons([
        { id: 'events', archetype: 'entity' },
        { id: 'calendar', archetype: 'calendar' },
        { id: 'bookings', archetype: 'entity' },
      ]),
    ).toEqual(['Icons.calendar_month_outlined', 'Icons.event_outlined', 'Icons.event_note_outlined']);
  });

  it("picks a non-English feature's icon from its entity: a German dog school's customers and dog walks", () => {
    expect(featureIcons([{ id: 'kunden', archetype: 'entity', entity: 'Customer' }])).toEqual(['Icons.people_outline']);
    expect(featureIcons([{ id: 'spaziergaenge', archetype: 'entity', entity: 'DogWalk' }])).toEqual(['Icons.pets']);
    const plan = planApp({
      ...appSpec([]),
      name: 'Hundeschule Pfote',
      description: 'Hundespaziergänge buchen mit Gassigehern, Termine und Kunden verwalten',
    });
    const icons = Object.fromEntries(plan.features.map((feature) => [feature.names.id, feature.icon]));
    expect(icons.kunden).toBe('Icons.people_outline');
    // The walks are booked on a calendar (the calendar's icon); the walkers are the dogs' people.
    expect(icons.hundespaziergaenge).toBe('Icons.event_outlined');
    expect(icons.gassigeher).toBe('Icons.pets');
  });

  it('falls back to distinct spare icons for unknown words', () => {
    expect(
      featureIcons([
        { id: 'gadgets', archetype: 'entity' },
        { id: 'gizmos', archetype: 'entity' },
      ]),
    ).toEqual(['Icons.widgets_outlined', 'Icons.category_outlined']);
  });
});
