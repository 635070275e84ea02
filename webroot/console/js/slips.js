// 票签 on the event page: issue a batch per category (PDF to print, or CSV), void a lost slip, see the counts.
// The server keeps no tokens: the downloaded file is the only copy, so it is offered once, right away.

import { get, post, can, session, ApiError } from './api.js';
import { h, messageBox, showMessage, showError, busy } from './dom.js';

export function slipsPanel(event) {
  const message = messageBox('slips-error');
  const counts = h('tbody', { testid: 'slip-counts' });
  const panel = h('section', { class: 'subpanel', testid: 'slips-panel' },
    h('h2', { text: '票签' }), message,
    h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, ['类别', '已发放', '未使用', '已投票', '已作废'].map((t) => h('th', { scope: 'col', text: t })))),
      counts));
  const names = {};
  (event.categories || []).forEach((c) => { names[c.code] = c.name; });
  const refresh = () => get('/events/' + event.id + '/slips/counts')
    .then((rows) => fillCounts(counts, rows, names))
    .catch((e) => showError(message, e, panel));
  refresh();
  if (can('organizer') && (event.status === 'draft' || event.status === 'open')) {
    panel.appendChild(issueForm(event, message, panel, refresh));
    panel.appendChild(voidForm(event, message, panel, refresh));
  }
  return panel;
}

function fillCounts(body, rows, names) {
  body.textContent = '';
  for (const row of rows) {
    body.appendChild(h('tr', { dataset: { category: row.category } },
      h('td', { text: row.category + ' ' + (names[row.category] || '') }),
      ...[row.issued, row.unused, row.used, row.void].map((n) => h('td', { text: String(n) }))));
  }
}

function issueForm(event, message, panel, refresh) {
  const category = h('select', { testid: 'slip-category', 'aria-label': '参评人员类别' },
    ...(event.categories || []).map((c) => h('option', { value: c.code, text: c.code + ' ' + c.name })));
  const count = h('input', { type: 'number', min: '1', max: '100000', value: '10', testid: 'slip-count', 'aria-label': '张数' });
  const format = h('select', { testid: 'slip-format', 'aria-label': '格式' },
    h('option', { value: 'pdf', text: 'PDF（打印）' }), h('option', { value: 'csv', text: 'CSV（印刷厂/短信）' }));
  const button = h('button', { type: 'button', class: 'primary', testid: 'issue-slips', text: '发放票签' });
  // Beyond 应到 the server asks for a reason (kept in the audit log); the field appears only then.
  const reason = h('input', { type: 'text', maxlength: '200', placeholder: '超出应到人数的原因，如：替换填错的票',
    testid: 'slip-reason', 'aria-label': '超出应到人数的原因', hidden: true });
  button.addEventListener('click', () => busy(button, async () => {
    try {
      const file = await issue(event.id, category.value, Number(count.value), format.value, reason.value.trim());
      offerDownload(file, 'slips-' + category.value + '.' + format.value);
      showMessage(message, '已发放 ' + count.value + ' 张。文件是票签唯一的副本，请立即保存并妥善保管。', 'success');
      reason.value = '';
      reason.hidden = true;
      button.textContent = '发放票签';
      refresh();
    } catch (e) {
      if (e.code === 'over_expected') {
        reason.hidden = false;
        button.textContent = '填写原因后仍然发放';
        showMessage(message, e.message + '。', 'error');
        reason.focus();
        return;
      }
      showError(message, e, panel);
      if (e.code === 'download_interrupted') refresh();
    }
  }));
  return h('div', { class: 'inline-form' }, category, count, format, reason, button);
}

function voidForm(event, message, panel, refresh) {
  const serial = h('input', { type: 'text', placeholder: '如 A-0042', testid: 'void-serial', 'aria-label': '作废票签编号' });
  const button = h('button', { type: 'button', class: 'small', testid: 'void-slip', text: '作废遗失票签' });
  button.addEventListener('click', () => busy(button, async () => {
    try {
      await post('/events/' + event.id + '/slips/' + encodeURIComponent(serial.value.trim()) + '/void');
      showMessage(message, '票签 ' + serial.value.trim() + ' 已作废', 'success');
      refresh();
    } catch (e) {
      showError(message, e, panel);
    }
  }));
  return h('div', { class: 'inline-form' }, serial, button);
}

async function issue(eventId, category, count, format, reason) {
  let response;
  try {
    response = await fetch('/api/events/' + eventId + '/slips', {
      method: 'POST', cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session.token },
      body: JSON.stringify(reason ? { category, count, format, reason } : { category, count, format }),
    });
  } catch {
    throw new ApiError(0, { error: 'network', message: '无法连接服务器，请检查网络' });
  }
  if (response.ok) {
    try {
      return await response.blob();
    } catch {
      // The file streams after the batch is committed: a broken download loses the file, not the slips.
      throw new ApiError(0, { error: 'download_interrupted',
        message: '下载中断：这批票签已发放，但文件不完整（缺少的票签无人能用）。可按编号作废缺少的票签，再重新发放。' });
    }
  }
  let body = {};
  try { body = await response.json(); } catch { body = {}; }
  throw new ApiError(response.status, body);
}

function offerDownload(blob, name) {
  const link = h('a', { href: URL.createObjectURL(blob), download: name, testid: 'slips-download', text: '下载 ' + name });
  document.body.appendChild(link);
  link.click();
  link.remove();
}
