// 预览: the form rendered by shared/ballot-view.js inside a phone-width frame, exactly as voters see it,
// with a 模拟提交 check that lists what a voter would still have to answer.

import { renderBallot } from '/shared/ballot-view.js';
import { h } from './dom.js';

export function previewPanel() {
  const frame = h('div', { class: 'phone-screen', testid: 'preview', id: 'preview' });
  const result = h('div', { class: 'preview-result', testid: 'preview-result' });
  result.setAttribute('aria-live', 'polite');
  const answers = h('pre', { class: 'code preview-answers', testid: 'preview-answers', hidden: true });
  let ballot = null;
  let pending = 0;

  const check = h('button', { type: 'button', class: 'small', testid: 'preview-check', text: '模拟提交检查' });
  check.addEventListener('click', () => {
    if (!ballot) return;
    const problems = ballot.validate();
    result.textContent = '';
    result.appendChild(problems.length
      ? h('ul', { class: 'problems' }, problems.map((p) => h('li', { dataset: { path: p.path }, text: p.message })))
      : h('p', { class: 'ok', text: '可以提交：必答项已全部作答。' }));
    answers.textContent = JSON.stringify(ballot.getAnswers(), null, 2);
    answers.hidden = false;
  });

  const node = h('aside', { class: 'preview-col', 'aria-label': '预览' },
    h('h2', { text: '预览' }),
    h('p', { class: 'hint', text: '与投票人在手机上看到的一致；在这里作答不会保存。' }),
    h('div', { class: 'phone' }, frame),
    h('div', { class: 'actions' }, check), result, answers);

  return {
    node,
    /** Renders `definition`; repeated calls within a moment are folded into one. */
    show(definition) {
      clearTimeout(pending);
      pending = setTimeout(() => {
        const keep = ballot ? ballot.getAnswers() : {};
        try {
          ballot = renderBallot(frame, definition, { answers: keep, idPrefix: 'preview' });
        } catch (error) {
          frame.textContent = '';
          frame.appendChild(h('p', { class: 'message error', text: '无法预览：' + error.message }));
        }
        result.textContent = '';
      }, ballot ? 150 : 0);
    },
  };
}
