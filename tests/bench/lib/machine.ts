// What the numbers were measured on: they mean little without it.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

export function machineLine(): string {
  let chromium = 'absent';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // no browser: the browser bench says so itself
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `machine: ${cpus().length} cores (${cpu}), Node ${process.version}, ${chromium}`;
}
