// Live slip counts while voting is open: the tally stream the big screen reads (one snapshot per change, pushed)
// tells the panel when to re-read its counts, so they move without reloading and without polling. Only counts
// are shown, per category: which slip was used, and when, never reaches the console.

import { session } from './api.js';
import { h } from './dom.js';
import { watchTally } from '/screen/js/live.js';

/** At most one re-read of the counts per this many ms, however fast ballots come in. */
const REFRESH_MS = 1000;

/** Starts watching; returns the status line to show. Stops by itself once `panel` has left the page. */
export function liveCounts(event, panel, refresh) {
  const status = h('p', { class: 'hint live', testid: 'slip-live', text: '投票进行中：下表随投票实时更新。' });
  let timer = 0;
  const watcher = watchTally('/api/events/' + event.id + '/tally/stream', 'Bearer ' + session.token, {
    onSnapshot: (tally) => {
      if (!panel.isConnected) return stop();
      status.textContent = '投票进行中：下表随投票实时更新。';
      status.classList.remove('interrupted');
      if (tally.event && tally.event.status !== 'open') {
        status.textContent = '投票已结束，请刷新页面后清点未使用的票签。';
        stop();
      }
      if (!timer) timer = setTimeout(() => { timer = 0; refresh(); }, REFRESH_MS);
    },
    onInterrupted: () => {
      status.textContent = '实时更新已中断，正在重新连接……（表中数字可能不是最新的）';
      status.classList.add('interrupted');
    },
    onRefused: () => {
      status.textContent = '实时更新已停止，请刷新页面。';
      status.classList.add('interrupted');
    },
  });
  // A re-rendered event page drops the panel without telling it: look now and then.
  const watchdog = setInterval(() => { if (!panel.isConnected) stop(); }, 5000);
  function stop() {
    clearInterval(watchdog);
    clearTimeout(timer);
    watcher.stop();
  }
  return status;
}
