// A virtual X display for the tests that need a windowed (headed) Chromium: keyboard commands are
// bound and delivered by the browser's window, which headless mode does not have. Debian's xvfb
// package provides Xvfb; xdotool types real X key events (the DevTools protocol's key events go to
// the page, never through the browser's own shortcut handling).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

const onPath = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

export const XVFB_SKIP_REASON = !onPath('Xvfb')
  ? 'headed-Chromium tests skipped: Xvfb is absent (apt-get install -y xvfb xdotool)'
  : !onPath('xdotool')
    ? 'headed-Chromium tests skipped: xdotool is absent (apt-get install -y xdotool)'
    : null;

export interface VirtualDisplay {
  /** The DISPLAY value, e.g. ":117". */
  display: string;
  /** Presses keys (xdotool names, e.g. "alt+shift+period") in the focused window. */
  press(keys: string): void;
  /** Moves the pointer to (x, y) of the screen and clicks: gives the window under it focus. */
  click(x: number, y: number): void;
  close(): void;
}

export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  let child: ChildProcess | undefined;
  let number = 0;
  for (let attempt = 0; attempt < 20 && !child; attempt++) {
    number = 100 + Math.floor(Math.random() * 400);
    if (existsSync(`/tmp/.X11-unix/X${number}`) || existsSync(`/tmp/.X${number}-lock`)) continue;
    child = spawn('Xvfb', [`:${number}`, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  }
  if (!child) throw new Error('no free X display number');
  const display = `:${number}`;
  const until = Date.now() + 10_000;
  while (!existsSync(`/tmp/.X11-unix/X${number}`)) {
    if (Date.now() > until || child.exitCode !== null) throw new Error(`Xvfb did not start on ${display}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const xdotool = (...args: string[]) => {
    const run = spawnSync('xdotool', args, { env: { ...process.env, DISPLAY: display }, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`xdotool ${args.join(' ')}: ${run.stderr}`);
  };
  return {
    display,
    press: (keys) => xdotool('key', '--clearmodifiers', keys),
    click: (x, y) => xdotool('mousemove', String(x), String(y), 'click', '1'),
    close: () => {
      child.kill();
    },
  };
}
