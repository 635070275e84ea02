// The voter page's I/O: JSON requests with a time limit, the submission nonce, and the ballot kept in
// sessionStorage (per tab, gone when the tab closes) so a reload or a retry sends the same nonce and answers.

const TIMEOUT_MS = 20000;
const KEY = 'pingyi:';

/** Resolves to { status, data } for any HTTP answer; rejects on a network failure or after 20 s. */
export function request(method, url, body) {
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const init = { method: method, headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' };
  if (controller) init.signal = controller.signal;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let timer = 0;
  const timeout = new Promise(function (resolve, reject) {
    timer = setTimeout(function () {
      if (controller) controller.abort();
      reject(new Error('timeout'));
    }, TIMEOUT_MS);
  });
  const call = fetch(url, init).then(function (res) {
    return res.text().then(function (text) { return { status: res.status, data: parse(text) }; });
  });
  return Promise.race([call, timeout]).then(
    function (result) { clearTimeout(timer); return result; },
    function (error) { clearTimeout(timer); throw error; });
}

function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch (e) {
    return null;
  }
}

/** 32 random bytes, base64url without padding: the server recognises a retried submission by it. */
export function newNonce() {
  const bytes = new Uint8Array(32);
  window.crypto.getRandomValues(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 1) binary += String.fromCharCode(bytes[i]);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The saved ballot of this slip: { nonce, answers: { formId: answers }, sent }, or null. */
export function loadSaved(token) {
  try {
    const raw = window.sessionStorage.getItem(KEY + token);
    const saved = raw ? JSON.parse(raw) : null;
    return saved && typeof saved === 'object' ? saved : null;
  } catch (e) {
    return null;
  }
}

/** Saves the ballot; without storage (some private modes) the page still works, only a reload forgets. */
export function save(token, saved) {
  try {
    window.sessionStorage.setItem(KEY + token, JSON.stringify(saved));
  } catch (e) {
    // Storage refused: the in-memory copy is still used for retries.
  }
}

export function forget(token) {
  try {
    window.sessionStorage.removeItem(KEY + token);
  } catch (e) {
    // Nothing stored.
  }
}
