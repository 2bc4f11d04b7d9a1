/** What the builtin generator and the QA/security checks know about a job. */
export interface AppSpec {
  slug: string;
  name: string;
  description: string;
  /** Subset of android, ios, web, macos, windows, linux. */
  platforms: string[];
  /** Free text; known styles (modern, material, minimal, playful, corporate, dark, …) map to themes. */
  style: string;
  /** `none` or a backend name such as firebase, supabase, rest, graphql. */
  backend: string;
  /** As requested by the user (may contain spaces, punctuation, non-Latin letters, duplicates). */
  features: string[];
}

/** One file produced by a generator, relative to the directory it is written into. */
export interface GeneratedFile {
  path: string;
  content: string;
}
