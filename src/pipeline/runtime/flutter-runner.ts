import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

/** The Flutter executable: FLUTTER_BIN when set, else the first `flutter` on PATH. */
export async function findFlutter(flutterBin?: string): Promise<string | undefined> {
  const candidates = flutterBin
    ? [flutterBin]
    : (process.env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, 'flutter'));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Variables the Flutter tool needs; never the service's secrets (keys, database URL), since generated code runs. */
const PASSED_THROUGH = [
  'PATH',
  'HOME',
  'LANG',
  'LC_ALL',
  'TMPDIR',
  'PUB_CACHE',
  'FLUTTER_ROOT',
  'ANDROID_HOME',
  'ANDROID_SDK_ROOT',
  'JAVA_HOME',
];

function toolEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { CI: 'true' };
  for (const name of PASSED_THROUGH) if (process.env[name]) env[name] = process.env[name];
  return env;
}

export interface StepResult {
  command: string;
  exitCode: number | null;
  timedOut: boolean;
  aborted: boolean;
  durationMs: number;
  /** Last part of the combined stdout/stderr. */
  output: string;
}

const OUTPUT_TAIL = 8_000;

/**
 * Runs one command in its own process group, so a timeout or an abort kills
 * it and every child it started.
 */
export function runStep(
  bin: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<StepResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(bin, args, {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: toolEnvironment(),
    });
    let output = '';
    let timedOut = false;
    let aborted = false;
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    const onAbort = () => {
      aborted = true;
      killGroup();
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    const done = (exitCode: number | null) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve({
        command: [bin.split('/').pop(), ...args].join(' '),
        exitCode,
        timedOut,
        aborted,
        durationMs: Date.now() - started,
        output,
      });
    };
    child.on('error', (error) => {
      output += `\n${error.message}`;
      done(null);
    });
    child.on('close', (code) => done(code));
  });
}
