import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import type { ArchetypeId } from './app-plan';
import { backendKind, planApp } from './plan-app';

function spec(features: string[], overrides: Partial<AppSpec> = {}): AppSpec {
  return {
    slug: 'plan-app',
    name: 'Plan App',
    description: '',
    platforms: ['android'],
    style: '',
    backend: 'none',
    features,
    ...overrides,
  };
}

function archetypeOf(label: string): ArchetypeId {
  const feature = planApp(spec([label])).features.find((f) => f.requested.includes(label));
  if (!feature) throw new Error(`no feature for ${label}`);
  return feature.archetype;
}

describe('planApp: archetypes from the words users write', () => {
  const cases: ReadonlyArray<readonly [ArchetypeId, readonly string[]]> = [
    [
      'auth',
      ['Login', 'sign in', 'Sign-up', 'user account', 'Đăng nhập', 'iniciar sesión', 'Anmeldung', 'ログイン', '登录'],
    ],
    [
      'chart',
      ['Statistics', 'analytics dashboard', 'monthly report', 'spending chart', 'Thống kê', 'estadísticas', 'グラフ'],
    ],
    [
      'settings',
      ['Dark mode', 'theme', 'night mode', 'Settings', 'Chế độ tối', 'modo oscuro', 'Einstellungen', 'ダークモード'],
    ],
    ['scanner', ['QR scanner', 'barcode', 'scan tickets', 'Quét mã QR', 'escáner', 'スキャン']],
    [
      'notifications',
      ['Reminders', 'push notifications', 'alerts', 'Nhắc nhở', 'recordatorios', 'Erinnerungen', '通知'],
    ],
    ['search', ['Search', 'filter products', 'Tìm kiếm', 'búsqueda', 'Suche', 'Busca', 'busca de produtos', '検索']],
    ['map', ['Map', 'nearby stores', 'location', 'Bản đồ', 'mapa', 'Karte', '地図']],
    ['camera', ['Camera', 'photo upload', 'image gallery', 'Chụp ảnh', 'fotos', 'カメラ']],
    ['timer', ['Pomodoro', 'countdown', 'stopwatch', 'timer', 'Đếm ngược', 'temporizador', 'タイマー']],
    ['chat', ['Chat', 'messages', 'inbox', 'Tin nhắn', 'mensajes', 'チャット']],
    [
      'calendar',
      [
        'Calendar',
        'booking',
        'appointments',
        'Đặt lịch',
        'reservas',
        'Calendrier',
        'calendrier des cours',
        'カレンダー',
      ],
    ],
    ['profile', ['Profile', 'user profile', 'Hồ sơ', 'perfil', 'プロフィール']],
    ['onboarding', ['Onboarding', 'welcome tour', 'Giới thiệu', 'bienvenida']],
    ['checkout', ['Payments', 'checkout', 'shopping cart', 'Thanh toán', 'carrito', 'Warenkorb']],
  ];
  it.each(cases)('%s', (archetype, labels) => {
    for (const label of labels) expect([label, archetypeOf(label)]).toEqual([label, archetype]);
  });

  it('gives other words a typed domain entity', () => {
    const plan = planApp(spec(['Expenses', 'work orders', 'Recipes', 'Công việc', 'gadgets']));
    const entities = Object.fromEntries(
      plan.entities.map((e) => [e.className, e.fields.map((f) => `${f.name}:${f.type}`)]),
    );
    expect(entities.Expense).toEqual(['title:text', 'amount:money', 'category:text', 'date:date', 'note:longText']);
    expect(entities.WorkOrder).toContain('assignee:text');
    expect(entities.Recipe).toContain('ingredients:longText');
    expect(entities.Task).toContain('done:bool');
    // Unknown words still get an entity of their own, named after them.
    expect(entities.Gadget).toEqual(['name:text', 'notes:longText', 'date:date']);
    expect(plan.features.filter((f) => f.archetype === 'entity').map((f) => f.entity)).toEqual([
      'Expense',
      'WorkOrder',
      'Recipe',
      'Task',
      'Gadget',
    ]);
  });

  it('labels the default title field after the unknown thing it names', () => {
    const plan = planApp(spec(['zorbs', 'quantum flux', 'Feature 1']));
    const title = (className: string) => {
      const entity = plan.entities.find((e) => e.className === className);
      const field = entity?.fields.find((f) => f.name === entity.titleField);
      return { name: field?.name, label: field?.label, from: entity?.fieldsFrom };
    };
    expect(title('Zorb')).toEqual({ name: 'name', label: 'Zorb name', from: 'default' });
    expect(title('QuantumFlux')).toEqual({ name: 'name', label: 'Quantum flux name', from: 'default' });
    // "Feature1 name" would read worse than a plain title.
    expect(title('Feature1')).toEqual({ name: 'title', label: 'Title', from: 'default' });
  });

  it('offers sign-up unless the brief says the accounts are handed out', () => {
    const registration = (features: string[], description: string) =>
      planApp(spec(features, { description })).features.find((feature) => feature.archetype === 'auth')?.options
        .registration;
    // Consumer apps: owners, buyers and sellers make their own accounts.
    expect(registration(['login', 'pets'], 'Veterinary clinic: owners register pets, book visits')).toBe(true);
    expect(registration(['inicio de sesión', 'anuncios'], 'Vende y compra artículos usados cerca de ti')).toBe(true);
    expect(registration(['login'], '')).toBe(true);
    expect(registration(['login', 'sign up'], '')).toBe(true);
    // Staff apps and handed-out accounts, in several languages.
    expect(registration(['login', 'shifts'], 'Employees sign in to log their shifts')).toBe(false);
    expect(registration(['login', 'tasks'], 'Internal tool for our staff')).toBe(false);
    expect(registration(['login', 'notes'], 'Invite-only notes; accounts are created by an admin')).toBe(false);
    expect(registration(['Anmeldung', 'Schichten'], 'Nur für Mitarbeiter: Schichten erfassen')).toBe(false);
    expect(registration(['inicio de sesión', 'turnos'], 'Los empleados inician sesión para ver sus turnos')).toBe(
      false,
    );
    expect(registration(['connexion', 'notes'], 'Application réservée au personnel, sans inscription')).toBe(false);
    expect(registration(['登录', '班次'], '员工登录后记录自己的班次')).toBe(false);
    expect(registration(['ログイン', 'メモ'], '友だちとメモを共有するアプリ')).toBe(true);
    // A label that asks for sign-up outweighs the staff guess, not an explicit "no sign-up".
    expect(registration(['login and register', 'shifts'], 'Employees sign in to log their shifts')).toBe(true);
    expect(registration(['login and register'], 'No sign-up: invite only')).toBe(false);
    // From the description alone (no feature list).
    expect(registration([], 'A recipe book where users can login and save recipes')).toBe(true);
    expect(registration([], 'Technicians log in to record repairs')).toBe(false);
  });
});

