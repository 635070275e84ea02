// The big screen, /screen/<event>: signs in with a screen link's key or the console's session, follows the tally
// stream, and shows the turnout and the results (or only the turnout while the organizer withholds results).

import { credentials, eventIdFromPath } from './access.js';
import { watchTally } from './live.js';
import { slidesOf } from './slides.js';
import { Slideshow } from './show.js';
import { fit, showEvent, showConnection, showTurnout, showMessage, showStopped } from './stage.js';

let scale = fit();
const slideshow = new Slideshow(document.getElementById('slides'), document.getElementById('pager'),
  () => (window.devicePixelRatio || 1) * scale);

window.addEventListener('resize', () => {
  scale = fit();
  slideshow.draw();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'f' && document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
});
if (!window.echarts) document.getElementById('stage').classList.add('no-charts');

// The pointer disappears after three still seconds: nobody in the hall should watch an arrow on the results.
let idle = 0;
document.addEventListener('mousemove', () => {
  document.body.classList.remove('idle');
  clearTimeout(idle);
  idle = setTimeout(() => document.body.classList.add('idle'), 3000);
});

function render(tally) {
  showEvent(tally.event);
  showTurnout(tally.turnout, quorumOf(tally));
  const stage = document.getElementById('stage');
  stage.classList.toggle('turnout-only', !!tally.turnoutOnly);
  stage.classList.toggle('final', tally.event.status === 'closed' || tally.event.status === 'archived');
  const slides = tally.turnoutOnly ? [] : slidesOf(tally).concat(boardSlides(tally));
  const resized = showLiveNote(tally);
  slideshow.update(slides);
  // The note's band takes height from the slides (or gives it back): the charts on view take the new size.
  if (resized) slideshow.draw();
  if (tally.turnoutOnly) showMessage('投票结束后显示结果', '投票期间只显示投票人数');
  else if (tally.event.status === 'draft') showMessage('投票尚未开始', '');
  else if (!slides.length) showMessage('暂无可显示的结果', '');
  else showMessage('', '');
}

// Live results lag the turnout on purpose: the ballot box adds ballots to them in mixed batches, never one by one.
// Returns whether the note's band came or went.
function showLiveNote(tally) {
  const note = document.getElementById('live-note');
  const results = note.parentNode;
  const was = results.classList.contains('live-results');
  note.hidden = !tally.liveResults;
  results.classList.toggle('live-results', !!tally.liveResults);
  note.textContent = tally.liveResults
    ? '实时结果：已计入 ' + tally.turnout.inResults + ' 张，每累计至少 ' + tally.mixBatch
      + ' 张选票更新一次；分类别结果在投票结束后显示'
    : '';
  return was !== !!tally.liveResults;
}

// After the close, a last page invites voters to check their receipt codes on the public board.
function boardSlides(tally) {
  if (!tally.board) return [];
  return [{ key: 'board', kind: 'board', title: '回执码公布', board: tally.board, count: tally.turnout.inResults,
    facts: [], charts: [] }];
}

function quorumOf(tally) {
  const form = (tally.forms || []).find((f) => f.quorum);
  return form ? form.quorum : null;
}

function refused(who, status, body) {
  if (status === 401 && who.kind === 'link') {
    who.forget();
    return showStopped('大屏链接无效或已被收回', '请向组织者索取新的大屏链接。');
  }
  if (status === 401) return showStopped('登录已失效', '请在管理控制台重新登录后再打开大屏，或使用组织者生成的大屏链接。');
  if (status === 404) return showStopped('活动不存在', (body && body.message) || '请核对大屏地址。');
  return showStopped('没有权限', '当前账户不能查看此活动的大屏。');
}

function start() {
  const eventId = eventIdFromPath();
  if (!eventId) return showStopped('大屏地址不正确', '请从管理控制台的活动页面打开大屏。');
  const who = credentials(eventId);
  if (!who) {
    return showStopped('请使用大屏链接或先登录',
      '请在管理控制台登录后，从活动页面的“大屏幕”一栏打开大屏；或使用组织者生成的大屏链接。');
  }
  showConnection(true, null);
  watchTally('/api/events/' + eventId + '/tally/stream', who.authorization, {
    onSnapshot: (tally) => {
      showConnection(false, null);
      render(tally);
    },
    onInterrupted: (since) => showConnection(true, since),
    onRefused: (status, body) => refused(who, status, body),
  });
}

start();
