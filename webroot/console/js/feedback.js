// 意见箱 (organizers, admins and accounts granted the right): the boxes with their messages' counts, a new box
// (organizers), its poster, and (admins) who may triage. The messages themselves are in feedback-box.js.

import { get, post, put, can, ROLES } from './api.js';
import { h, field, mount, messageBox, showMessage, showError, clearFieldErrors, busy } from './dom.js';
import { fetchFile, save } from './download.js';

export async function showFeedback() {
  const message = messageBox('feedback-message');
  const body = h('tbody');
  const page = h('section', { class: 'panel' },
    h('h1', { text: '意见箱' }),
    h('p', { class: 'hint', text: '意见箱常年开放，任何人不需要账户即可匿名留言。当天的留言最迟在次日一起出现在这里（当天满 10 条时先出现一部分），不按提交先后排列，也不显示提交时刻。' }),
    message,
    h('table', { class: 'table', testid: 'boxes-table' },
      h('thead', {}, h('tr', {}, ['名称', '单位 / 活动', '待处理', '办理中', '已办结', '手机访问地址', '操作']
        .map((t) => h('th', { scope: 'col', text: t })))),
      body));
  mount(page);
  if (can('organizer')) page.appendChild(createForm(message, () => load()));
  if (can('admin')) page.appendChild(await handlersPanel(message));

  async function load() {
    try {
      const boxes = await get('/feedback/boxes');
      body.textContent = '';
      if (!boxes.length) body.appendChild(h('tr', {}, h('td', { colspan: 7, class: 'empty', text: '还没有意见箱' })));
      for (const box of boxes) body.appendChild(boxRow(box, message));
    } catch (error) {
      showError(message, error);
    }
  }
  await load();
}

function boxRow(box, message) {
  const poster = can('organizer') ? h('button', { type: 'button', class: 'small', testid: 'box-poster', text: '下载海报（PDF）' }) : null;
  if (poster) {
    poster.addEventListener('click', () => busy(poster, async () => {
      try {
        const file = await fetchFile('/api/feedback/boxes/' + box.id + '/poster.pdf');
        save(file.blob, file.name);
      } catch (error) {
        showError(message, error);
      }
    }));
  }
  return h('tr', { dataset: { box: box.id } },
    h('td', {}, h('a', { href: '#/feedback/' + box.id, testid: 'box-link', text: box.title })),
    h('td', { text: [box.unit, box.eventTitle ? '《' + box.eventTitle + '》' : ''].filter(Boolean).join(' ') }),
    h('td', { class: 'num', text: String(box.counts.new) }),
    h('td', { class: 'num', text: String(box.counts.open) }),
    h('td', { class: 'num', text: String(box.counts.done) }),
    h('td', {}, h('code', { class: 'url', testid: 'box-url', text: box.url })),
    h('td', {}, h('div', { class: 'row-actions' },
      h('a', { class: 'button small', href: '#/feedback/' + box.id, text: '处理意见' }), poster)));
}

function createForm(message, reload) {
  const title = h('input', { id: 'box-title', testid: 'box-title-input', maxlength: 100 });
  const unit = h('input', { id: 'box-unit', testid: 'box-unit-input', maxlength: 100 });
  const event = h('select', { id: 'box-event', testid: 'box-event' }, h('option', { value: '', text: '（不属于某次活动）' }));
  get('/events').then((events) => events.forEach((e) => event.appendChild(h('option', { value: e.id, text: e.title }))))
    .catch(() => {});
  const create = h('button', { type: 'submit', class: 'primary', testid: 'box-create', text: '新建意见箱' });
  const form = h('form', { class: 'subpanel', novalidate: true },
    h('h2', { text: '新建意见箱' }),
    h('div', { class: 'grid' },
      field('名称', title, { path: 'title', hint: '如“干部选拔任用工作意见箱”' }),
      field('单位', unit, { path: 'unit' }),
      field('所属活动（可不选）', event, { path: 'eventId' })),
    h('div', { class: 'actions' }, create));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    busy(create, async () => {
      try {
        const box = await post('/feedback/boxes', { title: title.value, unit: unit.value, eventId: event.value || undefined });
        form.reset();
        await reload();
        showMessage(message, '已新建意见箱“' + box.title + '”，请下载海报张贴。', 'success');
      } catch (error) {
        showError(message, error, form);
      }
    });
  });
  return form;
}

async function handlersPanel(message) {
  const list = h('ul', { class: 'handlers', testid: 'feedback-handlers' });
  const panel = h('section', { class: 'subpanel' }, h('h2', { text: '意见处理权限' }),
    h('p', { class: 'hint', text: '组织者和管理员可以处理意见；其他账户（如纪检人员）须在这里授予。授予和收回都记入审计日志。' }), list);
  try {
    for (const account of await get('/feedback/handlers')) {
      if (account.role === 'admin' || account.role === 'organizer') continue;
      const box = h('input', { type: 'checkbox', checked: account.handles, testid: 'handler-' + account.username });
      box.addEventListener('change', async () => {
        try {
          await put('/feedback/handlers/' + account.id, { handles: box.checked });
          showMessage(message, (box.checked ? '已授予 ' : '已收回 ') + account.username + ' 的意见处理权限', 'success');
        } catch (error) {
          box.checked = !box.checked;
          showError(message, error);
        }
      });
      list.appendChild(h('li', {}, h('label', { class: 'check' }, box,
        account.displayName + '（' + account.username + '，' + (ROLES[account.role] || account.role) + '）')));
    }
    if (!list.children.length) list.appendChild(h('li', { class: 'muted', text: '没有组织者和管理员以外的账户' }));
  } catch (error) {
    showError(message, error);
  }
  return panel;
}
