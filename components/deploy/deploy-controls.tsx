'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { StackEventView } from '@/lib/aws/cloudformation';
import type { DeployPanelState } from '@/lib/deploy/panel';
import type { DeployView } from '@/lib/deploy/types';
import { DeployDecision } from './deploy-decision';
import { DeployDetailDialog } from './deploy-detail';
import { DeployStatusBadge } from './deploy-status';

const FINISHED = new Set(['succeeded', 'failed', 'no_changes', 'cancelled']);

/**
 * The deploy button and the live state of the latest deploy: preview, confirmation, stack events as they arrive
 * (from whichever instance drives it), outcome. Deployers see the controls and always execute a change set they
 * saw; everyone else sees the state and why they cannot deploy.
 */
export function DeployControls({
  initial,
  canDeploy,
  roleNote,
}: {
  initial: DeployPanelState;
  canDeploy: boolean;
  /** Why this visitor has no deploy button; null for deployers. */
  roleNote: string | null;
}) {
  const router = useRouter();
  const [deploy, setDeploy] = useState<DeployView | null>(initial.active ?? initial.deploys[0] ?? null);
  const [events, setEvents] = useState<StackEventView[]>(deploy?.outcome?.events ?? []);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // One token per intended deploy: a double click sends it twice and the server answers with the same deploy.
  const clientToken = useRef(newToken());
  const deployId = useRef(deploy?.id);
  const [detailOpen, setDetailOpen] = useState(false);
  // The deploy this page started: its change set opens by itself once previewed, as the console shows it.
  const startedHere = useRef<string | null>(null);
  const openedFor = useRef<string | null>(null);

  useEffect(() => {
    if (!deploy || deploy.id !== startedHere.current || openedFor.current === deploy.id) return;
    if (deploy.status !== 'awaiting_confirmation') return;
    openedFor.current = deploy.id;
    setDetailOpen(true);
  }, [deploy]);

  useEffect(() => {
    const source = new EventSource('/api/deploys/events');
    source.addEventListener('deploy', (message) => {
      const next = JSON.parse((message as MessageEvent<string>).data) as DeployView | null;
      if (!next) return;
      if (next.id !== deployId.current) setEvents(next.outcome?.events ?? []);
      deployId.current = next.id;
      setDeploy((current) => latest(current, next));
      if (next.outcome) setEvents(next.outcome.events);
      if (FINISHED.has(next.status)) router.refresh();
    });
    source.addEventListener('stack-events', (message) => {
      const { deployId: id, events: fresh } = JSON.parse((message as MessageEvent<string>).data) as {
        deployId: string;
        events: StackEventView[];
      };
      if (id !== deployId.current) return;
      setEvents((current) => mergeEvents(current, fresh));
    });
    return () => source.close();
  }, [router]);

  const inFlight = deploy !== null && !FINISHED.has(deploy.status);
  const blocked = !initial.readiness.deployable;

  async function call(url: string, body?: unknown): Promise<DeployView | null> {
    setPending(true);
    setError(null);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      const json = (await response.json()) as { deploy?: DeployView; error?: { message: string } };
      if (!response.ok || !json.deploy) throw new Error(json.error?.message ?? `HTTP ${response.status}`);
      const answered = json.deploy;
      if (answered.id !== deployId.current) setEvents([]);
      deployId.current = answered.id;
      setDeploy((current) => latest(current, answered));
      return answered;
    } catch (e) {
      setError((e as Error).message);
      return null;
    } finally {
      setPending(false);
    }
  }

  function startDeploy() {
    const token = clientToken.current;
    void call('/api/deploys', { reviewId: initial.reviewId, clientToken: token, execution: 'confirm' }).then((started) => {
      if (started) startedHere.current = started.id;
      clientToken.current = newToken();
    });
  }

  const awaiting = deploy?.status === 'awaiting_confirmation';
  const decision = awaiting && canDeploy && deploy && (
    <DeployDecision
      required={deploy.preview?.approval.required ?? false}
      pending={pending}
      onExecute={() => void call(`/api/deploys/${deploy.id}/confirm`)}
      onCancel={() => void call(`/api/deploys/${deploy.id}/cancel`)}
    />
  );

  return (
    <section data-testid="deploy-controls" className="space-y-3">
      <p className="text-xs text-slate-600">
        Deploys to{' '}
        <span data-testid="deploy-target" className="font-mono text-slate-700">
          {initial.target}
        </span>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        {canDeploy && (
          <button
            type="button"
            data-testid="deploy-button"
            onClick={startDeploy}
            disabled={blocked || inFlight}
            className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:bg-slate-300"
          >
            {inFlight ? 'Deploy in progress…' : 'Deploy reference'}
          </button>
        )}
        {deploy && <DeployStatusBadge status={deploy.status} />}
        {deploy && <span className="text-xs text-slate-600">by {deploy.requestedBy.label}</span>}
      </div>
      {roleNote && (
        <p data-testid="deploy-role-note" className="text-sm text-slate-700">
          {roleNote}
        </p>
      )}
      {blocked && (
        <ul data-testid="deploy-blocked" className="ml-4 list-disc text-sm text-red-800">
          {initial.readiness.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" data-testid="deploy-error" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {deploy?.message && !awaiting && (
        <p data-testid="deploy-message" className={`text-sm ${deploy.status === 'failed' ? 'text-red-800' : 'text-slate-700'}`}>
          {deploy.message}
        </p>
      )}
      {deploy && (deploy.preview || events.length > 0) && (
        <button
          type="button"
          data-testid="deploy-open-detail"
          onClick={() => setDetailOpen(true)}
          className={`rounded-md px-3 py-1.5 text-sm font-medium ring-1 ${
            awaiting ? 'bg-amber-50 text-amber-900 ring-amber-600/40 hover:bg-amber-100' : 'text-slate-800 ring-slate-300 hover:bg-slate-50'
          }`}
        >
          {awaiting ? 'Review change set' : 'Change set and events'}
        </button>
      )}
      {deploy && (
        <DeployDetailDialog deploy={deploy} events={events} open={detailOpen} onClose={() => setDetailOpen(false)} actions={decision} />
      )}
    </section>
  );
}

/** The later state of the same deploy: a response can arrive after the live event that already moved it on. */
function latest(current: DeployView | null, next: DeployView): DeployView {
  if (!current || current.id !== next.id) return next;
  // A finished deploy never moves again; otherwise the later record wins.
  if (FINISHED.has(current.status) && !FINISHED.has(next.status)) return current;
  return next.updatedAt >= current.updatedAt ? next : current;
}

function newToken(): string {
  // getRandomValues works on plain-http origins too, where randomUUID is unavailable.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Current events plus fresh ones, without repeats, newest first. */
function mergeEvents(current: StackEventView[], fresh: StackEventView[]): StackEventView[] {
  const seen = new Set(current.map((event) => event.id));
  return [...current, ...fresh.filter((event) => !seen.has(event.id))].sort((a, b) => b.timestamp.localeCompare(a.timestamp));
}
