// The mismatch view: the two entries of one paper ballot side by side, line by line in the desk's order, one
// column pair per stop (评价, each further scale, 原因), so the clerk checks the paper only where a pair differs:
// those two cells, and only those, are marked.

import { h } from './dom.js';
import { blocksOf, keyOf, readStop } from './paper-lines.js';

/** The side-by-side table of `entries` (two, with answers) for `forms`; the action row is supplied by the page. */
export function compareEntries(forms, entries, actions) {
  const [a, b] = entries;
  const table = h('table', { class: 'compare-grid', testid: 'compare-grid' });
  table.appendChild(h('thead', {}, h('tr', {},
    h('th', { scope: 'col', class: 'compare-what', text: '项目' }),
    h('th', { scope: 'col', class: 'compare-stop', text: '内容' }),
    entries.map((e, i) => h('th', { scope: 'col', class: 'compare-entry', testid: 'compare-head', dataset: { clerk: e.clerk } },
      h('span', { text: '第' + (i + 1) + '遍 · 录入人：' + e.clerk }), actions[i])))));
  const body = h('tbody');
  table.appendChild(body);
  if (a.unreadable || b.unreadable) {
    body.appendChild(pair('整张票', '无法辨认', a.unreadable ? '是（整张无效）' : '否', b.unreadable ? '是（整张无效）' : '否',
      a.unreadable !== b.unreadable));
  }
  forms.forEach((form) => {
    const answersA = a.unreadable ? {} : (a.answers || {})[form.id];
    const answersB = b.unreadable ? {} : (b.answers || {})[form.id];
    body.appendChild(h('tr', { class: 'compare-form' }, h('th', { colSpan: 4, scope: 'colgroup', text: form.definition.title })));
    for (const block of blocksOf(form.definition)) {
      for (const line of block.lines) {
        const stops = line.stops.concat(line.reasons ? [line.reasons] : []);
        stops.forEach((stop, i) => {
          const va = readStop(stop, answersA);
          const vb = readStop(stop, answersB);
          if (stop.kind === 'many' && stop === line.reasons && !va.length && !vb.length) return;
          body.appendChild(pair(i === 0 ? whatOf(block, line) : '', stopTitle(block, stop, i),
            shown(stop, va), shown(stop, vb), JSON.stringify(sorted(va)) !== JSON.stringify(sorted(vb)), i === 0));
        });
      }
    }
  });
  return table;
}

function whatOf(block, line) {
  if (block.kind === 'multi') return block.title;
  if (block.kind === 'select' || block.kind === 'approve') return block.title.replace(/^\d+\. /, '') + ' · ' + line.label;
  return line.label;
}

function stopTitle(block, stop, i) {
  if (block.kind === 'matrix') return i === 0 ? '评价' : stop.title || stop.label.replace(/^\S+ /, '');
  if (block.kind === 'select') return stop.kind === 'mark' ? '推荐' : '另行推荐';
  if (block.kind === 'multi') return '选中项';
  if (block.kind === 'text') return '文字';
  return '评价';
}

function sorted(value) {
  return Array.isArray(value) ? value.slice().sort() : value;
}

/** A value as the paper shows it: the column's key and label; for a multiple choice the keys, labels on hover. */
function shown(stop, value) {
  if (stop.kind === 'mark') return value ? '✓ 推荐' : '—';
  if (stop.kind === 'text') return value || '—';
  const label = (id) => {
    const i = stop.options.findIndex((o) => o.id === id);
    return i < 0 ? id : keyOf(i) + ' ' + stop.options[i].label;
  };
  if (stop.kind === 'many') return value.length ? value.map(label).join('；') : '—';
  return value ? label(value) : '—';
}

function pair(what, title, va, vb, differs, first = true) {
  const cell = (text) => h('td', { class: differs ? 'compare-value paper-diff' : 'compare-value',
    testid: differs ? 'diff-cell' : null, text, title: text });
  return h('tr', { class: first ? 'compare-line first' : 'compare-line' },
    h('th', { scope: 'row', class: 'compare-what', text: what }),
    h('td', { class: 'compare-stop', text: title }), cell(va), cell(vb));
}
