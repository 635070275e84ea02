// Small DOM helpers: elements are built with createElement and textContent only, never from HTML strings,
// so names typed by users (which may contain "<script>") are always shown as text.

/**
 * h('button', {class: 'primary', testid: 'save', onclick: fn}, '保存', child...)
 * Attributes: class, text, testid, dataset {...}, on<event> handlers, boolean/DOM properties, others as attributes.
 */
export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'testid') node.dataset.testid = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else if (key === 'value') node.value = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

/** Replaces a node's children; like Element.replaceChildren, but skips null/false (which it would print as "null"). */
export function fill(node, ...children) {
  node.textContent = '';
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A labelled field: <div class="field" data-field=path><label for=id>text</label>input<hint/></div>. */
export function field(labelText, input, { path, hint, wide } = {}) {
  if (!input.id) input.id = 'f-' + Math.random().toString(36).slice(2, 9);
  const wrap = h('div', { class: wide ? 'field wide' : 'field', dataset: path ? { field: path } : undefined },
    h('label', { for: input.id, text: labelText }), input);
  if (hint) wrap.appendChild(h('p', { class: 'hint', text: hint }));
  return wrap;
}

/** Replaces the page content. */
export function mount(node) {
  const main = document.getElementById('main');
  main.textContent = '';
  main.appendChild(node);
  const heading = main.querySelector('h1');
  if (heading) document.title = heading.textContent + ' - 评议管理控制台';
}

/** A status line for messages: role=alert for errors, role=status for success. */
export function messageBox(testid) {
  const box = h('div', { class: 'message', testid, hidden: true });
  box.setAttribute('aria-live', 'polite');
  return box;
}

export function showMessage(box, text, kind = 'error') {
  box.textContent = text || '';
  box.hidden = !text;
  box.className = 'message ' + kind;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

/**
 * Shows an ApiError: its message in `box`, each `fields` entry beside the element with a matching
 * data-field (the path itself, or `prefix + path`), and the rest listed under the message.
 */
export function showError(box, error, scope = document, { listAll = false } = {}) {
  clearFieldErrors(scope);
  showMessage(box, error.message || String(error));
  const fields = error.fields || {};
  const listed = [];
  for (const [path, message] of Object.entries(fields)) {
    const target = findField(scope, path);
    if (target) {
      target.classList.add('invalid');
      target.appendChild(h('p', { class: 'field-error', role: 'alert', dataset: { path }, text: message }));
    }
    if (!target || listAll) listed.push(h('li', { dataset: { path } }, h('code', { text: path }), '：', message));
  }
  if (listed.length) box.appendChild(h('ul', { class: 'field-errors', testid: 'field-errors' }, listed));
}

/** The element marked data-field with this path, or with the nearest enclosing path (a[2].b → a[2] → a). */
function findField(scope, path) {
  const marked = Array.from(scope.querySelectorAll('[data-field]'));
  for (let p = path; p; p = p.replace(/(\[\d+\]|\.[^.[\]]+)$/, '') || '') {
    const found = marked.find((n) => n.dataset.field === p);
    if (found) return found;
    if (!/(\[\d+\]|\.[^.[\]]+)$/.test(p)) break;
  }
  return null;
}

export function clearFieldErrors(scope = document) {
  scope.querySelectorAll('.field-error').forEach((n) => n.remove());
  scope.querySelectorAll('.invalid').forEach((n) => n.classList.remove('invalid'));
}

/** A modal confirmation built on <dialog>; resolves true when confirmed. */
export function confirmDialog(question, okText = '确定') {
  return new Promise((resolve) => {
    const ok = h('button', { type: 'button', class: 'primary', testid: 'confirm-ok', text: okText });
    const cancel = h('button', { type: 'button', testid: 'confirm-cancel', text: '取消' });
    const dialog = h('dialog', { class: 'confirm', testid: 'confirm-dialog' },
      h('p', { text: question }), h('div', { class: 'actions' }, cancel, ok));
    const close = (answer) => { dialog.close(); dialog.remove(); resolve(answer); };
    ok.addEventListener('click', () => close(true));
    cancel.addEventListener('click', () => close(false));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(false); });
    document.body.appendChild(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Runs an async action with its button disabled, so a double click cannot send twice. */
export async function busy(button, action) {
  button.disabled = true;
  try { return await action(); } finally { button.disabled = false; }
}
