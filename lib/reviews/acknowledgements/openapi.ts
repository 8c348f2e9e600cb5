import { RULE_PACK_IDS } from '../../rules/cdk-nag/packs';

// OpenAPI fragments of the acknowledgements API and the `packs` query parameter, merged into lib/api/openapi.ts.
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const id = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Review id (`bundled` for the bundled review)',
};
const ackId = { name: 'ackId', in: 'path', required: true, schema: { type: 'string' } };
const notFound = {
  '404': json(ref('Error'), 'Unknown review or acknowledgement'),
  '401': json(ref('Error'), 'Not signed in'),
  '403': json(ref('Error'), 'Role too low'),
};

/** The `packs` query parameter of GET /api/reviews/{id} and /findings. */
export const packsQueryParam = {
  name: 'packs',
  in: 'query',
  schema: { type: 'string' },
  description: `cdk-nag packs to run, comma-separated: ${RULE_PACK_IDS.join(', ')} (or \`all\`); findings are then deduplicated across sources. Unknown pack → 400.`,
};

/** Schemas: an acknowledgement as served and as created. */
export const acknowledgementApiSchemas = {
  Acknowledgement: {
    type: 'object',
    required: ['id', 'reviewId', 'rule', 'resource', 'reason', 'author', 'createdAt', 'expiresAt', 'expired'],
    properties: {
      id: { type: 'string' },
      reviewId: { type: 'string' },
      rule: {
        type: 'string',
        description: 'Rule id (any merged rule id of a finding; a cdk-nag id without its `[...]` suffix covers all) or `*`',
      },
      resource: { type: 'string', description: 'Logical id or `*`' },
      reason: { type: 'string' },
      author: { type: 'string' },
      authorId: { type: ['string', 'null'] },
      createdAt: { type: 'string', format: 'date-time' },
      expiresAt: { type: ['string', 'null'], format: 'date-time' },
      expired: {
        type: 'boolean',
        description: 'Expired acknowledgements are reported on findings (`expiredAcknowledgements`), not applied',
      },
    },
  },
  NewAcknowledgement: {
    type: 'object',
    required: ['reason'],
    additionalProperties: false,
    description: 'A rule, a resource, or both (not `*` for both)',
    properties: {
      rule: { type: 'string', default: '*' },
      resource: { type: 'string', default: '*' },
      reason: { type: 'string', minLength: 1, maxLength: 2000 },
      expiresAt: { type: 'string', format: 'date-time', description: 'In the future' },
    },
  },
};

/** Path items of the acknowledgements API. */
export const acknowledgementApiPaths = {
  '/api/reviews/{id}/acknowledgements': {
    get: {
      summary: 'Acknowledgements of a review (viewer+)',
      parameters: [id],
      responses: {
        '200': json(
          {
            type: 'object',
            required: ['acknowledgements'],
            properties: { acknowledgements: { type: 'array', items: ref('Acknowledgement') } },
          },
          'Acknowledgements, oldest first',
        ),
        ...notFound,
      },
    },
    post: {
      summary: 'Acknowledge findings of a review by rule and/or resource (reviewer+, audited)',
      parameters: [id],
      requestBody: { required: true, content: { 'application/json': { schema: ref('NewAcknowledgement') } } },
      responses: {
        '201': json({ type: 'object', required: ['acknowledgement'], properties: { acknowledgement: ref('Acknowledgement') } }, 'Created'),
        '400': json(ref('Error'), 'Invalid body or expiry in the past'),
        '422': json(ref('Error'), 'Invalid body'),
        ...notFound,
      },
    },
  },
  '/api/reviews/{id}/acknowledgements/{ackId}': {
    delete: {
      summary: 'Remove an acknowledgement (reviewer+, audited)',
      parameters: [id, ackId],
      responses: { '200': json({ type: 'object', properties: { acknowledgement: ref('Acknowledgement') } }, 'Removed'), ...notFound },
    },
  },
};