describe('planApp: merging', () => {
  it('folds case, spacing and punctuation', () => {
    const plan = planApp(spec(['game board', 'game-board', 'Game Board', 'GAME  BOARD!']));
    const boards = plan.features.filter((f) => f.archetype === 'entity');
    expect(boards).toHaveLength(1);
    expect(boards[0].requested).toEqual(['game board', 'game-board', 'Game Board', 'GAME  BOARD!']);
  });

  it('merges synonyms of one archetype into one screen', () => {
    const plan = planApp(spec(['settings', 'Settings', 'dark mode', 'login', 'sign in', 'Đăng nhập']));
    expect(plan.features.map((f) => f.archetype)).toEqual(['auth', 'settings']);
    expect(plan.features.find((f) => f.archetype === 'settings')?.names.id).toBe('settings');
  });

  it('always has exactly one settings screen, last', () => {
    for (const features of [[], ['todo'], ['settings', 'theme', 'expenses']]) {
      const plan = planApp(spec(features, { description: 'x' }));
      expect(plan.features.filter((f) => f.archetype === 'settings')).toHaveLength(1);
      expect(plan.features[plan.features.length - 1].archetype).toBe('settings');
    }
  });

  it('gives a chart or search the data of the app, with a screen to enter it', () => {
    const plan = planApp(spec(['statistics'], { description: 'Log my workouts' }));
    const chart = plan.features.find((f) => f.archetype === 'chart');
    expect(chart?.entity).toBe('Workout');
    expect(plan.features.some((f) => f.archetype === 'entity' && f.entity === 'Workout')).toBe(true);
  });
});

