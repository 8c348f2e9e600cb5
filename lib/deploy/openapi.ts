/** OpenAPI path items of the deploy routes, merged into lib/api/openapi.ts. */
const err = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const denied = { '401': err('Not signed in'), '403': err('Role too low, or a cross-site cookie write') };
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'Deploy id' };
const DEPLOY_REQUEST = {
  type: 'object',
  required: ['clientToken'],
  additionalProperties: false,
  properties: {
    reviewId: { type: 'string', default: 'bundled', description: 'Review whose reference is deployed' },
    clientToken: {
      type: 'string',
      pattern: '^[A-Za-z0-9-]{8,64}$',
      description:
        "Idempotency key: the same user's repeated request with it returns the same deploy; another user's is refused (409, `details.reason: client_token_taken`)",
    },
    execution: {
      type: 'string',
      enum: ['policy', 'confirm'],
      default: 'policy',
      description:
        '`policy`: execute right after the preview when the approval policy needs no confirmation; `confirm`: always wait for POST /api/deploys/{id}/confirm',
    },
  },
};
const decision = (summary: string) => ({
  post: {
    summary,
    parameters: [id],
    responses: { '200': ok('`{deploy}`'), '404': err('Unknown deploy'), '409': err('The deploy is not awaiting confirmation'), ...denied },
  },
});

/** Path items keyed by API path. */
export const deployApiPaths = {
  '/api/deploys': {
    get: {
      summary: "The target's recent deploys, the one in flight, and whether the reference can be deployed (viewer+)",
      responses: { '200': ok('`{target, reviewId, readiness, active, deploys}`'), ...denied },
    },
    post: {
      summary:
        'Deploy the reference (deployer+): creates a change set, previews it, executes it (after confirmation when the approval policy asks)',
      requestBody: { required: true, content: { 'application/json': { schema: DEPLOY_REQUEST } } },
      responses: {
        '202': ok('`{deploy}`: a new deploy, status `creating_change_set`'),
        '200': ok('`{deploy}`: the deploy this client token (yours) already started'),
        '400': err('Invalid body'),
        '409': err("Another deploy holds the stack (`details.holder` says who), or the client token is another user's"),
        '413': err('Body over 4 KB'),
        '422': err('The reference cannot be deployed: `details.reasons`'),
        ...denied,
      },
    },
  },
  '/api/deploys/{id}': {
    get: {
      summary: 'One deploy with its preview and outcome (viewer+)',
      parameters: [id],
      responses: { '200': ok('`{deploy}`'), '404': err('Unknown deploy'), ...denied },
    },
  },
  '/api/deploys/{id}/confirm': decision('Confirm a previewed deploy and execute its change set (deployer+)'),
  '/api/deploys/{id}/cancel': decision('Cancel a previewed deploy: delete its change set, release the stack (deployer+)'),
  '/api/deploys/events': {
    get: {
      summary: 'Deploy updates and stack events as Server-Sent Events (viewer+): `ready`, `deploy`, `stack-events`, `resync`',
      responses: {
        '200': { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
        ...denied,
      },
    },
  },
};
