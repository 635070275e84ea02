// Renders a ballot form (docs/form-format.md) as the voter sees it: real form controls, one fieldset per
// question and per row, every choice named "<subject> <option>" for screen readers, limits enforced live.
// Plain ES2017 on purpose (no ?. or ??): old Android and WeChat browsers run this page.

import { el, choice, fieldset, alertBox, checked, radioValue, obj, questionBox, scaleGroup, limitTo, shortName } from './ballot-controls.js';
import { recommendation } from './ballot-recommendation.js';

/**
 * Renders `form` into `container` (replacing its content) and returns { getAnswers, validate, element }.
 * options: { answers, onChange(answers), idPrefix, headingLevel }. headingLevel (default 1) is the level of the
 * form's title, sections one below: a page that has its own h1 (the voter page) passes 2.
 */
export function renderBallot(container, form, options) {
  var opts = options || {};
  var initial = obj(opts.answers);
  var prefix = opts.idPrefix || 'pb';
  var parts = [];
  var number = 0;
  var level = Math.min(Math.max(parseInt(opts.headingLevel, 10) || 1, 1), 5);

  function changed() {
    if (opts.onChange) opts.onChange(getAnswers());
  }

  function name() { return prefix + '-' + Array.prototype.slice.call(arguments).join('-'); }

  var root = el('form', 'pb-ballot');
  root.noValidate = true;
  root.addEventListener('submit', function (e) { e.preventDefault(); });
  root.appendChild(el('h' + level, 'pb-title', form.title || ''));
  if (form.instructions) root.appendChild(el('p', 'pb-instructions', form.instructions));

  (form.sections || []).forEach(function (section) {
    var sec = el('section', 'pb-section');
    sec.dataset.section = section.id;
    var subject = section.subject ? section.subject.name : '';
    if (section.subject) {
      var head = el('h' + (level + 1), 'pb-subject', section.subject.name);
      if (section.subject.post) head.appendChild(el('span', 'pb-subject-post', section.subject.post));
      sec.appendChild(head);
    } else if (section.title) {
      sec.appendChild(el('h' + (level + 1), 'pb-section-title', section.title));
    }
    (section.questions || []).forEach(function (q) {
      number += 1;
      var builder = BUILDERS[q.kind];
      if (!builder) return;
      var part = builder(q, { number: number, subject: subject, initial: initial[q.id], name: name, changed: changed });
      part.question = q;
      parts.push(part);
      sec.appendChild(part.node);
    });
    root.appendChild(sec);
  });

  container.textContent = '';
  container.appendChild(root);

  function getAnswers() {
    var answers = {};
    parts.forEach(function (p) {
      var value = p.get();
      if (value !== undefined) answers[p.question.id] = value;
    });
    return answers;
  }

  function validate() {
    var problems = [];
    parts.forEach(function (p) { p.validate(problems); });
    return problems;
  }

  return { getAnswers: getAnswers, validate: validate, element: root };
}


function scale(q, ctx) {
  var box = questionBox(q, ctx);
  var label = shortName(q, ctx);
  var inputs = scaleGroup(box.fs, q.options, ctx.name(q.id), label, ctx.initial, ctx.changed, { question: q.id });
  return {
    node: box.fs,
    get: function () { return radioValue(inputs) || undefined; },
    validate: function (problems) {
      if (q.required && !radioValue(inputs)) problems.push({ path: q.id, message: label + '：请选择一项' });
    }
  };
}

function multi(q, ctx) {
  var box = questionBox(q, ctx);
  if (q.max) box.legend.appendChild(el('span', 'pb-hint', '（最多选 ' + q.max + ' 项）'));
  var label = shortName(q, ctx);
  var list = el('div', 'pb-options pb-options-list');
  var initialValues = Array.isArray(ctx.initial) ? ctx.initial : [];
  var inputs = q.options.map(function (o) {
    var c = choice('checkbox', ctx.name(q.id), o.id, label + ' ' + o.label, o.label, { question: q.id, option: o.id });
    c.input.id = ctx.name(q.id, o.id);
    c.input.checked = initialValues.indexOf(o.id) >= 0;
    list.appendChild(c.label);
    return c.input;
  });
  box.fs.appendChild(list);
  var alert = alertBox();
  box.fs.appendChild(alert);
  limitTo(inputs, q.max, function () { return 0; }, alert, '此题最多选 ' + q.max + ' 项');
  inputs.forEach(function (i) { i.addEventListener('change', ctx.changed); });
  return {
    node: box.fs,
    get: function () { var v = checked(inputs); return v.length ? v : undefined; },
    validate: function (problems) {
      var n = checked(inputs).length;
      if (q.required && !n) problems.push({ path: q.id, message: label + '：请至少选择一项' });
      if (q.max && n > q.max) problems.push({ path: q.id, message: label + '：最多选 ' + q.max + ' 项' });
    }
  };
}

function text(q, ctx) {
  var node = el('div', 'pb-q pb-q-text-question');
  node.dataset.question = q.id;
  node.dataset.kind = q.kind;
  var id = ctx.name(q.id);
  var label = el('label', 'pb-q-legend');
  label.htmlFor = id;
  label.appendChild(el('span', 'pb-q-number', ctx.number + '. '));
  label.appendChild(el('span', 'pb-q-text', q.text));
  if (q.required) label.appendChild(el('span', 'pb-required', '（必答）'));
  var area = el('textarea', 'pb-textarea');
  area.id = id;
  area.rows = 4;
  area.maxLength = q.maxLength || 500;
  area.dataset.question = q.id;
  area.value = typeof ctx.initial === 'string' ? ctx.initial : '';
  area.addEventListener('input', ctx.changed);
  var count = el('p', 'pb-hint pb-count', '最多 ' + area.maxLength + ' 字');
  node.appendChild(label);
  node.appendChild(area);
  node.appendChild(count);
  return {
    node: node,
    get: function () { var v = area.value.trim(); return v ? v : undefined; },
    validate: function (problems) {
      if (q.required && !area.value.trim()) problems.push({ path: q.id, message: '第' + ctx.number + '题：请填写' });
    }
  };
}