describe('planApp: mining the description', () => {
  it('finds features when the list is empty', () => {
    const plan = planApp(spec([], { description: 'A meditation timer with a streak counter and daily reminders' }));
    const kinds = plan.features.map((f) => f.archetype);
    expect(kinds).toContain('timer');
    expect(kinds).toContain('notifications');
    expect(plan.features.filter((f) => f.origin === 'description').length).toBeGreaterThanOrEqual(2);
  });

  it('adds what the description asks for to a thin list', () => {
    const plan = planApp(spec(['expenses'], { description: 'Track expenses, see a monthly chart and search them.' }));
    const kinds = plan.features.map((f) => f.archetype);
    expect(kinds).toEqual(expect.arrayContaining(['entity', 'chart', 'search', 'settings']));
    expect(plan.features.filter((f) => f.archetype === 'entity')).toHaveLength(1);
  });

  it('does not mine a full list', () => {
    const plan = planApp(spec(['todo', 'notes'], { description: 'with a map and a chat' }));
    expect(plan.features.map((f) => f.archetype)).toEqual(['entity', 'entity', 'settings']);
  });

  it('falls back to an entries list when nothing is recognised', () => {
    const plan = planApp(spec([], { description: 'Something nice.' }));
    expect(plan.features.map((f) => f.archetype)).toEqual(['entity', 'settings']);
  });
});

describe('planApp: names', () => {
  it('keeps ids, classes and entity names unique and safe', () => {
    const plan = planApp(spec(['class', 'void', 'Card', 'Text', 'Home', 'App', '123', 'Step 2', 'Step2']));
    const ids = plan.features.map((f) => f.names.id);
    expect(new Set(ids).size).toBe(ids.length);
    const screens = plan.features.map((f) => f.classes.screen);
    expect(new Set(screens).size).toBe(screens.length);
    expect(screens).not.toContain('HomeScreen');
    const entities = plan.entities.map((e) => e.className);
    expect(entities).not.toContain('Card');
    expect(entities).not.toContain('Text');
    expect(entities).toContain('CardEntry');
    for (const entity of plan.entities) expect(entity.className).toMatch(/^[A-Z][A-Za-z0-9]*$/);
  });

  it('names features without Latin letters after their archetype or entity', () => {
    const plan = planApp(spec(['レシピ', 'ログイン']));
    expect(plan.features.map((f) => f.names.id)).toEqual(['recipes', 'sign_in', 'settings']);
    expect(plan.features[0].names.label).toBe('レシピ');
  });
});

describe('planApp: references between mined entities', () => {
  const refs = (name: string, description: string) =>
    planApp(spec([], { name, description })).entities.map((entity) => [
      entity.className,
      entity.titleField,
      entity.fields
        .filter((field) => field.refersTo)
        .map((field) => `${field.name}/${field.column}->${field.refersTo}`),
    ]);

  it('links a dog walk to its walker by id, never as its title', () => {
    expect(refs('Dog Walker', 'Book dog walks with local walkers and pay in the app')).toEqual([
      ['DogWalk', 'title', ['walkerId/walker_id->Walker']],
      ['Walker', 'name', []],
    ]);
  });

  it('links leases and rent payments to their tenant and apartment', () => {
    const plan = refs('Landlord', 'Track tenants, leases and rent payments for my apartments');
    // The table's lease (monthly rent, deposit), for a flat the app lists: the link replaces its typed unit.
    expect(plan).toContainEqual(['Lease', 'title', ['listingId/listing_id->Listing', 'tenantId/tenant_id->Tenant']]);
    expect(plan).toContainEqual([
      'RentPayment',
      'title',
      ['tenantId/tenant_id->Tenant', 'apartmentId/apartment_id->Listing'],
    ]);
  });
});

