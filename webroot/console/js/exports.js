// 导出与归档: the completeness check (what is still missing, in Chinese), the downloads (raw ballots, summary
// tables, the archive bundle), the archive button, and after archiving the manifest hash for the paper record.
// Downloads need the bearer token, so they are fetched as blobs and saved, as slips.js does for slip batches.

import { get, post, can } from './api.js';
import { fetchFile, save } from './download.js';
import { h, fill, mount, messageBox, showMessage, showError, confirmDialog, busy } from './dom.js';
import { statusBadge } from './events.js';

const RAW = [
  { file: 'ballots.csv', text: '原始选票（CSV）', testid: 'download-ballots-csv' },
  { file: 'ballots.xlsx', text: '原始选票（Excel）', testid: 'download-ballots-xlsx' },
  { file: 'ballots.json', text: '原始选票（JSON）', testid: 'download-ballots-json' },
  { file: 'summary.xlsx', text: '汇总表（Excel）', testid: 'download-summary-xlsx' },
  { file: 'summary.pdf', text: '汇总表（PDF）', testid: 'download-summary-pdf' },
];

export async function showExports(id) {
  const message = messageBox('exports-error');
  const page = h('section', { class: 'panel', testid: 'exports-page' }, h('p', { text: '正在加载……' }));
  mount(page);
  try {
    const [event, check] = await Promise.all([get('/events/' + id), get('/events/' + id + '/completeness')]);
    render(page, event, check, message);
  } catch (error) {
    page.textContent = '';
    page.append(h('h1', { text: '导出与归档' }), message);
    showError(message, error);
  }
}

function render(page, event, check, message) {
  fill(page,
    h('p', { class: 'crumbs' }, h('a', { href: '#/events', text: '活动列表' }), ' / ',
      h('a', { href: '#/events/' + event.id, text: event.title, testid: 'event-page-link' }), ' / '),
    h('div', { class: 'page-head' }, h('h1', { text: '导出与归档' }), statusBadge(event.status, 'event-status')),
    message, completeness(event, check), downloads(event, message), receiptsBoard(event),
    archiving(page, event, check, message));
}

/**
 * 回执码公布: after the close, where voters check that their ballot was counted (the page the phone promised and
 * the big screen's last slide shows), and its list as a PDF for the notice board. Both are public by design.
 */
function receiptsBoard(event) {
  if (event.status !== 'closed' && event.status !== 'archived') return null;
  const section = h('section', { class: 'subpanel', testid: 'receipts-board' }, h('h2', { text: '回执码公布' }),
    h('p', { class: 'hint', text: '正在加载……' }));
  get('/events/' + event.id + '/tally').then((tally) => {
    const board = tally.board;
    if (!board) return;
    fill(section, h('h2', { text: '回执码公布' }),
      h('p', {}, '公布页（无需登录，投票人输入回执码即可核对是否已计入）：',
        h('a', { href: board.url, target: '_blank', rel: 'noopener', testid: 'board-link', text: board.url })),
      h('p', { class: 'inline-form' },
        h('a', { href: board.pdf, class: 'button', download: '', testid: 'board-pdf', text: '下载回执码名单（PDF，张贴用）' })),
      h('p', { class: 'hint', text: '大屏幕最后一页显示此页的二维码。名单按回执码排序，与投票先后无关；纸质票的回执码由系统随机生成，无人持有。' }));
  }).catch(() => fill(section, h('h2', { text: '回执码公布' }), h('p', { class: 'hint', text: '暂时无法读取公布页地址。' })));
  return section;
}

function completeness(event, check) {
  const section = h('section', { class: 'subpanel', testid: 'completeness' }, h('h2', { text: '资料规范性检查' }));
  if (event.status === 'archived') {
    section.appendChild(h('p', { class: 'hint', testid: 'completeness-archived', text: '归档时已通过检查，资料齐全。' }));
    return section;
  }
  if (check.complete) {
    section.appendChild(h('p', { class: 'message success', testid: 'completeness-ok', text: '资料齐全，可以归档。' }));
    return section;
  }
  section.append(h('p', { text: '归档前还缺少：' }), h('ul', { class: 'missing', testid: 'completeness-missing' },
    check.missing.map((m) => h('li', { dataset: { code: m.code }, text: m.message }))));
  return section;
}

