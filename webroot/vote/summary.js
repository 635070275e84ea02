// The review screen's account of one form's answers: per question what was chosen, in words, compactly
// (a cadre per line: "张三 认同"), and 未作答 where nothing was. Numbering follows ballot-view.js.

import { el, obj } from '/shared/ballot-controls.js';
import { APPROVE_DEFAULT } from '/shared/ballot-recommendation.js';

export function summary(form, answers) {
  const all = obj(answers);
  const box = el('section', 'v-sum');
  box.appendChild(el('h2', 'v-sum-title', form.title || ''));
  let number = 0;
  (form.sections || []).forEach(function (section) {
    if (section.subject) {
      box.appendChild(el('h3', 'v-sum-section',
        section.subject.name + (section.subject.post ? '（' + section.subject.post + '）' : '')));
    } else if (section.title && (form.sections || []).length > 1) {
      box.appendChild(el('h3', 'v-sum-section', section.title));
    }
    (section.questions || []).forEach(function (q) {
      number += 1;
      const lines = LINES[q.kind];
      if (!lines) return;
      const item = el('div', 'v-sum-q');
      item.dataset.question = q.id;
      item.appendChild(el('p', 'v-sum-text', number + '. ' + q.text));
      const list = el('ul', 'v-sum-list');
      lines(q, all[q.id]).forEach(function (line) { list.appendChild(line); });
      item.appendChild(list);
      box.appendChild(item);
    });
  });
  return box;
}

function label(options, id) {
  const found = (options || []).filter(function (o) { return o.id === id; })[0];
  return found ? found.label : id;
}

/** One line: an optional key ("张三"), the value or 未作答, and optional sub-lines (reasons, extra questions). */
function line(key, value, subs) {
  const li = el('li', 'v-sum-item');
  const main = el('p', 'v-sum-line');
  if (key) main.appendChild(el('span', 'v-sum-key', key));
  main.appendChild(value ? el('strong', 'v-sum-value', value) : el('span', 'v-sum-none', '未作答'));
  li.appendChild(main);
  (subs || []).forEach(function (s) { li.appendChild(el('p', 'v-sum-sub', s)); });
  return li;
}

const LINES = {
  scale: function (q, a) { return [line('', a ? label(q.options, a) : '')]; },
  multi: function (q, a) {
    const chosen = Array.isArray(a) ? a : [];
    return [line('', chosen.map(function (id) { return label(q.options, id); }).join('、'))];
  },
  text: function (q, a) { return [line('', typeof a === 'string' ? a : '')]; },
  matrix: function (q, a) {
    return (q.rows || []).map(function (row) {
      const r = obj(obj(a)[row.id]);
      const subs = [];
      if (q.reason && Array.isArray(r.reasons) && r.reasons.length) {
        subs.push(q.reason.label + '：' + r.reasons.map(function (id) { return label(q.reason.options, id); }).join('、'));
      }
      (q.extra || []).forEach(function (x) {
        const v = obj(r.extra)[x.id];
        subs.push(x.label + '：' + (v ? label(x.options, v) : '未作答'));
      });
      return line(row.label, r.option ? label(q.options, r.option) : '', subs);
    });
  },
  recommendation: function (q, a) {
    const approve = q.mode === 'approve';
    const choices = q.approveOptions && q.approveOptions.length ? q.approveOptions : APPROVE_DEFAULT;
    const lines = [];
    (q.positions || []).forEach(function (p) {
      const v = obj(obj(a)[p.id]);
      if (approve) {
        (p.candidates || []).forEach(function (c) {
          lines.push(line(p.title + ' · ' + c.name, v[c.id] ? label(choices, v[c.id]) : ''));
        });
        return;
      }
      const names = (Array.isArray(v.selected) ? v.selected : []).map(function (id) { return label(nameList(p), id); });
      const writeIns = Array.isArray(v.writeIns) ? v.writeIns : [];
      const parts = [];
      if (names.length) parts.push('推荐 ' + names.join('、'));
      if (writeIns.length) parts.push('另行推荐 ' + writeIns.join('、'));
      lines.push(line('推荐职位：' + p.title, parts.length ? parts.join('；') : '未推荐（弃权）'));
    });
    return lines;
  }
};

function nameList(p) {
  return (p.candidates || []).map(function (c) { return { id: c.id, label: c.name }; });
}
