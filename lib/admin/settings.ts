import { z } from 'zod';
import type { Kysely } from 'kysely';
import { getDb, withTransaction, type DbHandle } from '../db/connection';
import type { Database } from '../db/schema';
import { REQUIRED_SIGNOFFS_SETTING } from '../db/queries/sessions';
import { getSetting, setSetting } from '../db/queries/settings';
import type { Actor } from '../db/queries/shared';

/** Deploys need a closed (signed-off) audit session on the same reference. */
export const DEPLOY_REQUIRES_SIGNED_OFF_SESSION_SETTING = 'deploy.requiresSignedOffSession';

/** Which change sets need an explicit confirmation, as the CDK CLI's `--require-approval`. */
export const APPROVAL_POLICIES = ['never', 'broadening', 'any-change'] as const;

/** One of APPROVAL_POLICIES. */
export type ApprovalPolicy = (typeof APPROVAL_POLICIES)[number];

/** The admin-editable settings and their bounds. */
export const appSettingsSchema = z.strictObject({
  requiredSignoffs: z.number().int().min(1).max(10),
  deployRequiresSignedOffSession: z.boolean(),
  deployApprovalPolicy: z.enum(APPROVAL_POLICIES),
  /** The reference's NAT gateways (context natGateways): 1 saves cost (acknowledged), 2 is the production setting. */
  referenceNatGateways: z.number().int().min(1).max(2),
});

/** The admin-editable settings. */
export type AppSettings = z.output<typeof appSettingsSchema>;

/** A change to some of the settings (at least one). */
export const appSettingsPatchSchema = appSettingsSchema
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one setting');

const DEFAULTS: AppSettings = {
  requiredSignoffs: 1,
  deployRequiresSignedOffSession: false,
  deployApprovalPolicy: 'broadening',
  referenceNatGateways: 1,
};
const KEYS: Record<keyof AppSettings, string> = {
  requiredSignoffs: REQUIRED_SIGNOFFS_SETTING,
  deployRequiresSignedOffSession: DEPLOY_REQUIRES_SIGNED_OFF_SESSION_SETTING,
  deployApprovalPolicy: 'deploy.approvalPolicy',
  referenceNatGateways: 'reference.natGateways',
};

/** The current settings; a setting never set (or stored out of bounds) reads as its default. */
export async function getAppSettings(db: Kysely<Database> = getDb().db): Promise<AppSettings> {
  const settings = { ...DEFAULTS };
  for (const name of Object.keys(KEYS) as Array<keyof AppSettings>) {
    const value = await getSetting({ key: KEYS[name] }, db);
    const parsed = appSettingsSchema.shape[name].safeParse(value);
    if (parsed.success) Object.assign(settings, { [name]: parsed.data });
  }
  return settings;
}

/** Applies `patch` in one transaction, writing (and auditing) only the settings whose effective value changes; returns the result. */
export async function updateAppSettings(
  { patch, actor }: { patch: Partial<AppSettings>; actor: Actor },
  handle: DbHandle = getDb(),
): Promise<AppSettings> {
  const valid = appSettingsPatchSchema.parse(patch);
  return withTransaction(async (trx) => {
    const current = await getAppSettings(trx);
    for (const name of Object.keys(valid) as Array<keyof AppSettings>) {
      if (current[name] !== valid[name]) await setSetting({ key: KEYS[name], value: valid[name], actor }, trx);
    }
    return { ...current, ...valid };
  }, handle);
}
