// Sitrep dashboard. Article text, titles, URLs and every stored field are hostile input: the DOM is
// built with createElement + textContent only (never parsed as HTML), and links must be http(s).
(function () {
  'use strict';

  const TYPES = {
    'Battles': 't-battles',
    'Explosions/Remote violence': 't-explosions',
    'Violence against civilians': 't-vac',
    'Protests': 't-protests',
    'Riots': 't-riots',
    'Strategic developments': 't-strategic',
  };
  const COLORS = {
    't-battles': '#e4572e', 't-explosions': '#f3a712', 't-vac': '#b66dff',
    't-protests': '#3b82f6', 't-riots': '#14b8a6', 't-strategic': '#94a3b8', 't-other': '#cbd5e1',
  };
  const MAP_LIMIT = 5000;
  const TABLE_ROWS = 500;

  const $ = (id) => document.getElementById(id);
  const typeClass = (t) => TYPES[t] || 't-other';
  const colorOf = (t) => COLORS[typeClass(t)];

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeHref(url) {
    if (typeof url !== 'string') return null;
    try {
      const parsed = new URL(url, window.location.origin);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) { return null; }
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { 'Accept': 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || ('HTTP ' + response.status));
    return body;
  }

  // ---- filter state ----------------------------------------------------------------------------
  const fields = { q: 'f-q', type: 'f-type', sub_type: 'f-subtype', actor: 'f-actor', outlet: 'f-outlet', hedged: 'f-hedged', from: 'f-from', to: 'f-to' };

  function params(withDates) {
    const p = new URLSearchParams();
    for (const [name, id] of Object.entries(fields)) {
      if (!withDates && (name === 'from' || name === 'to')) continue;
      const value = $(id).value.trim();
      if (value) p.set(name, value);
    }
    if ($('f-bbox').checked && map) {
      const b = map.getBounds();
      const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
      p.set('bbox', [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
        .map((v) => v.toFixed(4)).join(','));
    }
    return p;
  }

  // ---- map -------------------------------------------------------------------------------------
  let map = null;
  let markerLayer = null;
  let events = [];
  let documents = {};
  let selectedId = null;

  function initMap() {
    map = L.map('map', { zoomControl: true, minZoom: 4, maxZoom: 13, zoomSnap: 0.5, worldCopyJump: false });
    map.attributionControl.setPrefix('Leaflet');
    map.attributionControl.addAttribution('Boundaries © OCHA COD-AB (CC BY-IGO)');
    map.fitBounds([[29.0, 35.6], [37.4, 48.6]]);
    map.createPane('basemap').style.zIndex = 200;
    fetch('data/basemap.geojson').then((r) => r.json()).then((geo) => {
      const polygons = L.geoJSON(geo, {
        pane: 'basemap',
        interactive: false,
        style: (f) => f.properties.level === 0
          ? { color: '#7f93ad', weight: 1.6, fill: false, opacity: 0.9 }
          : { color: '#34455c', weight: 0.8, fillColor: f.properties.country === 'Syria' ? '#1b2636' : '#182230', fillOpacity: 1 },
      }).addTo(map);
      polygons.eachLayer((layer) => {
        const p = layer.feature.properties;
        if (p.level !== 1) return;
        const label = el('span', null, p.name);
        layer.bindTooltip(label, { permanent: true, direction: 'center', className: 'gov-label', interactive: false });
      });
      polygons.bringToBack();
    }).catch(() => { /* the map still works without the basemap */ });
    markerLayer = L.layerGroup().addTo(map);
    map.on('zoomend', drawMarkers);
    map.on('moveend', () => { if ($('f-bbox').checked) refresh(); });
  }

  // Groups events whose markers would overlap at this zoom (a 36 px grid) into one cluster.
  function drawMarkers() {
    markerLayer.clearLayers();
    const cells = new Map();
    for (const e of events) {
      const loc = e.location;
      if (!loc || typeof loc.lat !== 'number' || typeof loc.lon !== 'number') continue;
      const pt = map.project([loc.lat, loc.lon], map.getZoom());
      const key = Math.floor(pt.x / 36) + ':' + Math.floor(pt.y / 36);
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(e);
    }
    for (const group of cells.values()) {
      if (group.length === 1) {
        const e = group[0];
        const marker = L.circleMarker([e.location.lat, e.location.lon], {
          radius: 6 + Math.min(6, Math.log2(1 + ((e.fatalities && e.fatalities.best) || 0))),
          color: '#ffffff', weight: e.id === selectedId ? 3 : 1.2, opacity: 0.9,
          fillColor: colorOf(e.event_type), fillOpacity: 0.9, className: 'event-marker',
        });
        marker.bindTooltip(tipFor(e), { className: 'event-tip', direction: 'top', offset: [0, -6] });
        marker.on('click', () => selectEvent(e.id, true));
        markerLayer.addLayer(marker);
      } else {
        const lat = group.reduce((s, e) => s + e.location.lat, 0) / group.length;
        const lon = group.reduce((s, e) => s + e.location.lon, 0) / group.length;
        const counts = {};
        for (const e of group) counts[e.event_type] = (counts[e.event_type] || 0) + 1;
        const dominant = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
        const size = Math.round(24 + Math.min(22, Math.sqrt(group.length) * 4));
        const icon = el('div', 'event-cluster', group.length);
        icon.style.width = size + 'px';
        icon.style.height = size + 'px';
        icon.style.background = colorOf(dominant);
        const marker = L.marker([lat, lon], {
          icon: L.divIcon({ html: icon, className: 'event-cluster-icon', iconSize: [size, size] }),
          keyboard: false,
        });
        const tip = el('div');
        tip.appendChild(el('b', null, group.length + ' events'));
        for (const [t, n] of Object.entries(counts)) tip.appendChild(el('div', null, n + ' × ' + t));
        marker.bindTooltip(tip, { className: 'event-tip', direction: 'top', offset: [0, -size / 2] });
        marker.on('click', () => {
          const bounds = L.latLngBounds(group.map((e) => [e.location.lat, e.location.lon]));
          if (map.getZoom() < map.getMaxZoom() - 1 && bounds.getNorthEast().distanceTo(bounds.getSouthWest()) > 50) {
            map.fitBounds(bounds.pad(0.5), { maxZoom: map.getZoom() + 3 });
          } else {
            selectEvent(group[0].id, true);
          }
        });
        markerLayer.addLayer(marker);
      }
    }
  }

  function tipFor(e) {
    const tip = el('div');
    tip.appendChild(el('b', null, e.sub_event_type));
    tip.appendChild(el('div', null, [e.date && e.date.value, e.location && e.location.name].filter(Boolean).join(' · ')));
    const who = [e.actor1, e.actor2].filter(Boolean).join(' vs ');
    if (who) tip.appendChild(el('div', 'muted', who));
    return tip;
  }

  // ---- timeline --------------------------------------------------------------------------------
  let timelineEvents = [];
  let bins = [];
  let brush = null; // {a, b} bin indexes while dragging

  function dayOf(e) {
    const v = e.date && e.date.value;
    if (!v) return null;
    if (/^\d{4}-\d{2}$/.test(v)) return v + '-01';
    if (/^\d{4}$/.test(v)) return v + '-01-01';
    return /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
  }

  const toTime = (iso) => Date.parse(iso + 'T00:00:00Z');
  const toIso = (t) => new Date(t).toISOString().slice(0, 10);

  function buildBins() {
    const days = timelineEvents.map(dayOf).filter(Boolean).map(toTime);
    bins = [];
    if (days.length === 0) return;
    const min = Math.min(...days), max = Math.max(...days);
    const spanDays = (max - min) / 864e5;
    const unit = spanDays <= 120 ? 'day' : spanDays <= 1100 ? 'week' : 'month';
    const startOf = (t) => {
      const d = new Date(t);
      if (unit === 'day') return t;
      if (unit === 'week') return t - ((d.getUTCDay() + 6) % 7) * 864e5;
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    };
    const next = (t) => {
      if (unit === 'day') return t + 864e5;
      if (unit === 'week') return t + 7 * 864e5;
      const d = new Date(t);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    };
    for (let t = startOf(min); t <= max; t = next(t)) bins.push({ start: t, end: next(t) - 864e5, counts: {}, total: 0 });
    for (const e of timelineEvents) {
      const d = dayOf(e);
      if (!d) continue;
      const t = toTime(d);
      let lo = 0, hi = bins.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (bins[mid].start <= t) lo = mid; else hi = mid - 1; }
      const bin = bins[lo];
      bin.counts[e.event_type] = (bin.counts[e.event_type] || 0) + 1;
      bin.total++;
    }
    bins.unit = unit;
  }

  function drawTimeline() {
    const canvas = $('timeline');
    const ratio = window.devicePixelRatio || 1;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    canvas.width = Math.max(1, Math.round(w * ratio));
    canvas.height = Math.max(1, Math.round(h * ratio));
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, w, h);
    const axis = 16, top = 4;
    if (bins.length === 0) {
      g.fillStyle = '#8492a6'; g.font = '11px sans-serif';
      g.fillText('No dated events for these filters', 8, h / 2);
      return;
    }
    const max = Math.max(1, ...bins.map((b) => b.total));
    const bw = w / bins.length;
    const from = $('f-from').value, to = $('f-to').value;
    const fromT = from ? toTime(from) : -Infinity, toT = to ? toTime(to) : Infinity;
    const sel = brush ? [Math.min(brush.a, brush.b), Math.max(brush.a, brush.b)] : null;
    bins.forEach((b, i) => {
      const inRange = sel ? (i >= sel[0] && i <= sel[1]) : (b.end >= fromT && b.start <= toT);
      let y = h - axis;
      for (const [t, n] of Object.entries(b.counts)) {
        const bh = (n / max) * (h - axis - top);
        g.globalAlpha = inRange ? 0.95 : 0.25;
        g.fillStyle = colorOf(t);
        const barW = Math.max(1, Math.min(bw - 1, 28));
        g.fillRect(i * bw + (bw - barW) / 2, y - bh, barW, bh);
        y -= bh;
      }
    });
    g.globalAlpha = 1;
    if (sel) {
      g.fillStyle = 'rgba(74,163,255,0.15)';
      g.fillRect(sel[0] * bw, 0, (sel[1] - sel[0] + 1) * bw, h - axis);
    }
    g.strokeStyle = '#263041'; g.beginPath(); g.moveTo(0, h - axis + 0.5); g.lineTo(w, h - axis + 0.5); g.stroke();
    g.fillStyle = '#8492a6'; g.font = '10px sans-serif';
    const labels = Math.max(2, Math.floor(w / 90));
    const step = Math.max(1, Math.ceil(bins.length / labels));
    for (let i = 0; i < bins.length; i += step) {
      const iso = toIso(bins[i].start);
      if (i * bw + 60 > w) break;
      g.fillText(bins.unit === 'month' ? iso.slice(0, 7) : iso, i * bw + 2, h - 4);
    }
    g.textAlign = 'right';
    const undated = timelineEvents.length - timelineEvents.filter(dayOf).length;
    g.fillText('max ' + max + ' per ' + bins.unit + (undated ? ' · ' + undated + ' undated not shown' : ''), w - 4, 11);
    g.textAlign = 'left';
  }

  function binAt(x) {
    const canvas = $('timeline');
    const i = Math.floor((x / canvas.clientWidth) * bins.length);
    return Math.max(0, Math.min(bins.length - 1, i));
  }

  function initTimeline() {
    const canvas = $('timeline');
    canvas.addEventListener('mousedown', (ev) => {
      if (!bins.length) return;
      brush = { a: binAt(ev.offsetX), b: binAt(ev.offsetX) };
      drawTimeline();
    });
    canvas.addEventListener('mousemove', (ev) => {
      if (!brush) return;
      brush.b = binAt(ev.offsetX);
      drawTimeline();
    });
    window.addEventListener('mouseup', () => {
      if (!brush) return;
      const lo = Math.min(brush.a, brush.b), hi = Math.max(brush.a, brush.b);
      brush = null;
      $('f-from').value = toIso(bins[lo].start);
      $('f-to').value = toIso(bins[hi].end);
      refresh();
    });
    canvas.addEventListener('dblclick', clearDates);
    $('timeline-clear').addEventListener('click', clearDates);
    window.addEventListener('resize', drawTimeline);
  }

  function clearDates() {
    $('f-from').value = '';
    $('f-to').value = '';
    refresh();
  }

  // ---- table -----------------------------------------------------------------------------------
  function drawTable(total) {
    const body = document.querySelector('#events tbody');
    body.replaceChildren();
    for (const e of events.slice(0, TABLE_ROWS)) {
      const tr = el('tr');
      tr.dataset.id = e.id;
      if (e.id === selectedId) tr.classList.add('selected');
      tr.appendChild(el('td', null, (e.date && e.date.value) || '—'));
      const typeCell = el('td');
      const wrap = el('span', 'type-cell');
      wrap.appendChild(el('span', 'swatch ' + typeClass(e.event_type)));
      wrap.appendChild(el('span', null, e.event_type));
      typeCell.appendChild(wrap);
      tr.appendChild(typeCell);
      tr.appendChild(el('td', null, e.sub_event_type));
      tr.appendChild(el('td', null, e.actor1 || ''));
      tr.appendChild(el('td', null, e.actor2 || ''));
      tr.appendChild(el('td', null, (e.location && e.location.name) || ''));
      tr.appendChild(el('td', null, (e.location && e.location.admin1) || ''));
      tr.appendChild(el('td', 'num', (e.fatalities && e.fatalities.best != null) ? e.fatalities.best : ''));
      const doc = documents[e.doc];
      tr.appendChild(el('td', null, (doc && doc.outlet) || ''));
      const src = el('td');
      src.appendChild(el('span', 'badge ' + (e.hedged ? 'hedged' : 'firm'), e.hedged ? 'hedged' : 'firm'));
      src.appendChild(document.createTextNode(' ' + ((e.attribution && e.attribution.source_kind) || '').replace(/_/g, ' ')));
      tr.appendChild(src);
      tr.addEventListener('click', () => selectEvent(e.id, false));
      body.appendChild(tr);
    }
    const shown = Math.min(events.length, TABLE_ROWS);
    $('table-foot').textContent = total === 0 ? 'No events match these filters.'
      : 'Showing ' + shown + ' of ' + total + ' events, newest first.' + (total > events.length ? ' Narrow the filters or export to see all.' : '');
  }

  // ---- event panel -----------------------------------------------------------------------------
  async function selectEvent(id, fromMap) {
    selectedId = id;
    showTab('event');
    for (const tr of document.querySelectorAll('#events tbody tr')) {
      const on = tr.dataset.id === id;
      tr.classList.toggle('selected', on);
      if (on && fromMap) tr.scrollIntoView({ block: 'nearest' });
    }
    drawMarkers();
    let report;
    try {
      report = await getJson('api/events/' + encodeURIComponent(id));
    } catch (err) {
      showMessage(err.message);
      return;
    }
    if (selectedId !== id) return;
    const e = report.event;
    if (!fromMap && e.location && typeof e.location.lat === 'number') {
      map.panTo([e.location.lat, e.location.lon]);
    }
    renderEvent(report);
    const doc = await getJson('api/documents/' + encodeURIComponent(e.doc));
    if (selectedId !== id) return;
    const others = (doc.events || []).filter((x) => x.id !== e.id).flatMap((x) => x.evidence || []);
    renderDocument(doc, e.evidence || [], others);
  }

  function showMessage(text) {
    $('event-empty').textContent = text;
    $('event-empty').classList.remove('hidden');
    $('event-detail').classList.add('hidden');
  }

  function field(list, name, value) {
    if (value === null || value === undefined || value === '') return;
    list.appendChild(el('dt', null, name));
    const dd = el('dd');
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    list.appendChild(dd);
  }

  function renderEvent(report) {
    const e = report.event;
    $('event-empty').classList.add('hidden');
    $('event-detail').classList.remove('hidden');
    const head = $('event-head');
    head.replaceChildren();
    const line = el('div', 'type-line');
    line.appendChild(el('span', 'swatch ' + typeClass(e.event_type)));
    line.appendChild(el('span', null, e.event_type));
    head.appendChild(line);
    head.appendChild(el('div', 'sub', e.sub_event_type + ' · ' + e.id));
    if (e.notes) head.appendChild(el('div', 'notes', e.notes));

    const list = $('event-fields');
    list.replaceChildren();
    const actors = (name, main, assoc) => field(list, name, [main, ...(assoc || [])].filter(Boolean).join('; '));
    actors('Actor 1', e.actor1, e.assoc_actor_1);
    actors('Actor 2', e.actor2, e.assoc_actor_2);
    if (e.location) {
      const l = e.location;
      field(list, 'Location', [l.name, l.admin2 !== l.name ? l.admin2 : null, l.admin1, l.country].filter(Boolean).join(', '));
      field(list, 'Precision', { 1: '1 · the town or site', 2: '2 · near it / part of a region', 3: '3 · governorate or larger' }[l.geo_precision] || l.geo_precision);
      if (typeof l.lat === 'number') field(list, 'Coordinates', l.lat.toFixed(4) + ', ' + l.lon.toFixed(4));
      field(list, 'Place text', l.surface);
    }
    if (e.date) field(list, 'Date', [e.date.value || 'unknown', e.date.precision, e.date.text ? '“' + e.date.text + '”' : null].filter(Boolean).join(' · '));
    const f = e.fatalities || {};
    field(list, 'Fatalities', f.best != null ? f.best + (f.low != null && f.high != null && f.low !== f.high ? ' (' + f.low + '–' + f.high + ')' : '') + (f.text ? ' · “' + f.text + '”' : '') : (f.text || 'none reported'));
    field(list, 'Injured', e.injured);
    if (e.materiel && e.materiel.length) field(list, 'Materiel', e.materiel.join('; '));
    const attribution = el('span');
    attribution.appendChild(el('span', null, (e.attribution.source_text || 'the outlet itself') + ' '));
    attribution.appendChild(el('span', 'badge', (e.attribution.source_kind || '').replace(/_/g, ' ')));
    field(list, 'Attribution', attribution);
    field(list, 'Hedging', el('span', 'badge ' + (e.hedged ? 'hedged' : 'firm'), e.hedged ? 'hedged (“reportedly”, “claimed”)' : 'stated as fact'));
    field(list, 'Corroboration', el('span', 'badge', (report.corroboration || '').replace(/_/g, ' ')));

    const sources = $('event-sources');
    sources.replaceChildren();
    for (const s of report.sources || []) {
      const li = el('li');
      li.appendChild(el('div', 'outlet', s.outlet || 'Unknown outlet'));
      if (s.title) li.appendChild(el('div', null, s.title));
      li.appendChild(el('div', 'muted small', [s.published, s.source_text ? 'cites ' + s.source_text : null, (s.source_kind || '').replace(/_/g, ' ')].filter(Boolean).join(' · ')));
      const href = safeHref(s.url);
      if (href) {
        const a = el('a', null, s.url);
        a.href = href; a.target = '_blank'; a.rel = 'noopener noreferrer nofollow';
        li.appendChild(a);
      } else if (s.url) {
        li.appendChild(el('div', 'muted small', s.url));
      }
      sources.appendChild(li);
    }
    $('doc-text').replaceChildren();
    $('doc-meta').textContent = 'Loading the article…';
  }

  // Splits the text at every span edge and wraps each piece in the classes that cover it.
  function renderDocument(doc, evidence, others) {
    const text = doc.text || '';
    const layers = [
      ['boilerplate', doc.boilerplate || []],
      ['comment', doc.comments || []],
      ['other', others],
      ['evidence', evidence],
    ];
    const cuts = new Set([0, text.length]);
    for (const [, spans] of layers) for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
    const edges = [...cuts].sort((a, b) => a - b);
    const container = $('doc-text');
    container.replaceChildren();
    for (let i = 0; i + 1 < edges.length; i++) {
      const a = edges[i], b = edges[i + 1];
      if (a === b) continue;
      const covered = (spans) => spans.some((s) => s.start <= a && s.end >= b);
      const piece = text.slice(a, b);
      let node;
      if (covered(evidence)) node = el('mark', 'evidence', piece);
      else if (covered(others)) node = el('mark', 'other', piece);
      else if (covered(layers[1][1])) node = el('span', 'comment', piece);
      else if (covered(layers[0][1])) node = el('span', 'boilerplate', piece);
      else node = document.createTextNode(piece);
      container.appendChild(node);
    }
    $('doc-meta').textContent = [doc.outlet, doc.published, doc.title].filter(Boolean).join(' · ')
      + ' — ' + evidence.length + ' evidence span' + (evidence.length === 1 ? '' : 's');
    const first = container.querySelector('mark.evidence');
    // Scroll only the article box, so the event's fields stay in view.
    container.scrollTop = first ? Math.max(0, first.offsetTop - container.clientHeight / 3) : 0;
  }

  // ---- claims ----------------------------------------------------------------------------------
  async function loadClaims() {
    const q = $('claims-q').value.trim();
    const data = await getJson('api/claims?limit=500' + (q ? '&q=' + encodeURIComponent(q) : ''));
    $('claims-count').textContent = data.total;
    const list = $('claims');
    list.replaceChildren();
    for (const c of data.items) {
      const li = el('li');
      li.appendChild(el('div', 'claim-text', c.claim));
      const doc = data.documents[c.doc];
      li.appendChild(el('div', 'claim-meta', [c.claimant ? 'claimed by ' + c.claimant : 'unattributed', c.subject ? 'about ' + c.subject : null,
        (c.source_kind || '').replace(/_/g, ' '), doc && doc.outlet].filter(Boolean).join(' · ')));
      li.addEventListener('click', () => openClaim(c));
      list.appendChild(li);
    }
    if (data.items.length === 0) list.appendChild(el('li', 'muted', 'No claims.'));
  }

  async function openClaim(claim) {
    selectedId = null;
    showTab('event');
    const doc = await getJson('api/documents/' + encodeURIComponent(claim.doc));
    $('event-empty').classList.add('hidden');
    $('event-detail').classList.remove('hidden');
    const head = $('event-head');
    head.replaceChildren(el('div', 'type-line', 'Claim'), el('div', 'sub', claim.id), el('div', 'notes', claim.claim));
    const list = $('event-fields');
    list.replaceChildren();
    field(list, 'Claimant', claim.claimant || 'unattributed');
    field(list, 'Subject', claim.subject);
    field(list, 'Source kind', (claim.source_kind || '').replace(/_/g, ' '));
    const sources = $('event-sources');
    sources.replaceChildren();
    const li = el('li');
    li.appendChild(el('div', 'outlet', doc.outlet || 'Unknown outlet'));
    if (doc.title) li.appendChild(el('div', null, doc.title));
    sources.appendChild(li);
    renderDocument(doc, claim.evidence || [], []);
  }

  function showTab(name) {
    $('tab-event').classList.toggle('active', name === 'event');
    $('tab-claims').classList.toggle('active', name === 'claims');
    $('view-event').classList.toggle('hidden', name !== 'event');
    $('view-claims').classList.toggle('hidden', name !== 'claims');
  }

  // ---- facets, legend, refresh -----------------------------------------------------------------
  function fillSelect(id, values) {
    const select = $(id);
    const keep = select.value;
    while (select.options.length > 1) select.remove(1);
    for (const v of values) {
      const option = el('option', null, v.value + ' (' + v.count + ')');
      option.value = v.value;
      select.appendChild(option);
    }
    select.value = keep;
  }

  async function loadFacets() {
    const f = await getJson('api/facets');
    fillSelect('f-type', f.types);
    fillSelect('f-subtype', f.sub_types);
    fillSelect('f-actor', f.actors);
    fillSelect('f-outlet', f.outlets);
    $('store-stats').textContent = f.documents + ' documents · ' + f.events + ' events · ' + f.claims + ' claims in store';
    const legend = $('legend');
    legend.replaceChildren();
    const counts = Object.fromEntries(f.types.map((t) => [t.value, t.count]));
    for (const t of Object.keys(TYPES)) {
      const li = el('li');
      li.appendChild(el('span', 'swatch ' + TYPES[t]));
      li.appendChild(el('span', null, t));
      li.appendChild(el('span', 'n', counts[t] || 0));
      legend.appendChild(li);
    }
  }

  let generation = 0;
  async function refresh() {
    const mine = ++generation;
    const p = params(true);
    const context = params(false);
    p.set('limit', MAP_LIMIT);
    context.set('limit', MAP_LIMIT);
    let page, timeline;
    try {
      [page, timeline] = await Promise.all([getJson('api/events?' + p), getJson('api/events?' + context)]);
    } catch (err) {
      $('count').textContent = 'Error: ' + err.message;
      return;
    }
    if (mine !== generation) return;
    events = page.items;
    documents = page.documents || {};
    timelineEvents = timeline.items;
    $('count').textContent = page.total + (page.total === 1 ? ' event' : ' events');
    const from = $('f-from').value, to = $('f-to').value;
    $('range-label').textContent = from || to ? (from || '…') + ' → ' + (to || '…') : '';
    const exportParams = params(true);
    $('export-csv').href = 'api/export.csv' + (exportParams.toString() ? '?' + exportParams : '');
    $('export-geojson').href = 'api/export.geojson' + (exportParams.toString() ? '?' + exportParams : '');
    document.body.dataset.total = String(page.total);
    buildBins();
    drawTimeline();
    drawMarkers();
    drawTable(page.total);
  }

  function debounce(fn, ms) {
    let timer = 0;
    return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }

  function init() {
    initMap();
    initTimeline();
    for (const id of ['f-type', 'f-subtype', 'f-actor', 'f-outlet', 'f-hedged', 'f-from', 'f-to', 'f-bbox']) $(id).addEventListener('change', refresh);
    $('f-q').addEventListener('input', debounce(refresh, 300));
    $('reset').addEventListener('click', () => {
      for (const id of Object.values(fields)) $(id).value = '';
      $('f-bbox').checked = false;
      refresh();
    });
    $('tab-event').addEventListener('click', () => showTab('event'));
    $('tab-claims').addEventListener('click', () => showTab('claims'));
    $('claims-q').addEventListener('input', debounce(loadClaims, 300));
    loadFacets().catch((err) => { $('store-stats').textContent = err.message; });
    loadClaims().catch(() => {});
    refresh();
  }

  document.addEventListener('DOMContentLoaded', init);
})();
