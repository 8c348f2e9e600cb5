import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';

/** How to start one contained process. */
export interface ContainedCommand {
  command: string;
  args: string[];
  cwd: string;
  /** The whole environment of the process: nothing of the parent's is inherited. */
  env: Record<string, string>;
  timeoutMs: number;
  /** Resident memory (the process and its descendants) above which the process group is killed. */
  rssLimitMb: number;
  /** Largest file the process may write (RLIMIT_FSIZE), applied with prlimit when it is installed. */
  fileBytes: number;
  outputBytes: number;
  /** Cut the network with a namespace (`unshare --net`); the caller must check networkNamespaceAvailable(). */
  networkNamespace: boolean;
}

/** What a contained process did: its exit, why it was killed (if it was), the tails of its output and its fd-3 report. */
export interface ContainedRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  killedFor: 'timeout' | 'memory' | null;
  stdout: string;
  stderr: string;
  report: string;
}

let namespaceCheck: boolean | undefined;

/** True when this process may create a network namespace (root, util-linux `unshare`, a kernel that allows it); checked once. */
export function networkNamespaceAvailable(): boolean {
  if (namespaceCheck === undefined) {
    namespaceCheck =
      process.platform === 'linux' &&
      process.getuid?.() === 0 &&
      spawnSync('unshare', ['--net', '--', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  }
  return namespaceCheck;
}

let prlimitCheck: boolean | undefined;

/** True when util-linux `prlimit` can start a command with a file size limit; checked once. */
export function prlimitAvailable(): boolean {
  prlimitCheck ??=
    process.platform === 'linux' &&
    spawnSync('prlimit', ['--fsize=1048576', '--', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  return prlimitCheck;
}

/**
 * Runs a command in its own process group with only the given environment, a wall-clock limit and a memory limit;
 * either limit kills the whole group. The group is killed when the process exits, so no descendant outlives it.
 * Resolves when every output pipe has closed; never rejects for the process's own behavior.
 */
export function runContained(cmd: ContainedCommand): Promise<ContainedRun> {
  const limited = prlimitAvailable() ? ['prlimit', `--fsize=${cmd.fileBytes}`, '--', cmd.command, ...cmd.args] : [cmd.command, ...cmd.args];
  const [command, ...args] = cmd.networkNamespace ? ['unshare', '--net', '--', ...limited] : limited;
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: cmd.cwd,
      env: cmd.env as unknown as NodeJS.ProcessEnv,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let killedFor: ContainedRun['killedFor'] = null;
    const killGroup = (reason: ContainedRun['killedFor']) => {
      if (reason && !killedFor) killedFor = reason;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    };
    const stdout = tail(child.stdout, cmd.outputBytes);
    const stderr = tail(child.stderr, cmd.outputBytes);
    const report = tail(child.stdio[3] as Readable, 1024 * 1024);
    const timer = setTimeout(() => killGroup('timeout'), cmd.timeoutMs);
    const watchdog = setInterval(() => {
      if (child.pid && residentMb(child.pid) > cmd.rssLimitMb) killGroup('memory');
    }, 100);
    let exit: { code: number | null; signal: NodeJS.Signals | null } = { code: null, signal: null };
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      killGroup(null);
      // A descendant that left the group could hold the pipes open; stop waiting for it.
      setTimeout(() => child.stdio.forEach((s) => s?.destroy()), 1000).unref();
    });
    child.on('error', (error) => {
      stderr.push(`${error.message}\n`);
      // A process that could not start emits no 'exit'; its pipes may never close.
      if (child.pid === undefined) {
        clearTimeout(timer);
        clearInterval(watchdog);
        resolve({ exitCode: null, signal: null, killedFor: null, stdout: '', stderr: stderr.text(), report: '' });
      }
    });
    child.on('close', () => {
      clearTimeout(timer);
      clearInterval(watchdog);
      resolve({ exitCode: exit.code, signal: exit.signal, killedFor, stdout: stdout.text(), stderr: stderr.text(), report: report.text() });
    });
  });
}

/** Keeps the last `limit` bytes read from a stream. */
function tail(stream: Readable | null, limit: number) {
  let chunks: Buffer[] = [];
  let size = 0;
  stream?.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    while (size - chunks[0].length >= limit) size -= chunks.shift()!.length;
  });
  return {
    push: (text: string) => chunks.push(Buffer.from(text)),
    text: () => {
      const all = Buffer.concat(chunks);
      chunks = [all];
      return all.subarray(Math.max(0, all.length - limit)).toString('utf8');
    },
  };
}

/** Resident memory of a process and its descendants in MB (Linux /proc); 0 where /proc is unavailable. */
function residentMb(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return kb / 1024 + children.reduce((sum, c) => sum + residentMb(Number(c)), 0);
  } catch {
    return 0;
  }
}