function downloads(event, message) {
  const section = h('section', { class: 'subpanel', testid: 'downloads' }, h('h2', { text: '导出' }));
  if (!can('organizer') && !can('clerk')) {
    section.appendChild(h('p', { class: 'hint', text: '当前角色不能导出选票。' }));
  } else if (event.status !== 'closed' && event.status !== 'archived') {
    section.appendChild(h('p', { class: 'hint', testid: 'downloads-later', text: '投票结束后才能导出选票和汇总表。' }));
  } else {
    section.appendChild(h('div', { class: 'inline-form' }, RAW.map((r) =>
      downloadButton(r.text, r.testid, '/api/events/' + event.id + '/exports/' + r.file, message, section))));
    section.appendChild(h('p', { class: 'hint', text: '原始选票每张一行，按随机编号排序，与投票先后无关；选票不足 5 张的类别不单列。' }));
  }
  return section;
}

function archiving(page, event, check, message) {
  const section = h('section', { class: 'subpanel', testid: 'archiving' }, h('h2', { text: '归档' }));
  if (event.status === 'archived') {
    section.appendChild(h('p', { testid: 'archived-note',
      text: '活动已归档，只能查看和下载，不能再修改。请下载归档包，并把下面的清单哈希抄写在纸质档案上。' }));
    if (can('organizer') || can('clerk')) bundle(section, event, message);
    return section;
  }
  if (!can('organizer')) {
    section.appendChild(h('p', { class: 'hint', text: '由组织者在投票结束、资料齐全后归档。' }));
    return section;
  }
  const button = h('button', { type: 'button', class: 'primary', testid: 'archive-button', text: '归档',
    disabled: event.status !== 'closed' || !check.complete });
  button.addEventListener('click', async () => {
    if (!(await confirmDialog('归档后活动只能查看，不能再修改。确定归档吗？', '归档'))) return;
    await busy(button, async () => {
      try {
        const archived = await post('/events/' + event.id + '/archive');
        render(page, archived, { complete: true, missing: [] }, message);
      } catch (error) {
        showError(message, error, page, { listAll: true });
      }
    });
  });
  section.append(button, h('p', { class: 'hint', text: event.status !== 'closed'
    ? '结束投票后才能归档。' : check.complete ? '归档后生成归档包和清单哈希。' : '请先补齐上面列出的资料。' }));
  return section;
}

async function bundle(section, event, message) {
  section.appendChild(downloadButton('下载归档包（zip）', 'download-bundle',
    '/api/events/' + event.id + '/archive/bundle.zip', message, section));
  const hash = h('p', { class: 'manifest-hash', testid: 'manifest-hash', text: '正在计算清单哈希……' });
  section.append(h('h3', { text: '清单哈希（SHA256SUMS 的 SHA-256）' }), hash,
    h('p', { class: 'hint', text: '请将此哈希抄写在纸质档案上并签字。日后任何人可解压归档包，运行 sha256sum -c SHA256SUMS '
      + '核对每个文件，再运行 sha256sum SHA256SUMS 与纸质记录比对。' }));
  try {
    const manifest = await get('/events/' + event.id + '/archive/manifest');
    hash.textContent = manifest.sha256.match(/.{1,8}/g).join(' ');
    hash.dataset.sha256 = manifest.sha256;
  } catch (error) {
    hash.textContent = '';
    showError(message, error, section);
  }
}

export function downloadButton(text, testid, url, message, scope) {
  const button = h('button', { type: 'button', testid, text });
  button.addEventListener('click', () => busy(button, async () => {
    try {
      const { blob, name } = await fetchFile(url);
      save(blob, name);
      showMessage(message, '已下载 ' + name, 'success');
    } catch (error) {
      showError(message, error, scope);
    }
  }));
  return button;
}
