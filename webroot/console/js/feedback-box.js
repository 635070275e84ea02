// One feedback box's messages (#/feedback/<box>): newest day first, each with its triage: 已阅, 转办 (to whom) and
// 办结 with the reply the submitter reads with their follow-up code. Messages are shown as text only.

import { get, post } from './api.js';
import { h, mount, messageBox, showMessage, showError, busy } from './dom.js';
import { fetchFile, save } from './download.js';

export async function showFeedbackBox(boxId) {
  const message = messageBox('triage-message');
  const list = h('div', { class: 'fb-list', testid: 'feedback-list' });
  const heading = h('h1', { text: '意见箱' });
  const exportButton = h('button', { type: 'button', testid: 'feedback-export', text: '导出 Excel（xlsx）' });
  const page = h('section', { class: 'panel' },
    h('p', { class: 'crumbs' }, h('a', { href: '#/feedback', text: '意见箱' }), ' / 处理意见'),
    h('div', { class: 'page-head' }, heading, h('div', { class: 'page-actions' }, exportButton)),
    h('p', { class: 'hint', text: '只显示日期，不显示提交时刻；同一天的意见按随机顺序排列。办结时须填写答复，提交人凭查询码可以看到答复（看不到转办单位）。' }),
    message, list);
  mount(page);
  exportButton.addEventListener('click', () => busy(exportButton, async () => {
    try {
      const file = await fetchFile('/api/feedback/boxes/' + boxId + '/messages.xlsx');
      save(file.blob, file.name);
    } catch (error) {
      showError(message, error);
    }
  }));

  async function load() {
    try {
      const [boxes, messages] = await Promise.all([get('/feedback/boxes'), get('/feedback/boxes/' + boxId + '/messages')]);
      const box = boxes.find((b) => b.id === boxId);
      if (box) {
        heading.textContent = box.title;
        document.title = box.title + ' - 评议管理控制台';
      }
      list.textContent = '';
      if (!messages.length) list.appendChild(h('p', { class: 'empty', text: '还没有可以处理的意见' }));
      for (const m of messages) list.appendChild(card(m, message, load));
    } catch (error) {
      showError(message, error);
    }
  }
  await load();
}

function card(m, message, reload) {
  const done = m.status === 'done';
  const facts = h('div', { class: 'fb-facts' },
    h('span', { class: 'fb-date', text: m.receivedOn }),
    h('span', { class: 'fb-cat', text: m.categoryLabel }),
    h('span', { class: 'fb-status fb-' + m.status, testid: 'feedback-status', text: m.statusLabel }),
    m.cadre ? h('span', { class: 'fb-cadre' }, '反映：', h('strong', { text: m.cadre })) : null,
    m.referredTo ? h('span', { class: 'fb-cadre', text: '转办：' + m.referredTo }) : null);
  const body = h('div', { class: 'fb-body' }, facts, h('p', { class: 'fb-text', testid: 'feedback-text', text: m.text }));
  if (done) {
    body.appendChild(h('div', { class: 'fb-replied' }, h('p', { class: 'fb-reply-head', text: '答复（' + (m.repliedOn || '') + '）' }),
      h('p', { class: 'fb-text', text: m.reply })));
    return h('article', { class: 'fb-card', testid: 'feedback-card', dataset: { message: m.id } }, body);
  }
  const reply = h('textarea', { rows: 4, maxlength: 2000, testid: 'reply-input', 'aria-label': '答复', placeholder: '答复（办结时必填，提交人凭查询码可见）' });
  reply.value = m.reply || '';
  const referredTo = h('input', { maxlength: 200, testid: 'referred-input', 'aria-label': '转办单位', placeholder: '转办单位' });
  const step = (status, text, testid) => {
    const button = h('button', { type: 'button', class: status === 'done' ? 'primary' : undefined, testid, text });
    button.addEventListener('click', () => busy(button, async () => {
      try {
        await post('/feedback/messages/' + m.id + '/triage', { status, referredTo: referredTo.value, reply: reply.value });
        await reload();
        showMessage(message, '已' + text, 'success');
      } catch (error) {
        showError(message, error);
      }
    }));
    return button;
  };
  const controls = h('div', { class: 'fb-controls' }, reply,
    h('div', { class: 'inline' }, referredTo, step('referred', '转办', 'triage-referred')),
    h('div', { class: 'row-actions' }, m.status === 'new' ? step('read', '标为已阅', 'triage-read') : null,
      step('done', '办结', 'triage-done')));
  return h('article', { class: 'fb-card', testid: 'feedback-card', dataset: { message: m.id } }, body, controls);
}
