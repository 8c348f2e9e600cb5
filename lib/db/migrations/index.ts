import type { Migration } from 'kysely';
import type { Dialect } from '../connection';
import { auditSessionsMigration } from './001-audit-sessions';
import { sessionSnapshotsMigration } from './002-session-snapshots';
import { deploysMigration } from './003-deploys';
import { reviewsMigration } from './004-reviews';
import { acknowledgementsMigration } from './005-acknowledgements';
import { lineCommentsMigration } from './006-line-comments';
import { reviewCoverageMigration } from './007-review-coverage';
import { deployExecutionMigration } from './008-deploy-execution';
import { reviewCoverageUnlistedMigration } from './011-review-coverage-unlisted';

// A static list rather than FileMigrationProvider: a Next.js bundle has no migrations folder to read at runtime.
// Names sort in application order; never rename or reorder a released migration.

/** Every app migration by name, built for one dialect. */
export function appMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    '001-audit-sessions': auditSessionsMigration(dialect),
    '002-session-snapshots': sessionSnapshotsMigration(dialect),
    '003-deploys': deploysMigration(dialect),
    '004-reviews': reviewsMigration(dialect),
    '005-acknowledgements': acknowledgementsMigration(dialect),
    '006-line-comments': lineCommentsMigration(dialect),
    '007-review-coverage': reviewCoverageMigration(dialect),
    '008-deploy-execution': deployExecutionMigration(dialect),
    '011-review-coverage-unlisted': reviewCoverageUnlistedMigration(dialect),
  };
}
