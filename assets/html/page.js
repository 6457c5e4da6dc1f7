// chronik timeline page: draws the meetings embedded in #chronik-data as an SVG timeline.
// Lanes per kind or per actor, colour by status, wheel to zoom, drag to pan, click for details.
// The URL fragment selects the same way a user does: #select=<event id>, #actor=<actor id>,
// #status=held,planned, #lanes=actor, #from=2022-01-01&to=2022-03-31 (several joined by &).
"use strict";

const DATA = JSON.parse(document.getElementById("chronik-data").textContent);
const L = DATA.labels;
const STATUS_COLOURS = Object.fromEntries(DATA.status_colours);
const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const LANE_LABEL_WIDTH = 150;
const ROW_HEIGHT = 22;
const AXIS_HEIGHT = 28;

const byId = new Map(DATA.events.map(e => [e.id, e]));
const dated = DATA.events.filter(e => e.period);
const undated = DATA.events.filter(e => !e.period);
for (const e of dated) {
  e.t0 = Date.parse(e.period.start + "T00:00:00Z");
  e.t1 = Date.parse(e.period.end + "T00:00:00Z") + DAY;
}

const state = {
  lanes: "kind",
  actor: "",
  statuses: new Set(Object.keys(STATUS_COLOURS)),
  domain: fullDomain(),
  selected: null,
};

function label(group, code) {
  return (L[group] && L[group][code]) || code;
}

