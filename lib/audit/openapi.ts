import { VERDICT_VALUES } from '../db/schema';
/** OpenAPI path items and schemas of the audit session routes, merged into lib/api/openapi.ts. */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const err = (description: string) => ok(description, ref('Error'));
const body = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });
const str = { type: 'string' };
const obj = (properties: Record<string, object>, required = Object.keys(properties)) => ({ type: 'object', required, properties });
const sid = { name: 'sid', in: 'path', required: true, schema: str, description: 'Audit session id' };
const key = {
  name: 'key',
  in: 'path',
  required: true,
  schema: str,
  description: 'Finding key (SessionView.findings[].key, or a manual finding id)',
};
const denied = { '401': err('Not signed in'), '403': err('Role too low, or a cross-site cookie write') };
const writeErrors = {
  ...denied,
  '400': err('Malformed JSON or invalid fields'),
  '404': err('Unknown session or finding key'),
  '409': err('The session is closed (conflict:closed)'),
  '413': err('Body over 64 KB'),
};
const userRef = obj({ id: str, label: str });
const userRow = { userId: str, userLabel: str };
const VERDICT = { type: 'string', enum: [...VERDICT_VALUES] };
const SIDE = { type: 'string', enum: ['model', 'reference'] };

/** Component schemas the session routes refer to. */
export const sessionApiSchemas = {
  SessionInfo: obj({
    id: str,
    reviewId: str,
    name: str,
    status: { type: 'string', enum: ['open', 'closed'] },
    requiredSignoffs: { type: 'integer' },
    createdBy: userRef,
    createdAt: str,
    closedAt: { type: ['string', 'null'] },
    referenceHash: str,
    modelHash: str,
  }),
  Progress: obj({ judged: { type: 'integer' }, total: { type: 'integer' } }),
  Verdict: obj({ ...userRow, verdict: VERDICT, reason: { type: ['string', 'null'] }, updatedAt: str }),
  Comment: obj({ id: str, ...userRow, body: { ...str, description: 'Markdown exactly as written: render it inert' }, createdAt: str }),
  ManualFinding: obj({
    id: str,
    category: str,
    severity: str,
    title: str,
    problem: str,
    impact: str,
    fix: str,
    resources: { type: 'array', items: str },
    createdBy: userRef,
    createdAt: str,
  }),
  Signoff: obj({ ...userRow, createdAt: str }),
  LineComment: obj({ id: str, ...userRow, side: SIDE, file: str, line: { type: 'integer', minimum: 1 }, body: str, createdAt: str }),
  SessionView: obj({
    session: ref('SessionInfo'),
    stale: obj({ referenceChanged: { type: 'boolean' }, modelChanged: { type: 'boolean' }, known: { type: 'boolean' }, message: str }, [
      'referenceChanged',
      'modelChanged',
      'known',
    ]),
    findings: {
      type: 'array',
      items: { allOf: [ref('ReviewFinding'), obj({ key: str })] },
      description: 'The pinned review findings, both sides',
    },
    verdicts: { type: 'object', additionalProperties: { type: 'array', items: ref('Verdict') } },
    comments: { type: 'object', additionalProperties: { type: 'array', items: ref('Comment') } },
    lineComments: { type: 'array', items: ref('LineComment') },
    manualFindings: { type: 'array', items: ref('ManualFinding') },
    signoffs: { type: 'array', items: ref('Signoff') },
    progress: ref('Progress'),
    presence: { type: 'array', items: obj(userRow) },
    me: obj({ id: str, label: str, role: str, canEdit: { type: 'boolean' } }),
  }),
  SessionEvent: {
    ...obj(
      {
        type: { type: 'string', enum: ['verdict', 'comment', 'line-comment', 'manual-finding', 'signoff', 'closed', 'presence'] },
        sessionId: str,
        key: str,
        data: {},
        at: str,
        eventId: str,
      },
      ['type', 'sessionId', 'data', 'at', 'eventId'],
    ),
    description:
      'SSE frame `id: <eventId>\\nevent: <type>\\ndata: <this object as JSON>`; `data` is the changed row as SessionView shows it',
  },
};

