import type { CatalogEntry } from './categories';

/** Catalog part: general rules about protections a resource lacks by default (encryption, public access, instance metadata, HTTPS, availability, signals). */
export const PROTECTION_DEFAULTS_CATALOG = {} as const satisfies Record<string, CatalogEntry>;
