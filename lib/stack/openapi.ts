/** OpenAPI path items and schemas of the deployed-stack routes, merged into lib/api/openapi.ts. */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const denied = { '401': ok('Not signed in', ref('Error')), '403': ok('Role too low', ref('Error')) };
const str = { type: 'string' };
const nullable = (type: string) => ({ type: [type, 'null'] });
const obj = (properties: Record<string, object>, required = Object.keys(properties)) => ({ type: 'object', required, properties });

/** Component schemas the deployed-stack routes refer to. */
export const stackApiSchemas = {
  StackEvent: obj(
    {
      id: str,
      timestamp: { ...str, format: 'date-time' },
      logicalId: str,
      physicalId: str,
      resourceType: str,
      status: str,
      reason: str,
      failed: { type: 'boolean', description: 'A failure, or the rollback a failure started' },
    },
    ['id', 'timestamp', 'logicalId', 'resourceType', 'status', 'failed'],
  ),
  DeployedStack: {
    description:
      '`not-deployed`; `ok` with the stack as CloudFormation describes it; or `unavailable` with the reason (endpoint down, credentials refused, ...)',
    oneOf: [
      obj({ status: { const: 'not-deployed' } }),
      obj({
        status: { const: 'ok' },
        stackStatus: str,
        reason: nullable('string'),
        lastUpdated: { ...str, format: 'date-time' },
        outputs: { type: 'array', items: obj({ key: str, value: str, description: str, exportName: str }, ['key', 'value']) },
        resourceCount: { ...nullable('integer'), description: 'Null when ListStackResources failed (see problems)' },
      }),
      obj({ status: { const: 'unavailable' }, message: str }),
    ],
  },
  DeployedView: obj({
    target: obj({ kind: { type: 'string', enum: ['endpoint', 'account'] }, endpoint: str, region: str, stackName: str, profile: str }, [
      'kind',
      'region',
      'stackName',
    ]),
    emulator: {
      description: 'What serves a custom endpoint (`moto` with the types it only records, or `unknown-endpoint`); null on AWS',
      oneOf: [{ type: 'object' }, { type: 'null' }],
    },
    stack: ref('DeployedStack'),
    drift: {
      description: 'Reference (from) → deployed (to); null when nothing is deployed or the reference failed',
      oneOf: [ref('TemplateDiff'), { type: 'null' }],
    },
    deployDiff: {
      description: 'Deployed (from) → reference (to): what a deploy of the reference would change; null exactly when drift is',
      oneOf: [ref('TemplateDiff'), { type: 'null' }],
    },
    inSync: { type: 'boolean', description: 'The drift is empty' },
    events: { type: 'array', items: ref('StackEvent'), description: 'Newest first' },
    analysis: {
      type: 'string',
      enum: ['analyzed', 'not-deployed', 'unavailable'],
      description: 'Whether deployedFindings describe a deployed template',
    },
    deployedFindings: { type: 'array', items: { allOf: [ref('Finding'), obj({ side: { const: 'deployed' } })] } },
    counts: { type: 'object', description: 'category → {error, warning, info, total, acknowledged} of deployedFindings' },
    problems: { type: 'array', items: str, description: 'Secondary reads that failed (events, resources, template, reference)' },
    generatedAt: { ...str, format: 'date-time' },
  }),
};

/** Path items keyed by API path. */
export const stackApiPaths = {
  '/api/stack': {
    get: {
      summary:
        'The deployed stack of the bundled review (viewer+): status, outputs, drift from the reference, events, the rules on its template; AWS failures are reported in the body, not as errors',
      responses: { '200': ok('The deployed view', ref('DeployedView')), ...denied, '500': ok('Unexpected error', ref('Error')) },
    },
  },
  '/api/stack/events': {
    get: {
      summary: "The deployed stack's events, newest first; empty when the stack does not exist (viewer+)",
      responses: {
        '200': ok('`{events}`', obj({ events: { type: 'array', items: ref('StackEvent') } })),
        ...denied,
        '502': ok('CloudFormation could not be reached or refused the credentials', ref('Error')),
      },
    },
  },
};
