/** How much input one review may carry; each bound is read once from its environment variable. */
export interface InputLimits {
  /** Largest request body of POST /api/reviews (`INFRA_REVIEW_MAX_BODY_BYTES`). */
  bodyBytes: number;
  /** Largest text of one file or template (`INFRA_REVIEW_MAX_FILE_BYTES`). */
  fileBytes: number;
  /** Most resources in one template (`INFRA_REVIEW_MAX_RESOURCES`). */
  resources: number;
  /** Deepest nesting of arrays and objects in one template (`INFRA_REVIEW_MAX_DEPTH`). */
  depth: number;
}

/** The environment variable of each limit, named in refusals so that an operator knows what to raise. */
export const LIMIT_VARIABLES: Record<keyof InputLimits, string> = {
  bodyBytes: 'INFRA_REVIEW_MAX_BODY_BYTES',
  fileBytes: 'INFRA_REVIEW_MAX_FILE_BYTES',
  resources: 'INFRA_REVIEW_MAX_RESOURCES',
  depth: 'INFRA_REVIEW_MAX_DEPTH',
};

// The corpus's largest file is 170 KB and its largest template has a few hundred resources; CloudFormation itself
// deploys at most 500 resources per stack. The defaults leave room for generated stress pairs (5,000 resources).
const DEFAULTS: InputLimits = { bodyBytes: 8 * 1024 * 1024, fileBytes: 4 * 1024 * 1024, resources: 5000, depth: 64 };

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}

/** The limits in force: each environment variable when set (a positive integer, else this throws), else its default. */
export function inputLimits(): InputLimits {
  return {
    bodyBytes: positiveInteger(LIMIT_VARIABLES.bodyBytes, DEFAULTS.bodyBytes),
    fileBytes: positiveInteger(LIMIT_VARIABLES.fileBytes, DEFAULTS.fileBytes),
    resources: positiveInteger(LIMIT_VARIABLES.resources, DEFAULTS.resources),
    depth: positiveInteger(LIMIT_VARIABLES.depth, DEFAULTS.depth),
  };
}

/** A byte count as people read it: `300 bytes`, `512 KB`, `7.9 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}
