import { adminApiPaths } from '../admin/openapi';
import { coverageApiPaths, coverageApiSchemas } from '../coverage/openapi';
import { deployApiPaths } from '../deploy/openapi';
import { stackApiPaths, stackApiSchemas } from '../stack/openapi';
import { sessionApiPaths, sessionApiSchemas } from '../audit/openapi';
import { reviewChangeOperations, reviewsApiPaths } from '../reviews/openapi';
import { acknowledgementApiPaths, acknowledgementApiSchemas, packsQueryParam } from '../reviews/acknowledgements/openapi';
import { FINDING_SOURCES } from '../rules/finding';
import { CATEGORIES, SEVERITIES } from '../rules/types';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Review id (`bundled` for the bundled review)',
};
const errors = { '404': json(ref('Error'), 'Unknown review'), '500': json(ref('Error'), 'Unexpected error') };

const schemas = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
      },
    },
  },
  Finding: {
    type: 'object',
    required: ['rule', 'category', 'severity', 'title', 'message', 'resources', 'source'],
    properties: {
      rule: { type: 'string', description: 'Rule id, e.g. `iam-least-privilege`, `cfn-validate/W3005` or `cfn-lint/E3012`' },
      category: { type: 'string', enum: [...CATEGORIES] },
      severity: { type: 'string', enum: [...SEVERITIES] },
      title: { type: 'string' },
      message: { type: 'string' },
      resources: { type: 'array', items: { type: 'string' }, description: 'Logical IDs; empty for source findings' },
      location: { type: 'object', properties: { file: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' } } },
      stack: { type: 'string', description: 'In a review of multi-stack apps: the stack whose template the finding is about' },
      evidence: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            resource: { type: 'string' },
            side: {
              type: 'string',
              enum: ['reference', 'model'],
              description: 'Difference findings: the template the evidence is read from',
            },
            stack: { type: 'string' },
            path: { type: 'string' },
            value: {},
            note: { type: 'string' },
          },
        },
      },
      fix: { type: 'string', description: 'Difference findings: what the reference does (its resource, property and value)' },
      acknowledged: {
        type: 'object',
        required: ['reason'],
        properties: {
          reason: { type: 'string' },
          author: { type: 'string' },
          expiresAt: { type: 'string', format: 'date-time' },
          ackId: { type: 'string' },
        },
      },
      expiredAcknowledgements: {
        type: 'array',
        description: 'Review acknowledgements that matched but expired: reported, not applied',
        items: {
          type: 'object',
          properties: { reason: { type: 'string' }, author: { type: 'string' }, expiresAt: { type: 'string' }, ackId: { type: 'string' } },
        },
      },
      source: { type: 'string', enum: [...FINDING_SOURCES] },
      sources: {
        type: 'array',
        items: { type: 'string', enum: [...FINDING_SOURCES] },
        description: 'After deduplication: every source that reported this problem here',
      },
      rules: { type: 'array', items: { type: 'string' }, description: 'After deduplication: every rule id merged into this finding' },
    },
  },
  ReviewFinding: {
    allOf: [ref('Finding'), { type: 'object', required: ['side'], properties: { side: { type: 'string', enum: ['model', 'reference'] } } }],
  },
  ArtifactState: {
    type: 'object',
    required: ['status', 'label', 'origin'],
    properties: {
      status: { type: 'string', enum: ['ok', 'failed'] },
      label: { type: 'string' },
      origin: { type: 'string' },
      kind: { type: 'string', enum: ['cdk-synthesized', 'template-file', 'markdown'] },
      hash: { type: 'string' },
      resourceCount: { type: 'integer' },
      stage: { type: 'string', enum: ['synthesis', 'parse'] },
      message: { type: 'string' },
      detail: { type: 'string' },
      sources: {
        type: 'array',
        items: { type: 'object', properties: { path: { type: 'string' }, language: { type: 'string' }, lines: { type: 'integer' } } },
      },
      notes: {
        type: 'array',
        items: { type: 'string' },
        description: 'How a markdown answer was read: main template, drafts set aside, blocks that do not parse',
      },
      note: { type: 'string', description: 'What the review could not do for this artifact (e.g. CDK code not synthesized)' },
      synthesis: {
        type: 'object',
        description: 'CDK code whose synthesis failed: only its sources were analyzed; fault "tool" means infra-review, not the answer',
        required: ['stage', 'message', 'fault'],
        properties: {
          stage: { type: 'string' },
          message: { type: 'string' },
          fault: { type: 'string', enum: ['answer', 'tool'] },
          lenient: { type: 'string', description: 'A template was obtained despite the failure (rules ran on it): how it falls short' },
        },
      },
      stacks: {
        type: 'array',
        description: 'A multi-stack app: every stack synthesized, nested ones after their parent',
        items: {
          type: 'object',
          properties: { name: { type: 'string' }, parent: { type: 'string' }, resourceCount: { type: 'integer' } },
        },
      },
    },
  },
  TemplateDiff: {
    type: 'object',
    description: 'Reference (from) to model (to), from @aws-cdk/cloudformation-diff',
    properties: {
      from: { type: 'string' },
      to: { type: 'string' },
      empty: { type: 'boolean' },
      counts: { type: 'object' },
      resources: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            logicalId: { type: 'string' },
            type: { type: 'string' },
            change: { type: 'string', enum: ['added', 'removed', 'updated'] },
            impact: { type: 'string' },
            destructive: { type: 'boolean' },
            properties: {
              type: 'array',
              description: 'Property changes; an updated object or array carries `nested`: [{path, depth, change, before?, after?}]',
              items: { type: 'object' },
            },
            stack: { type: 'string', description: 'Multi-stack apps: the stack (see `stacks`)' },
            modelLogicalId: { type: 'string', description: 'When the model names the resource otherwise (aligned pair): its ID there' },
            pairedBy: {
              type: 'array',
              items: { type: 'string', enum: ['logical-id', 'name', 'properties', 'graph'] },
              description: 'Aligned pair: the signals that paired it',
            },
            pairScore: { type: 'number', description: 'Aligned pair: 0..1' },
            pairEvidence: { type: 'array', items: { type: 'string' } },
          },
        },
      },
      iamStatements: { type: 'object' },
      iamManagedPolicies: { type: 'object' },
      securityGroups: { type: 'object' },
      other: { type: 'array' },
      stacks: {
        type: 'array',
        description: 'Multi-stack apps: the pairs of stacks compared (one diff each, merged here)',
        items: {
          type: 'object',
          properties: {
            from: { type: 'string' },
            to: { type: 'string' },
            pairedBy: { type: 'string', enum: ['name', 'resources', 'only'] },
            stack: { type: 'string' },
            counts: { type: 'object' },
          },
        },
      },
    },
  },
  Review: {
    type: 'object',
    required: ['id', 'name', 'generatedAt', 'reference', 'model', 'findings', 'counts', 'diff'],
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      generatedAt: { type: 'string', format: 'date-time' },
      reference: ref('ArtifactState'),
      model: ref('ArtifactState'),
      findings: { type: 'array', items: ref('ReviewFinding') },
      counts: { type: 'object', description: 'category → side → {error, warning, info, total, acknowledged}' },
      diff: { oneOf: [ref('TemplateDiff'), { type: 'null' }] },
      rulePacks: { type: 'array', items: { type: 'string' }, description: 'cdk-nag packs that ran (when `packs` was given)' },
    },
  },
};