describe('planApp: fields the description names', () => {
  const fieldsOf = (plan: ReturnType<typeof planApp>, className: string) => {
    const entity = plan.entities.find((e) => e.className === className);
    return {
      from: entity?.fieldsFrom,
      fields: entity?.fields.map((f) => `${f.name}:${f.type}${f.required ? '!' : ''}`),
    };
  };

  it('gives a listed table entity the numbers the description names, instead of the table’s', () => {
    const description = 'Log workouts with sets, reps and weight, see weekly progress charts and set reminders';
    const listed = planApp(spec(['workouts', 'progress chart', 'reminders'], { description }));
    const workout = {
      from: 'domain',
      fields: ['activity:text!', 'sets:int!', 'reps:int', 'weight:decimal', 'date:date!', 'notes:longText'],
    };
    expect(fieldsOf(listed, 'Workout')).toEqual(workout);
    // The same when the workouts are mined from the description itself.
    expect(fieldsOf(planApp(spec([], { description })), 'Workout')).toEqual(workout);
  });

  it('keeps the table’s fields the description repeats, and its money', () => {
    const recipes = planApp(spec(['recipes', 'search'], { description: 'Save recipes with ingredients and steps' }));
    expect(fieldsOf(recipes, 'Recipe').fields).toEqual([
      'name:text!',
      'ingredients:longText!',
      'steps:longText!',
      'minutes:int',
      'servings:int',
    ]);
    const expenses = planApp(spec(['expenses', 'charts'], { description: 'Track expenses with a tip and a rating' }));
    expect(fieldsOf(expenses, 'Expense').fields).toEqual([
      'title:text!',
      'amount:money!',
      'category:text!',
      'date:date!',
      'tip:money',
      'rating:int',
      'note:longText',
    ]);
  });

  it('adds them to a guessed entity, which then says they came from the description', () => {
    const plan = planApp(spec(['climbs', 'stats'], { description: 'Log climbs with grade and attempts' }));
    expect(fieldsOf(plan, 'Climb')).toEqual({
      from: 'description',
      fields: ['name:text!', 'grade:text', 'attempts:int', 'notes:longText', 'date:date'],
    });
  });

  it('books appointments between the people the description names, linked to their records', () => {
    const description = 'Patients book appointments with doctors; doctors see their schedule';
    const plan = planApp(spec(['login', 'appointments', 'doctors', 'calendar'], { description }));
    // Named after the user's word: appointments, not bookings.
    expect(fieldsOf(plan, 'Appointment').fields).toEqual([
      'patient:text!',
      'doctorId:text!',
      'date:dateTime!',
      'phone:phone',
      'notes:longText',
    ]);
    const booking = plan.entities.find((e) => e.className === 'Appointment');
    expect(booking?.titleField).toBe('patient');
    expect(booking?.fields.find((f) => f.name === 'doctorId')?.refersTo).toBe('Doctor');
    // Doctors are people: contact details, and no date to type in.
    expect(fieldsOf(plan, 'Doctor')).toEqual({
      from: 'shape',
      fields: ['name:text!', 'phone:phone', 'email:email', 'notes:longText'],
    });
  });

  it('names the one who books after the subject, and a stylist is a person, not a list', () => {
    const plan = planApp(spec(['bookings', 'stylists'], { description: 'Clients book haircuts with stylists' }));
    expect(fieldsOf(plan, 'Booking').fields?.slice(0, 2)).toEqual(['client:text!', 'stylistId:text!']);
    expect(fieldsOf(plan, 'Stylist').fields).toEqual(['name:text!', 'phone:phone', 'email:email', 'notes:longText']);
    // Without people in the description, a booking keeps the table's customer and service.
    const plain = planApp(spec(['appointments', 'calendar'], { description: 'Book lessons' }));
    expect(fieldsOf(plain, 'Appointment').fields?.slice(0, 2)).toEqual(['customerName:text!', 'service:text!']);
  });
});

