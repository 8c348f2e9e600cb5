import { CATEGORIES } from '../rules/types';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Review id (`bundled` for the bundled review)',
};
const errors = {
  '401': json(ref('Error'), 'Not signed in'),
  '404': json(ref('Error'), 'Unknown review'),
  '500': json(ref('Error'), 'Unexpected error'),
};
const strings = { type: 'array', items: { type: 'string' } };

/** Schemas of the coverage and export routes (they refer to ReviewFinding and Error of the main document). */
export const coverageApiSchemas = {
  HumanFailure: {
    type: 'object',
    required: ['id', 'category', 'title', 'text', 'resources', 'properties', 'problems'],
    properties: {
      id: { type: 'string', description: '`<category>-<n>`' },
      category: { type: 'string', enum: [...CATEGORIES] },
      title: { type: 'string' },
      text: { type: 'string' },
      resources: { ...strings, description: 'Logical IDs, construct names and resource types (`AWS::…`) the failure names' },
      properties: {
        ...strings,
        description: 'Property names and paths, IAM actions, environment variables, identifiers and values it names',
      },
      problems: {
        ...strings,
        description: 'Problems of the problem vocabulary it names (`encryption`, `dlq`, `retention`, `output`, `naming`, …)',
      },
    },
  },
  CoverageNumbers: {
    type: 'object',
    required: ['failures', 'found', 'missed', 'unlisted', 'coverage'],
    properties: {
      failures: { type: 'integer' },
      found: { type: 'integer' },
      missed: { type: 'integer' },
      unlisted: { type: 'integer' },
      coverage: { type: 'number', description: 'found / failures (1 when the human listed none)' },
    },
  },
  ReviewCoverage: {
    type: 'object',
    required: ['reviewId', 'humanReview', 'failures', 'unread', 'result', 'numbers'],
    properties: {
      reviewId: { type: 'string' },
      humanReview: { type: ['string', 'null'], description: 'Where the human MODEL_FAILURES.md came from; null when the review has none' },
      failures: { type: 'array', items: ref('HumanFailure') },
      unread: { ...strings, description: 'Passages of the human review that belong to no failure' },
      result: {
        oneOf: [
          {
            type: 'object',
            required: ['found', 'missed', 'unlisted', 'coverage'],
            properties: {
              found: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { failure: ref('HumanFailure'), findings: { type: 'array', items: ref('ReviewFinding') } },
                },
              },
              missed: { type: 'array', items: ref('HumanFailure') },
              unlisted: { type: 'array', items: ref('ReviewFinding') },
              coverage: { type: 'number' },
            },
          },
          { type: 'null' },
        ],
      },
      numbers: { oneOf: [ref('CoverageNumbers'), { type: 'null' }] },
    },
  },
};

/** The coverage and export routes of a review, and coverage over all reviews. */
export const coverageApiPaths = {
  '/api/coverage': {
    get: {
      summary:
        "Coverage over every review that has a human MODEL_FAILURES.md (up to 500 stored reviews): summed numbers and each review's (viewer)",
      responses: {
        '200': json(
          {
            type: 'object',
            required: ['total', 'reviews'],
            properties: {
              total: { allOf: [ref('CoverageNumbers'), { type: 'object', properties: { reviews: { type: 'integer' } } }] },
              reviews: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { id: { type: 'string' }, name: { type: 'string' }, numbers: ref('CoverageNumbers') },
                },
              },
            },
          },
          'Coverage over reviews',
        ),
        '401': errors['401'],
        '500': errors['500'],
      },
    },
  },
  '/api/reviews/{id}/coverage': {
    get: {
      summary: 'Coverage of a review against its human MODEL_FAILURES.md: failures found, missed, findings not listed (viewer)',
      parameters: [idParam],
      responses: { '200': json(ref('ReviewCoverage'), 'Coverage (null parts when the review has no human review)'), ...errors },
    },
  },
  '/api/reviews/{id}/export': {
    get: {
      summary:
        'Download a review: SARIF 2.1.0, JUnit XML or MODEL_FAILURES.md of the model-side findings, or the whole review as JSON (viewer)',
      parameters: [
        idParam,
        { name: 'format', in: 'query', required: true, schema: { type: 'string', enum: ['sarif', 'junit', 'md', 'json'] } },
      ],
      responses: {
        '200': {
          description: 'The export, as an attachment (Content-Disposition)',
          content: {
            'application/sarif+json': { schema: { type: 'object' } },
            'application/xml': { schema: { type: 'string' } },
            'text/markdown': { schema: { type: 'string' } },
            'application/json': { schema: ref('Review') },
          },
        },
        '400': json(ref('Error'), 'Unknown format'),
        ...errors,
      },
    },
  },
};