function matrix(q, ctx) {
  var box = questionBox(q, ctx);
  var rows = (q.rows || []).map(function (row) { return matrixRow(q, row, ctx, obj(obj(ctx.initial)[row.id])); });
  rows.forEach(function (r) { box.fs.appendChild(r.node); });
  if (!rows.length) box.fs.appendChild(el('p', 'pb-empty', '（尚无名单）'));
  return {
    node: box.fs,
    get: function () {
      var out = {};
      rows.forEach(function (r) { var v = r.get(); if (v) out[r.row.id] = v; });
      return Object.keys(out).length ? out : undefined;
    },
    validate: function (problems) { rows.forEach(function (r) { r.validate(problems); }); }
  };
}

function matrixRow(q, row, ctx, initial) {
  // In a 民主测评 section the row is 德/能/…: name the person too, so "张三 德 好" is never ambiguous.
  var who = (ctx.subject ? ctx.subject + ' ' : '') + row.label;
  var box = fieldset('pb-row', '', { question: q.id, row: row.id });
  box.fs.id = ctx.name(q.id, row.id);
  box.legend.appendChild(el('span', 'pb-row-label', row.label));
  var attrs = el('span', 'pb-row-attrs');
  (q.columns || []).forEach(function (c) {
    var value = obj(row.attributes)[c.key];
    if (!value) return;
    var a = el('span', 'pb-attr');
    a.appendChild(el('span', 'pb-attr-name', c.label + '：'));
    a.appendChild(el('span', 'pb-attr-value', value));
    attrs.appendChild(a);
  });
  if (attrs.childNodes.length) box.legend.appendChild(attrs);
  var data = { question: q.id, row: row.id };
  var optionInputs = scaleGroup(box.fs, q.options, ctx.name(q.id, row.id), who, initial.option,
    function () { showReason(); ctx.changed(); }, data);

  var reasonInputs = [];
  var reasonBox = null;
  if (q.reason) {
    var rb = fieldset('pb-reason', q.reason.label + (q.reason.max ? '（最多选 ' + q.reason.max + ' 项）' : ''),
      { question: q.id, row: row.id, reason: 'true' });
    reasonBox = rb.fs;
    var list = el('div', 'pb-options pb-options-list');
    var initialReasons = Array.isArray(initial.reasons) ? initial.reasons : [];
    reasonInputs = q.reason.options.map(function (o) {
      var c = choice('checkbox', ctx.name(q.id, row.id, 'reason'), o.id, who + ' ' + q.reason.label + ' ' + o.label,
        o.label, { question: q.id, row: row.id, reason: o.id });
      c.input.id = ctx.name(q.id, row.id, 'reason', o.id);
      c.input.checked = initialReasons.indexOf(o.id) >= 0;
      list.appendChild(c.label);
      return c.input;
    });
    rb.fs.appendChild(list);
    var alert = alertBox();
    rb.fs.appendChild(alert);
    limitTo(reasonInputs, q.reason.max, function () { return 0; }, alert, '最多选 ' + q.reason.max + ' 项原因');
    reasonInputs.forEach(function (i) { i.addEventListener('change', ctx.changed); });
    box.fs.appendChild(rb.fs);
  }

  var extras = (q.extra || []).map(function (x) {
    var xb = fieldset('pb-extra', x.label + (x.required ? '（必答）' : ''), { question: q.id, row: row.id, extra: x.id });
    var inputs = scaleGroup(xb.fs, x.options, ctx.name(q.id, row.id, 'x', x.id), who + ' ' + x.label,
      obj(initial.extra)[x.id], ctx.changed, { question: q.id, row: row.id, extra: x.id });
    box.fs.appendChild(xb.fs);
    return { def: x, inputs: inputs };
  });

  function reasonApplies() {
    var v = radioValue(optionInputs);
    return !!(q.reason && v && (q.reason.whenOptions || []).indexOf(v) >= 0);
  }
  function showReason() { if (reasonBox) reasonBox.hidden = !reasonApplies(); }
  showReason();

  return {
    node: box.fs,
    row: row,
    get: function () {
      var out = {};
      var v = radioValue(optionInputs);
      if (v) out.option = v;
      var reasons = reasonApplies() ? checked(reasonInputs) : [];
      if (reasons.length) out.reasons = reasons;
      var extra = {};
      extras.forEach(function (x) { var xv = radioValue(x.inputs); if (xv) extra[x.def.id] = xv; });
      if (Object.keys(extra).length) out.extra = extra;
      return Object.keys(out).length ? out : null;
    },
    validate: function (problems) {
      var path = q.id + '.' + row.id;
      if (q.required && !radioValue(optionInputs)) problems.push({ path: path, message: who + '：请选择评价' });
      if (reasonApplies() && q.reason.max && checked(reasonInputs).length > q.reason.max) {
        problems.push({ path: path + '.reasons', message: who + '：原因最多选 ' + q.reason.max + ' 项' });
      }
      extras.forEach(function (x) {
        if (x.def.required && !radioValue(x.inputs)) {
          problems.push({ path: path + '.extra.' + x.def.id, message: who + '：请回答“' + x.def.label + '”' });
        }
      });
    }
  };
}


var BUILDERS = { scale: scale, multi: multi, text: text, matrix: matrix, recommendation: recommendation };