function el(name, attrs, text) {
  const node = name.startsWith("svg:")
    ? document.createElementNS(SVG, name.slice(4))
    : document.createElement(name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function fullDomain() {
  if (!dated.length) return [Date.UTC(2000, 0, 1), Date.UTC(2001, 0, 1)];
  const lo = Math.min(...dated.map(e => e.t0));
  const hi = Math.max(...dated.map(e => e.t1));
  const pad = Math.max((hi - lo) * 0.03, 2 * DAY);
  return [lo - pad, hi + pad];
}

function visible(e) {
  return state.statuses.has(e.status) &&
    (!state.actor || e.participants.some(p => p.id === state.actor));
}

function participantNames(e) {
  return e.participants.map(p => p.name).join(", ");
}

// Lanes: [{key, title, events}] for the current grouping, the busiest first for actors.
function lanes(events) {
  const lanes = new Map();
  const add = (key, title, e) => {
    if (!lanes.has(key)) lanes.set(key, { key, title, events: [] });
    lanes.get(key).events.push(e);
  };
  for (const e of events) {
    if (state.lanes === "actor") {
      for (const p of e.participants) add(p.id, p.name, e);
    } else {
      add(e.kind, label("kind", e.kind), e);
    }
  }
  const list = [...lanes.values()];
  if (state.lanes === "actor") list.sort((a, b) => b.events.length - a.events.length || a.title.localeCompare(b.title));
  else list.sort((a, b) => a.title.localeCompare(b.title));
  return list;
}

// Ticks for the visible domain: years, months or days, whichever gives 4 to 20 of them.
function ticks(lo, hi) {
  const span = (hi - lo) / DAY;
  const out = [];
  const d = new Date(lo);
  if (span > 365 * 4) {
    const step = Math.ceil(span / 365 / 12);
    for (let y = d.getUTCFullYear() - (d.getUTCFullYear() % step); ; y += step) {
      const t = Date.UTC(y, 0, 1);
      if (t > hi) break;
      if (t >= lo) out.push([t, String(y)]);
    }
  } else if (span > 40) {
    const step = Math.max(1, Math.ceil(span / 30 / 12));
    for (let m = d.getUTCFullYear() * 12 + d.getUTCMonth(); ; m += step) {
      const t = Date.UTC(Math.floor(m / 12), m % 12, 1);
      if (t > hi) break;
      if (t >= lo) out.push([t, label("month", String(m % 12 + 1)).slice(0, 3) + " " + Math.floor(m / 12)]);
    }
  } else {
    const step = Math.max(1, Math.ceil(span / 14));
    for (let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()); t <= hi; t += step * DAY) {
      const day = new Date(t);
      if (t >= lo) out.push([t, day.getUTCDate() + ". " + label("month", String(day.getUTCMonth() + 1)).slice(0, 3)]);
    }
  }
  return out;
}

function draw() {
  const svg = document.getElementById("timeline");
  const width = Math.max(400, document.getElementById("chart").clientWidth);
  const [lo, hi] = state.domain;
  const x = t => LANE_LABEL_WIDTH + (t - lo) / (hi - lo) * (width - LANE_LABEL_WIDTH - 10);
  svg.replaceChildren();
  const shown = dated.filter(visible);
  // only what overlaps the visible stretch of time is drawn
  const inView = shown.filter(e => e.t1 > lo && e.t0 < hi);
  let y = AXIS_HEIGHT;
  const laneGroup = el("svg:g");
  for (const lane of lanes(inView)) {
    // pack the lane's events into rows: a mark and its label never overlap another
    const rows = [];
    const placed = [];
    for (const e of [...lane.events].sort((a, b) => a.t0 - b.t0)) {
      const x0 = x(e.t0);
      const x1 = Math.max(x(e.t1), x0 + 10);
      const text = participantNames(e);
      const textWidth = Math.min(text.length, 40) * 6.2;
      // the label right of the mark, or left of it near the right edge
      const left = x1 + 6 + textWidth > width && x0 - 6 - textWidth > LANE_LABEL_WIDTH;
      const from = left ? x0 - 6 - textWidth : x0;
      const end = left ? x1 : x1 + 6 + textWidth;
      let row = rows.findIndex(r => r < from - 4);
      if (row < 0) { row = rows.length; rows.push(0); }
      rows[row] = end;
      placed.push({ e, x0, x1, row, text, left });
    }
    const height = Math.max(1, rows.length) * ROW_HEIGHT + 6;
    laneGroup.append(el("svg:rect", { class: "lane-bg", x: 0, y, width, height: height - 2 }));
    laneGroup.append(el("svg:text", { class: "lane-label", x: 6, y: y + 15 }, lane.title + " (" + lane.events.length + ")"));
    for (const p of placed) {
      const cy = y + 4 + p.row * ROW_HEIGHT + ROW_HEIGHT / 2;
      const mark = el("svg:rect", {
        class: "mark" + (p.e.id === state.selected ? " selected" : ""),
        "data-id": p.e.id,
        x: p.x0, y: cy - 7, width: p.x1 - p.x0, height: 14, rx: 7,
        fill: STATUS_COLOURS[p.e.status] || "#999",
      });
      mark.append(el("svg:title", {}, p.e.period.words + ": " + label("kind", p.e.kind) + ", " + p.text));
      mark.addEventListener("click", () => select(p.e.id));
      laneGroup.append(mark);
      const short = p.text.length > 40 ? p.text.slice(0, 39) + "…" : p.text;
      const at = p.left
        ? { class: "mark-label", x: p.x0 - 4, y: cy + 4, "text-anchor": "end" }
        : { class: "mark-label", x: p.x1 + 4, y: cy + 4 };
      laneGroup.append(el("svg:text", at, short));
    }
    y += height;
  }
  const axis = el("svg:g", { class: "axis" });
  for (const [t, text] of ticks(lo, hi)) {
    axis.append(el("svg:line", { x1: x(t), x2: x(t), y1: AXIS_HEIGHT - 6, y2: y }));
    axis.append(el("svg:text", { x: x(t) + 3, y: AXIS_HEIGHT - 10 }, text));
  }
  svg.append(axis, laneGroup);
  svg.setAttribute("width", width);
  svg.setAttribute("height", y + 4);
  const undatedShown = undated.filter(visible);
  document.getElementById("count").textContent =
    (shown.length + undatedShown.length) + " / " + DATA.events.length + " " + label("ui", "events") + " " + label("ui", "shown");
  drawUndated(undatedShown);
}

function drawUndated(events) {
  const box = document.getElementById("undated");
  box.replaceChildren();
  if (!events.length) return;
  box.append(el("strong", {}, label("ui", "undated") + " (" + events.length + "): "));
  for (const e of events) {
    const b = el("button", { type: "button", class: "undated-event", "data-id": e.id }, participantNames(e) || e.id);
    b.style.borderColor = STATUS_COLOURS[e.status] || "#ccc";
    b.addEventListener("click", () => select(e.id));
    box.append(b);
  }
}

// The report's sentences (the trigger's, then the supporting ones) with the trigger marked and
// the words naming a participant, the date or the place in bold. Offsets are UTF-8 byte
// offsets into the article, so the sentence is cut as bytes.
function evidence(source) {
  const spans = [[source.trigger, "mark"]];
  for (const p of source.participant_spans || []) spans.push([p, "b"]);
  for (const p of source.open_spans || []) spans.push([p, "i"]);
  if (source.date_span) spans.push([source.date_span, "b"]);
  if (source.place_span) spans.push([source.place_span, "b"]);
  const quotes = [];
  for (const sentence of [source.evidence, ...(source.support || [])]) {
    const quote = el("blockquote", { class: "evidence" });
    const bytes = new TextEncoder().encode(sentence.text);
    const dec = new TextDecoder();
    const inside = spans
      .map(([s, tag]) => [s.start - sentence.start, s.end - sentence.start, tag])
      .filter(([a, b]) => a >= 0 && b <= bytes.length && a < b)
      .sort((x, y) => x[0] - y[0]);
    let at = 0;
    for (const [a, b, tag] of inside) {
      if (a < at) continue;
      quote.append(dec.decode(bytes.subarray(at, a)), el(tag, {}, dec.decode(bytes.subarray(a, b))));
      at = b;
    }
    quote.append(dec.decode(bytes.subarray(at)));
    quotes.push(quote);
  }
  return quotes;
}

function sourceLine(source) {
  const line = el("div", { class: "source" });
  const url = source.source;
  if (url && /^https?:\/\//i.test(url)) {
    line.append(el("a", { href: url, target: "_blank", rel: "noopener" }, source.article));
  } else {
    line.append(source.article + (url ? " (" + url + ")" : ""));
  }
  line.append(", " + formatTime(source.published));
  return line;
}

// An RFC 3339 time as the source wrote it, in its own offset: 28.12.2021 10:20.
function formatTime(text) {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(text || "");
  return m ? m[3] + "." + m[2] + "." + m[1] + " " + m[4] + ":" + m[5] : text;
}

function badge(status) {
  const b = el("span", { class: "badge" }, label("status", status));
  b.style.background = STATUS_COLOURS[status] || "#eee";
  return b;
}

function select(id) {
  const e = byId.get(id);
  if (!e) return;
  state.selected = id;
  for (const m of document.querySelectorAll(".mark")) m.classList.toggle("selected", m.dataset.id === id);
  const d = document.getElementById("details");
  d.replaceChildren();
  d.dataset.event = id;
  d.append(el("h2", {}, label("kind", e.kind) + ": " + (e.period ? e.period.words : label("ui", "undated"))), badge(e.status));
  d.append(el("h3", {}, label("ui", "participants")));
  const people = el("ul", { class: "participants" });
  for (const p of e.participants) {
    const li = el("li", {}, p.name + (p.type ? " (" + label("entity", p.type) + ")" : "") + (p.open ? " – " + label("ui", "open") : ""));
    const named = e.sources.flatMap(s => s.participant_spans || []).find(s => s.id === p.id);
    if (named && named.text !== p.name) li.append(el("span", { class: "as-written" }, " „" + named.text + "“"));
    people.append(li);
  }
  d.append(people);
  if (e.place) d.append(el("h3", {}, label("ui", "place")), el("p", { class: "place" }, e.place.name));
  if (e.cameo) d.append(el("p", { class: "codes" }, "CAMEO " + e.cameo + (e.plover ? " · PLOVER " + e.plover : "")));
  if (e.topic) d.append(el("h3", {}, label("ui", "topic")), el("p", {}, e.topic));
  d.append(el("h3", {}, label("ui", "history")));
  const history = el("table", { class: "history" });
  for (const step of e.status_history) {
    const row = el("tr");
    const cell = el("td");
    cell.append(badge(step.status));
    row.append(el("td", {}, formatTime(step.as_of)), cell, el("td", {}, step.article));
    history.append(row);
  }
  d.append(history);
  d.append(el("h3", {}, label("ui", "sources") + " (" + e.sources.length + ")"));
  for (const s of e.sources) d.append(...evidence(s), sourceLine(s));
}

// --- controls -------------------------------------------------------------------------------

function setupControls() {
  document.getElementById("hint").textContent = label("ui", "zoom_hint");
  document.getElementById("reset").textContent = label("ui", "reset");
  const lanesSelect = document.getElementById("lanes");
  for (const [value, key] of [["kind", "lane_kind"], ["actor", "lane_actor"]]) {
    lanesSelect.append(el("option", { value }, label("ui", key)));
  }
  lanesSelect.addEventListener("change", () => { state.lanes = lanesSelect.value; draw(); });
  const actorSelect = document.getElementById("actor");
  actorSelect.append(el("option", { value: "" }, label("ui", "all_actors")));
  const counts = new Map();
  for (const e of DATA.events) for (const p of e.participants) {
    const c = counts.get(p.id) || { name: p.name, n: 0 };
    c.n += 1;
    counts.set(p.id, c);
  }
  for (const [id, c] of [...counts].sort((a, b) => a[1].name.localeCompare(b[1].name))) {
    actorSelect.append(el("option", { value: id }, c.name + " (" + c.n + ")"));
  }
  actorSelect.addEventListener("change", () => { state.actor = actorSelect.value; draw(); });
  const statuses = document.getElementById("statuses");
  for (const [status, colour] of Object.entries(STATUS_COLOURS)) {
    const box = el("input", { type: "checkbox", value: status, checked: "" });
    box.addEventListener("change", () => {
      if (box.checked) state.statuses.add(status); else state.statuses.delete(status);
      draw();
    });
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = colour;
    const lab = el("label");
    lab.append(box, swatch, label("status", status));
    statuses.append(lab);
  }
  document.getElementById("zoom-in").addEventListener("click", () => zoom(0.5, 0.5));
  document.getElementById("zoom-out").addEventListener("click", () => zoom(2, 0.5));
  document.getElementById("reset").addEventListener("click", () => { state.domain = fullDomain(); draw(); });
  const chart = document.getElementById("chart");
  chart.addEventListener("wheel", ev => {
    if (ev.shiftKey) return;
    ev.preventDefault();
    const box = chart.getBoundingClientRect();
    const at = (ev.clientX - box.left - LANE_LABEL_WIDTH) / (box.width - LANE_LABEL_WIDTH - 10);
    zoom(ev.deltaY > 0 ? 1.25 : 0.8, Math.min(1, Math.max(0, at)));
  }, { passive: false });
  let drag = null;
  chart.addEventListener("mousedown", ev => {
    if (ev.target.classList.contains("mark")) return;
    drag = { x: ev.clientX, domain: state.domain.slice() };
    chart.classList.add("dragging");
  });
  window.addEventListener("mousemove", ev => {
    if (!drag) return;
    const w = chart.clientWidth - LANE_LABEL_WIDTH - 10;
    const shift = (drag.x - ev.clientX) / w * (drag.domain[1] - drag.domain[0]);
    state.domain = [drag.domain[0] + shift, drag.domain[1] + shift];
    draw();
  });
  window.addEventListener("mouseup", () => { drag = null; chart.classList.remove("dragging"); });
  window.addEventListener("resize", draw);
  window.addEventListener("hashchange", applyFragment);
}

// Zooms by `factor` (below 1: in) keeping the point at fraction `at` of the axis in place.
function zoom(factor, at) {
  const [lo, hi] = state.domain;
  const pivot = lo + (hi - lo) * at;
  const span = Math.max((hi - lo) * factor, 3 * DAY);
  state.domain = [pivot - span * at, pivot + span * (1 - at)];
  draw();
}

// Applies #lanes=, #actor=, #status=, #from=/#to= and #select= from the URL fragment. A selection clicks the
// drawn mark (or the undated event's button), so it takes the path a user's click takes.
function applyFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.has("lanes")) state.lanes = params.get("lanes") === "actor" ? "actor" : "kind";
  if (params.has("actor")) state.actor = params.get("actor");
  const from = Date.parse(params.get("from") + "T00:00:00Z");
  const to = Date.parse(params.get("to") + "T00:00:00Z") + DAY;
  if (from < to) state.domain = [from, to];
  if (params.has("status")) state.statuses = new Set(params.get("status").split(",").filter(s => s in STATUS_COLOURS));
  document.getElementById("lanes").value = state.lanes;
  document.getElementById("actor").value = state.actor;
  for (const box of document.querySelectorAll("#statuses input")) box.checked = state.statuses.has(box.value);
  draw();
  const id = params.get("select");
  if (id) {
    const target = [...document.querySelectorAll(".mark, .undated-event")].find(m => m.dataset.id === id);
    if (target) target.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  }
}

setupControls();
applyFragment();
