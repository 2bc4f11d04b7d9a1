import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import type { BackendKind } from './app-plan';
import { generateFlutterProject } from '../flutter-project.generator';
import { checkoutOrderEntity } from './checkout-data';
import { planApp } from './plan-app';

function spec(backend: BackendKind, name: string, description: string, features: string[]): AppSpec {
  return { slug: 'app', name, description, platforms: [], style: '', backend, features };
}

const SHOP = spec('supabase', 'Corner Shop', 'An online shop selling coffee beans and brewing gear.', [
  'Order products',
  'Cart',
  'Payments',
  'Sign in',
]);
const RESTAURANT = spec(
  'firebase',
  'Chez Marie',
  'Restaurant de quartier : le menu du jour, les commandes à emporter et le paiement en ligne.',
  ['Menu', 'Commandes', 'Paiement'],
);
const BOOKED_RESTAURANT = spec(
  'firebase',
  'Chez Léa',
  'Application pour un restaurant : menu, réservation de tables et commandes à emporter.',
  ['Menu', 'Réservation de table', 'Commandes', 'Connexion', 'Paiement'],
);
const RIDE_SHARE = spec('supabase', 'QuickRide', 'A ride-share app to request a ride and pay the fare.', [
  'Request a ride',
  'Payments',
]);
const STALL = spec('none', 'Bead Stall', 'A market stall selling handmade beads.', ['Products', 'Cart', 'Orders']);

/** "archetype:Entity:origin" per screen, settings left out. */
function screens(app: AppSpec): string[] {
  return planApp(app)
    .features.filter((feature) => feature.archetype !== 'settings')
    .map((feature) => `${feature.archetype}:${feature.entity ?? '-'}:${feature.origin}`);
}

function fieldNames(app: AppSpec, className: string): string[] {
  const entity = planApp(app).entities.find((candidate) => candidate.className === className);
  return (entity?.fields ?? []).map(
    (field) => `${field.name}:${field.type}${field.refersTo ? `->${field.refersTo}` : ''}`,
  );
}

const ORDER_FIELDS = [
  'items:text',
  'total:money',
  'orderedAt:dateTime',
  'paid:bool',
  'paymentReference:text',
  'delivered:bool',
  'note:longText',
];

describe('what a checkout sells and where its paid orders go', () => {
  it('gives a shop with orders an order list the checkout fills: items, total, time, paid, reference', () => {
    for (const app of [SHOP, STALL]) {
      const plan = planApp(app);
      const orders = checkoutOrderEntity(plan);
      expect(orders?.className).toBe('OrderEntry');
      expect(fieldNames(app, 'OrderEntry')).toEqual(ORDER_FIELDS);
      expect(orders?.titleField).toBe('items');
      expect(plan.features.find((feature) => feature.archetype === 'checkout')?.entity).toBe('Product');
    }
  });

  it('sells a restaurant’s menu: no invented products screen, the dishes have prices', () => {
    expect(screens(RESTAURANT)).toEqual([
      'entity:MenuItem:features',
      'entity:OrderEntry:features',
      'checkout:MenuItem:features',
    ]);
    expect(fieldNames(RESTAURANT, 'MenuItem')).toEqual([
      'name:text',
      'price:money',
      'category:text',
      'description:longText',
    ]);
    const plan = planApp(RESTAURANT);
    expect(plan.entities.map((entity) => entity.className)).not.toContain('Product');
    expect(plan.features[0].names.label).toBe('Menu');
    expect(checkoutOrderEntity(plan)?.fields.find((field) => field.name === 'items')?.label).toBe('Articles');
  });

  it('sells requested products, not a menu beside them', () => {
    const app = spec('none', 'Deli', '', ['Menu', 'Products', 'Cart']);
    expect(screens(app)).toEqual(['entity:MenuItem:features', 'entity:Product:features', 'checkout:Product:features']);
  });

  it('keeps a checkout for a restaurant that books tables and takes orders (not payment records)', () => {
    const plan = planApp(BOOKED_RESTAURANT);
    const payment = plan.features.find((feature) => feature.names.label === 'Paiement');
    expect(payment?.archetype).toBe('checkout');
    expect(payment?.entity).toBe('MenuItem');
    expect(payment?.options.paymentRecords).toBeUndefined();
  });

  it('makes a ride-share’s payments records of its rides, with no products', () => {
    const plan = planApp(RIDE_SHARE);
    const payments = plan.features.find((feature) => feature.names.label === 'Payments');
    expect(payments?.archetype).toBe('entity');
    expect(payments?.options.paymentRecords).toBe(true);
    const rides = plan.features.find((feature) => feature.names.label === 'Request a ride')?.entity;
    expect(fieldNames(RIDE_SHARE, payments?.entity ?? '')).toContain(`rideId:text->${rides}`);
    expect(plan.entities.map((entity) => entity.className)).not.toContain('Product');
    expect(screens(RIDE_SHARE).some((screen) => screen.endsWith(':app'))).toBe(false);
  });

  it('keeps payment records without a link when a ride-share keeps no rides', () => {
    const app = spec('none', 'Hop', 'Ride-share for the village: pay the fare in the app.', ['Payments', 'Drivers']);
    const payments = planApp(app).features.find((feature) => feature.names.label === 'Payments');
    expect(payments?.archetype).toBe('entity');
    expect(fieldNames(app, payments?.entity ?? '')).toEqual([
      'description:text',
      'amount:money',
      'date:date',
      'paid:bool',
      'method:text',
      'notes:longText',
    ]);
  });

  it('still gives a lone "Payments" with nothing booked a checkout', () => {
    const features = planApp(spec('none', 'Pay', '', ['Payments'])).features;
    expect(features.find((feature) => feature.names.label === 'Payments')?.archetype).toBe('checkout');
  });

  it('writes the restaurant’s README: the server reads the menu’s prices, orders land in Commandes', () => {
    const readme = generateFlutterProject(RESTAURANT).find((file) => file.path === 'README.md')?.content ?? '';
    expect(readme).toContain("db.collection('menu_items').doc(item.productId)");
    expect(readme).toContain('After an approved payment the app saves the order to **Commandes**');
    expect(readme).not.toContain('Produits');
  });
});
