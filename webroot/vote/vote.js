// The voter's page, /v/<token>: loads the slip's ballot, lets the voter answer and review it, submits it once
// (a nonce kept in sessionStorage makes a retry after a lost answer count once) and shows the receipt.
// ES2017 without ?. or ?? on purpose: WeChat's browser and old Android WebViews open this page.

import { renderBallot } from '/shared/ballot-view.js';
import { el } from '/shared/ballot-controls.js';
import { request, newNonce, loadSaved, save, forget } from './api.js';
import { summary } from './summary.js';
import { locate, mark, clear, clearAll, focusOn } from './problems.js';
import { frame, button, ending, knownEnding, receiptScreen } from './screens.js';

const app = document.getElementById('app');
const match = /^\/v\/([A-Za-z0-9_-]{16,64})\/?$/.exec(location.pathname);
const token = match ? match[1] : '';
const url = '/api/v/' + token;

let info = null;     // GET /api/v/<token>: { event, category, forms }
let ballots = [];    // per form: { id, definition, view }
let ballotScreen = null;
let pending = null;  // { nonce, answers, sent }: what is (or will be) submitted, mirrored in sessionStorage
let busy = false;

function show(screen) {
  app.textContent = '';
  app.appendChild(screen.node);
  window.scrollTo(0, 0);
  screen.heading.focus();
}

function load() {
  show(frame('正在加载选票…', false));
  if (!token) return showEnding('slip_unknown');
  request('GET', url).then(loaded, function () { showEnding('network'); });
}

function codeOf(res) {
  if (res.data && typeof res.data.error === 'string') return res.data.error;
  return { 404: 'slip_unknown', 410: 'slip_void', 409: 'slip_used' }[res.status] || 'server';
}

/** The slip's event as the server named it in a refusal, if it did. */
function eventOf(res) {
  const fields = res && res.data && res.data.fields;
  return fields && typeof fields.event === 'string' ? fields.event : '';
}

function loaded(res) {
  if (res.status === 200 && res.data && Array.isArray(res.data.forms)) return start(res.data);
  const code = codeOf(res);
  const saved = loadSaved(token);
  // The slip is used and this tab had sent a ballot: most likely ours, whose answer was lost. Sending it
  // again with the same nonce brings back its receipt.
  if (code === 'slip_used' && saved && saved.sent && saved.nonce) {
    pending = saved;
    return request('POST', url, { nonce: saved.nonce, answers: saved.answers }).then(function (again) {
      if (again.data && again.data.receipt) return succeed(again.data.receipt);
      showEnding('slip_used', eventOf(res));
    }, function () { showEnding('slip_used', eventOf(res)); });
  }
  showEnding(code, eventOf(res));
}

function showEnding(code, eventTitle) {
  if (code !== 'network' && code !== 'server' && code !== 'event_not_open') {
    forget(token);
    pending = null;
  }
  show(ending(knownEnding(code) ? code : 'server', load, eventTitle || (info && info.event && info.event.title)));
}

function start(data) {
  info = data;
  const saved = loadSaved(token);
  const restored = saved && saved.answers && typeof saved.answers === 'object' ? saved.answers : {};
  // The server still has the slip unused, so nothing sent earlier arrived: the answers may be edited again.
  pending = saved && saved.nonce ? { nonce: saved.nonce, answers: restored, sent: false } : null;
  ballotScreen = buildBallot(restored, Object.keys(restored).length > 0);
  show(ballotScreen);
}

function eventLine(event) {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(event.date || '');
  return [event.organizingUnit, date ? date[1] + '年' + Number(date[2]) + '月' + Number(date[3]) + '日' : event.date,
    event.venue].filter(function (x) { return x; }).join(' · ');
}

function buildBallot(restored, wasRestored) {
  const s = frame(info.event.title, true);
  s.node.dataset.screen = 'ballot';
  const meta = eventLine(info.event);
  if (meta) s.top.appendChild(el('p', 'v-meta', meta));
  if (info.category) s.top.appendChild(el('p', 'v-category', '参评人员类别：' + info.category.name));
  s.notice = el('p', 'v-message');
  s.notice.setAttribute('role', 'alert');
  s.notice.hidden = true;
  s.body.appendChild(s.notice);
  s.body.appendChild(el('p', 'v-intro', wasRestored ? '已恢复您在本页填写的内容，请继续作答。'
    : '本票无记名。请逐项作答，标有“必答”的必须回答；完成后点击页面底部的“下一步：核对”。'));
  ballots = info.forms.map(function (f, i) {
    const box = el('div', 'v-form');
    s.body.appendChild(box);
    const view = renderBallot(box, f.definition, { answers: restored[f.id], onChange: remember,
      idPrefix: 'f' + (i + 1), headingLevel: 2 });
    return { id: f.id, definition: f.definition, view: view };
  });
  ['change', 'input'].forEach(function (type) {
    s.body.addEventListener(type, function (e) {
      const group = e.target.closest && e.target.closest('.v-invalid');
      if (!group) return;
      clear(group);
      countProblems();
    });
  });
  s.status = el('p', 'v-status');
  s.status.setAttribute('aria-live', 'polite');
  s.bar.appendChild(s.status);
  s.bar.appendChild(button('下一步：核对', '', 'next', review));
  return s;
}

function collect() {
  const answers = {};
  ballots.forEach(function (b) { answers[b.id] = b.view.getAnswers(); });
  return answers;
}

