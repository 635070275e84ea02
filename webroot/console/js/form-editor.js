// 表单编辑: title and instructions, question texts, pasting name lists from Excel, recommendation positions,
// the advanced JSON editor, and beside it the live preview exactly as a voter sees it.

import { get, put, post, can, ApiError } from './api.js';
import { h, field, mount, messageBox, showMessage, showError, clearFieldErrors, busy } from './dom.js';
import { questionEditor, subjectsEditor } from './form-parts.js';
import { previewPanel } from './preview.js';
import { TEMPLATE_NAMES } from './forms.js';

export async function showFormEditor(id) {
  const page = h('section', { class: 'panel' }, h('p', { text: '正在加载……' }));
  mount(page);
  const message = messageBox('form-errors');
  try {
    const form = await get('/forms/' + encodeURIComponent(id));
    new FormEditor(page, message, form).render();
  } catch (error) {
    page.textContent = '';
    page.append(h('h1', { text: '表单' }), message);
    showError(message, error);
  }
}

class FormEditor {
  constructor(page, message, form) {
    this.page = page;
    this.message = message;
    this.preview = previewPanel();
    this.load(form);
  }

  load(form) {
    this.form = form;
    this.draft = JSON.parse(JSON.stringify(form.definition));
    this.dirty = false;
    this.editable = can('organizer') && !form.frozen;
  }

  /** Called by every editing control after it changed the draft. */
  changed() {
    this.dirty = true;
    this.saveButton.classList.add('attention');
    this.preview.show(this.draft);
  }

  render() {
    const d = this.draft;
    const path = 'definition';
    const title = h('input', { id: 'form-title', testid: 'form-title', value: d.title || '', maxLength: 200 });
    title.addEventListener('input', () => { d.title = title.value; this.changed(); });
    const instructions = h('textarea', { id: 'form-instructions', testid: 'form-instructions', rows: 2,
      maxLength: 2000, value: d.instructions || '' });
    instructions.addEventListener('input', () => { d.instructions = instructions.value; this.changed(); });
    this.saveButton = h('button', { type: 'button', class: 'primary', testid: 'save-form', text: '保存表单' });
    this.saveButton.addEventListener('click', () => busy(this.saveButton, () => this.save(this.draft)));
    if (this.dirty) this.saveButton.classList.add('attention');

    const editor = h('div', { class: 'editor-col', testid: 'form-editor' },
      this.message,
      this.form.frozen ? h('p', { class: 'notice', testid: 'form-frozen',
        text: '表单已冻结（开始投票时锁定，已记录其 SHA-256），不能再修改。' }) : null,
      h('div', { class: 'grid' },
        field('表单标题', title, { path: path + '.title', wide: true }),
        field('填写说明', instructions, { path: path + '.instructions', wide: true })),
      subjectsEditor(d, this),
      d.sections.map((section, si) => section.questions.map((q, qi) =>
        questionEditor(q, `${path}.sections[${si}].questions[${qi}]`, section, this))),
      this.editable ? h('div', { class: 'actions sticky-actions' }, this.saveButton) : null,
      this.jsonEditor());

    this.page.textContent = '';
    this.page.append(
      h('p', { class: 'crumbs' }, h('a', { href: '#/events', text: '活动列表' }), ' / ',
        h('a', { href: '#/events/' + this.form.eventId, testid: 'back-to-event', text: '返回活动' })),
      h('div', { class: 'page-head' },
        h('h1', { text: d.title || '表单' }),
        h('span', { class: 'status ' + (this.form.frozen ? 'status-open' : 'status-draft'), testid: 'form-state',
          text: (this.form.frozen ? '已冻结' : '草稿') + ' · 第 ' + this.form.version + ' 版 · ' +
            (TEMPLATE_NAMES[d.template] || d.template || '') })),
      h('div', { class: 'editor-layout' }, editor, this.preview.node));
    if (!this.editable) {
      editor.querySelectorAll('input, textarea, select, button').forEach((n) => { n.disabled = true; });
    }
    this.preview.show(this.draft);
  }

  /** PUT the whole definition; on success reload everything from the server's answer. */
  async save(definition) {
    try {
      const saved = await put('/forms/' + this.form.id, { version: this.form.version, definition });
      this.load(saved);
      this.render();
      showMessage(this.message, '已保存（第 ' + saved.version + ' 版）', 'success');
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  /** POST a pasted list; pending edits are saved first so the paste does not discard them. */
  async paste(body, scope) {
    if (!body.tsv.trim()) {
      showMessage(this.message, '请先粘贴名单（从 Excel 或 WPS 复制）');
      return;
    }
    if (this.dirty && !(await this.save(this.draft))) return;
    try {
      const saved = await post('/forms/' + this.form.id + '/paste', body);
      this.load(saved);
      this.render();
      showMessage(this.message, '已导入（第 ' + saved.version + ' 版）', 'success');
    } catch (error) {
      this.fail(error, scope);
    }
  }

  fail(error, scope) {
    clearFieldErrors(this.page);
    showError(this.message, error, scope || this.page, { listAll: true });
    if (error instanceof ApiError && error.status === 409) {
      this.message.appendChild(h('button', { type: 'button', class: 'small', testid: 'reload-form', text: '重新加载表单',
        onclick: () => showFormEditor(this.form.id) }));
    }
    this.message.scrollIntoView({ block: 'nearest' });
  }

  jsonEditor() {
    const area = h('textarea', { id: 'form-json', testid: 'form-json', rows: 24, spellcheck: false,
      class: 'code', 'aria-label': '表单定义 JSON' });
    const fill = () => { area.value = JSON.stringify(this.draft, null, 2); };
    fill();
    const save = h('button', { type: 'button', testid: 'save-form-json', text: '保存 JSON' });
    save.addEventListener('click', () => busy(save, async () => {
      let definition;
      try {
        definition = JSON.parse(area.value);
      } catch (e) {
        showMessage(this.message, 'JSON 格式错误：' + e.message);
        return;
      }
      await this.save(definition);
    }));
    const details = h('details', { class: 'advanced', testid: 'advanced-json', dataset: { field: 'definition' } },
      h('summary', { text: '高级：编辑 JSON' }),
      h('p', { class: 'hint', text: '整份表单定义（格式见 docs/form-format.md）。保存时服务器会校验并标出错误的路径。' }),
      area, this.editable ? h('div', { class: 'actions' }, save) : null);
    details.addEventListener('toggle', () => { if (details.open) fill(); });
    return details;
  }
}
