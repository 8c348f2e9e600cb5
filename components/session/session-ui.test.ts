import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { applySessionEvent, viewProgress } from './apply-event';
import { groupVerdictEntries, myGroupVerdict, ruleRowId, unjudgedProblems } from './group-verdicts';
import { MarkdownBody } from './markdown-body';
import type { SessionStreamEvent, SessionView, VerdictView } from './types';

function finding(key: string, side: 'model' | 'reference' = 'model') {
  return {
    key,
    side,
    rule: 'r',
    category: 'syntax',
    severity: 'error',
    title: 't',
    message: key,
    resources: [],
    source: 'infra-review',
  } as unknown as SessionView['findings'][number];
}

function view(): SessionView {
  return {
    session: {
      id: 's1',
      reviewId: 'bundled',
      name: 'n',
      status: 'open',
      requiredSignoffs: 1,
      createdBy: { id: 'u1', label: 'a' },
      createdAt: '',
      closedAt: null,
      referenceHash: 'r',
      modelHash: 'm',
    },
    stale: { referenceChanged: false, modelChanged: false, known: true },
    findings: [finding('k1'), finding('k2'), finding('k3', 'reference')],
    verdicts: {},
    comments: {},
    lineComments: [],
    manualFindings: [],
    signoffs: [],
    progress: { judged: 0, total: 2 },
    presence: [],
    me: { id: 'u1', label: 'a', role: 'reviewer', canEdit: true },
  };
}

function event(type: SessionStreamEvent['type'], data: unknown, key?: string): SessionStreamEvent {
  return { type, sessionId: 's1', key, data, at: '2025-01-01T00:00:00.000Z', eventId: `${type}-${Math.random()}` };
}

function apply(v: SessionView, e: SessionStreamEvent): SessionView {
  const result = applySessionEvent(v, e);
  if (!('view' in result)) throw new Error('expected a view');
  return result.view;
}

describe('applySessionEvent', () => {
  it('upserts a verdict per user, so a repeated event changes nothing and a new verdict replaces the old one', () => {
    const verdict = { userId: 'u2', userLabel: 'b', verdict: 'confirmed', reason: null, updatedAt: '' };
    const once = apply(view(), event('verdict', verdict, 'k1'));
    const twice = apply(once, event('verdict', verdict, 'k1'));
    expect(twice.verdicts.k1).toEqual([verdict]);
    const changed = apply(twice, event('verdict', { ...verdict, verdict: 'false_positive' }, 'k1'));
    expect(changed.verdicts.k1.map((v) => v.verdict)).toEqual(['false_positive']);
  });

  it('adds a comment, a manual finding and a sign-off once each', () => {
    const comment = { id: 'c1', userId: 'u2', userLabel: 'b', body: 'x', createdAt: '' };
    let v = apply(apply(view(), event('comment', comment, 'k1')), event('comment', comment, 'k1'));
    expect(v.comments.k1).toHaveLength(1);
    const manual = {
      id: 'm1',
      category: 'security',
      severity: 'warning',
      title: 't',
      problem: 'p',
      impact: 'i',
      fix: 'f',
      resources: [],
      createdBy: { id: 'u2', label: 'b' },
      createdAt: '',
    };
    v = apply(apply(v, event('manual-finding', manual)), event('manual-finding', manual));
    expect(v.manualFindings).toHaveLength(1);
    const signoff = { userId: 'u2', userLabel: 'b', createdAt: '' };
    v = apply(apply(v, event('signoff', signoff)), event('signoff', signoff));
    expect(v.signoffs).toHaveLength(1);
  });

  it('closes the session read-only and replaces the presence list', () => {
    const closed = apply(view(), event('closed', { status: 'closed', closedAt: '2025-01-02T00:00:00.000Z' }));
    expect(closed.session).toMatchObject({ status: 'closed', closedAt: '2025-01-02T00:00:00.000Z' });
    expect(closed.me.canEdit).toBe(false);
    expect(apply(view(), event('presence', [{ userId: 'u2', userLabel: 'b' }])).presence).toEqual([{ userId: 'u2', userLabel: 'b' }]);
  });

  it('asks for a refetch on an event it cannot apply, and ignores other sessions', () => {
    expect(applySessionEvent(view(), event('verdict', { nonsense: true }, 'k1'))).toEqual({ refetch: true });
    expect(applySessionEvent(view(), event('resync', {}))).toEqual({ refetch: true });
    const other = { ...event('verdict', {}, 'k1'), sessionId: 's2' };
    expect(applySessionEvent(view(), other)).toEqual({ view: view() });
  });
});

