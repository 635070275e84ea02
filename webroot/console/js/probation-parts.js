// Shared pieces of the probation register's pages: the state badge and the recorded result in words.

import { h } from './dom.js';

const PENDING = { draft: '已发起，尚未开始投票', open: '投票中', closed: '投票已结束，归档后记入结果' };

export const STATES = { overdue: '已逾期', due: '即将期满', done: '已考核', later: '试用中' };

export function stateBadge(entry) {
  return h('span', { class: 'probation-state state-' + entry.state, testid: 'probation-state',
    dataset: { state: entry.state }, text: STATES[entry.state] || entry.state });
}

/** 优秀率 40.00%，称职以上率 80.00%，不称职 20.00% — or where the assessment stands. */
export function resultText(entry) {
  const a = entry.assessment;
  if (!a) return '';
  if (a.eventStatus !== 'archived') return PENDING[a.eventStatus] || '考核进行中';
  if (a.excellentRate == null) return '测评表中没有该干部的有效评价';
  return '优秀率 ' + a.excellentRate + '%，称职以上率 ' + a.competentOrBetterRate + '%，不称职 '
    + (a.incompetentShare == null ? '—' : a.incompetentShare + '%');
}

/** The assessment's event, linked, with its date once archived. */
export function eventLink(entry) {
  const a = entry.assessment;
  if (!a) return null;
  return h('span', { class: 'probation-event' },
    h('a', { href: '#/events/' + a.eventId, testid: 'assessment-event', text: a.eventTitle }),
    a.assessedOn ? h('span', { class: 'muted', text: '（' + a.assessedOn + '）' }) : null);
}

/** 现任职务, with the unit after it unless the post already names it (县教育局党组成员 needs no 县教育局 before it). */
export function postText(entry) {
  if (!entry.unit || (entry.currentPost || '').includes(entry.unit)) return entry.currentPost || entry.unit || '';
  return (entry.currentPost || '') + '（' + entry.unit + '）';
}

/** The assessment's event and, under it, the result or where it stands. */
export function assessmentCell(entry) {
  if (!entry.assessment) return h('span', { class: 'muted', text: '未发起' });
  return [eventLink(entry), h('div', { class: 'result', testid: 'assessment-result', text: resultText(entry) })];
}

/** "还有 12 天" / "今天期满" / "已逾期 3 天", from the server's today. */
export function daysText(entry, today) {
  const days = Math.round((Date.parse(entry.endsOn) - Date.parse(today)) / 86400000);
  if (days > 0) return '还有 ' + days + ' 天';
  if (days === 0) return '今天期满';
  return '已逾期 ' + (-days) + ' 天';
}