/** Path items of the session routes, keyed by API path. */
export const sessionApiPaths = {
  '/api/reviews/{id}/sessions': {
    get: {
      summary: "The review's audit sessions, newest first, with progress (viewer+)",
      parameters: [{ name: 'id', in: 'path', required: true, schema: str }],
      responses: {
        '200': ok(
          'Sessions',
          obj({
            sessions: {
              type: 'array',
              items: { allOf: [ref('SessionInfo'), obj({ progress: ref('Progress'), signoffs: { type: 'integer' } })] },
            },
          }),
        ),
        ...denied,
      },
    },
    post: {
      summary: 'Open an audit session that pins the review as it is now (reviewer+)',
      parameters: [{ name: 'id', in: 'path', required: true, schema: str }],
      requestBody: body(
        obj({ name: { ...str, minLength: 1, maxLength: 120 }, requiredSignoffs: { type: 'integer', minimum: 1, maximum: 10 } }, ['name']),
      ),
      responses: {
        '201': ok('The new session', obj({ session: ref('SessionInfo') })),
        ...writeErrors,
        '404': err('Unknown review'),
        '422': err('An artifact of the review failed'),
      },
    },
  },
  '/api/sessions/{sid}': {
    get: {
      summary: 'The whole session (viewer+)',
      parameters: [sid],
      responses: { '200': ok('The session', ref('SessionView')), ...denied, '404': err('Unknown session') },
    },
  },
  '/api/sessions/{sid}/events': {
    get: {
      summary:
        'Live events as Server-Sent Events (viewer+): `ready`, then verdict, comment, line-comment, manual-finding, signoff, closed, presence; `resync` when events may have been missed; `: ping` every 15 s',
      parameters: [sid],
      responses: {
        '200': { description: 'Event stream', content: { 'text/event-stream': { schema: ref('SessionEvent') } } },
        ...denied,
        '404': err('Unknown session'),
      },
    },
  },
  '/api/sessions/{sid}/export': {
    get: {
      summary: 'Download the report (viewer+): MODEL_FAILURES.md in the seed format, or JSON',
      parameters: [sid, { name: 'format', in: 'query', schema: { type: 'string', enum: ['md', 'json'], default: 'md' } }],
      responses: {
        '200': {
          description: 'Attachment',
          content: { 'text/markdown': { schema: str }, 'application/json': { schema: { type: 'object' } } },
        },
        '400': err('A format other than md or json'),
        ...denied,
        '404': err('Unknown session'),
      },
    },
  },
  '/api/sessions/{sid}/findings/{key}/verdict': {
    put: {
      summary: "Record the caller's verdict on a finding (reviewer+)",
      parameters: [sid, key],
      requestBody: body(obj({ verdict: VERDICT, reason: { type: ['string', 'null'], maxLength: 2000 } }, ['verdict'])),
      responses: { '200': ok('The verdict', obj({ key: str, verdict: ref('Verdict') })), ...writeErrors },
    },
  },
  '/api/sessions/{sid}/verdicts': {
    put: {
      summary: "Record the caller's one verdict on many findings (a rule's, a category's) in one transaction, all or nothing (reviewer+)",
      parameters: [sid],
      requestBody: body(
        obj({ keys: { type: 'array', items: str, minItems: 1, maxItems: 2000 }, verdict: VERDICT, reason: { type: ['string', 'null'] } }, [
          'keys',
          'verdict',
        ]),
      ),
      responses: {
        '200': ok(
          'Every verdict, and how many changed',
          obj({ verdicts: { type: 'array', items: obj({ key: str, verdict: ref('Verdict') }) }, changed: { type: 'integer' } }),
        ),
        ...writeErrors,
        '404': err('Unknown session, or keys naming no finding (details.keys); nothing was written'),
      },
    },
  },
  '/api/sessions/{sid}/line-comments': {
    get: {
      summary: "The session's comments on lines of its review's files, oldest first (viewer+)",
      parameters: [sid],
      responses: {
        '200': ok('Line comments', obj({ lineComments: { type: 'array', items: ref('LineComment') } })),
        ...denied,
        '404': err('Unknown session'),
      },
    },
    post: {
      summary: 'Comment on a line of a file of the review (`/review/{id}/source?side=&file=#L<line>`) in markdown (reviewer+)',
      parameters: [sid],
      requestBody: body(
        obj({ side: SIDE, file: str, line: { type: 'integer', minimum: 1 }, body: { ...str, minLength: 1, maxLength: 10000 } }),
      ),
      responses: {
        '201': ok('The comment', obj({ lineComment: ref('LineComment') })),
        ...writeErrors,
        '400': err('Invalid fields, or a line past the end of the file'),
        '404': err('Unknown session, or a file the review does not hold on that side'),
      },
    },
  },
  '/api/sessions/{sid}/findings/{key}/comments': {
    post: {
      summary: 'Comment on a finding in markdown (reviewer+)',
      parameters: [sid, key],
      requestBody: body(obj({ body: { ...str, minLength: 1, maxLength: 10000 } })),
      responses: { '201': ok('The comment', obj({ key: str, comment: ref('Comment') })), ...writeErrors },
    },
  },
  '/api/sessions/{sid}/manual-findings': {
    post: {
      summary: 'Add a finding the rules missed (reviewer+); it is judged under its id as key',
      parameters: [sid],
      requestBody: body(
        obj({ category: str, severity: str, title: str, problem: str, impact: str, fix: str, resources: { type: 'array', items: str } }, [
          'category',
          'severity',
          'title',
          'problem',
          'impact',
          'fix',
        ]),
      ),
      responses: { '201': ok('The finding', obj({ manualFinding: ref('ManualFinding') })), ...writeErrors },
    },
  },
  '/api/sessions/{sid}/signoffs': {
    post: {
      summary: 'Sign the session off (reviewer+); the last required sign-off closes it',
      parameters: [sid],
      requestBody: { required: false, content: { 'application/json': { schema: obj({}) } } },
      responses: {
        '201': ok('The sign-off', obj({ signoff: ref('Signoff'), signoffs: { type: 'integer' }, session: ref('SessionInfo') })),
        ...writeErrors,
        '409': err('Closed, or already signed off'),
      },
    },
  },
};
