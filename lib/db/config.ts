import path from 'node:path';

/** Where the data lives: an embedded SQLite file (default) or a PostgreSQL server (`DATABASE_URL`). */
export type DbConfig = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

/** The database configuration from the environment: `DATABASE_URL` selects PostgreSQL, else SQLite in `DATA_DIR` (default `./data`). */
export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
    return { dialect: 'postgres', url };
  }
  return { dialect: 'sqlite', file: path.resolve(env.DATA_DIR?.trim() || 'data', 'infra-review.sqlite') };
}
