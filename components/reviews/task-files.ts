/** A file as the create form sends it. */
export interface UploadFile {
  path: string;
  text: string;
}

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

/** Reads the chosen files as text, named by their task-relative paths. */
export async function readUploads(files: FileList | null): Promise<UploadFile[]> {
  return Promise.all([...(files ?? [])].map(async (file) => ({ path: taskPathOf(file), text: await file.text() })));
}