describe('planApp: fields of words the table does not know', () => {
  const fieldsOf = (features: string[]) =>
    planApp(spec(features)).entities.map((e) => e.fields.map((f) => `${f.name}:${f.type}${f.required ? '!' : ''}`));

  it('asks no date of a thing that has none of its own', () => {
    expect(fieldsOf(['channels'])[0]).toEqual(['name:text!', 'notes:longText', 'date:date']);
  });

  it('buys what is on a shopping list, packs a kit and ticks off any other list', () => {
    const [shopping, groceries, kit, checklist] = fieldsOf([
      'shopping list',
      'groceries',
      'first aid kit',
      'checklist',
    ]);
    expect(shopping).toContain('bought:bool');
    expect(groceries).toContain('bought:bool');
    expect(kit).toContain('packed:bool');
    expect(checklist).toEqual(['name:text!', 'done:bool', 'notes:longText']);
    expect(fieldsOf(['packing list'])[0]).toContain('packed:bool');
  });
});

describe('backendKind', () => {
  it.each([
    ['', 'none'],
    ['none', 'none'],
    ['local only', 'none'],
    ['firebase', 'firebase'],
    ['Firebase Firestore', 'firebase'],
    ['supabase', 'supabase'],
    ['rest', 'rest'],
    ['custom REST API', 'rest'],
    ['graphql', 'graphql'],
    ['hasura graphql', 'graphql'],
  ])('%j → %s', (backend, kind) => {
    expect(backendKind(backend)).toBe(kind);
  });
});

