import type { Generated, Insertable, Selectable } from 'kysely';

// Timestamps are ISO 8601 UTC text from `new Date().toISOString()` (fixed width, so text order is time order)
// and JSON columns are text, so both dialects store and return exactly the same values.

/** An ISO 8601 UTC timestamp, e.g. `2025-01-31T12:00:00.000Z`. */
export type IsoTimestamp = string;

/** A JSON document serialized with `JSON.stringify`. */
export type JsonText = string;

/** Audit session lifecycle: a closed session is read-only. */
export type SessionStatus = 'open' | 'closed';

/**
 * Every judgement a participant can give a finding, in the order the UI offers them: the one list the API, the UI
 * and the queries use (the CHECK constraint of migration 001 keeps its own copy: a migration never changes).
 */
export const VERDICT_VALUES = ['confirmed', 'false_positive', 'accepted_risk', 'needs_discussion'] as const;
/** One verdict. */
export type VerdictValue = (typeof VERDICT_VALUES)[number];

/** App-wide settings as JSON values keyed by name. */
export interface SettingsTable {
  key: string;
  value: JsonText;
  updated_at: IsoTimestamp;
  updated_by: string | null;
}

/** A team's review of one review's artifacts, pinned by their hashes. */
export interface AuditSessionsTable {
  id: string;
  review_id: string;
  name: string;
  reference_hash: string;
  model_hash: string;
  status: SessionStatus;
  required_signoffs: Generated<number>;
  created_by: string;
  created_at: IsoTimestamp;
  closed_at: IsoTimestamp | null;
}

/** One verdict per user per finding per session. */
export interface VerdictsTable {
  session_id: string;
  finding_key: string;
  user_id: string;
  verdict: VerdictValue;
  reason: string | null;
  updated_at: IsoTimestamp;
}

/** A markdown comment on a finding. */
export interface CommentsTable {
  id: string;
  session_id: string;
  finding_key: string;
  user_id: string;
  body: string;
  created_at: IsoTimestamp;
}

/** A comment on one line of a file of the session's review (a template, markdown answer or source file), as in a PR review. */
export interface LineCommentsTable {
  id: string;
  session_id: string;
  side: 'model' | 'reference';
  /** The file's path as the source view names it (`/review/<id>/source?file=`). */
  file: string;
  line: number;
  user_id: string;
  body: string;
  created_at: IsoTimestamp;
}

/** A finding the rules missed, added by a reviewer. */
export interface ManualFindingsTable {
  id: string;
  session_id: string;
  category: string;
  severity: string;
  title: string;
  problem: string;
  impact: string;
  fix: string;
  resources: JsonText;
  created_by: string;
  created_at: IsoTimestamp;
}

/** A reviewer's sign-off; at most one per user per session. */
export interface SignoffsTable {
  session_id: string;
  user_id: string;
  created_at: IsoTimestamp;
}

/** A live connection's heartbeat; rows older than the presence window are stale. */
export interface PresenceTable {
  connection_id: string;
  session_id: string;
  user_id: string;
  instance_id: string;
  last_seen: IsoTimestamp;
}

/** Append-only record of every state change. `id` is a bigserial on PostgreSQL (read back as a number). */
export interface AuditLogTable {
  id: Generated<number>;
  at: IsoTimestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: JsonText | null;
  after: JsonText | null;
}

/** The review a session pins (findings with keys, artifact states, diff), serialized once at creation. */
export interface SessionSnapshotsTable {
  session_id: string;
  review_json: JsonText;
}

/** Notification bodies too large for a PostgreSQL NOTIFY payload; the notification carries the id. */
export interface NotifyPayloadsTable {
  id: string;
  channel: string;
  body: JsonText;
  created_at: IsoTimestamp;
}

/** Where a deploy stands; `awaiting_confirmation` and `executing` hold the stack's lock, like the preview steps. */
export type DeployStatus =
  'creating_change_set' | 'awaiting_confirmation' | 'executing' | 'succeeded' | 'failed' | 'no_changes' | 'cancelled';

