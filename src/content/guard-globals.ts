// Runs before anything else in the content script. A page can "clobber" a global by name: with
// <form id="browser"><input name="runtime" id="x"></form>, `globalThis.browser.runtime.id` is
// truthy in our world too (named properties of window are shared by every world), and
// webextension-polyfill would then take the page's form for the extension API and every message
// would fail. A real `browser` namespace (Firefox, newer Chrome) is an own property of our
// global; anything else called `browser` is the page's, so we hide it from this world.
const global = globalThis as Record<string, unknown>;
if (!Object.prototype.hasOwnProperty.call(global, 'browser') && 'browser' in global) {
  Object.defineProperty(global, 'browser', { value: undefined, writable: true, configurable: true });
}

export {};
