/** OpenAPI path items of the admin and account routes (audit log, settings, users, own API tokens), merged into lib/api/openapi.ts. */
const err = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const ok = (description: string, schema: object = { type: 'object' }) => ({ description, content: { 'application/json': { schema } } });
const body = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });
const denied = { '401': err('Not signed in'), '403': err('Role too low, or a cross-site cookie write') };
const q = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', schema, description });
const id = (description: string) => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description });
const ROLE = { type: 'string', enum: ['viewer', 'reviewer', 'deployer', 'admin'] };
const SCOPE = {
  type: 'string',
  enum: ['read', 'review', 'deploy', 'admin'],
  default: 'read',
  description:
    "What the token may do, never more than its owner's role: read (read-only: every write refused), review (sessions, verdicts, comments, new reviews), deploy (review and deploys), admin (everything the owner may)",
};
const SETTINGS = {
  type: 'object',
  properties: {
    requiredSignoffs: { type: 'integer', minimum: 1, maximum: 10 },
    deployRequiresSignedOffSession: { type: 'boolean' },
    deployApprovalPolicy: { type: 'string', enum: ['never', 'broadening', 'any-change'] },
    referenceNatGateways: { type: 'integer', minimum: 1, maximum: 2 },
  },
};

/** Path items keyed by API path. */
export const adminApiPaths = {
  '/api/audit-log': {
    get: {
      summary: 'The audit log, newest first (admin); `format=jsonl` downloads every matching entry as JSON lines',
      parameters: [
        q('actor', 'Actor user id'),
        q('action', 'e.g. user.create'),
        q('entityType', 'e.g. user, token, setting, session'),
        q('entityId', 'Entity id'),
        q('since', 'ISO timestamp or date, inclusive'),
        q('until', 'ISO timestamp (exclusive) or date (whole day included)'),
        q('limit', 'Page size', { type: 'integer', minimum: 1, maximum: 1000, default: 50 }),
        q('cursor', '`nextCursor` of the previous page', { type: 'integer' }),
        q('format', 'Response format', { type: 'string', enum: ['json', 'jsonl'], default: 'json' }),
      ],
      responses: {
        '200': {
          description: '`{entries, nextCursor}`, or application/x-ndjson',
          content: { 'application/json': { schema: { type: 'object' } }, 'application/x-ndjson': { schema: { type: 'string' } } },
        },
        '400': err('Invalid query'),
        ...denied,
      },
    },
  },
  '/api/settings': {
    get: { summary: 'Settings (admin)', responses: { '200': ok('`{settings}`'), ...denied } },
    put: {
      summary: 'Change some or all settings (admin, audited)',
      requestBody: body(SETTINGS),
      responses: { '200': ok('`{settings}`'), '400': err('Invalid settings'), ...denied },
    },
  },
  '/api/admin/users': {
    get: { summary: 'Users (admin)', responses: { '200': ok('`{users:[{id,email,name,role,createdAt}]}`'), ...denied } },
    post: {
      summary: 'Add a user (admin, audited); without `password` one is generated and returned once',
      requestBody: body({
        type: 'object',
        required: ['email', 'name', 'role'],
        properties: { email: { type: 'string' }, name: { type: 'string' }, role: ROLE, password: { type: 'string', minLength: 12 } },
      }),
      responses: { '201': ok('`{user, password?}`'), '400': err('Invalid user'), '409': err('Email taken'), ...denied },
    },
  },
  '/api/admin/users/{id}': {
    patch: {
      summary: "Change a user's role (admin, audited)",
      parameters: [id('User id')],
      requestBody: body({ type: 'object', required: ['role'], properties: { role: ROLE } }),
      responses: {
        '200': ok('`{user}`'),
        '400': err('Invalid role'),
        '404': err('Unknown user'),
        '409': err('Would demote the last admin'),
        ...denied,
      },
    },
  },
  '/api/account': {
    get: {
      summary: 'The caller: `{user:{id,email,name,role,via,scope}}`; `role` is what the request acts with (a token’s capped by its scope)',
      responses: { '200': ok('`{user}`'), '401': err('Not signed in') },
    },
    patch: {
      summary: "Change the caller's own display name (audited as user.rename)",
      requestBody: body({
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: { name: { type: 'string', minLength: 1, maxLength: 100 } },
      }),
      responses: { '200': ok('`{user}`'), '400': err('Invalid name'), ...denied },
    },
  },
  '/api/tokens': {
    get: {
      summary: "The caller's API tokens, without secrets",
      responses: { '200': ok('`{tokens:[{id,name,start,enabled,scope,createdAt,expiresAt,lastUsedAt}]}`'), ...denied },
    },
    post: {
      summary: 'Create an API token for the caller (audited); `token` is shown only in this response',
      requestBody: body({
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 32 },
          expiresInDays: { type: 'integer', minimum: 1, maximum: 365 },
          scope: SCOPE,
        },
      }),
      responses: {
        '201': ok('`{id, token, scope, expiresAt}`'),
        '400': err('Invalid token request'),
        '401': err('Not signed in'),
        '403': err('A scope above the caller’s rights, a read-only token, or a cross-site cookie write'),
      },
    },
  },
  '/api/tokens/{id}': {
    delete: {
      summary: "Revoke one of the caller's tokens for good (audited; nothing enables it again)",
      parameters: [id('Token id')],
      responses: { '204': { description: 'Revoked' }, '404': err('No such token of the caller'), ...denied },
    },
  },
};
