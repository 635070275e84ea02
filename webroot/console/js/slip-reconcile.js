// 清点未使用的票签, after the close: the unused serials per category (and a printable list), voiding the blank
// slips collected back, and declaring the rest not returned (未收回). Each step says in its question what it does.

import { get, post, can } from './api.js';
import { h, showMessage, showError, confirmDialog, busy } from './dom.js';
import { downloadButton } from './exports.js';

const MAX_VOID = 1000;

export function reconcileSection(event, message, panel, refreshCounts) {
  const body = h('tbody', { testid: 'unused-serials' });
  const total = h('p', { class: 'strong', testid: 'unused-total' });
  const table = h('table', { class: 'table compact' },
    h('thead', {}, h('tr', {}, ['类别', '未使用', '编号'].map((t) => h('th', { scope: 'col', text: t })))), body);
  // Hidden once every slip is accounted for: nothing is left to print, void or declare.
  const work = h('div', { class: 'reconcile-work' }, h('div', { class: 'actions' },
    downloadButton('打印未使用票签清单（PDF）', 'print-unused', '/api/events/' + event.id + '/slips/unused.pdf',
      message, panel)));
  const section = h('div', { class: 'reconcile', testid: 'slip-reconcile' },
    h('h3', { text: '清点未使用的票签' }),
    h('p', { class: 'hint', text: '投票已结束。请对照下表清点剩下的票签：收回的空白票签按编号作废；已发出而未交回的，'
      + '登记为“未收回”。每张票签都有着落（已投票、已作废或未收回），资料规范性检查才能通过。' }),
    total, table, work);
  const unreturned = h('button', { type: 'button', class: 'danger', testid: 'declare-unreturned', text: '登记未收回' });
  let current = { total: 0, categories: [] };
  const reload = async () => {
    current = await get('/events/' + event.id + '/slips/unused');
    fillUnused(body, total, current);
    unreturned.textContent = '将其余 ' + current.total + ' 张登记为未收回';
    unreturned.disabled = current.total === 0;
    table.hidden = current.total === 0;
    work.hidden = current.total === 0;
  };
  const after = () => Promise.all([reload(), refreshCounts()]).catch((e) => showError(message, e, panel));
  reload().catch((e) => showError(message, e, panel));
  if (event.status === 'closed' && can('organizer')) {
    unreturned.addEventListener('click', () => declare(event, current, unreturned, message, panel, after));
    work.append(voidForm(event, message, panel, after),
      h('div', { class: 'inline-form' }, unreturned,
        h('span', { class: 'hint', text: '先作废收回的空白票签，剩下的再登记为未收回。' })));
  }
  return section;
}

function fillUnused(body, total, unused) {
  body.textContent = '';
  total.textContent = unused.total
    ? '还有 ' + unused.total + ' 张票签既未投票、未作废，也未登记为未收回：'
    : '所有票签都已有着落（已投票、已作废或已登记为未收回）。';
  for (const c of unused.categories) {
    body.appendChild(h('tr', { dataset: { category: c.category } },
      h('td', { text: c.category + ' ' + (c.name || '') }), h('td', { text: String(c.count) }),
      h('td', { class: 'serials', text: c.text })));
  }
}

/** The void form, for lost slips while voting and for the blank slips collected after it. */
export function voidForm(event, message, panel, refresh) {
  const serials = h('input', { type: 'text', placeholder: '如 A-0042，多张用逗号分开，连号写 A-0007 至 A-0012',
    testid: 'void-serial', 'aria-label': '作废票签编号', class: 'wide' });
  const button = h('button', { type: 'button', class: 'small', testid: 'void-slip',
    text: event.status === 'closed' ? '作废收回的空白票签' : '作废遗失票签' });
  button.addEventListener('click', async () => {
    let list;
    try {
      list = parseSerials(serials.value);
    } catch (e) {
      showMessage(message, e.message);
      return;
    }
    const question = '将作废 ' + list.length + ' 张票签：' + shortList(list) + '。作废后这些票签不能再投票，'
      + '在档案中记为“已作废”，发出票数相应减少；此操作不能撤销。确定作废吗？';
    if (!(await confirmDialog(question, '作废'))) return;
    await busy(button, async () => {
      try {
        await post('/events/' + event.id + '/slips/void', { serials: list });
        showMessage(message, '已作废 ' + list.length + ' 张票签：' + shortList(list), 'success');
        serials.value = '';
        await refresh();
      } catch (e) {
        showError(message, e, panel);
      }
    });
  });
  return h('div', { class: 'inline-form' }, serials, button);
}

async function declare(event, current, button, message, panel, refresh) {
  const parts = current.categories.map((c) => c.category + ' 类 ' + c.count + ' 张：' + c.text).join('；');
  const question = '将把其余 ' + current.total + ' 张未使用的票签（' + parts + '）登记为“未收回”，即已发出而未交回。'
    + '登记后这些票签不能再投票，也不能再作废，此操作不能撤销。收回的空白票签请先作废。确定登记吗？';
  if (!(await confirmDialog(question, '登记未收回'))) return;
  await busy(button, async () => {
    try {
      const result = await post('/events/' + event.id + '/slips/unreturned', { count: current.total });
      showMessage(message, '已将 ' + result.declared + ' 张票签登记为未收回', 'success');
    } catch (e) {
      showError(message, e, panel);
    }
  });
  // After busy() has re-enabled the button: the refresh disables it again when nothing is left to declare.
  await refresh();
}

/** "A-0003, A-0007 至 A-0009" → [A-0003, A-0007, A-0008, A-0009]; the ranges as the list above prints them. */
export function parseSerials(text) {
  const items = text.replace(/\s*(至|~|～)\s*/g, '~').split(/[\s,，、;；]+/).filter(Boolean);
  const out = [];
  for (const item of items) {
    const range = /^(.+)-(\d+)~(.+)-(\d+)$/.exec(item);
    if (!range) {
      out.push(item);
    } else {
      const [, code, from, otherCode, to] = range;
      if (code !== otherCode || Number(to) < Number(from)) throw new Error('编号范围有误：' + item.replace('~', ' 至 '));
      for (let n = Number(from); n <= Number(to) && out.length <= MAX_VOID; n += 1) {
        out.push(code + '-' + String(n).padStart(4, '0'));
      }
    }
    if (out.length > MAX_VOID) throw new Error('一次最多作废 ' + MAX_VOID + ' 张');
  }
  if (!out.length) throw new Error('请填写要作废的票签编号');
  return out;
}

function shortList(list) {
  return list.length <= 12 ? list.join('、') : list.slice(0, 12).join('、') + ' 等';
}
