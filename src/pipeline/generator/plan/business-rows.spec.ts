import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import { hasCreator, isPersonal } from '../data/backends/record-owner';
import { generateFlutterProject } from '../flutter-project.generator';
import { simpleSpec } from '../testing/fixtures';
import type { AppPlan } from './app-plan';
import { planApp } from './plan-app';
import { fieldShape, requestedEntity } from '../testing/plan-shapes';

function app(features: string[], overrides: Partial<AppSpec> = {}): AppSpec {
  return simpleSpec({ name: 'App', description: '', backend: 'none', features, ...overrides });
}

const CAR_RENTAL = app(['Cars', 'Rentals', 'Customers'], {
  description: 'Car rental: customers rent cars for days',
  backend: 'rest',
});
const DELIVERIES = app(['Orders', 'Drivers', 'Deliveries'], { description: 'Delivery service', backend: 'rest' });
const WAREHOUSE = app(['Items', 'Suppliers', 'Stock movements'], { description: 'Small warehouse' });
const CRM = app(['Leads', 'Deals', 'Contacts'], { description: 'Sales CRM', backend: 'supabase' });
const JOB_BOARD = app(['Jobs', 'Applications', 'Sign up'], {
  description: 'Job board: companies post jobs, candidates apply',
  backend: 'firebase',
});

/** The entity of the screen that shows `label`. */
const entityOf = requestedEntity;

/** `Class {name:type!->Target, …}` of the entity `label`'s screen keeps. */
function shapeOf(plan: AppPlan, label: string): string {
  const entity = entityOf(plan, label);
  return `${entity.className} {${entity.fields.map(fieldShape).join(', ')}}`;
}

