// The frame's end of its private channel to the content script (see
// src/content/frames/frame-host.ts). The port arrives once, in a message on this window that carries
// the token of this frame's URL; every other message on the window (a page can post to any frame)
// is ignored. Until the port arrives, what the frame says waits here.
import { FRAME_HELLO, toFrameMessage, type FromFrame, type ToFrame } from '../../shared/frame-messages';

export interface FrameChannel {
  send(message: FromFrame): void;
}

export function openFrameChannel(onMessage: (message: ToFrame) => void): FrameChannel {
  const token = location.hash.slice(1);
  let port: MessagePort | null = null;
  const waiting: FromFrame[] = [];
  const onWindowMessage = (event: MessageEvent): void => {
    const data: unknown = event.data;
    if (port || token.length < 32 || event.source !== window.parent) return;
    if (typeof data !== 'object' || data === null) return;
    const hello = data as { type?: unknown; token?: unknown };
    if (hello.type !== FRAME_HELLO || hello.token !== token || !event.ports[0]) return;
    port = event.ports[0];
    window.removeEventListener('message', onWindowMessage);
    port.onmessage = (e) => {
      const message = toFrameMessage(e.data);
      if (message) onMessage(message);
    };
    for (const m of waiting.splice(0)) port.postMessage(m);
  };
  window.addEventListener('message', onWindowMessage);
  return {
    send(message) {
      if (port) port.postMessage(message);
      else waiting.push(message);
    },
  };
}

/** Tells the content script the size of `element` whenever it changes, so the frame fits it. */
export function reportSize(channel: FrameChannel, element: Element): () => void {
  let last = '';
  const report = (): void => {
    const box = element.getBoundingClientRect();
    const key = `${Math.ceil(box.width)}x${Math.ceil(box.height)}`;
    if (key === last || box.width === 0) return;
    last = key;
    channel.send({ type: 'size', width: Math.ceil(box.width), height: Math.ceil(box.height) });
  };
  const observer = new ResizeObserver(report);
  observer.observe(element);
  report();
  return () => observer.disconnect();
}

/** Applies the most the frame may grow to (the page's viewport less a margin) as CSS variables. */
export function applyLimits(message: Extract<ToFrame, { type: 'limits' }>): void {
  const style = document.documentElement.style;
  style.setProperty('--frame-max-width', `${message.maxWidth}px`);
  style.setProperty('--frame-max-height', `${message.maxHeight}px`);
}

/** Esc anywhere in the frame closes it (the content script gives focus back to the page). */
export function closeOnEscape(channel: FrameChannel): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    channel.send({ type: 'close' });
  });
}