/** The OpenAPI 3.1 document describing every route of the JSON API. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'infra-review API', version: '1.0.0', description: 'Reviews of model-generated AWS CDK stacks against a reference.' },
    paths: {
      '/api/health': {
        get: {
          summary: 'Liveness',
          responses: { '200': json({ type: 'object', properties: { status: { const: 'ok' } } }, 'Server is up') },
        },
      },
      // better-auth's endpoints (app/api/auth/[...all]): the ones the dashboard and scripts use. Every other path under
      // /api/auth (the library's token, user, email, password and session management) is a 404.
      '/api/auth/sign-in/email': {
        post: {
          summary: 'Sign in with email and password (better-auth; rate limited); sets the session cookie',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['email', 'password'],
                  properties: { email: { type: 'string' }, password: { type: 'string' }, rememberMe: { type: 'boolean' } },
                },
              },
            },
          },
          responses: {
            '200': { description: 'Signed in' },
            '400': { description: 'Malformed body' },
            '401': { description: 'Wrong email or password' },
            '403': { description: 'Cross-site request' },
            '429': {
              description:
                'Too many sign-in attempts: per client address (the TCP peer, or the forwarded client behind TRUSTED_PROXIES) or too many failures for the account; `Retry-After` says when to retry',
            },
          },
        },
      },
      '/api/auth/sign-out': {
        post: { summary: 'Sign out (better-auth): ends the session', responses: { '200': { description: 'Signed out' } } },
      },
      '/api/auth/get-session': {
        get: { summary: 'The current session and user, or null (better-auth)', responses: { '200': { description: 'Session or null' } } },
      },
      ...reviewsApiPaths,
      '/api/reviews/{id}': {
        get: {
          summary: 'A whole review',
          parameters: [idParam, packsQueryParam],
          responses: { '200': json(ref('Review'), 'The review'), '400': json(ref('Error'), 'Unknown pack'), ...errors },
        },
        ...reviewChangeOperations,
      },
      '/api/reviews/{id}/findings': {
        get: {
          summary: 'Findings of a review',
          parameters: [
            idParam,
            { name: 'side', in: 'query', schema: { type: 'string', enum: ['model', 'reference'] } },
            { name: 'category', in: 'query', schema: { type: 'string', enum: [...CATEGORIES] } },
            { name: 'rule', in: 'query', description: 'Only the findings of this rule id', schema: { type: 'string', maxLength: 200 } },
            packsQueryParam,
          ],
          responses: {
            '200': json(
              { type: 'object', required: ['findings'], properties: { findings: { type: 'array', items: ref('ReviewFinding') } } },
              'Findings',
            ),
            '400': json(ref('Error'), 'Invalid filter'),
            ...errors,
          },
        },
      },
      '/api/reviews/{id}/diff': {
        get: {
          summary: 'Diff reference → model',
          parameters: [idParam],
          responses: {
            '200': json({ type: 'object', properties: { diff: { oneOf: [ref('TemplateDiff'), { type: 'null' }] } } }, 'Diff'),
            ...errors,
          },
        },
      },
      ...coverageApiPaths,
      ...acknowledgementApiPaths,
      ...adminApiPaths,
      ...deployApiPaths,
      ...stackApiPaths,
      ...sessionApiPaths,
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': json({ type: 'object' }, 'OpenAPI document') } } },
    },
    components: { schemas: { ...schemas, ...sessionApiSchemas, ...stackApiSchemas, ...coverageApiSchemas, ...acknowledgementApiSchemas } },
  };
}