describe('viewProgress', () => {
  it('counts model-side and manual findings with a verdict, as the server does', () => {
    const v = view();
    v.verdicts = {
      k1: [{ userId: 'u1', userLabel: 'a', verdict: 'confirmed', reason: null, updatedAt: '' }],
      k3: [{ userId: 'u1', userLabel: 'a', verdict: 'confirmed', reason: null, updatedAt: '' }],
    };
    expect(viewProgress(v)).toEqual({ judged: 1, total: 2 });
  });
});

describe('MarkdownBody', () => {
  it('renders markdown but leaves HTML and script tags as inert text', () => {
    const html = renderToStaticMarkup(
      createElement(MarkdownBody, { text: '**bold** <script>window.__pwned = 1</script> [x](javascript:alert(1))' }),
    );
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('javascript:');
  });
});

describe('a session finding row', () => {
  it('names the stack before the resources in a multi-stack review', async () => {
    const { SessionFindingRow } = await import('./session-finding-row');
    const row = { ...finding('k9'), resources: ['Table'], stack: 'TapStack/DataStack' } as SessionView['findings'][number];
    const html = renderToStaticMarkup(
      createElement(SessionFindingRow, { sessionId: 's1', finding: row, verdicts: [], comments: [], meId: 'u1', canEdit: false }),
    );
    expect(html).toMatch(/data-testid="session-finding-where"[^>]*>TapStack\/DataStack › Table</);
  });
});

describe('group verdicts', () => {
  const v = (userId: string, verdict: VerdictView['verdict']): VerdictView => ({
    userId,
    userLabel: userId,
    verdict,
    reason: null,
    updatedAt: '',
  });

  it('calls my verdict on a group the one I gave every finding, mixed when they differ or some are open, none when I gave none', () => {
    expect(myGroupVerdict(['k1', 'k2'], {}, 'u1')).toBeUndefined();
    expect(myGroupVerdict(['k1', 'k2'], { k1: [v('u1', 'confirmed')], k2: [v('u1', 'confirmed')] }, 'u1')).toBe('confirmed');
    expect(myGroupVerdict(['k1', 'k2'], { k1: [v('u1', 'confirmed')], k2: [v('u1', 'false_positive')] }, 'u1')).toBe('mixed');
    expect(myGroupVerdict(['k1', 'k2'], { k1: [v('u1', 'confirmed')], k2: [v('u2', 'confirmed')] }, 'u1')).toBe('mixed');
  });

  it('counts each participant’s verdicts over the group in the product’s verdict order', () => {
    const entries = groupVerdictEntries(['k1', 'k2', 'k3'], {
      k1: [v('u1', 'false_positive'), v('u2', 'confirmed')],
      k2: [v('u1', 'confirmed')],
      k3: [v('u1', 'confirmed')],
    });
    expect(entries).toEqual([
      {
        userId: 'u1',
        userLabel: 'u1',
        judged: 3,
        counts: [
          { verdict: 'confirmed', count: 2 },
          { verdict: 'false_positive', count: 1 },
        ],
      },
      { userId: 'u2', userLabel: 'u2', judged: 1, counts: [{ verdict: 'confirmed', count: 1 }] },
    ]);
  });

  it('lists the unjudged problems by rule with their open count and anchor, and leaves out reference findings', () => {
    const base = view();
    const problems = unjudgedProblems({ ...base, verdicts: { k1: [v('u1', 'confirmed')] } }, ['syntax']);
    expect(problems).toEqual([{ anchor: ruleRowId('model', 'r'), label: 'r: t', count: 1 }]);
    expect(unjudgedProblems({ ...base, verdicts: { k1: [v('u1', 'confirmed')], k2: [v('u2', 'accepted_risk')] } }, ['syntax'])).toEqual([]);
  });
});