/** One deploy of the reference: its change set, preview, and outcome. */
export interface DeploysTable {
  id: string;
  /** Endpoint-or-account, region and stack name: what the lock is per. */
  stack_key: string;
  stack_name: string;
  target_label: string;
  review_id: string;
  template_hash: string;
  /** The template deployed, as sent to CloudFormation (so a restarted instance can finish the deploy). */
  template_body: string;
  /** The requester's idempotency key: a repeated request with the same token is the same deploy. */
  client_token: string;
  status: DeployStatus;
  change_set_type: 'CREATE' | 'UPDATE' | null;
  change_set_id: string | null;
  preview_json: JsonText | null;
  outcome_json: JsonText | null;
  message: string | null;
  requested_by: string;
  requested_by_label: string;
  confirmed_by: string | null;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
  /** When ExecuteChangeSet was sent: stack events from then on belong to this deploy. */
  executed_at: IsoTimestamp | null;
  finished_at: IsoTimestamp | null;
  /** The app instance driving the deploy and when it last showed life; a stale one is taken over. */
  worker_instance: string | null;
  worker_seen_at: IsoTimestamp | null;
  /** After the preview: `policy` executes when no confirmation is required, `confirm` always waits for one (migration 008). */
  execution: DeployExecution;
}

/** Whether a deploy executes on its own when the approval policy allows it (`policy`) or always waits (`confirm`). */
export type DeployExecution = 'policy' | 'confirm';

/** At most one row per stack: the deploy in flight there. */
export interface DeployLocksTable {
  stack_key: string;
  deploy_id: string;
  holder_label: string;
  acquired_at: IsoTimestamp;
}

/** A stored review: reference and model as files (`[{name,text}]` JSON), the human review, and cached counts. */
export interface ReviewsTable {
  id: string;
  name: string;
  /** How it was created: `templates`, `markdown` or `task`. */
  kind: string;
  /** Source platform (`cfn`, `cdk`, ...) and language (`yaml`, `json`, `ts`, `py`, ...) of the task. */
  platform: string;
  language: string;
  /** `pending` (stored, not analyzed yet), `analyzed`, `partial` (source rules only), `unsupported`, `failed`. */
  status: string;
  status_note: string | null;
  created_by: string;
  created_at: IsoTimestamp;
  analyzed_at: IsoTimestamp | null;
  reference_json: JsonText;
  model_json: JsonText;
  prompt: string | null;
  model_failures: string | null;
  metadata_json: JsonText;
  /** Artifact states, totals and per-category counts of the last analysis. */
  summary_json: JsonText | null;
  count_syntax: Generated<number>;
  count_deployment: Generated<number>;
  count_security: Generated<number>;
  count_performance: Generated<number>;
  count_observability: Generated<number>;
  count_error: Generated<number>;
  count_warning: Generated<number>;
  count_info: Generated<number>;
  /** Coverage against the human review at the last analysis: failures found, failures listed, found/listed; null without one. */
  coverage_found: number | null;
  coverage_failures: number | null;
  coverage_ratio: number | null;
  /** Findings the human review does not list, at the last analysis (011); null before it or without a human review. */
  coverage_unlisted: number | null;
}

/** An acknowledgement of findings of a review: `rule` and `resource` are ids or `*`; `expires_at` null never expires. */
export interface AcknowledgementsTable {
  id: string;
  review_id: string;
  rule: string;
  resource: string;
  reason: string;
  author_id: string | null;
  author: string;
  created_at: IsoTimestamp;
  expires_at: IsoTimestamp | null;
}

/** The app's tables (better-auth's tables are managed by better-auth's own migrations). */
export interface Database {
  reviews: ReviewsTable;
  acknowledgements: AcknowledgementsTable;
  deploys: DeploysTable;
  deploy_locks: DeployLocksTable;
  settings: SettingsTable;
  audit_sessions: AuditSessionsTable;
  verdicts: VerdictsTable;
  comments: CommentsTable;
  line_comments: LineCommentsTable;
  manual_findings: ManualFindingsTable;
  signoffs: SignoffsTable;
  presence: PresenceTable;
  audit_log: AuditLogTable;
  notify_payloads: NotifyPayloadsTable;
  session_snapshots: SessionSnapshotsTable;
}

/** A stored audit session row. */
export type AuditSession = Selectable<AuditSessionsTable>;
/** A stored verdict row. */
export type Verdict = Selectable<VerdictsTable>;
/** A stored comment row. */
export type Comment = Selectable<CommentsTable>;
/** A stored line comment row. */
export type LineComment = Selectable<LineCommentsTable>;
/** A stored manual finding row (resources still JSON text). */
export type ManualFindingRow = Selectable<ManualFindingsTable>;
/** A stored sign-off row. */
export type Signoff = Selectable<SignoffsTable>;
/** A stored presence row. */
export type Presence = Selectable<PresenceTable>;
/** A stored acknowledgement row. */
export type AcknowledgementRow = Selectable<AcknowledgementsTable>;
/** A stored audit log row. */
export type AuditLogRow = Selectable<AuditLogTable>;
/** A new audit log row. */
export type NewAuditLogRow = Insertable<AuditLogTable>;
