// The fixed parts of the screen: a 1920×1080 stage scaled to whatever the projector gives, the event's title and
// status, the turnout bar (收回 / 发出 / 应到), the banner for stale numbers and full-screen messages.
// Every text from the server goes in through textContent.

import { el } from '/shared/ballot-controls.js';

export const WIDTH = 1920;
export const HEIGHT = 1080;
const STATUS = { draft: '投票尚未开始', open: '投票中', closed: '投票已结束', archived: '已归档' };

const $ = (id) => document.getElementById(id);

/** Scales the stage to fit the window, centred; returns the scale, which charts use for their pixel ratio. */
export function fit() {
  const scale = Math.min(window.innerWidth / WIDTH, window.innerHeight / HEIGHT);
  const x = (window.innerWidth - WIDTH * scale) / 2;
  const y = (window.innerHeight - HEIGHT * scale) / 2;
  $('stage').style.transform = 'translate(' + x + 'px, ' + y + 'px) scale(' + scale + ')';
  return scale;
}

export function showEvent(event) {
  const title = $('title');
  title.textContent = event.title;
  // A long title gets two lines of smaller type rather than losing its end.
  title.classList.toggle('long', event.title.length > 26);
  document.title = event.title + ' - 实时计票';
  const status = $('status');
  status.dataset.status = event.status;
  status.querySelector('.s-status-text').textContent = STATUS[event.status] || event.status;
}

/** 连接中断 while `since` is a Date (the last moment the numbers were known current), or live when null. */
export function showConnection(interrupted, since) {
  const banner = $('banner');
  $('stage').classList.toggle('stale', interrupted);
  banner.hidden = !interrupted;
  banner.textContent = !interrupted ? '' : since
    ? '连接中断，正在重新连接…（显示的是 ' + clock(since) + ' 的数据）'
    : '正在连接服务器…';
}

/** The turnout line; `quorum` is the first form's 到会 check, when the report gives one. */
export function showTurnout(t, quorum) {
  const box = $('turnout');
  if (!box.firstChild) box.append(...turnoutSkeleton());
  setText('turnout-returned', t.returned);
  setText('turnout-issued', t.issued);
  setText('turnout-expected', t.expected);
  setText('turnout-phone', t.phone);
  setText('turnout-paper', t.paper);
  setText('turnout-valid', t.valid);
  setText('turnout-invalid', t.invalid);
  const whole = Math.max(t.expected, t.issued, t.returned, 1);
  $('bar-issued').style.width = (100 * t.issued / whole) + '%';
  $('bar-returned').style.width = (100 * t.returned / whole) + '%';
  $('turnout-bar').setAttribute('aria-label', '收回 ' + t.returned + '，发出 ' + t.issued + '，应到 ' + t.expected);
  const mark = $('bar-quorum');
  mark.hidden = !quorum;
  if (quorum) mark.style.left = (100 * quorum.required / whole) + '%';
  showTurnoutLine(t, quorum);
  showCategories(t.categories || []);
}

function showTurnoutLine(t, quorum) {
  const line = $('turnout-line');
  line.textContent = '';
  line.className = 't-line';
  if (t.returnedExceedsIssued) {
    line.classList.add('alarm');
    line.textContent = '收回票数多于发出票数：按规定本次投票无效，须重新投票';
  } else if (t.returnedExceedsExpected) {
    line.classList.add('short');
    line.textContent = '实到 ' + t.returned + ' 人，多于应到人数 ' + t.expected + ' 人，请核实';
  } else if (quorum) {
    line.classList.add(quorum.reached ? 'ok' : 'short');
    line.textContent = '到会 ' + quorum.present + ' 人，' + (quorum.reached ? '已达到' : '未达到') + '应到人数的 '
      + quorum.share + '（' + quorum.required + ' 人）';
  }
}

function showCategories(categories) {
  const foot = $('categories');
  foot.textContent = '';
  if (categories.length < 2) return;
  foot.append(el('span', 'c-label', '分类别收回'));
  categories.forEach((c) => {
    const item = el('span', 'c-item' + (c.returnedExceedsExpected ? ' c-over' : ''),
      c.code + ' ' + c.name + ' ' + c.returned + '/' + c.expected + (c.returnedExceedsExpected ? ' 超出应到' : ''));
    foot.append(item);
  });
}

function turnoutSkeleton() {
  const number = (id, label, cls) => {
    const box = el('div', 't-num ' + cls);
    box.append(el('span', 't-label', label), withId(el('span', 't-value'), id));
    return box;
  };
  const detail = (id, label) => {
    const box = el('div', 't-detail');
    box.append(el('span', 't-detail-label', label), withId(el('span', 't-detail-value'), id));
    return box;
  };
  const numbers = el('div', 't-numbers');
  const details = el('div', 't-details');
  details.append(detail('turnout-phone', '手机'), detail('turnout-paper', '纸质'), detail('turnout-valid', '有效'),
    detail('turnout-invalid', '无效'));
  const side = el('div', 't-side');
  side.append(details, withId(el('p', 't-line'), 'turnout-line'));
  numbers.append(number('turnout-returned', '收回', 'main'), number('turnout-issued', '发出', ''),
    number('turnout-expected', '应到', ''), side);
  const bar = withId(el('div', 't-bar'), 'turnout-bar');
  bar.setAttribute('role', 'img');
  bar.append(withId(el('div', 't-bar-issued'), 'bar-issued'), withId(el('div', 't-bar-returned'), 'bar-returned'),
    withId(el('div', 't-bar-quorum'), 'bar-quorum'));
  return [numbers, bar];
}

/** Replaces the results with a large message (turnout only, not yet open, refused). */
export function showMessage(title, text) {
  const box = $('message');
  box.hidden = !title;
  box.textContent = '';
  if (!title) return;
  box.append(el('p', 'm-title', title));
  if (text) box.append(el('p', 'm-text', text));
}

/** Stops the screen for good: the numbers are cleared, only the message stays (a revoked link, say). */
export function showStopped(title, text) {
  $('stage').classList.add('stopped');
  $('banner').hidden = true;
  $('turnout').textContent = '';
  $('categories').textContent = '';
  showMessage(title, text);
}

export function clock(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds());
}

function setText(id, value) {
  const node = $(id);
  const text = value === null || value === undefined ? '—' : String(value);
  if (node.textContent !== text) node.textContent = text;
}

function withId(node, id) {
  node.id = id;
  node.dataset.testid = id;
  return node;
}