function remember() {
  save(token, { nonce: pending ? pending.nonce : null, answers: collect(), sent: false });
}

function say(node, text) {
  node.textContent = text;
  node.hidden = !text;
}

/** Marks each problem ({ ballot, path, message }) in its form, says how many places, focuses the first. */
function markAll(problems) {
  clearAll(ballotScreen.body);
  let first = null;
  problems.forEach(function (p) {
    const group = locate(p.ballot.view.element, p.path) || p.ballot.view.element;
    mark(group, p.message);
    if (!first) first = group;
  });
  countProblems();
  if (first) focusOn(first);
}

/** The bar's count of places still marked, kept current as the voter fixes them. */
function countProblems() {
  const n = ballotScreen.body.querySelectorAll('.v-invalid').length;
  ballotScreen.status.textContent = (n ? '还有 ' + n + ' 处需要填写或修改，已在页面上标出。' : '');
}

function review() {
  const problems = [];
  ballots.forEach(function (b) {
    b.view.validate().forEach(function (p) { problems.push({ ballot: b, path: p.path, message: p.message }); });
  });
  say(ballotScreen.notice, '');
  if (problems.length) return markAll(problems);
  clearAll(ballotScreen.body);
  ballotScreen.status.textContent = '';
  remember();
  showReview();
}

function showReview() {
  const answers = pending && pending.sent ? pending.answers : collect();
  const s = frame('核对您的选择', true);
  s.node.dataset.screen = 'review';
  s.top.appendChild(el('p', 'v-meta', info.event.title));
  s.body.appendChild(el('p', 'v-intro', '请核对以下选择。确认提交后不能再修改。'));
  ballots.forEach(function (b) { s.body.appendChild(summary(b.definition, answers[b.id])); });
  const status = el('p', 'v-status');
  status.setAttribute('role', 'alert');
  status.dataset.testid = 'status';
  const back = button('返回修改', 'secondary', 'back', function () {
    if (busy) return;
    show(ballotScreen);
  });
  const send = button('确认提交', '', 'submit', function () { submit(answers, status, back, send); });
  s.bar.appendChild(status);
  s.bar.appendChild(back);
  s.bar.appendChild(send);
  if (pending && pending.sent) unconfirmed(status, back, send, '');
  show(s);
}

function submit(answers, status, back, send) {
  if (busy) return;
  if (!pending) pending = { nonce: newNonce(), answers: answers, sent: false };
  if (!pending.nonce) pending.nonce = newNonce();
  if (!pending.sent) pending.answers = answers;
  // Saved before sending: if the answer is lost, a retry or a reload sends this same nonce and these answers.
  pending.sent = true;
  save(token, pending);
  busy = true;
  send.disabled = true;
  back.disabled = true;
  send.textContent = '正在提交…';
  status.textContent = '正在提交，请稍候…';
  request('POST', url, { nonce: pending.nonce, answers: pending.answers }).then(function (res) {
    busy = false;
    submitted(res, status, back, send);
  }, function () {
    busy = false;
    unconfirmed(status, back, send, '');
  });
}

function submitted(res, status, back, send) {
  if ((res.status === 201 || res.status === 200) && res.data && res.data.receipt) return succeed(res.data.receipt);
  const code = codeOf(res);
  if (res.status === 400) return rejected(res.data || {});
  if (res.status >= 500 || res.status === 429 || !knownEnding(code) || code === 'network' || code === 'server') {
    return unconfirmed(status, back, send, res.status < 500 && res.data && res.data.message ? res.data.message : '');
  }
  showEnding(code, eventOf(res));
}

/** No answer, or one that does not say what happened: keep everything and offer to send the same again. */
function unconfirmed(status, back, send, detail) {
  status.textContent = '网络异常，提交未确认，请重试' + (detail ? '（' + detail + '）' : '');
  // Only the same answers may go with the same nonce, so they cannot be changed until the server confirms.
  if (!back.hidden) {
    back.hidden = true;
    back.parentNode.insertBefore(el('p', 'v-hint', '您的选择已保存在本页。重新提交的是同一张选票，不会重复计票。'), send);
  }
  send.disabled = false;
  send.textContent = '重新提交';
  send.focus();
}

/** 400: the server found the ballot invalid and kept nothing; back to the form with its reasons. */
function rejected(data) {
  pending.sent = false;
  save(token, pending);
  show(ballotScreen);
  const problems = [];
  const fields = data.fields && typeof data.fields === 'object' ? data.fields : {};
  Object.keys(fields).forEach(function (key) {
    const parts = key.split('.');
    const b = ballots.filter(function (x) { return parts[0] === 'answers' && x.id === parts[1]; })[0];
    if (b) problems.push({ ballot: b, path: parts.slice(2).join('.'), message: String(fields[key]) });
  });
  // The server's own message names a technical path; the marks in the form say it better where they can.
  say(ballotScreen.notice, problems.length ? '提交未成功：有选择未通过检查，已在页面上标出，请修改后重新核对。'
    : '提交未成功：' + (data.message || '提交的内容有误') + '。请修改后重新核对。');
  if (problems.length) markAll(problems);
}

function succeed(receipt) {
  forget(token);
  pending = null;
  ballots = [];
  ballotScreen = null;
  show(receiptScreen(receipt, info ? info.event.title : ''));
  info = null;
}

load();
