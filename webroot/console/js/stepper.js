// The event's stage at the top of its page: 准备 → 发放票签 → 投票 → 计票核对 → 归档, what is done and what to do next,
// for an organizer who runs an evaluation once a year and cannot be expected to remember the order.

import { h, fill } from './dom.js';

const STEPS = ['准备', '发放票签', '投票', '计票核对', '归档'];

/**
 * The stepper. A draft's step depends on whether slips have been issued: it follows the counts the slip panel on
 * the same page announces (the "slip-counts" event, on each load and after each issue), so it moves on at once.
 */
export function stepper(event, page) {
  const node = h('nav', { class: 'stepper', testid: 'stepper', 'aria-label': '活动进度' });
  const show = (issued) => render(node, event, stage(event, issued));
  show(null);
  const follow = (e) => {
    // The page is rendered afresh after each save: a stepper no longer on it stops listening.
    if (!node.isConnected) page.removeEventListener('slip-counts', follow);
    else show(e.detail.reduce((n, r) => n + r.issued, 0));
  };
  page.addEventListener('slip-counts', follow);
  return node;
}

/** Which step is current (0-based; 5 when everything is done) and what to do next there. */
export function stage(event, issued) {
  const forms = event.forms || [];
  const categories = event.categories || [];
  switch (event.status) {
    case 'archived':
      return { current: 5, next: '已归档：活动只能查看。请在“导出与归档”下载归档包，并把清单哈希抄写在纸质档案上。' };
    case 'closed':
      return { current: 3, next: '下一步：录入并核对纸质票，清点未使用的票签（作废或登记为未收回），然后在“导出与归档”检查资料并归档。',
        link: { href: '#/events/' + event.id + '/exports', text: '前往导出与归档' } };
    case 'open':
      return { current: 2, next: '投票进行中。会场投票结束后点击“结束投票”；结束前请确认纸质票都已交回。' };
    default:
      if (!categories.length || !forms.length) {
        const missing = [!categories.length && '添加参评人员类别（票类）并保存', !forms.length && '从模板新建表单并填写名单']
          .filter(Boolean);
        return { current: 0, next: '下一步：' + missing.join('；') + '。' };
      }
      if (issued === 0) return { current: 1, next: '下一步：在下方“票签”中为每个类别发放票签并打印（每人一张）。' };
      if (issued === null) return { current: 1, next: '' };
      return { current: 2, next: '票签已发放。会场就绪后点击“开始投票”；开始后表单和参评人员类别不能再修改。' };
  }
}

function render(node, event, { current, next, link }) {
  fill(node,
    h('ol', { class: 'steps' }, STEPS.map((name, i) => {
      const state = i < current ? 'done' : i === current ? 'current' : 'todo';
      return h('li', { class: 'step ' + state, dataset: { state }, 'aria-current': i === current ? 'step' : null },
        h('span', { class: 'step-mark', 'aria-hidden': 'true', text: i < current ? '✓' : String(i + 1) }),
        h('span', { class: 'step-name', text: name }),
        h('span', { class: 'visually-hidden', text: state === 'done' ? '（已完成）' : state === 'current' ? '（当前）' : '' }));
    })),
    next ? h('p', { class: 'step-next', testid: 'step-next' }, next, link ? ' ' : null,
      link ? h('a', { href: link.href, text: link.text }) : null) : null);
}
