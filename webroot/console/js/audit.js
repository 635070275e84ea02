// 审计日志 (admin only): newest first, 50 at a time, 加载更多 pages back with ?before=<id>.

import { get } from './api.js';
import { h, mount, messageBox, showError, busy, formatTime } from './dom.js';

const ACTIONS = {
  'auth.login': '登录', 'auth.login_failed': '登录失败',
  'account.created': '创建账户', 'account.changed': '修改账户', 'account.password_reset': '重置密码',
  'account.password_changed': '修改密码',
  'event.created': '创建活动', 'event.edited': '编辑活动', 'event.open': '开始投票', 'event.closed': '结束投票',
  'event.archived': '归档活动',
  'form.created': '创建表单', 'form.edited': '编辑表单', 'form.list_pasted': '导入名单', 'form.frozen': '冻结表单',
  'form.deleted': '删除表单',
};
const OBJECTS = { account: '账户', event: '活动', form: '表单' };
const PAGE = 50;

export async function showAudit() {
  const message = messageBox('audit-error');
  const body = h('tbody');
  const more = h('button', { type: 'button', testid: 'audit-more', text: '加载更多', hidden: true });
  mount(h('section', { class: 'panel' }, h('h1', { text: '审计日志' }), message,
    h('table', { class: 'table', testid: 'audit-table' },
      h('thead', {}, h('tr', {}, ['时间', '操作人', '操作', '对象', '详情'].map((t) => h('th', { scope: 'col', text: t })))),
      body),
    h('div', { class: 'actions' }, more)));

  let before = null;
  async function load() {
    try {
      const rows = await get('/audit?limit=' + PAGE + (before ? '&before=' + encodeURIComponent(before) : ''));
      for (const row of rows) body.appendChild(auditRow(row));
      if (rows.length) before = rows[rows.length - 1].id;
      more.hidden = rows.length < PAGE;
      if (!body.childNodes.length) body.appendChild(h('tr', {}, h('td', { colspan: '5', class: 'empty', text: '没有记录。' })));
    } catch (error) {
      showError(message, error);
    }
  }
  more.addEventListener('click', () => busy(more, load));
  await load();
}

function auditRow(row) {
  const details = row.details && Object.keys(row.details).length ? JSON.stringify(row.details) : '';
  return h('tr', { dataset: { auditId: String(row.id) } },
    h('td', { class: 'nowrap', text: formatTime(row.at) }),
    h('td', { text: row.actorName || '—' }),
    h('td', { title: row.action, text: ACTIONS[row.action] || row.action }),
    h('td', { text: (OBJECTS[row.objectType] || row.objectType || '') + (row.objectId ? ' ' + row.objectId : '') }),
    h('td', {}, details ? h('code', { class: 'details', text: details }) : ''));
}
