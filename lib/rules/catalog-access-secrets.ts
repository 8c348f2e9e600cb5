import type { CatalogEntry } from './categories';

/** Catalog part: general rules about IAM (names where ARNs belong, unknown managed policies, principals, wildcard ARNs) and hard-coded secrets, account IDs, partitions, regions and AMIs. */
export const ACCESS_AND_SECRETS_CATALOG = {} as const satisfies Record<string, CatalogEntry>;