describe('business records get their own fields and links', () => {
  it.each([
    [
      'a car rental: the car and the customer picked from their lists, the days, the price',
      CAR_RENTAL,
      'Rentals',
      'Rental {reference:text!, vehicleId:text!->Vehicle, customerId:text!->Customer, startDate:date!, endDate:date!, price:money, returned:bool, notes:longText}',
    ],
    [
      'a rental without a customer list names the customer and the rented item in words',
      app(['Bikes', 'Rentals'], { description: 'Bike rental shop' }),
      'Rentals',
      'Rental {reference:text!, bikeId:text!->Bike, customer:text!, startDate:date!, endDate:date!, price:money, returned:bool, notes:longText}',
    ],
    [
      'a delivery of an order by a driver, to an address, at a time',
      DELIVERIES,
      'Deliveries',
      'Delivery {address:text!, orderId:text->OrderEntry, driverId:text->Driver, date:dateTime!, delivered:bool, notes:longText}',
    ],
    [
      "a warehouse's items are its stock, with their supplier",
      WAREHOUSE,
      'Items',
      'InventoryItem {supplierId:text->Supplier, name:text!, sku:text!, quantity:int!, location:text, unitPrice:money}',
    ],
    [
      'a stock movement of one item, its quantity in or out, why and when',
      WAREHOUSE,
      'Stock movements',
      'StockMovement {itemId:text!->InventoryItem, quantityChange:int!, reason:text!, date:date!}',
    ],
    [
      "a shop's stock movements are of its products",
      app(['Products', 'Stock movements'], { description: 'Shop' }),
      'Stock movements',
      'StockMovement {productId:text!->Product, quantityChange:int!, reason:text!, date:date!}',
    ],
    [
      'a sales lead: who, from which company, how to reach them, where they came from, how far along',
      CRM,
      'Leads',
      'Lead {name:text!, company:text, email:email, phone:phone, source:text, stage:text, notes:longText}',
    ],
    [
      'a deal with a contact, its value and stage',
      CRM,
      'Deals',
      'Deal {title:text!, contactId:text->Contact, value:money!, stage:text!, closeDate:date, notes:longText}',
    ],
    [
      'a job posting: title, company, place, salary, description',
      JOB_BOARD,
      'Jobs',
      'Job {title:text!, company:text!, location:text, salary:text, description:longText}',
    ],
    [
      'an application to one of the jobs',
      JOB_BOARD,
      'Applications',
      'JobApplication {jobId:text!->Job, applicantName:text!, email:email, coverLetter:longText, status:text}',
    ],
    [
      'German warehouse "Artikel" are stock items, not articles to read',
      app(['Artikel', 'Lagerbewegungen', 'Lieferanten'], {
        description: 'Lagerverwaltung: Artikel, Lieferanten und Lagerbewegungen verwalten',
      }),
      'Lagerbewegungen',
      'StockMovement {itemId:text!->InventoryItem, quantityChange:int!, reason:text!, date:date!}',
    ],
    [
      'Spanish job offers and applications',
      app(['Ofertas de empleo', 'Candidaturas'], {
        description: 'Bolsa de empleo: las empresas publican ofertas y los candidatos se postulan',
      }),
      'Candidaturas',
      'JobApplication {jobId:text!->Job, applicantName:text!, email:email, coverLetter:longText, status:text}',
    ],
  ])('%s', (_, spec, label, shape) => {
    expect(shapeOf(planApp(spec), label)).toBe(shape);
  });

  it.each([
    ['chores done', app(['Tasks', 'Jobs done']), 'Jobs done', 'JobsDone {name:text!, notes:longText, date:date}'],
    [
      "a helpdesk's tickets and work orders",
      app(['Tickets', 'Work orders'], { description: 'IT helpdesk: tickets and work orders' }),
      'Tickets',
      'WorkOrder {title:text!, assignee:text!, location:text, dueDate:date!, priority:int, done:bool, notes:longText}',
    ],
    ["a plumber's jobs", app(['Jobs', 'Customers', 'Invoices']), 'Jobs', 'Job {name:text!, notes:longText, date:date}'],
    [
      "a coupon app's deals",
      app(['Deals', 'Favorites'], { description: 'Coupons and discounts from local shops' }),
      'Deals',
      'Deal {name:text!, notes:longText, date:date}',
    ],
    [
      "an IT team's software applications",
      app(['Applications', 'Servers'], { description: 'IT team inventory of software' }),
      'Applications',
      'Application {title:text!, date:date!, notes:longText}',
    ],
    [
      "a landlord's rentals",
      app(['Rentals', 'Tenants'], { description: 'Landlord app: tenants pay rent' }),
      'Rentals',
      'Rental {name:text!, notes:longText, date:date}',
    ],
    [
      'items on a list that keeps no stock',
      app(['Items', 'Categories']),
      'Items',
      'Item {name:text!, notes:longText, date:date}',
    ],
    [
      'items to pack',
      app(['Shopping list', 'Items to pack']),
      'Items to pack',
      'ItemsToPack {name:text!, quantity:int, packed:bool, notes:longText}',
    ],
    [
      "a shop's orders",
      app(['Products', 'Orders']),
      'Orders',
      'OrderEntry {customer:text!, total:money!, orderDate:date!, delivered:bool, note:longText}',
    ],
  ])('keeps %s as they were', (_, spec, label, shape) => {
    expect(shapeOf(planApp(spec), label)).toBe(shape);
  });

  it('mines no sales team from a description that "leads you" and "deals with stress"', () => {
    const plan = planApp(
      app(['Timer'], {
        description: 'A meditation app that leads you through breathing sessions and deals with stress',
      }),
    );
    expect(plan.entities.map((entity) => entity.className)).not.toEqual(expect.arrayContaining(['Lead']));
    expect(plan.entities.map((entity) => entity.className)).not.toEqual(expect.arrayContaining(['Deal']));
  });

  it('labels the new fields in the app language', () => {
    const german = planApp(
      app(['Artikel', 'Lagerbewegungen'], { description: 'Lagerverwaltung: Artikel und Lagerbewegungen verwalten' }),
    );
    const labels = (plan: AppPlan, label: string) => entityOf(plan, label).fields.map((field) => field.label);
    expect(labels(german, 'Lagerbewegungen')).toEqual(['Artikel', 'Menge (+ Zugang, − Abgang)', 'Grund', 'Datum']);
    expect(labels(german, 'Artikel')).toContain('Artikelnummer');
    expect(labels(planApp(CAR_RENTAL), 'Rentals').slice(0, 3)).toEqual(['Agreement no.', 'Vehicle', 'Customer']);
    const spanish = planApp(
      app(['Alquileres', 'Clientes'], { description: 'Alquiler de coches para clientes de la agencia' }),
    );
    expect(labels(spanish, 'Alquileres')).toEqual([
      'N.º de contrato',
      'Artículo alquilado',
      'Cliente',
      'Fecha de inicio',
      'Fecha de fin',
      'Precio',
      'Devuelto',
      'Notas',
    ]);
  });

  it('lets a stock movement take goods out with a negative quantity', () => {
    const files = generateFlutterProject(WAREHOUSE);
    const form = files.find((file) => file.path === 'lib/features/stock_movements/stock_movements_form_screen.dart');
    expect(form?.content).toMatch(/Key\('quantityChangeField'\),[\s\S]*?signed: true,/);
  });

  it('lets everyone read the jobs their creator posts, and keeps each application private to the applicant', () => {
    const plan = planApp(JOB_BOARD);
    expect(hasCreator(plan, entityOf(plan, 'Jobs'))).toBe(true);
    expect(isPersonal(plan, entityOf(plan, 'Jobs'))).toBe(false);
    expect(isPersonal(plan, entityOf(plan, 'Applications'))).toBe(true);
  });
});
