// 试用期提醒 on the home page: overdue (red, counted, the count also in the page title), ending within 30 days, and
// assessed with the event that assessed them.

import { get } from './api.js';
import { h, fill } from './dom.js';
import { stateBadge, assessmentCell, daysText, postText } from './probation-parts.js';

const DONE_SHOWN = 10;

export function duePanel() {
  const node = h('section', { class: 'panel due-panel', testid: 'due-panel', 'aria-label': '试用期提醒' }, h('p', { class: 'muted', text: '正在加载试用期提醒……' }));
  load(node);
  return node;
}

async function load(node) {
  let due;
  try {
    due = await get('/probation/due');
  } catch {
    fill(node, h('p', { class: 'muted', text: '试用期提醒暂时无法加载。' }));
    return;
  }
  const count = due.overdueCount;
  if (count > 0 && !document.title.startsWith('（')) document.title = '（' + count + ' 人逾期）' + document.title;
  fill(node,
    h('div', { class: 'page-head' },
      h('h2', { text: '试用期提醒' }),
      count > 0 ? h('span', { class: 'overdue-count', testid: 'overdue-count', text: count + ' 人逾期未考核' }) : null,
      h('a', { href: '#/probation', class: 'page-actions', testid: 'probation-link', text: '试用期干部登记 →' })),
    section('已逾期（试用期已满，尚未完成考核）', due.overdue, 'due-overdue', due.today, 'overdue'),
    section('即将期满（' + due.windowDays + ' 天内）', due.due, 'due-soon', due.today, 'due'),
    section('已考核', due.done.slice(0, DONE_SHOWN), 'due-done', due.today, 'done'),
    !due.overdue.length && !due.due.length && !due.done.length
      ? h('p', { class: 'muted', testid: 'due-empty', text: '近期没有试用期满的干部。' }) : null);
}

function section(title, entries, testid, today, kind) {
  if (!entries.length) return null;
  const rows = entries.map((e) => h('tr', { class: 'due-' + kind, dataset: { entryId: e.id } },
    h('td', {}, stateBadge(e)),
    h('td', { class: 'nowrap', text: e.name }),
    h('td', { text: postText(e) }),
    h('td', { class: 'nowrap', text: e.endsOn }),
    h('td', { class: 'nowrap', text: kind === 'done' ? '' : daysText(e, today) }),
    h('td', {}, assessmentCell(e))));
  return h('div', { class: 'due-section', testid },
    h('h3', { text: title + '：' + entries.length + ' 人' }),
    h('table', { class: 'table compact' },
      h('thead', {}, h('tr', {}, ['状态', '姓名', '现任职务', '试用期满', '', '试用期满考核']
        .map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, rows)));
}
