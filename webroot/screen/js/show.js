// The results pages: built once per shape of the report, then updated in place as snapshots arrive (numbers
// re-typed, charts given their new option, so bars grow instead of the page flashing), rotated every
// ROTATE_MS because a projector cannot scroll. ← → (or PageUp/PageDown) turn pages, the space bar pauses.
// Only the page on view holds live charts; every page keeps its numbers in a table for screen readers and tests.

import { el } from '/shared/ballot-controls.js';
import { optionOf } from './options.js';

const ROTATE_MS = 12000;
const FADE_MS = 900;

export class Slideshow {
  constructor(container, pager, pixelRatio) {
    this.container = container;
    this.pager = pager;
    this.pixelRatio = pixelRatio;
    this.slides = [];
    this.pages = [];
    this.current = 0;
    this.paused = false;
    this.shape = '';
    this.timer = setInterval(() => { if (!this.paused) this.turn(1); }, ROTATE_MS);
    document.addEventListener('keydown', (e) => this.key(e));
  }

  /** Shows these slides: in place when only numbers changed, rebuilt when pages came or went. */
  update(slides) {
    const shape = slides.map((s) => s.key + ':' + s.charts.map((c) => c.rows.length).join(',')).join(';');
    if (shape !== this.shape) return this.rebuild(slides, shape);
    this.slides = slides;
    slides.forEach((slide, i) => {
      const page = this.pages[i];
      if (slide.kind === 'board') return fillBoard(page, slide);
      fillFacts(page.facts, slide.facts);
      slide.charts.forEach((chart, k) => {
        fillTable(page.tables[k], chart);
        if (page.charts[k]) page.charts[k].setOption(optionOf(chart, { narrow: slide.charts.length > 1 }));
      });
    });
  }

  clear() {
    this.rebuild([], '');
  }

  rebuild(slides, shape) {
    const key = this.slides[this.current] && this.slides[this.current].key;
    this.pages.forEach((page) => disposeCharts(page));
    this.container.textContent = '';
    this.slides = slides;
    this.shape = shape;
    this.pages = slides.map((slide) => buildPage(slide));
    this.pages.forEach((page) => this.container.append(page.node));
    const kept = slides.findIndex((s) => s.key === key);
    this.show(kept >= 0 ? kept : 0);
  }

  turn(step) {
    if (this.pages.length > 1) this.show((this.current + step + this.pages.length) % this.pages.length);
  }

  show(index) {
    const leaving = this.pages[this.current];
    this.current = index;
    const page = this.pages[index];
    this.pages.forEach((p) => p.node.classList.toggle('current', p === page));
    if (page) this.draw(index);
    if (leaving && leaving !== page) {
      setTimeout(() => { if (this.pages[this.current] !== leaving) disposeCharts(leaving); }, FADE_MS);
    }
    this.showPager();
  }

  /** Gives the page on view its charts (again), e.g. after the window was resized. */
  draw(index = this.current) {
    const page = this.pages[index];
    const slide = this.slides[index];
    if (!page || !window.echarts) return;
    disposeCharts(page);
    page.charts = page.boxes.map((box, k) => {
      const chart = window.echarts.init(box, null, { renderer: 'canvas', devicePixelRatio: this.pixelRatio() });
      chart.setOption(optionOf(slide.charts[k], { narrow: slide.charts.length > 1 }));
      return chart;
    });
  }

  showPager() {
    this.pager.textContent = '';
    if (this.pages.length < 2) return;
    this.pager.append(el('span', 'p-text', '第 ' + (this.current + 1) + ' / ' + this.pages.length + ' 页'));
    if (this.paused) this.pager.append(el('span', 'p-paused', '已暂停'));
    const dots = el('span', 'p-dots');
    this.pages.forEach((p, i) => dots.append(el('span', i === this.current ? 'p-dot on' : 'p-dot')));
    this.pager.append(dots);
  }

  key(e) {
    if (['ArrowRight', 'PageDown', 'ArrowDown'].includes(e.key)) this.turn(1);
    else if (['ArrowLeft', 'PageUp', 'ArrowUp'].includes(e.key)) this.turn(-1);
    else if (e.key === ' ') { this.paused = !this.paused; this.showPager(); }
    else return;
    e.preventDefault();
  }
}

