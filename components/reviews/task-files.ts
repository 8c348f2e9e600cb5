/** A file as the create form sends it. */
export interface UploadFile {
  path: string;
  text: string;
}

// What a task folder upload keeps: the files a task is read from; dependencies, build output and VCS data are skipped.
const TASK_FILE = /\.(md|json|ya?ml|ts|py|js|txt)$/i;
const SKIPPED_FOLDER = /(^|\/)(node_modules|cdk\.out|\.git|__pycache__|\.venv|dist)\//;

/**
 * The task-relative path of an uploaded file: a folder upload drops its top folder (`task-7/lib/x.ts` → `lib/x.ts`);
 * a loose ideal template or CDK code file goes under `lib/`, as in a task folder.
 */
export function taskPathOf(file: { name: string; webkitRelativePath?: string }): string {
  const relative = file.webkitRelativePath?.split('/').slice(1).join('/');
  if (relative) return relative;
  if (/^(TapStack\.(ya?ml|json)|tap-stack\.ts|tap_stack\.py)$/.test(file.name)) return `lib/${file.name}`;
  return file.name;
}

/** Whether a file of a whole-folder upload is one a task is read from (not an image, a dependency or build output). */
export function isTaskFile(path: string): boolean {
  return TASK_FILE.test(path) && !SKIPPED_FOLDER.test(path);
}

/** Why a read file cannot be reviewed, in plain words, or null when it can: binary content, or (when `required`) nothing in it. */
export function unreadableReason(file: UploadFile, required = false): string | null {
  if (file.text.includes('\u0000')) return `${file.path} is a binary file, not text: give markdown, a template (.json, .yaml) or code.`;
  if (required && file.text.trim() === '') return `${file.path} is empty.`;
  return null;
}

/** Reads the chosen files as text, named by their task-relative paths; `folder` keeps only the files a task is read from. */
export async function readUploads(files: FileList | null, { folder = false } = {}): Promise<UploadFile[]> {
  const chosen = [...(files ?? [])].filter((file) => !folder || isTaskFile(taskPathOf(file)));
  return Promise.all(chosen.map(async (file) => ({ path: taskPathOf(file), text: await file.text() })));
}
