export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62})$/;

export function isValidSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/** A slug from free text: ASCII lower-case words joined by hyphens (may be empty). */
export function slugify(text: string, maxLength = 50): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}
