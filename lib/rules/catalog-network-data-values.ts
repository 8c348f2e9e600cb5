import type { CatalogEntry } from './categories';

/** Catalog part: general rules about networking (routes, open admin ports, NAT placement), stateful data (retention policies, deletion protection, backups) and values CloudFormation or the service rejects. */
export const NETWORK_DATA_VALUES_CATALOG = {} as const satisfies Record<string, CatalogEntry>;
