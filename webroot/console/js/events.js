// 活动列表, the console's home page: 试用期提醒 (what is due on the probation register), then every event with its
// status, and 新建活动 for organisers.

import { get, can, STATUSES } from './api.js';
import { h, mount, messageBox, showError } from './dom.js';
import { duePanel } from './probation-due.js';

export function statusBadge(status, testid) {
  return h('span', { class: 'status status-' + status, testid, dataset: { status },
    text: STATUSES[status] || status });
}

export async function showEvents() {
  const message = messageBox('events-error');
  const body = h('tbody');
  const table = h('table', { class: 'table', testid: 'events-table' },
    h('thead', {}, h('tr', {}, ['活动名称', '组织单位', '日期', '状态'].map((t) => h('th', { scope: 'col', text: t })))),
    body);
  const actions = h('div', { class: 'page-actions' });
  if (can('organizer')) {
    actions.appendChild(h('a', { href: '#/events/new', class: 'button primary', testid: 'new-event', text: '新建活动' }));
  }
  mount(h('div', { class: 'home' }, duePanel(), h('section', { class: 'panel' },
    h('div', { class: 'page-head' }, h('h1', { text: '活动列表' }), actions), message, table)));

  try {
    const events = await get('/events');
    if (!events.length) {
      body.appendChild(h('tr', {}, h('td', { colspan: '4', class: 'empty', text: '还没有活动。' })));
      return;
    }
    for (const event of events) {
      body.appendChild(h('tr', { dataset: { eventId: event.id } },
        h('td', {}, h('a', { href: '#/events/' + event.id, text: event.title, testid: 'event-link' })),
        h('td', { text: event.organizingUnit || '' }),
        h('td', { text: event.date || '' }),
        h('td', {}, statusBadge(event.status))));
    }
  } catch (error) {
    showError(message, error);
  }
}
