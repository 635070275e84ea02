// 票签 on the event page: issue a batch per category (PDF to print, or CSV), void a lost slip, see the counts
// (live while voting is open), and after the close account for every unused slip (slip-reconcile.js).
// The server keeps no tokens: the downloaded file is the only copy, so it is offered once, right away.

import { get, can, session, ApiError } from './api.js';
import { h, messageBox, showMessage, showError, busy, confirmDialog } from './dom.js';
import { reconcileSection, voidForm } from './slip-reconcile.js';
import { liveCounts } from './slip-live.js';

export function slipsPanel(event) {
  const message = messageBox('slips-error');
  const counts = h('tbody', { testid: 'slip-counts' });
  const panel = h('section', { class: 'subpanel', testid: 'slips-panel' },
    h('h2', { text: '票签' }), message,
    h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, ['类别', '已发放', '未使用', '已投票', '已作废', '未收回']
        .map((t) => h('th', { scope: 'col', text: t })))),
      counts));
  const names = {};
  (event.categories || []).forEach((c) => { names[c.code] = c.name; });
  const refresh = () => get('/events/' + event.id + '/slips/counts')
    .then((rows) => {
      fillCounts(counts, rows, names);
      // The stepper above follows the counts (a draft with slips issued is ready to open).
      panel.dispatchEvent(new CustomEvent('slip-counts', { bubbles: true, detail: rows }));
    })
    .catch((e) => showError(message, e, panel));
  refresh();
  const issuing = event.status === 'draft' || event.status === 'open';
  const address = issuing ? phonesAddress() : null;
  if (issuing) panel.insertBefore(address.warning, message);
  if (event.status === 'open') panel.insertBefore(liveCounts(event, panel, refresh), message.nextSibling);
  if (can('organizer') && issuing) {
    panel.appendChild(issueForm(event, message, panel, refresh, address));
    panel.appendChild(voidForm(event, message, panel, refresh));
  }
  if (event.status === 'closed' || event.status === 'archived') {
    panel.appendChild(reconcileSection(event, message, panel, refresh));
  }
  return panel;
}

/**
 * The phones' address as the server has it: a loopback or link-local address (the server's fallback when it
 * finds no LAN address) prints QR codes no phone can open, which is found out only in the hall. Said loudly here,
 * and issuing then asks first.
 */
function phonesAddress() {
  const warning = h('div', { class: 'message error loud', role: 'alert', testid: 'public-url-warning', hidden: true });
  const state = { warning, problem: null, url: '' };
  get('/config').then((config) => {
    if (config.publicUrlReachable !== false) return;
    state.problem = config.publicUrlProblem;
    state.url = config.publicUrl;
    warning.append(h('strong', { text: '手机打不开票签上的地址：' + config.publicUrl }),
      h('p', { text: config.publicUrlProblem + '。票签二维码和票码入口都会指向这个地址，手机扫码后将无法投票。' }),
      h('p', { text: '请以环境变量 PINGYI_PUBLIC_URL 设置手机能访问的局域网地址（如 http://192.168.1.10:8080）并重启服务器，'
        + '然后再发放票签。' }));
    warning.hidden = false;
  }).catch(() => { /* the footer shows the address too; issuing still asks the server, which refuses */ });
  return state;
}

function fillCounts(body, rows, names) {
  body.textContent = '';
  for (const row of rows) {
    body.appendChild(h('tr', { dataset: { category: row.category } },
      h('td', { text: row.category + ' ' + (names[row.category] || '') }),
      ...[row.issued, row.unused, row.used, row.void, row.unreturned].map((n) => h('td', { text: String(n) }))));
  }
}

function issueForm(event, message, panel, refresh, address) {
  const category = h('select', { testid: 'slip-category', 'aria-label': '参评人员类别' },
    ...(event.categories || []).map((c) => h('option', { value: c.code, text: c.code + ' ' + c.name })));
  const count = h('input', { type: 'number', min: '1', max: '100000', value: '10', testid: 'slip-count', 'aria-label': '张数' });
  const format = h('select', { testid: 'slip-format', 'aria-label': '格式' },
    h('option', { value: 'pdf', text: 'PDF（打印）' }), h('option', { value: 'csv', text: 'CSV（印刷厂/短信）' }));
  const button = h('button', { type: 'button', class: 'primary', testid: 'issue-slips', text: '发放票签' });
  // Beyond 应到 the server asks for a reason (kept in the audit log); the field appears only then.
  const reason = h('input', { type: 'text', maxlength: '200', placeholder: '超出应到人数的原因，如：替换填错的票',
    testid: 'slip-reason', 'aria-label': '超出应到人数的原因', hidden: true });
  button.addEventListener('click', async () => {
    let confirmed = false;
    if (address.problem) {
      confirmed = await confirmDialog('手机打不开票签上的地址 ' + address.url + '（' + address.problem + '）。'
        + '照此发放的票签在会场扫码后无法投票，只适合在本机试用。仍要发放吗？', '仍然发放');
      if (!confirmed) return;
    }
    await send(confirmed);
  });
  const send = (confirmed) => busy(button, async () => {
    try {
      const file = await issue(event.id, category.value, Number(count.value), format.value, reason.value.trim(),
        confirmed);
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
  });
  return h('div', { class: 'inline-form' }, category, count, format, reason, button);
}

async function issue(eventId, category, count, format, reason, confirmUnreachableUrl) {
  let response;
  try {
    response = await fetch('/api/events/' + eventId + '/slips', {
      method: 'POST', cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session.token },
      body: JSON.stringify({ category, count, format, ...(reason ? { reason } : {}),
        ...(confirmUnreachableUrl ? { confirmUnreachableUrl: true } : {}) }),
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
