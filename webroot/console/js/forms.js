// 表单 on the event page: the event's forms, 从模板新建 with a template picker, and delete.

import { get, post, del, can } from './api.js';
import { h, messageBox, showMessage, showError, confirmDialog, busy } from './dom.js';

export const TEMPLATE_NAMES = {
  'cadre-work': '干部选拔任用工作民主评议表',
  'new-cadres': '新提拔任用干部民主评议表',
  recommendation: '民主推荐票（会议推荐）',
  assessment: '民主测评表',
  custom: '自定义',
};

export function formsPanel(event) {
  const message = messageBox('forms-error');
  const body = h('tbody');
  const draft = event.status === 'draft' && can('organizer');
  const panel = h('section', { class: 'subpanel', testid: 'forms-panel' },
    h('h2', { text: '表单' }), message,
    h('table', { class: 'table', testid: 'forms-table' },
      h('thead', {}, h('tr', {}, ['表单名称', '模板', '版本', '状态', ''].map((t) => h('th', { scope: 'col', text: t })))),
      body));

  const forms = event.forms || [];
  if (!forms.length) body.appendChild(h('tr', {}, h('td', { colspan: '5', class: 'empty', text: '还没有表单，请从模板新建。' })));
  for (const form of forms) {
    const remove = draft && !form.frozen
      ? h('button', { type: 'button', class: 'ghost small danger', testid: 'delete-form', text: '删除' }) : null;
    const tr = h('tr', { dataset: { formId: form.id } },
      h('td', {}, h('a', { href: '#/forms/' + form.id, testid: 'form-link', text: form.title })),
      h('td', { text: TEMPLATE_NAMES[form.template] || form.template || '' }),
      h('td', { text: String(form.version) }),
      h('td', { text: form.frozen ? '已冻结' : '草稿' }),
      h('td', { class: 'row-actions' },
        h('a', { href: '#/forms/' + form.id, class: 'button small', testid: 'edit-form',
          text: draft && !form.frozen ? '编辑' : '查看' }),
        remove));
    if (remove) {
      remove.addEventListener('click', async () => {
        if (!(await confirmDialog('确定删除表单“' + form.title + '”吗？', '删除'))) return;
        try {
          await del('/forms/' + form.id);
          tr.remove();
          showMessage(message, '已删除', 'success');
        } catch (error) {
          showError(message, error);
        }
      });
    }
    body.appendChild(tr);
  }

  if (draft) panel.appendChild(templatePicker(event, message));
  if (draft) panel.appendChild(fromRegister(event, message));
  return panel;
}

/** 新提拔任用干部民主评议表 filled from the probation register: one row per cadre appointed in the year. */
function fromRegister(event, message) {
  const year = h('input', { id: 'register-year', testid: 'register-year', type: 'number', min: '2000', max: '2100',
    value: String(event.date ? Number(event.date.slice(0, 4)) : new Date().getFullYear()) });
  const create = h('button', { type: 'button', testid: 'create-from-register', text: '从试用期登记生成' });
  create.addEventListener('click', () => busy(create, async () => {
    try {
      const form = await post('/events/' + event.id + '/probation-cadres', { year: Number(year.value) });
      location.hash = '#/forms/' + form.id;
    } catch (error) {
      showError(message, error);
    }
  }));
  return h('div', { class: 'template-picker' },
    h('label', { for: 'register-year', text: '新提拔任用干部民主评议表：按任职年度从试用期登记生成' }),
    h('div', { class: 'inline' }, year, h('span', { text: '年任职的干部' }), create),
    h('p', { class: 'hint', text: '名单（姓名、原任职务、现任职务、任职时间）取自“试用期”登记中该年度任职的干部，生成后仍可编辑。' }));
}

function templatePicker(event, message) {
  const select = h('select', { id: 'template-picker', testid: 'template-picker' },
    h('option', { value: '', text: '正在加载模板……' }));
  const description = h('p', { class: 'hint', testid: 'template-description' });
  const create = h('button', { type: 'button', class: 'primary', testid: 'create-form', text: '从模板新建' });
  let templates = [];
  const describe = () => {
    const t = templates.find((x) => x.id === select.value);
    description.textContent = t ? t.description || '' : '';
  };
  select.addEventListener('change', describe);
  get('/templates').then((list) => {
    templates = list;
    select.textContent = '';
    for (const t of list) select.appendChild(h('option', { value: t.id, text: t.title }));
    describe();
  }).catch((error) => showError(message, error));

  create.addEventListener('click', () => busy(create, async () => {
    if (!select.value) return;
    try {
      const form = await post('/events/' + event.id + '/forms', { template: select.value });
      location.hash = '#/forms/' + form.id;
    } catch (error) {
      showError(message, error);
    }
  }));
  return h('div', { class: 'template-picker' },
    h('label', { for: 'template-picker', text: '从模板新建表单' }),
    h('div', { class: 'inline' }, select, create), description);
}
