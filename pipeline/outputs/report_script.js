/* The report's behaviour: the coverage map's year switch and square details, and the timeline drawn from
   the JSON embedded in the page at the width of the screen. Everything a hover shows, a click or a tap
   shows too (in a details box), so the page works on touch screens. No network, no libraries. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var MONTHS = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
  var ROW = 14, PAD = 8, AXIS = 22, OPEN = 22;

  function node(name, attrs, parent, text) {
    var el = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text !== undefined) { el.textContent = text; }
    parent.appendChild(el);
    return el;
  }
  function onActivate(el, handler) {
    el.addEventListener("click", handler);
    el.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); handler(e); }
    });
  }
  function showDetails(box, text, el, scope) {
    Array.prototype.forEach.call(scope.querySelectorAll(".active"), function (x) { x.classList.remove("active"); });
    el.classList.add("active");
    box.textContent = text;
    box.hidden = false;
  }

  /* ---- coverage: one panel per election year; a square's details on click or tap ---- */
  Array.prototype.forEach.call(document.querySelectorAll(".years button"), function (button) {
    button.addEventListener("click", function () {
      Array.prototype.forEach.call(document.querySelectorAll(".years button"), function (b) {
        b.classList.toggle("chosen", b === button);
        b.setAttribute("aria-pressed", b === button ? "true" : "false");
      });
      Array.prototype.forEach.call(document.querySelectorAll(".coverage-year"), function (panel) {
        panel.hidden = panel.dataset.year !== button.dataset.year;
      });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll(".coverage-year"), function (panel) {
    var box = panel.querySelector(".tile-details");
    Array.prototype.forEach.call(panel.querySelectorAll(".tile"), function (tile) {
      onActivate(tile, function () { showDetails(box, tile.dataset.about, tile, panel); });
    });
  });

  /* ---- the timeline ---- */
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var box = document.getElementById("timeline");
  var details = document.getElementById("timeline-details");
  var button = document.getElementById("toggle-relative");
  var hash = window.location.hash;
  var relative = hash === "#relative" ? true : hash === "#calendar" ? false : data.default_mode === "relative";

  function day(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / 86400000); }
  function dayLabel(d) { return d === 0 ? "Д0" : (d > 0 ? "Д+" + d : "Д−" + (-d)); }
  function zeroOf(lane) { return relative ? day(lane.voting[0]) : 0; }
  function itemsOf(lane) {
    var zero = zeroOf(lane);
    return lane.items.map(function (it) { return { a: day(it.start) - zero, b: day(it.end) - zero, it: it }; });
  }
  function domain() {
    var lo = Infinity, hi = -Infinity;
    data.lanes.forEach(function (lane) {
      var zero = zeroOf(lane);
      itemsOf(lane).concat([{ a: day(lane.voting[0]) - zero, b: day(lane.voting[1]) - zero }])
        .forEach(function (p) { lo = Math.min(lo, p.a); hi = Math.max(hi, p.b); });
    });
    var margin = Math.max(3, Math.round((hi - lo) * 0.02));
    return [lo - margin, hi + margin];
  }
  function pack(items, x) {
    var ends = [];
    items.sort(function (p, q) { return p.a - q.a || p.b - q.b; });
    items.forEach(function (p) {
      var left = x(p.a) - (p.it.kind === "before" ? OPEN : 5);
      var right = Math.max(x(p.b + 1), x(p.a) + 6) + (p.it.kind === "after" ? OPEN : 5);
      var row = ends.findIndex(function (end) { return end < left; });
      if (row < 0) { row = ends.length; ends.push(0); }
      ends[row] = right + 2;
      p.row = row;
    });
    return Math.max(ends.length, 1);
  }
  function ticks(lo, hi, width) {
    var most = Math.max(2, Math.floor(width / 70)), out = [];
    if (relative) {
      var step = [7, 14, 30, 60, 90, 180, 365].find(function (s) { return (hi - lo) / s <= most; }) || 730;
      for (var d = Math.ceil(lo / step) * step; d <= hi; d += step) { out.push([d, dayLabel(d)]); }
      return out;
    }
    var months = [1, 2, 3, 6, 12, 24].find(function (m) { return (hi - lo) / 30.4 / m <= most; }) || 48;
    var start = new Date(lo * 86400000), y = start.getUTCFullYear(), m = start.getUTCMonth() + 1;
    for (; Date.UTC(y, m, 1) / 86400000 <= hi; m += 1) {
      var t = Date.UTC(y, m, 1) / 86400000, when = new Date(t * 86400000), month = when.getUTCMonth();
      if ((when.getUTCFullYear() * 12 + month) % months === 0) {
        out.push([t, months >= 12 ? String(when.getUTCFullYear()) : MONTHS[month] + " " + when.getUTCFullYear()]);
      }
    }
    return out;
  }
  function itemText(lane, it) {
    return lane.label + "\n" + it.title + "\nСрок в плане: «" + it.raw + "» (" + it.kind_label + ")\n" + it.dates;
  }
  function drawItem(svg, p, x, lane, color) {
    var y = PAD / 2 + p.row * ROW + ROW / 2, it = p.it;
    var g = node("g", { "class": "item", tabindex: "0", role: "button" }, svg);
    node("title", {}, g, itemText(lane, it));
    if (it.kind === "before") {
      node("line", { x1: x(p.b) - OPEN, y1: y, x2: x(p.b), y2: y, stroke: color, "class": "open" }, g);
      node("circle", { cx: x(p.b), cy: y, r: 4.5, fill: color }, g);
    } else if (it.kind === "after") {
      node("circle", { cx: x(p.a), cy: y, r: 4.5, fill: color }, g);
      node("line", { x1: x(p.a), y1: y, x2: x(p.a) + OPEN, y2: y, stroke: color, "class": "open" }, g);
    } else if (p.a === p.b && it.kind === "date") {
      node("circle", { cx: x(p.a) + 2, cy: y, r: 4.5, fill: color }, g);
    } else {
      node("rect", { x: x(p.a), y: y - 5, width: Math.max(x(p.b + 1) - x(p.a), 4), height: 10, rx: 2,
                     fill: color, "fill-opacity": 0.85 }, g);
    }
    onActivate(g, function () { showDetails(details, itemText(lane, it), g, box); });
  }
  function drawLane(lane, x, width, lo, hi, grid) {
    var div = document.createElement("div"), label = document.createElement("div");
    div.className = "lane";
    label.className = "lane-label";
    label.innerHTML = "<b></b> <span></span>";
    label.firstChild.textContent = lane.label;
    label.lastChild.textContent = "· " + lane.voting_text;
    div.appendChild(label);
    var items = itemsOf(lane), rows = pack(items, x), height = rows * ROW + PAD, zero = zeroOf(lane);
    var svg = node("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height }, div);
    node("rect", { x: 0, y: 0, width: width, height: height, "class": "lane-bg" }, svg);
    grid.forEach(function (t) { node("line", { x1: x(t[0]), x2: x(t[0]), y1: 0, y2: height, "class": "grid" }, svg); });
    var v0 = day(lane.voting[0]) - zero, v1 = day(lane.voting[1]) - zero;
    node("rect", { x: x(v0), y: 0, height: height, width: Math.max(x(v1 + 1) - x(v0), 3), "class": "voting" }, svg);
    if (relative) { node("line", { x1: x(0), x2: x(0), y1: 0, y2: height, stroke: "#c0392b", "stroke-width": 1.5 }, svg); }
    items.forEach(function (p) { drawItem(svg, p, x, lane, data.colors[p.it.category] || "#888"); });
    box.appendChild(div);
  }
  function render() {
    var width = Math.max(box.clientWidth || 300, 240);
    var range = domain(), lo = range[0], hi = range[1];
    var x = function (d) { return 6 + (d - lo) / (hi - lo) * (width - 12); };
    var grid = ticks(lo, hi, width);
    box.textContent = "";
    var axis = document.createElement("div");
    axis.className = "axis";
    box.appendChild(axis);
    var svg = node("svg", { width: width, height: AXIS, viewBox: "0 0 " + width + " " + AXIS,
                            role: "img", "aria-label": "Шкала времени" }, axis);
    grid.forEach(function (t) {
      var right = x(t[0]) > width - 50;
      node("text", { x: x(t[0]) + (right ? -2 : 2), y: AXIS - 7, "text-anchor": right ? "end" : "start" }, svg, t[1]);
      node("line", { x1: x(t[0]), x2: x(t[0]), y1: AXIS - 4, y2: AXIS, "class": "grid" }, svg);
    });
    data.lanes.forEach(function (lane) { drawLane(lane, x, width, lo, hi, grid); });
    box.dataset.mode = relative ? "relative" : "calendar";
    box.dataset.rendered = "1";
    button.textContent = relative ? "Показать календарные даты" : "Показать дни относительно дня голосования";
  }
  button.addEventListener("click", function () {
    relative = !relative;
    details.hidden = true;
    render();
  });
  if (data.lanes.length) {
    render();
    var last = box.clientWidth;
    window.addEventListener("resize", function () {
      if (box.clientWidth !== last) { last = box.clientWidth; render(); }
    });
  } else {
    box.textContent = "В наборе нет мероприятий с датами.";
    box.dataset.rendered = "1";
    button.hidden = true;
  }
})();