describe('planApp: apps from descriptions the word tables do not cover', () => {
  function described(name: string, description: string, features: string[] = []) {
    const plan = planApp(spec(features, { name, description }));
    const screens = plan.features.map((f) => `${f.archetype}:${f.entity ?? '-'}:${f.names.label}`);
    const fields = (className: string) =>
      plan.entities
        .find((e) => e.className === className)
        ?.fields.map((f) => `${f.name}:${f.type}${f.required ? '!' : ''}`);
    return { plan, screens, fields };
  }

  interface DescribedApp {
    name: string;
    description: string;
    /** `archetype:entity:title` of every screen, settings last. */
    screens: string[];
    /** `name:type` (`!` = required) of the entities the description names. */
    fields: Record<string, string[]>;
  }

  const apps: ReadonlyArray<[string, DescribedApp]> = [
    [
      'books dog walks on a calendar, with the walker, a price and whether it is paid',
      {
        name: 'Dog Walker',
        description: 'Book dog walks with local walkers and pay in the app',
        screens: ['calendar:DogWalk:Dog walks', 'entity:Walker:Walkers', 'settings:-:Settings'],
        fields: {
          DogWalk: [
            'title:text!',
            'walkerId:text!',
            'date:dateTime!',
            'location:text',
            'price:money!',
            'paid:bool',
            'notes:longText',
          ],
          Walker: ['name:text!', 'phone:phone', 'email:email', 'notes:longText'],
        },
      },
    ],
    [
      'tracks plants, a watering schedule and fertilizer, each record naming its plant',
      {
        name: 'Plant Buddy',
        description: 'Track my plant watering schedule and log fertilizer',
        screens: [
          'entity:Plant:Plants',
          'calendar:PlantWatering:Plant watering schedule',
          'entity:Fertilizer:Fertilizer',
          'settings:-:Settings',
        ],
        fields: {
          PlantWatering: ['title:text!', 'plantId:text!', 'date:date!', 'completed:bool', 'notes:longText'],
          Fertilizer: ['title:text!', 'plantId:text!', 'date:date!', 'amount:decimal', 'notes:longText'],
        },
      },
    ],
    [
      'manages tenants, leases and rent payments for apartments',
      {
        name: 'Landlord',
        description: 'Manage tenants, leases and rent payments for my apartments',
        screens: [
          'entity:Tenant:Tenants',
          'entity:Lease:Leases',
          'entity:RentPayment:Rent payments',
          'entity:Listing:Apartments',
          'settings:-:Settings',
        ],
        fields: {
          Tenant: ['name:text!', 'phone:phone', 'email:email', 'apartmentId:text', 'notes:longText'],
          // Leases are the table's now (monthly rent, deposit; `household-school-rows.spec.ts`).
          RentPayment: [
            'title:text!',
            'tenantId:text!',
            'amount:money!',
            'dueDate:date!',
            'paid:bool',
            'apartmentId:text',
            'note:longText',
          ],
        },
      },
    ],
    [
      'logs climbing routes with the attributes the sentence names',
      {
        name: 'Send It',
        description: 'Log climbing routes I sent with grade and attempts',
        screens: ['entity:ClimbingRoute:Climbing routes', 'settings:-:Settings'],
        fields: { ClimbingRoute: ['name:text!', 'grade:text', 'attempts:int', 'date:date!', 'notes:longText'] },
      },
    ],
    [
      'reads "a book club: books, meetings and votes" as the app and its three lists',
      {
        name: 'Book Club',
        description: 'Organise a book club: books, meetings and votes',
        screens: ['entity:Book:Books', 'entity:Meeting:Meetings', 'entity:Vote:Votes', 'settings:-:Settings'],
        fields: {
          Meeting: ['title:text!', 'date:dateTime!', 'location:text', 'bookId:text', 'notes:longText'],
          Vote: ['voter:text!', 'bookId:text!', 'date:date!'],
        },
      },
    ],
    [
      'keeps Vietnamese labels and links tuition fees to students',
      {
        name: 'Lớp Học',
        description: 'Quản lý lớp học: học sinh, điểm danh và học phí',
        screens: [
          'entity:Student:Học sinh',
          'entity:AttendanceRecord:Điểm danh',
          'entity:TuitionFee:Học phí',
          'settings:-:Cài đặt',
        ],
        fields: {
          TuitionFee: [
            'title:text!',
            'studentId:text!',
            'amount:money!',
            'dueDate:date!',
            'paid:bool',
            'note:longText',
          ],
        },
      },
    ],
    [
      'books padel courts in Spanish: a calendar of court bookings that can be paid',
      {
        name: 'Pádel',
        description: 'Reservar pistas de pádel y pagar',
        screens: ['calendar:PistaPadelBooking:Pistas de pádel', 'settings:-:Ajustes'],
        fields: { PistaPadelBooking: ['pista:text!', 'date:dateTime!', 'price:money!', 'paid:bool', 'notes:longText'] },
      },
    ],
  ];

  it.each(apps)('%s', (_, app) => {
    const { plan, screens, fields } = described(app.name, app.description);
    expect(screens).toEqual(app.screens);
    for (const [className, expected] of Object.entries(app.fields))
      expect([className, fields(className)]).toEqual([className, expected]);
    // Every mined screen says it came from the description; fields the table did not give say so too.
    expect(plan.features.filter((f) => f.archetype !== 'settings').every((f) => f.origin === 'description')).toBe(true);
    const guessed = plan.entities.filter((e) => e.className in app.fields).map((e) => e.fieldsFrom);
    expect(guessed).toEqual(Object.keys(app.fields).map(() => 'description'));
  });

  it('makes no screen of filler words, and no checkout for paying without a shop', () => {
    const { plan } = described('Dog Walker', 'Book dog walks with local walkers and pay in the app');
    expect(plan.features.map((f) => f.names.id)).not.toEqual(expect.arrayContaining(['app', 'local', 'checkout']));
    expect(described('Landlord', 'Manage tenants for my apartments').plan.entities.at(-1)?.fieldsFrom).toBe('domain');
  });

  it('lets the first mined screen carry a vague feature label instead of a record screen of its own', () => {
    const { plan } = described('Book Club', 'Organise a book club: books, meetings and votes', ['Home']);
    expect(plan.features.map((f) => f.entity)).toEqual(['Book', 'Meeting', 'Vote', undefined]);
    expect(plan.features[0].requested).toEqual(['Books', 'Home']);
  });

  it("names the Spanish booking in the user's words", () => {
    expect(described('Pádel', 'Reservar pistas de pádel y pagar').plan.entities[0].label).toBe('Pista de pádel');
  });

  it('books what comes before a final verb (German) and pays for it', () => {
    const { screens, fields } = described('Fahrschule', 'Fahrstunden buchen und bezahlen');
    expect(screens[0]).toBe('calendar:Fahrstunde:Fahrstunden');
    expect(fields('Fahrstunde')).toEqual(expect.arrayContaining(['date:dateTime!', 'price:money!', 'paid:bool']));
  });

  it('offers a checkout, not money fields, when the app sells things', () => {
    const { plan } = described('Candles', 'Sell handmade candles online: products, orders and customers, pay by card');
    expect(plan.features.map((f) => f.archetype)).toContain('checkout');
    expect(plan.features.filter((f) => f.archetype === 'entity').map((f) => f.entity)).toEqual([
      'Product',
      'OrderEntry',
      'Customer',
    ]);
  });

  it('turns a tracked measurement into dated values and a booked person into bookings of them', () => {
    expect(described('Fit', 'Help me track my weight').fields('Weight')).toEqual([
      'label:text!',
      'weight:decimal!',
      'date:date!',
      'notes:longText',
    ]);
    const { screens, fields } = described('Sitters', 'Parents book babysitters and rate them');
    expect(screens).toEqual(expect.arrayContaining(['calendar:BabysitterBooking:Babysitter bookings']));
    expect(fields('BabysitterBooking')).toEqual(expect.arrayContaining(['babysitterId:text!', 'date:dateTime!']));
  });

  it('makes no screen of filler, adverbs, verbs or the places things happen', () => {
    const { screens } = described('Bugs', 'Track bugs reported by testers with severity and status');
    expect(screens).toEqual(['entity:Bug:Bugs', 'entity:Tester:Testers', 'settings:-:Settings']);
    expect(described('Rooms', 'Book meeting rooms at the office').screens).toEqual([
      'calendar:MeetingRoomBooking:Meeting rooms',
      'settings:-:Settings',
    ]);
    expect(described('Anything', 'A simple app for my local stuff').screens).toEqual([
      'entity:Entry:Entries',
      'settings:-:Settings',
    ]);
  });

  it('keeps the number of mined screens sensible and the plan deterministic', () => {
    const long =
      'Track tenants, leases, rent payments, repairs, inspections, contractors, invoices, keys and parking spots';
    const first = planApp(spec([], { name: 'Estate', description: long }));
    expect(first.features.filter((f) => f.origin === 'description').length).toBeLessThanOrEqual(6);
    expect(planApp(spec([], { name: 'Estate', description: long }))).toEqual(first);
  });

  it('says where each entity’s fields came from', () => {
    const plan = planApp(spec(['Expenses', 'volunteers', 'gadgets']));
    expect(Object.fromEntries(plan.entities.map((e) => [e.className, e.fieldsFrom]))).toEqual({
      Expense: 'domain',
      Volunteer: 'shape',
      Gadget: 'default',
    });
  });
});
