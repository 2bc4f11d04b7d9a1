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
    ['search', ['Search', 'filter products', 'Tìm kiếm', 'búsqueda', 'Suche', '検索']],
    ['map', ['Map', 'nearby stores', 'location', 'Bản đồ', 'mapa', 'Karte', '地図']],
    ['camera', ['Camera', 'photo upload', 'image gallery', 'Chụp ảnh', 'fotos', 'カメラ']],
    ['timer', ['Pomodoro', 'countdown', 'stopwatch', 'timer', 'Đếm ngược', 'temporizador', 'タイマー']],
    ['chat', ['Chat', 'messages', 'inbox', 'Tin nhắn', 'mensajes', 'チャット']],
    ['calendar', ['Calendar', 'booking', 'appointments', 'Đặt lịch', 'reservas', 'カレンダー']],
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
    expect(entities.Gadget).toEqual(['title:text', 'notes:longText', 'date:date']);
    expect(plan.features.filter((f) => f.archetype === 'entity').map((f) => f.entity)).toEqual([
      'Expense',
      'WorkOrder',
      'Recipe',
      'Task',
      'Gadget',
    ]);
  });

  it('asks for registration only when the words say so', () => {
    expect(planApp(spec(['login'])).features[0].options.registration).toBe(false);
    expect(planApp(spec(['login', 'sign up'])).features[0].options.registration).toBe(true);
    expect(planApp(spec(['register'])).features[0].options.registration).toBe(true);
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
