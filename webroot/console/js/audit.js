// 审计日志 (admin only): newest first, 50 at a time, 加载更多 pages back with ?before=<id>. The server words every
// row (Chinese action, names and titles, details as a sentence), so this page and the CSV say the same thing.
// Filters narrow the view and the CSV alike: one event, one person (what they did).

import { get } from './api.js';
import { h, mount, messageBox, showMessage, showError, busy, formatTime } from './dom.js';
import { fetchFile, save } from './download.js';

const PAGE = 50;

export async function showAudit() {
  const message = messageBox('audit-error');
  const body = h('tbody');
  const more = h('button', { type: 'button', testid: 'audit-more', text: '加载更多', hidden: true });
  const event = h('select', { id: 'audit-event', testid: 'audit-event' }, h('option', { value: '', text: '全部活动' }));
  const actor = h('select', { id: 'audit-actor', testid: 'audit-actor' }, h('option', { value: '', text: '全部人员' }));
  const download = h('button', { type: 'button', testid: 'audit-csv', text: '导出 CSV' });
  const filters = h('div', { class: 'filters' },
    h('label', { for: 'audit-event', text: '活动' }), event,
    h('label', { for: 'audit-actor', text: '操作人' }), actor,
    h('span', { class: 'page-actions' }, download));
  mount(h('section', { class: 'panel' }, h('h1', { text: '审计日志' }), filters, message,
    h('table', { class: 'table audit', testid: 'audit-table' },
      h('thead', {}, h('tr', {}, ['时间', '操作人', '操作', '对象', '活动', '详情'].map((t) => h('th', { scope: 'col', text: t })))),
      body),
    h('div', { class: 'actions' }, more)));

  const query = () => {
    const q = new URLSearchParams();
    if (event.value) q.set('eventId', event.value);
    if (actor.value) q.set('actorId', actor.value);
    return q;
  };
  let before = null;
  async function load() {
    try {
      const q = query();
      q.set('limit', PAGE);
      if (before) q.set('before', before);
      const rows = await get('/audit?' + q);
      for (const row of rows) body.appendChild(auditRow(row));
      if (rows.length) before = rows[rows.length - 1].id;
      more.hidden = rows.length < PAGE;
      if (!body.childNodes.length) body.appendChild(h('tr', {}, h('td', { colspan: '6', class: 'empty', text: '没有记录。' })));
    } catch (error) {
      showError(message, error);
    }
  }
  async function reload() {
    before = null;
    body.textContent = '';
    message.hidden = true;
    await load();
  }
  event.addEventListener('change', reload);
  actor.addEventListener('change', reload);
  more.addEventListener('click', () => busy(more, load));
  download.addEventListener('click', () => busy(download, async () => {
    try {
      const q = query().toString();
      const { blob, name } = await fetchFile('/api/audit.csv' + (q ? '?' + q : ''));
      save(blob, name);
      showMessage(message, '已下载 ' + name, 'success');
    } catch (error) {
      showError(message, error);
    }
  }));
  await Promise.all([fillChoices(event, actor, message), load()]);
}

/** Events by title and accounts by name, for the filters; a failure leaves the filters at 全部. */
async function fillChoices(event, actor, message) {
  try {
    const [events, accounts] = await Promise.all([get('/events'), get('/accounts')]);
    for (const e of events) event.appendChild(h('option', { value: e.id, text: e.title }));
    for (const a of accounts) {
      actor.appendChild(h('option', { value: a.id, text: (a.displayName || a.username) + '（' + a.username + '）' }));
    }
  } catch (error) {
    showError(message, error);
  }
}

function auditRow(row) {
  return h('tr', { dataset: { auditId: String(row.id), action: row.action } },
    h('td', { class: 'nowrap', text: formatTime(row.at) }),
    h('td', { text: row.actorName || '—' }),
    h('td', { class: 'nowrap', title: row.action, text: row.actionName || row.action }),
    h('td', { text: row.subject || '' }),
    h('td', { text: row.eventTitle || '' }),
    h('td', { class: 'summary', text: row.summary || '' }));
}
