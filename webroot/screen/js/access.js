// Who the screen is: a screen link's key (from the address's #key=..., which no server log ever sees) or else
// the console's signed-in session in this tab (console/js/api.js keeps its token in sessionStorage).

const CONSOLE_TOKEN = 'pingyi.token';

function stored(name) {
  try { return sessionStorage.getItem(name); } catch { return null; }
}

function remember(name, value) {
  try { sessionStorage.setItem(name, value); } catch { /* private mode: this load still works */ }
}

function forget(name) {
  try { sessionStorage.removeItem(name); } catch { /* nothing stored */ }
}

/**
 * The Authorization header to send, and whether it is a link or a session; null when there is neither.
 * A key is moved from the address bar into this tab's storage, so the projected address shows no key to
 * photograph, and a reload of the tab still works.
 */
export function credentials(eventId) {
  const name = 'pingyi.screen.' + eventId;
  const match = /(?:^#|&)key=([A-Za-z0-9_-]{10,100})(?:&|$)/.exec(location.hash);
  if (match) {
    remember(name, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const key = match ? match[1] : stored(name);
  if (key) return { kind: 'link', authorization: 'Screen ' + key, forget: () => forget(name) };
  const token = stored(CONSOLE_TOKEN);
  if (token) return { kind: 'staff', authorization: 'Bearer ' + token, forget: () => {} };
  return null;
}

/** The event id from /screen/<id>, or null. */
export function eventIdFromPath() {
  const match = /^\/screen\/([0-9a-fA-F-]{36})\/?$/.exec(location.pathname);
  return match ? match[1] : null;
}
