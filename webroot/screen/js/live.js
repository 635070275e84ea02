// The tally stream kept open for as long as the screen is shown: read with fetch() (to send Authorization),
// reopened with growing pauses after a drop, and reported as interrupted the moment it breaks, so the screen
// never passes off old numbers as live ones.

import { sseParser } from './sse.js';

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000];
/** The server writes ": ping" every 15 s: two missed pings mean the connection is dead even if no error came. */
const SILENCE_MS = 35000;

/**
 * Watches `url` with `authorization`; calls
 *   onSnapshot(tally)           for every snapshot (the stream is live again),
 *   onInterrupted(since)        when the stream breaks and a reconnection is under way; `since` is the Date the
 *                               stream was last heard from (the numbers on screen were current then), or null,
 *   onRefused(status, body)     on 401/403/404: the screen stops trying, these do not heal by themselves.
 * Returns { stop() }, for a watcher that goes away before the page does (the console's slip counts).
 */
export function watchTally(url, authorization, { onSnapshot, onInterrupted, onRefused }) {
  let attempt = 0;
  let controller = null;
  let retryTimer = 0;
  let silenceTimer = 0;
  let stopped = false;
  let lastHeard = null;

  function heard() {
    lastHeard = new Date();
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => drop(), SILENCE_MS);
  }

  function drop() {
    if (controller) controller.abort();
  }

  async function open() {
    retryTimer = 0;
    controller = new AbortController();
    const signal = controller.signal;
    // Armed before the request: a fetch that never gets an answer (the hall's Wi-Fi gone without an offline
    // event) is abandoned like a silent stream, not left to the system's TCP timeout.
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => drop(), SILENCE_MS);
    try {
      const response = await fetch(url, {
        headers: { Authorization: authorization, Accept: 'text/event-stream' }, cache: 'no-store', signal,
      });
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        stopped = true;
        onRefused(response.status, await errorBody(response));
        return;
      }
      if (response.ok && response.body) await read(response.body.getReader());
    } catch {
      // A network failure, an abort by the silence watchdog or by going offline: all reconnect below.
    }
    clearTimeout(silenceTimer);
    if (!stopped) reconnect();
  }

  async function read(reader) {
    const parser = sseParser((type, data) => {
      if (type !== 'tally') return;
      let tally;
      try { tally = JSON.parse(data); } catch { return; }
      attempt = 0;
      onSnapshot(tally);
    });
    heard();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      heard();
      parser.push(value);
    }
  }

  function reconnect(now = false) {
    if (retryTimer || stopped) return;
    onInterrupted(lastHeard);
    const pause = now ? 0 : BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
    attempt += 1;
    // A little jitter, so a hall of screens does not reconnect in lockstep after the server restarts.
    retryTimer = setTimeout(open, pause + (now ? 0 : Math.floor(Math.random() * 300)));
  }

  const online = () => {
    if (retryTimer && !stopped) {
      clearTimeout(retryTimer);
      retryTimer = 0;
      reconnect(true);
    }
  };
  window.addEventListener('offline', drop);
  window.addEventListener('online', online);
  open();
  return {
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(silenceTimer);
      window.removeEventListener('offline', drop);
      window.removeEventListener('online', online);
      drop();
    },
  };
}

async function errorBody(response) {
  try { return await response.json(); } catch { return {}; }
}
