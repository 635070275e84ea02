// 民主推荐 on the ballot: per position a title and 应推荐 N 人, candidate cards with a checkbox (select mode,
// at most N including write-ins, refused live with a role="alert" message) or 同意/不同意/弃权 radios (approve).
// Plain ES2017 on purpose (no ?. or ??): old Android and WeChat browsers run the voter page.

import { el, choice, fieldset, alertBox, say, checked, radioValue, obj, questionBox, scaleGroup, limitTo } from './ballot-controls.js';

/** The 同意/不同意/弃权 choices of approve mode when the form names none (also used by summaries). */
export var APPROVE_DEFAULT = [
  { id: 'agree', label: '同意' }, { id: 'disagree', label: '不同意' }, { id: 'abstain', label: '弃权' }];


function candidateCard(c) {
  var card = el('div', 'pb-card-body');
  card.appendChild(el('span', 'pb-card-name', c.name));
  var facts = [c.gender, c.birth, c.currentPost].filter(function (f) { return f; });
  if (facts.length) card.appendChild(el('span', 'pb-card-facts', facts.join(' · ')));
  return card;
}

export function recommendation(q, ctx) {
  var box = questionBox(q, ctx);
  var approve = q.mode === 'approve';
  var positions = (q.positions || []).map(function (p) {
    return approve ? approvePosition(q, p, ctx, obj(obj(ctx.initial)[p.id]))
      : selectPosition(q, p, ctx, obj(obj(ctx.initial)[p.id]));
  });
  positions.forEach(function (p) { box.fs.appendChild(p.node); });
  return {
    node: box.fs,
    get: function () {
      var out = {};
      positions.forEach(function (p) { var v = p.get(); if (v) out[p.position.id] = v; });
      return Object.keys(out).length ? out : undefined;
    },
    validate: function (problems) { positions.forEach(function (p) { p.validate(problems); }); }
  };
}

function positionBox(q, p, suffix) {
  var box = fieldset('pb-position', '', { question: q.id, position: p.id });
  box.legend.appendChild(el('span', 'pb-position-title', '推荐职位：' + p.title));
  box.legend.appendChild(el('span', 'pb-position-seats', suffix));
  return box;
}

function selectPosition(q, p, ctx, initial) {
  var box = positionBox(q, p, '应推荐 ' + p.seats + ' 人');
  box.fs.id = ctx.name(q.id, p.id);
  var cards = el('div', 'pb-cards');
  var chosen = Array.isArray(initial.selected) ? initial.selected : [];
  var inputs = (p.candidates || []).map(function (c) {
    var ch = choice('checkbox', ctx.name(q.id, p.id), c.id, c.name + ' 推荐', '推荐',
      { question: q.id, position: p.id, candidate: c.id });
    ch.label.className = 'pb-choice pb-card';
    ch.label.insertBefore(candidateCard(c), ch.label.lastChild);
    ch.input.id = ctx.name(q.id, p.id, c.id);
    ch.input.checked = chosen.indexOf(c.id) >= 0;
    cards.appendChild(ch.label);
    return ch.input;
  });
  box.fs.appendChild(cards);
  var writeIns = [];
  if (p.writeIns) {
    var wrap = el('div', 'pb-writeins');
    wrap.appendChild(el('p', 'pb-hint', '另行推荐（填写姓名）'));
    var initialW = Array.isArray(initial.writeIns) ? initial.writeIns : [];
    for (var i = 0; i < p.seats; i += 1) {
      var input = el('input', 'pb-writein');
      input.type = 'text';
      input.maxLength = 50;
      input.id = ctx.name(q.id, p.id, 'w' + (i + 1));
      input.dataset.question = q.id;
      input.dataset.position = p.id;
      input.dataset.writein = String(i + 1);
      input.setAttribute('aria-label', p.title + ' 另行推荐第' + (i + 1) + '人');
      input.placeholder = '另行推荐第 ' + (i + 1) + ' 人';
      input.value = initialW[i] || '';
      wrap.appendChild(input);
      writeIns.push(input);
    }
    box.fs.appendChild(wrap);
  }
  var status = el('p', 'pb-hint pb-count');
  status.setAttribute('aria-live', 'polite');
  box.fs.appendChild(status);
  var alert = alertBox();
  box.fs.appendChild(alert);
  var message = '此职位最多推荐 ' + p.seats + ' 人';
  function filled() { return writeIns.filter(function (w) { return w.value.trim(); }).length; }
  function count() { return checked(inputs).length + filled(); }
  function update() {
    status.textContent = '已推荐 ' + count() + ' 人，最多 ' + p.seats + ' 人';
    box.fs.classList.toggle('pb-full', count() >= p.seats);
  }
  limitTo(inputs, p.seats, filled, alert, message + '，如需改选请先取消已选');
  inputs.forEach(function (i) {
    i.addEventListener('change', update);
    i.addEventListener('change', ctx.changed);
  });
  writeIns.forEach(function (w) {
    w.addEventListener('input', function () {
      if (count() > p.seats) {
        w.value = '';
        say(alert, message + '，如需另行推荐请先取消已选');
      } else {
        say(alert, '');
      }
      update();
      ctx.changed();
    });
  });
  update();
  return {
    node: box.fs,
    position: p,
    get: function () {
      var sel = checked(inputs);
      var w = writeIns.map(function (x) { return x.value.trim(); }).filter(function (x) { return x; });
      return sel.length || w.length ? { selected: sel, writeIns: w } : null;
    },
    validate: function (problems) {
      if (count() > p.seats) problems.push({ path: q.id + '.' + p.id, message: p.title + '：最多推荐 ' + p.seats + ' 人' });
    }
  };
}

function approvePosition(q, p, ctx, initial) {
  var box = positionBox(q, p, '职数 ' + p.seats + ' 人');
  box.fs.id = ctx.name(q.id, p.id);
  var choices = q.approveOptions && q.approveOptions.length ? q.approveOptions : APPROVE_DEFAULT;
  var cards = el('div', 'pb-cards');
  var groups = (p.candidates || []).map(function (c) {
    var card = fieldset('pb-card pb-card-approve', '', { question: q.id, position: p.id, candidate: c.id });
    card.legend.appendChild(candidateCard(c));
    var inputs = scaleGroup(card.fs, choices, ctx.name(q.id, p.id, c.id), c.name, initial[c.id], ctx.changed,
      { question: q.id, position: p.id, candidate: c.id });
    cards.appendChild(card.fs);
    return { candidate: c, inputs: inputs };
  });
  box.fs.appendChild(cards);
  return {
    node: box.fs,
    position: p,
    get: function () {
      var out = {};
      groups.forEach(function (g) { var v = radioValue(g.inputs); if (v) out[g.candidate.id] = v; });
      return Object.keys(out).length ? out : null;
    },
    validate: function () {}
  };
}

