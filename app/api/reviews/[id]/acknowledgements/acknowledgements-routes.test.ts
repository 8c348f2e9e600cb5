import { describe, expect, it } from 'vitest';
import { testRequest } from '@/lib/audit/test-support';
import { idParams, useRouteTestEnv } from '../../../admin/_test/route-env';
import { listAuditLog } from '@/lib/db/queries/audit-log';
import { getDb } from '@/lib/db/connection';
import { POST as createReview } from '../../route';
import { GET as getFindings } from '../findings/route';
import { GET as getReview } from '../route';
import { DELETE } from './[ackId]/route';
import { GET, POST } from './route';

const env = useRouteTestEnv();
const bucketTemplate = JSON.stringify({ Resources: { Data: { Type: 'AWS::S3::Bucket' } } });
type JsonFinding = { rule: string; rules?: string[]; sources?: string[]; acknowledged?: { reason: string; author?: string } };

async function newReview(): Promise<string> {
  const body = {
    kind: 'templates',
    name: 'acks',
    reference: { path: 'ref.json', text: bucketTemplate },
    model: { path: 'model.json', text: bucketTemplate },
  };
  const response = await createReview(testRequest('POST', '/api/reviews', { cookie: env.users.reviewer }, body));
  expect(response.status).toBe(201);
  return (await response.json()).review.id;
}

async function modelFindings(id: string, query = ''): Promise<JsonFinding[]> {
  const response = await getFindings(
    testRequest('GET', `/api/reviews/${id}/findings?side=model${query}`, { cookie: env.users.viewer }),
    idParams(id),
  );
  expect(response.status).toBe(200);
  return (await response.json()).findings;
}

describe('/api/reviews/{id}/acknowledgements', () => {
  it('acknowledges a cdk-nag rule with reason and author, shows it on the findings, and removes it again (audited)', async () => {
    const id = await newReview();
    expect(
      (await modelFindings(id, '&packs=aws-solutions')).find((f) => f.rules?.includes('AwsSolutions-S10'))?.acknowledged,
    ).toBeUndefined();

    const created = await POST(
      testRequest(
        'POST',
        `/api/reviews/${id}/acknowledgements`,
        { cookie: env.users.reviewer },
        { rule: 'AwsSolutions-S10', resource: 'Data', reason: 'SSL enforced by the org SCP' },
      ),
      idParams(id),
    );
    expect(created.status).toBe(201);
    const { acknowledgement } = await created.json();
    expect(acknowledgement).toMatchObject({
      reviewId: id,
      rule: 'AwsSolutions-S10',
      resource: 'Data',
      author: env.users.reviewer.email,
      expiresAt: null,
      expired: false,
    });

    const s10 = (await modelFindings(id, '&packs=aws-solutions')).find((f) => f.rules?.includes('AwsSolutions-S10'));
    expect(s10?.acknowledged).toMatchObject({ reason: 'SSL enforced by the org SCP', author: env.users.reviewer.email });
    const review = await (
      await getReview(testRequest('GET', `/api/reviews/${id}?packs=aws-solutions`, { cookie: env.users.viewer }), idParams(id))
    ).json();
    expect(review.rulePacks).toEqual(['aws-solutions']);
    expect(review.counts.security.model.acknowledged).toBeGreaterThanOrEqual(1);

    const listed = await (
      await GET(testRequest('GET', `/api/reviews/${id}/acknowledgements`, { cookie: env.users.viewer }), idParams(id))
    ).json();
    expect(listed.acknowledgements.map((a: { id: string }) => a.id)).toEqual([acknowledgement.id]);

    const deleted = await DELETE(
      testRequest('DELETE', `/api/reviews/${id}/acknowledgements/${acknowledgement.id}`, { cookie: env.users.reviewer }),
      { params: Promise.resolve({ id, ackId: acknowledgement.id }) },
    );
    expect(deleted.status).toBe(200);
    expect(
      (await modelFindings(id, '&packs=aws-solutions')).find((f) => f.rules?.includes('AwsSolutions-S10'))?.acknowledged,
    ).toBeUndefined();
    const { entries } = await listAuditLog({ entityType: 'acknowledgement', entityId: acknowledgement.id, limit: 10 }, getDb().db);
    expect(entries.map((e) => e.action).sort()).toEqual(['acknowledgement.create', 'acknowledgement.delete']);
  });

  it('refuses bad input with a 4xx and writes nothing; unknown reviews are 404', async () => {
    const id = await newReview();
    const bad = [
      {},
      { rule: 'A' },
      { rule: 'A', reason: ' ' },
      { reason: 'all of it' },
      { rule: 'A', reason: 'r', expiresAt: '2001-01-01T00:00:00Z' },
      { rule: 'A', reason: 'r', extra: 1 },
      '{"rule":',
    ];
    for (const body of bad) {
      const response = await POST(
        testRequest('POST', `/api/reviews/${id}/acknowledgements`, { cookie: env.users.reviewer }, body),
        idParams(id),
      );
      expect(response.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.status, JSON.stringify(body)).toBeLessThan(500);
    }
    expect(
      (await (await GET(testRequest('GET', `/api/reviews/${id}/acknowledgements`, { cookie: env.users.viewer }), idParams(id))).json())
        .acknowledgements,
    ).toEqual([]);
    const unknown = await POST(
      testRequest('POST', '/api/reviews/r-nope/acknowledgements', { cookie: env.users.reviewer }, { rule: 'A', reason: 'r' }),
      idParams('r-nope'),
    );
    expect(unknown.status).toBe(404);
  });

  it('refuses an unknown pack with 400', async () => {
    const id = await newReview();
    const response = await getFindings(
      testRequest('GET', `/api/reviews/${id}/findings?packs=sox`, { cookie: env.users.viewer }),
      idParams(id),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('sox');
  });
});
