/* AWS schedule expressions (EventBridge, Scheduler, Backup, Glue, Synthetics, DLM, Application Auto Scaling): rate(), cron() with six fields, at(). */

/** Which forms a property accepts, and which checks another tool already makes (EventBridge rules: cfn-lint E3027 checks format, not field values). */
export interface ScheduleSyntax {
  rate: boolean;
  at: boolean;
  /** Check only the values of cron fields (the form is checked elsewhere). */
  fieldValuesOnly?: boolean;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** The six cron fields: name, range, names standing for numbers, and the special tokens the field also accepts. */
const CRON_FIELDS: readonly { name: string; min: number; max: number; names?: string[]; special?: RegExp }[] = [
  { name: 'minutes', min: 0, max: 59 },
  { name: 'hours', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31, special: /^(\?|L|LW|L-\d+|\d{1,2}W)$/ },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 1, max: 7, names: DAYS, special: /^(\?|L|[1-7]L|[A-Z]{3}L|([1-7]|[A-Z]{3})#[1-5])$/ },
  { name: 'year', min: 1970, max: 2199 },
];

/** What is wrong with a schedule expression for a property with `syntax`; empty when it is valid. */
export function scheduleProblems(expression: string, syntax: ScheduleSyntax): string[] {
  const text = expression.trim();
  const body = (prefix: string) => text.slice(prefix.length, -1).trim();
  if (text.startsWith('cron(') && text.endsWith(')')) return cronProblems(body('cron('), syntax.fieldValuesOnly === true);
  if (syntax.fieldValuesOnly) return [];
  if (syntax.rate && text.startsWith('rate(') && text.endsWith(')')) return rateProblems(body('rate('));
  if (syntax.at && text.startsWith('at(') && text.endsWith(')')) {
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(body('at(')) ? [] : ['at() takes a date and time as yyyy-mm-ddThh:mm:ss'];
  }
  const forms = ['cron(...)', ...(syntax.rate ? ['rate(...)'] : []), ...(syntax.at ? ['at(...)'] : [])];
  return [`the expression must be ${forms.join(' or ')}`];
}

/** Problems of a rate body `value unit`: a positive integer, then minute(s), hour(s) or day(s), singular exactly for 1. */
function rateProblems(body: string): string[] {
  const match = /^(\d+)\s+(minute|minutes|hour|hours|day|days)$/.exec(body);
  if (!match) return [`rate(${body}) is not rate(value unit) with a whole number and minute(s), hour(s) or day(s)`];
  const value = Number(match[1]);
  const plural = match[2].endsWith('s');
  if (value === 0) return ['a rate must be positive'];
  if (value === 1 && plural) return [`rate(1 ${match[2]}) must use the singular unit (${match[2].slice(0, -1)})`];
  if (value > 1 && !plural) return [`rate(${value} ${match[2]}) must use the plural unit (${match[2]}s)`];
  return [];
}

/** Problems of a cron body: six fields, values within each field's range, and exactly one of the day fields `?`. */
function cronProblems(body: string, fieldValuesOnly: boolean): string[] {
  const fields = body.split(/\s+/);
  if (fields.length !== 6) {
    return fieldValuesOnly
      ? []
      : [`cron(${body}) has ${fields.length} fields; AWS cron takes six (minutes hours day-of-month month day-of-week year)`];
  }
  const problems = fields.flatMap((field, i) => fieldProblems(field, CRON_FIELDS[i]));
  const [dayOfMonth, dayOfWeek] = [fields[2], fields[4]];
  if (!fieldValuesOnly && (dayOfMonth === '?') === (dayOfWeek === '?')) {
    problems.push('exactly one of day-of-month and day-of-week must be ?');
  }
  return problems;
}

/** Problems of one cron field: each comma-separated item is `*`, a value, a range or a special token, optionally `/step`. */
function fieldProblems(field: string, spec: (typeof CRON_FIELDS)[number]): string[] {
  const problems: string[] = [];
  for (const item of field.toUpperCase().split(',')) {
    const [base, step, ...rest] = item.split('/');
    if (rest.length || (step !== undefined && !/^\d+$/.test(step))) problems.push(`${spec.name} item ${item} has an invalid increment`);
    if (base === '*' || spec.special?.test(base)) continue;
    const bounds = base.split('-');
    const values = bounds.map((bound) => valueOf(bound, spec));
    if (bounds.length > 2 || values.some((value) => value === undefined)) {
      problems.push(`${spec.name} value ${base} is not a number${spec.names ? ' or name' : ''} in ${spec.min}-${spec.max}`);
    }
  }
  return problems;
}

/** A field value (number or name) as a number within the field's range, or undefined. */
function valueOf(token: string, spec: (typeof CRON_FIELDS)[number]): number | undefined {
  const named = spec.names?.indexOf(token) ?? -1;
  if (named >= 0) return named + 1;
  if (!/^\d+$/.test(token)) return undefined;
  const value = Number(token);
  return value >= spec.min && value <= spec.max ? value : undefined;
}
