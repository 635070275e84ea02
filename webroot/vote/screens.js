// The voter page's screens as DOM: a frame (red band with the heading, body, action bar at the bottom for
// the thumb), the screens that end the visit (slip unknown, void, used; voting not open or over; no network)
// and the receipt.

import { el } from '/shared/ballot-controls.js';

const ENDINGS = {
  slip_unknown: ['票签无效', '无法识别这张票签。请确认扫描的是本次会议发放的二维码；如仍无法打开，请向会场工作人员求助。'],
  slip_void: ['此票签已作废', '这张票签已被作废，不能用于投票。如有疑问，请向会场工作人员求助。'],
  slip_used: ['选票已提交', '这张票签已经提交过选票，选票已保存并计入，无需再做任何事。每张票签只能提交一次。',
    null, '如果不是您本人提交的，请联系会场工作人员。'],
  slip_unreturned: ['此票签已登记为未收回', '投票结束后，这张票签已登记为“未收回”，不能再用于投票。如有疑问，请向会场工作人员询问。'],
  event_not_open: ['投票尚未开始', '请等主持人宣布开始投票后，点击下方“刷新”。', '刷新'],
  event_closed: ['投票已结束', '本次投票已经结束，不能再提交。'],
  network: ['无法连接服务器', '请检查手机网络（如会场无线网络）是否连接正常，然后点击“重试”。', '重试'],
  server: ['暂时无法打开选票', '服务器暂时没有响应，请稍后点击“重试”。如一直无法打开，请向会场工作人员求助。', '重试']
};

/** The error codes that have a screen of their own. */
export function knownEnding(code) {
  return Object.prototype.hasOwnProperty.call(ENDINGS, code);
}

/** A screen: { node, top, body, bar, heading }. `banner` puts the heading in the red band. */
export function frame(title, banner) {
  const node = el('div', 'v-screen' + (banner ? '' : ' v-notice'));
  const heading = el('h1', 'v-heading', title);
  heading.tabIndex = -1;
  const top = el('header', 'v-top');
  const body = el('div', 'v-body');
  const bar = el('div', 'v-bar');
  if (banner) {
    top.appendChild(heading);
    node.appendChild(top);
  } else {
    body.appendChild(heading);
  }
  node.appendChild(body);
  node.appendChild(bar);
  return { node: node, top: top, body: body, bar: bar, heading: heading };
}

export function button(text, kind, testid, onClick) {
  const b = el('button', 'v-btn' + (kind ? ' v-btn-' + kind : ''), text);
  b.type = 'button';
  b.dataset.testid = testid;
  b.addEventListener('click', onClick);
  return b;
}

/** Endings that are no fault: said calmly, not in red. */
const CALM = { slip_used: true };

/**
 * The screen for an error code; `again` is called by 刷新 / 重试 where the screen offers it; `eventTitle`, when the
 * server named the slip's event, says which meeting this is about.
 */
export function ending(code, again, eventTitle) {
  const text = ENDINGS[knownEnding(code) ? code : 'server'];
  const s = frame(text[0], false);
  s.node.dataset.screen = code;
  if (CALM[code]) s.node.classList.add('v-done');
  if (eventTitle) {
    const line = el('p', 'v-event-line', eventTitle);
    line.dataset.testid = 'ending-event';
    s.body.appendChild(line);
  }
  s.body.appendChild(el('p', 'v-text', text[1]));
  if (text[3]) s.body.appendChild(el('p', 'v-text v-strong', text[3]));
  if (text[2] && again) s.bar.appendChild(button(text[2], '', 'again', again));
  else s.node.removeChild(s.bar);
  return s;
}

/** 提交成功 with the receipt code, and what it is for. */
export function receiptScreen(receipt, eventTitle) {
  const s = frame('提交成功', false);
  s.node.dataset.screen = 'receipt';
  s.node.classList.add('v-done');
  if (eventTitle) s.body.appendChild(el('p', 'v-event-line', eventTitle));
  s.body.appendChild(el('p', 'v-receipt-label', '您的回执码'));
  const code = el('p', 'v-receipt', receipt);
  code.dataset.testid = 'receipt';
  s.body.appendChild(code);
  s.body.appendChild(el('p', 'v-text', '这是您这张选票的回执码。计票结束后，组织方会公布全部回执码，' +
    '您可以在公布的名单中查找它，核对您的选票已被计入。'));
  s.body.appendChild(el('p', 'v-text', '回执码是随机生成的，不包含也不会透露您的身份。'));
  s.body.appendChild(el('p', 'v-text v-strong', '请截图或记下回执码：离开本页后无法再次查看。'));
  s.node.removeChild(s.bar);
  return s;
}
