import type { AppSpec } from '../app-spec';

/** A plain, well-formed spec. */
export function simpleSpec(overrides: Partial<AppSpec> = {}): AppSpec {
  return {
    slug: 'todo-app',
    name: 'Todo App',
    description: 'Keep track of things to do.',
    platforms: ['android', 'ios'],
    style: 'modern',
    backend: 'none',
    features: ['Todo list', 'Profile', 'Search'],
    ...overrides,
  };
}

/** A spec named like a user would name it, its slug derived from the name (backend supabase unless overridden). */
export function namedSpec(
  name: string,
  description: string,
  features: string[],
  overrides: Partial<AppSpec> = {},
): AppSpec {
  return simpleSpec({
    slug: name.toLowerCase().replace(/\W+/g, '-'),
    name,
    description,
    backend: 'supabase',
    features,
    ...overrides,
  });
}

/** Features chosen to break naive generators (escaping, identifiers, collisions). */
export const AWKWARD_FEATURES: readonly string[] = [
  'Đăng nhập',
  '日本語',
  'Auth',
  'auth',
  'todo list',
  `Bob's "quoted" feature`,
  'Price $5 ${x} \\ back\\slash',
  'class',
  'Text',
  'State',
  'Settings',
  'Home',
  'Widget',
  'App',
  'Search',
  'Bottom navigation bar',
  'Step 2',
  'Step2',
  'multi\nline */ comment',
  '   ',
  '',
  '123 go!',
  'tab\there',
];

export function awkwardSpec(overrides: Partial<AppSpec> = {}): AppSpec {
  return {
    slug: 'class',
    name: `It's "${'$'}pecial" \\ app\nwith a newline */`,
    description: `Line one: "quoted" 'single' $money \${interp}\nLine two \\ backslash\r\n# not a heading\ttab \u0000 end`,
    platforms: ['web', 'android', 'evil; rm -rf /', 'IOS'],
    style: 'constructor',
    backend: 'firebase',
    features: [...AWKWARD_FEATURES],
    ...overrides,
  };
}

export function manyFeatures(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `Feature number ${index + 1}`);
}
