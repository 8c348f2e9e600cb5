import { CATEGORIES, SEVERITIES } from '../rules/types';
import { REVIEW_SORTS, REVIEW_STATUSES } from './plan-types';

/** OpenAPI path items of GET/POST /api/reviews, merged into lib/api/openapi.ts. */
const err = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const FILE = {
  type: 'object',
  required: ['path', 'text'],
  additionalProperties: false,
  properties: {
    path: {
      type: 'string',
      minLength: 1,
      maxLength: 300,
      description: 'Relative path, e.g. `lib/TapStack.yml`: no control characters, no leading `/` or drive, no `..`',
    },
    text: { type: 'string', description: 'At most INFRA_REVIEW_MAX_FILE_BYTES (4 MB by default; larger is a 422)' },
  },
};
const NAME = { type: 'string', maxLength: 200, description: 'Shown in the list; derived from the files when absent' };
const CREATE = {
  oneOf: [
    {
      type: 'object',
      required: ['kind', 'reference', 'model'],
      properties: { kind: { const: 'templates' }, name: NAME, reference: FILE, model: FILE },
      description: 'Two CloudFormation templates (.json, .yaml, .yml)',
    },
    {
      type: 'object',
      required: ['kind', 'model'],
      properties: { kind: { const: 'markdown' }, name: NAME, model: FILE, reference: FILE },
      description: 'A markdown answer (.md) against a template, or against the infra/ reference when `reference` is absent',
    },
    {
      type: 'object',
      required: ['kind', 'files'],
      properties: { kind: { const: 'task' }, name: NAME, files: { type: 'array', maxItems: 200, items: FILE } },
      description:
        'A task folder: PROMPT.md, MODEL_RESPONSE.md, IDEAL_RESPONSE.md, optional MODEL_FAILURES.md and metadata.json, the ideal code (lib/TapStack.yml|json, lib/*.ts)',
    },
  ],
};
const COUNTS = {
  type: 'object',
  description: 'Open model findings per category and per severity',
  properties: Object.fromEntries([...CATEGORIES, ...SEVERITIES].map((k) => [k, { type: 'integer' }])),
};
const SUMMARY = {
  type: 'object',
  required: ['id', 'name', 'generatedAt', 'reference', 'model', 'totals', 'kind', 'platform', 'language', 'status', 'analyzed', 'counts'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    generatedAt: { type: 'string', format: 'date-time' },
    reference: { $ref: '#/components/schemas/ArtifactState' },
    model: { $ref: '#/components/schemas/ArtifactState' },
    totals: {
      type: 'object',
      properties: { model: { type: 'integer' }, reference: { type: 'integer' }, acknowledged: { type: 'integer' } },
    },
    kind: { type: 'string', enum: ['bundled', 'templates', 'markdown', 'task'] },
    platform: { type: 'string', description: '`cfn`, `cdk`, `terraform`, ...' },
    language: { type: 'string' },
    status: {
      type: 'string',
      enum: [...REVIEW_STATUSES],
      description: '`partial`: source rules only (e.g. CDK code not synthesized); `unsupported`: platform not supported',
    },
    statusNote: { type: ['string', 'null'] },
    createdAt: { type: ['string', 'null'] },
    createdBy: { type: ['string', 'null'] },
    analyzed: { type: 'boolean', description: 'False until the findings were computed once (imports analyze lazily)' },
    counts: COUNTS,
    coverage: {
      type: ['object', 'null'],
      description: 'Coverage against the human MODEL_FAILURES.md at the last analysis (null without one)',
      properties: { found: { type: 'integer' }, failures: { type: 'integer' }, ratio: { type: 'number' } },
    },
  },
};
const query = (name: string, schema: object, description: string) => ({ name, in: 'query', schema, description });

/** Path items keyed by API path. */
export const reviewsApiPaths = {
  '/api/reviews': {
    get: {
      summary: 'List reviews (viewer+): the bundled review, then stored ones, newest first',
      parameters: [
        query('platform', { type: 'string' }, 'Source platform, e.g. `cfn`, `cdk`'),
        query('language', { type: 'string' }, 'Language, e.g. `yaml`, `json`, `ts`'),
        query('status', { type: 'string', enum: [...REVIEW_STATUSES] }, 'Review status'),
        query('kind', { type: 'string', enum: ['bundled', 'templates', 'markdown', 'task'] }, 'How the review was created'),
        query('category', { type: 'string', enum: [...CATEGORIES] }, 'Only reviews with open model findings in this category'),
        query('severity', { type: 'string', enum: [...SEVERITIES] }, 'Only reviews with open model findings of this severity'),
        query(
          'sort',
          { type: 'string', enum: [...REVIEW_SORTS] },
          'Order stored reviews by creation (default), name, open findings or coverage',
        ),
        query('order', { type: 'string', enum: ['asc', 'desc'] }, 'Sort direction (default: A→Z for name, else largest/newest first)'),
        query('limit', { type: 'integer', minimum: 1, maximum: 1000 }, 'At most this many stored reviews (default 500)'),
        query('offset', { type: 'integer', minimum: 0 }, 'Skip this many stored reviews (the bundled review is listed only at offset 0)'),
      ],
      responses: {
        '200': {
          description: 'Reviews',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['reviews', 'total'],
                properties: {
                  reviews: { type: 'array', items: SUMMARY },
                  total: { type: 'integer', description: 'Reviews matching the filters over all pages' },
                },
              },
            },
          },
        },
        '400': err('Invalid filter'),
        '401': err('Not signed in'),
        '500': err('Unexpected error'),
      },
    },
    post: {
      summary:
        'Create a review (reviewer+) from two templates, a markdown answer, or a task folder’s files; it is analyzed before the answer',
      requestBody: { required: true, content: { 'application/json': { schema: CREATE } } },
      responses: {
        '201': {
          description: '`{review}`: the new review’s summary',
          content: { 'application/json': { schema: { type: 'object', required: ['review'], properties: { review: SUMMARY } } } },
        },
        '400': err('Invalid body, or a task without MODEL_RESPONSE.md or reference (nothing is stored)'),
        '401': err('Not signed in'),
        '403': err('Role too low, or a cross-site cookie write'),
        '413': err('Body over INFRA_REVIEW_MAX_BODY_BYTES (8 MB by default)'),
        '422': err('A file or template over an input limit (size, nesting, resources); `details` names it (nothing is stored)'),
      },
    },
  },
};

const ID = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** Rename and delete of one stored review, merged into the `/api/reviews/{id}` path item. */
export const reviewChangeOperations = {
  patch: {
    summary: 'Rename a stored review (reviewer+, audited)',
    parameters: [ID],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 200 } } },
        },
      },
    },
    responses: {
      '200': { description: '`{review:{id,name}}`' },
      '400': err('Invalid body'),
      '401': err('Not signed in'),
      '403': err('Role too low'),
      '404': err('No such review'),
      '409': err('The bundled review cannot be renamed'),
    },
  },
  delete: {
    summary: 'Delete a stored review and its acknowledgements (reviewer+, audited); refused while it has audit sessions',
    parameters: [ID],
    responses: {
      '200': { description: '`{deleted:{id,name,acknowledgements}}`' },
      '401': err('Not signed in'),
      '403': err('Role too low'),
      '404': err('No such review'),
      '409': err('The bundled review, or a review with audit sessions (their verdicts are the audit record)'),
    },
  },
};