function buildPage(slide) {
  if (slide.kind === 'board') return buildBoardPage(slide);
  const node = el('article', 'slide');
  node.dataset.slide = slide.key;
  node.dataset.testid = 'slide';
  const head = el('header', 'sl-head');
  head.append(el('h2', 'sl-title', slide.title));
  if (slide.part) head.append(el('p', 'sl-part', slide.part));
  head.append(el('p', 'sl-form', slide.form));
  const facts = el('dl', 'sl-facts');
  fillFacts(facts, slide.facts);
  const charts = el('div', 'sl-charts' + (slide.charts.length > 1 ? ' two' : ''));
  const boxes = [];
  const tables = [];
  slide.charts.forEach((chart) => {
    const figure = el('figure', 'sl-chart');
    if (slide.charts.length > 1) figure.append(el('figcaption', 'sl-caption', chart.title));
    const box = el('div', 'chart');
    box.dataset.testid = 'chart';
    const table = el('table', 'numbers');
    fillTable(table, chart);
    figure.append(box, table);
    charts.append(figure);
    boxes.push(box);
    tables.push(table);
  });
  const main = el('div', 'sl-main');
  main.append(charts);
  (slide.notes || []).forEach((text) => main.append(el('p', 'sl-note', text)));
  const body = el('div', 'sl-body');
  body.append(facts, main);
  node.append(head, body);
  return { node, facts, boxes, tables, charts: [] };
}

/** The receipts board's page: its QR code, its address and what a voter does with it. */
function buildBoardPage(slide) {
  const node = el('article', 'slide board-slide');
  node.dataset.slide = slide.key;
  node.dataset.testid = 'slide';
  const qr = el('img', 'bd-qr');
  qr.alt = '回执码公布页的二维码';
  qr.dataset.testid = 'board-qr';
  const text = el('div', 'bd-text');
  const count = el('p', 'bd-count');
  const url = el('p', 'bd-url');
  url.dataset.testid = 'board-url';
  text.append(el('h2', 'bd-title', '回执码已公布'),
    el('p', 'bd-lead', '请用手机扫描二维码，输入提交选票时得到的回执码，核对您的选票已计入。'),
    count, url,
    el('p', 'bd-note', '查找只在您的手机上进行，回执码不会发送给服务器；回执码不包含投票人的身份。'));
  node.append(qr, text);
  const page = { node, qr, count, url, facts: null, boxes: [], tables: [], charts: [] };
  fillBoard(page, slide);
  return page;
}

function fillBoard(page, slide) {
  if (page.qr.getAttribute('src') !== slide.board.qr) page.qr.src = slide.board.qr;
  page.count.textContent = '共 ' + slide.count + ' 个回执码，按回执码排序，与投票先后无关';
  page.url.textContent = slide.board.url;
}

function fillFacts(list, facts) {
  list.textContent = '';
  for (const f of facts) {
    const item = el('div', 'fact' + (f.tone ? ' ' + f.tone : ''));
    const value = el('dd', 'fact-value');
    value.append(el('span', 'v', f.value), el('span', 'u', f.unit || ''));
    item.append(el('dt', 'fact-label', f.label), value);
    list.append(item);
  }
}

/** The chart's numbers as a table: what a screen reader reads, and what tests check, on every page. */
function fillTable(table, chart) {
  table.textContent = '';
  if (chart.title) table.append(el('caption', '', chart.title));
  const head = el('tr');
  const columns = chart.type === 'stacked' ? chart.options.map((o) => o.label) : ['票数', '比例'];
  head.append(el('th', '', ''), ...columns.map((c) => el('th', '', c)), el('th', '', ''));
  table.append(head);
  for (const row of chart.rows) {
    const tr = el('tr');
    tr.append(withScope(el('th', '', row.label)));
    if (chart.type === 'stacked') {
      row.counts.forEach((n, k) => tr.append(el('td', '', n + '（' + percentText(row.percents[k]) + '）')));
      tr.append(el('td', '', row.side || ''));
    } else {
      tr.append(el('td', '', String(row.count)), el('td', '', percentText(row.percent)), el('td', '', row.badge || ''));
    }
    table.append(tr);
  }
}

function withScope(th) {
  th.setAttribute('scope', 'row');
  return th;
}

function percentText(value) {
  return value === null || value === undefined ? '—' : Number(value).toFixed(2) + '%';
}

function disposeCharts(page) {
  page.charts.forEach((chart) => chart.dispose());
  page.charts = [];
}
