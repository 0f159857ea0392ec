/* North Kosovo Incident Map: the map's own script (MIT licence; written for this project).
 *
 * Python sends each layer of records as one base64 payload (components/encoding.py):
 * gzip-compressed "NKP1" container with a JSON header and typed arrays. This
 * script decodes it and draws markers, clusters, a canvas layer, popups, the
 * legend, the time player, the boundaries and the basemap switcher. Text from
 * data only ever reaches the page through textContent, setAttribute and
 * document.createTextNode: never as markup.
 */
(function () {
  'use strict';
  var NK = (window.NK = window.NK || {});
  if (NK.loaded) return;
  NK.loaded = true;

  // Leaflet focuses the map on every mousedown; inside the app's iframe that focus scrolls the page
  // (the frame is brought fully into view) between mousedown and mouseup, and the click misses its marker.
  if (L.Map.Keyboard) {
    L.Map.Keyboard.prototype._onMouseDown = function () {
      if (!this._focused) this._map._container.focus({preventScroll: true});
    };
  }

  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var DAY_MS = 86400000;
  var MARKER_LIMIT = 2000;
  var DETAIL_ZOOM = 13;

  // --- payloads -------------------------------------------------------------

  function bytesOf(base64) {
    var text = atob(base64 || '');
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  function gunzip(bytes) {
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return Promise.resolve(bytes);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
  }

  var KINDS = {u1: Uint8Array, u2: Uint16Array, u4: Uint32Array, i1: Int8Array, i2: Int16Array, i4: Int32Array, f4: Float32Array, f8: Float64Array};

  function parse(bytes) {
    var magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
    if (magic !== 'NKP1') throw new Error('not a map payload');
    var length = new DataView(bytes.buffer, bytes.byteOffset + 4, 4).getUint32(0, true);
    var header = JSON.parse(new TextDecoder('utf-8').decode(bytes.subarray(8, 8 + length)));
    var start = Math.ceil((8 + length) / 8) * 8;
    var buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    var arrays = {};
    Object.keys(header.arrays).forEach(function (name) {
      var spec = header.arrays[name];
      arrays[name] = new KINDS[spec[0]](buffer, start + spec[1], spec[2]);
    });
    return {header: header, arrays: arrays};
  }

  NK.decode = function (source) {
    var text = typeof source === 'string' ? source : (document.getElementById(source.element) || {}).textContent;
    return gunzip(bytesOf((text || '').trim())).then(parse);
  };

  // --- one layer's records --------------------------------------------------

  function Records(decoded, style) {
    var h = decoded.header, a = decoded.arrays, box = h.box;
    this.header = h; this.arrays = a; this.n = h.n; this.layer = h.layer; this.style = style;
    this.lon = new Float64Array(h.n); this.lat = new Float64Array(h.n);
    for (var i = 0; i < h.n; i++) {
      this.lon[i] = box[0] + (a.x[i] / 65535) * (box[2] - box[0]);
      this.lat[i] = box[1] + (a.y[i] / 65535) * (box[3] - box[1]);
    }
    this.epochMs = Date.parse(h.epoch + 'T00:00:00Z');
  }
  // Web Mercator pixels at zoom 0, made once: a redraw is then two multiplications per point.
  Records.prototype.mercator = function (crs) {
    if (!this._mx) {
      this._mx = new Float64Array(this.n); this._my = new Float64Array(this.n);
      for (var i = 0; i < this.n; i++) {
        var p = crs.latLngToPoint(L.latLng(this.lat[i], this.lon[i]), 0);
        this._mx[i] = p.x; this._my[i] = p.y;
      }
    }
    return [this._mx, this._my];
  };
  Records.prototype.text = function (field, i) {
    var codes = this.arrays[field], values = this.header.dicts[field];
    return codes && values ? values[codes[i]] : '';
  };
  Records.prototype.day = function (i) { return this.arrays.day[i]; };
  Records.prototype.span = function (i) { return this.text('span', i); };
  Records.prototype.lastDay = function (i) {
    var span = this.span(i);
    return span < 0 ? Infinity : this.day(i) + span;
  };
  Records.prototype.dateText = function (day) {
    var d = new Date(this.epochMs + day * DAY_MS);
    return d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
  };
  Records.prototype.isoDate = function (day) {
    return new Date(this.epochMs + day * DAY_MS).toISOString().slice(0, 10);
  };
  Records.prototype.category = function (i) {
    var names = this.header.dicts.cat || [], code = this.arrays.cat[i];
    return code < names.length ? names[code] : '';
  };
  Records.prototype.symbol = function (i) {
    var table = this.layer === 'incident' ? this.style.types : this.style.kinds;
    return table[this.category(i)] || this.style.unknown;
  };
  Records.prototype.counts = function (i) {
    var parts = String(this.text('counts', i) || '').split('|');
    if (this.layer === 'incident') return {injured: parts[0] || '', killed: parts[1] || '', arrested: parts[2] || ''};
    return {strength: parts[0] || ''};
  };
  Records.prototype.hurt = function (i) {
    if (this.layer !== 'incident') return {people: 0, killed: 0};
    var c = this.counts(i), injured = parseInt(c.injured, 10) || 0, killed = parseInt(c.killed, 10) || 0;
    return {people: injured + killed, killed: killed};
  };
  Records.prototype.title = function (i) {
    var sub = this.text('sub', i);
    if (this.layer === 'incident') return sub && sub !== 'Other' ? sub : this.category(i);
    return [this.text('force', i), this.symbol(i).label].filter(Boolean).join(' ');
  };
  Records.prototype.countsText = function (i) {
    var c = this.counts(i), parts = [];
    if (this.layer === 'incident') {
      if (c.injured) parts.push(c.injured + ' injured');
      if (c.killed) parts.push(c.killed + ' killed');
      if (c.arrested) parts.push(c.arrested + ' arrested');
    } else if (c.strength) {
      parts.push(c.strength + ' troops');
    }
    return parts.join(', ');
  };
  Records.prototype.where = function (i) {
    var place = this.text('place', i), muni = this.text('muni', i);
    return place && muni && place !== muni ? place + ', ' + muni : place || muni || '';
  };
  Records.prototype.datesText = function (i) {
    var span = this.span(i), start = this.dateText(this.day(i));
    if (span < 0) return start + ' – (end not reported)';
    return span > 0 ? start + ' – ' + this.dateText(this.day(i) + span) : start;
  };
  // What a screen reader says for a marker: "Riots, 29 May 2023, Zvečan, 82+ injured".
  Records.prototype.label = function (i) {
    var sub = this.layer === 'incident' ? this.text('sub', i) : '';
    var kind = this.layer === 'incident' ? this.category(i) + (sub && sub !== 'Other' ? ' (' + sub + ')' : '') : this.title(i);
    var parts = [kind, this.dateText(this.day(i)), this.text('place', i) || this.text('muni', i), this.countsText(i)];
    if (this.text('origin', i)) parts.push('your data');
    return parts.filter(Boolean).join(', ');
  };

  // --- popups (DOM only) ------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null && text !== '') node.textContent = String(text);
    return node;
  }

  function row(table, label, value) {
    if (!value) return;
    var tr = el('tr'); tr.appendChild(el('th', '', label)); tr.appendChild(el('td', '', value)); table.appendChild(tr);
  }

  function safeUrl(url) {
    return typeof url === 'string' && /^https?:\/\/[^\s<>"'`\\]+$/.test(url) ? url : '';
  }

  function sourcesList(records, i) {
    var items = [];
    try { items = JSON.parse(records.text('sources', i) || '[]'); } catch (e) { items = []; }
    if (!items.length) return null;
    var box = el('div', 'nk-sources'), list = el('ul');
    box.appendChild(el('b', '', 'Sources'));
    items.forEach(function (s) {
      var li = el('li', '', [s[0], s[1], s[2]].filter(Boolean).join(', ')), url = safeUrl(s[3]);
      if (url) {
        var link = el('a', '', 'read');
        link.setAttribute('href', url); link.setAttribute('target', '_blank'); link.setAttribute('rel', 'noopener noreferrer');
        li.appendChild(document.createTextNode(' ')); li.appendChild(link);
      }
      list.appendChild(li);
    });
    box.appendChild(list);
    return box;
  }

  function popupContent(records, i, app) {
    var box = el('div', 'nk-popup'), table = el('table');
    box.setAttribute('lang', 'en');
    var heading = el('h4', '', records.title(i));
    if (records.text('origin', i)) heading.appendChild(el('small', '', ' (your data)'));
    box.appendChild(heading);
    row(table, 'Date', records.datesText(i));
    var where = records.where(i), precision = records.text('precision', i);
    row(table, 'Place', where + (precision ? ' (precision: ' + precision + ')' : ''));
    if (records.layer === 'incident') {
      row(table, 'Type', records.category(i));
      row(table, 'Actors', records.text('actors', i));
    } else {
      row(table, 'Unit', records.text('unit', i));
      row(table, 'Nations', String(records.text('nations', i) || '').split(';').join(', '));
      row(table, 'Part of', records.text('part_of', i));
    }
    row(table, 'Counts', records.countsText(i));
    row(table, 'By side', String(records.text('counts_detail', i) || '').split(';').join('; '));
    row(table, 'Revisions', records.text('history', i));
    box.appendChild(table);
    var summary = records.text('summary', i);
    if (summary) box.appendChild(el('p', '', summary));
    var sources = sourcesList(records, i);
    if (sources) box.appendChild(sources);
    var id = records.text('id', i);
    if (id) box.appendChild(el('p', 'nk-id', 'id: ' + id));
    if (app) box.appendChild(el('p', 'nk-hint', 'Details and sources: next to the map (below it on a phone).'));
    return box;
  }

  // --- telling the Streamlit page what was clicked -----------------------------

  var clicks = 0;
  function notifyPage(map, token, index) {
    var data = window.__GLOBAL_DATA__;
    if (!data) return;
    clicks += 1;
    data.last_object_clicked_popup = JSON.stringify({nk: token, i: index, c: clicks});
    data.last_object_clicked_count = (data.last_object_clicked_count || 0) + 1;
    // streamlit-folium sends its state after a move; a synthetic one carries the click.
    map.fire('moveend');
  }

  function openPopup(map, records, i, options, at) {
    var width = Math.max(180, Math.min(320, map.getSize().x - 90));
    var popup = L.popup({maxWidth: width, minWidth: Math.min(200, width), autoPan: true, autoPanPaddingTopLeft: [50, 190], autoPanPadding: [20, 20], className: 'nk-popup-frame', closeOnClick: true})
      .setLatLng(at || [records.lat[i], records.lon[i]])
      .setContent(popupContent(records, i, options.app));
    popup.nkLayer = options.layerId;
    popup.openOn(map);
    return popup;
  }

  // --- markers ----------------------------------------------------------------

  function sizeFor(people) {
    if (people >= 50) return 38;
    if (people >= 10) return 32;
    if (people >= 1) return 27;
    return 22;
  }

  function markerIcon(records, i) {
    var symbol = records.symbol(i), hurt = records.hurt(i), size = records.layer === 'incident' ? sizeFor(hurt.people) : 22;
    var node = el('div', 'nk-icon nk-' + records.layer, symbol.letter);
    node.style.background = symbol.colour;
    node.style.color = symbol.text;
    if (hurt.people > hurt.killed) node.classList.add('nk-injured');
    if (hurt.killed) node.classList.add('nk-has-killed');  // a † badge drawn by CSS; the name says how many
    if (records.layer === 'deployment' && records.span(i) < 0) node.classList.add('nk-open-ended');
    if (records.text('origin', i)) node.classList.add('nk-yours');
    // A deployment square is drawn up and to the right of its point, clear of an incident cluster there.
    var anchor = records.layer === 'deployment' ? [-10, 32] : [size / 2, size / 2];
    return L.divIcon({html: node, className: 'nk-marker nk-marker-' + records.layer, iconSize: [size, size], iconAnchor: anchor});
  }

  function donut(counts, colours, total, square) {
    var size = total >= 100 ? 46 : total >= 10 ? 38 : 32, r = size / 2, inner = r - 7;
    var svgNS = 'http://www.w3.org/2000/svg', svg = document.createElementNS(svgNS, 'svg');
    svg.setAttribute('width', size); svg.setAttribute('height', size); svg.setAttribute('viewBox', '0 0 ' + size + ' ' + size);
    svg.setAttribute('aria-hidden', 'true');
    var angle = -Math.PI / 2;
    counts.forEach(function (count, k) {
      if (!count) return;
      var sweep = (count / total) * 2 * Math.PI, path = document.createElementNS(svgNS, 'path');
      if (sweep >= 2 * Math.PI - 1e-6) {
        path = document.createElementNS(svgNS, 'circle');
        path.setAttribute('cx', r); path.setAttribute('cy', r); path.setAttribute('r', r - 1);
      } else {
        var x1 = r + (r - 1) * Math.cos(angle), y1 = r + (r - 1) * Math.sin(angle);
        var x2 = r + (r - 1) * Math.cos(angle + sweep), y2 = r + (r - 1) * Math.sin(angle + sweep);
        path.setAttribute('d', 'M' + r + ',' + r + ' L' + x1 + ',' + y1 + ' A' + (r - 1) + ',' + (r - 1) + ' 0 ' + (sweep > Math.PI ? 1 : 0) + ' 1 ' + x2 + ',' + y2 + ' Z');
      }
      path.setAttribute('fill', colours[k]);
      path.setAttribute('stroke', '#fff'); path.setAttribute('stroke-width', '1');
      svg.appendChild(path);
      angle += sweep;
    });
    var hole = document.createElementNS(svgNS, square ? 'rect' : 'circle');
    if (square) { hole.setAttribute('x', r - inner); hole.setAttribute('y', r - inner); hole.setAttribute('width', 2 * inner); hole.setAttribute('height', 2 * inner); hole.setAttribute('rx', 3); }
    else { hole.setAttribute('cx', r); hole.setAttribute('cy', r); hole.setAttribute('r', inner); }
    hole.setAttribute('fill', '#fff');
    svg.appendChild(hole);
    var label = document.createElementNS(svgNS, 'text');
    label.setAttribute('x', r); label.setAttribute('y', r); label.setAttribute('text-anchor', 'middle');
    label.setAttribute('dominant-baseline', 'central'); label.setAttribute('class', 'nk-cluster-count');
    label.textContent = String(total);
    svg.appendChild(label);
    return {svg: svg, size: size};
  }

  function clusterIcon(records, cluster) {
    var table = records.layer === 'incident' ? records.style.types : records.style.kinds;
    var names = Object.keys(table), counts = names.map(function () { return 0; });
    cluster.getAllChildMarkers().forEach(function (marker) {
      var k = names.indexOf(records.category(marker.nkIndex));
      if (k >= 0) counts[k] += 1;
    });
    var total = cluster.getChildCount();
    var drawn = donut(counts, names.map(function (n) { return table[n].colour; }), total, records.layer === 'deployment');
    var box = el('div', 'nk-cluster-icon');
    box.appendChild(drawn.svg);
    var words = names.map(function (n, k) { return counts[k] ? counts[k] + ' ' + (table[n].label || n) : ''; }).filter(Boolean);
    cluster.nkLabel = total + ' ' + (records.layer === 'incident' ? 'incidents' : 'deployments') + ' here: ' + words.join(', ') + '. Press Enter to spread them out.';
    if (!cluster.nkHooked) {
      cluster.nkHooked = true;
      cluster.on('add', function () { labelElement(cluster, cluster.nkLabel); });
    }
    setTimeout(function () { labelElement(cluster, cluster.nkLabel); }, 0);
    return L.divIcon({html: box, className: 'nk-cluster nk-cluster-' + records.layer, iconSize: [drawn.size, drawn.size]});
  }

  function labelElement(layer, text) {
    var node = layer.getElement && layer.getElement();
    if (!node || !text) return;
    node.setAttribute('aria-label', text);
    node.setAttribute('title', text);
  }

  // Deployments sit in a pane under the incidents' so an incident (or its cluster) near a square stays clickable.
  // (Made on first use: the cluster plugin may load after this script.)
  var ClusterGroup = null;
  function clusterGroup(options) {
    ClusterGroup = ClusterGroup || L.MarkerClusterGroup.extend({
      beforeAdd: function (map) {
        if (!map.getPane('nkDeployments')) map.createPane('nkDeployments').style.zIndex = 590;
      },
    });
    return new ClusterGroup(options);
  }

  function markersLayer(records, options) {
    var pane = records.layer === 'deployment' ? 'nkDeployments' : 'markerPane';
    var cluster = clusterGroup({
      maxClusterRadius: 24, spiderfyDistanceMultiplier: 1.7, showCoverageOnHover: false, clusterPane: pane,
      iconCreateFunction: function (c) { return clusterIcon(records, c); },
    });
    var markers = [];
    for (var i = 0; i < records.n; i++) {
      var marker = L.marker([records.lat[i], records.lon[i]], {
        icon: markerIcon(records, i), keyboard: true, riseOnHover: true, pane: pane,
        zIndexOffset: records.layer === 'incident' ? 500 + records.hurt(i).people : 0,
      });
      marker.nkIndex = i;
      marker.nkLabel = records.label(i);
      marker.on('add', function () { labelElement(this, this.nkLabel); });
      marker.on('click keypress', function (e) {
        if (e.type === 'keypress' && e.originalEvent && e.originalEvent.key !== 'Enter') return;
        select(options.map(), records, this.nkIndex, options, false, this.getLatLng());
      });
      markers.push(marker);
      cluster.addLayer(marker);
    }
    cluster.on('clusterkeypress', function (e) { if (e.originalEvent && e.originalEvent.key === 'Enter') e.layer.spiderfy(); });
    // Centre on the record (close enough to tell its neighbours apart), spread its cluster, open it.
    cluster.nkFocus = function (i) {
      var map = options.map(), marker = markers[i];
      if (!map) return;
      map.setView(marker.getLatLng(), Math.max(map.getZoom(), DETAIL_ZOOM), {animate: false});
      // The clusters are remade for the new zoom after it settles; then spread the record's own, open it.
      setTimeout(function () {
        var parent = cluster.getVisibleParent(marker);
        if (parent && parent !== marker && parent.spiderfy) parent.spiderfy();
        setTimeout(function () { select(map, records, i, options, true, marker.getLatLng()); }, 400);
      }, 250);
    };
    return cluster;
  }

  // `at`: where the marker is drawn (a spread-out cluster moves it off the record's own point).
  function select(map, records, i, options, quiet, at) {
    if (!map) return;
    openPopup(map, records, i, options, at);
    if (options.app && !quiet) notifyPage(map, options.token, i);
  }

  // --- the canvas layer (many records) -----------------------------------------

  var CanvasLayer = L.Layer.extend({
    initialize: function (records, options) { this.records = records; this.nk = options; },
    onAdd: function (map) {
      this._map = map;
      this._canvas = L.DomUtil.create('canvas', 'nk-dense leaflet-zoom-hide');
      this._canvas.setAttribute('role', 'img');
      this._canvas.setAttribute('aria-label', this.records.n + ' ' + this.records.layer + 's, drawn as points and counts');
      map.getPanes().overlayPane.appendChild(this._canvas);
      map.on('moveend zoomend resize', this._draw, this);
      map.on('click', this._click, this);
      this._draw();
    },
    onRemove: function (map) {
      L.DomUtil.remove(this._canvas);
      map.off('moveend zoomend resize', this._draw, this);
      map.off('click', this._click, this);
    },
    _draw: function () {
      var map = this._map, size = map.getSize(), canvas = this._canvas, r = this.records;
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      canvas.width = size.x; canvas.height = size.y;
      var crs = map.options.crs, merc = r.mercator(crs), mx = merc[0], my = merc[1];
      var ctx = canvas.getContext('2d'), scale = crs.scale(map.getZoom()) / crs.scale(0);
      var offset = map.containerPointToLayerPoint([0, 0]).add(map.getPixelOrigin());
      var offsetX = -offset.x, offsetY = -offset.y;
      var range = this.nk.range ? this.nk.range() : [0, r.n];
      var weight = r.arrays.n, cells = new Map(), drawn = [], CELL = 36;
      var aggregate = weight ? true : this.nk.aggregate ? this.nk.aggregate(range[1] - range[0], map.getZoom()) : map.getZoom() < DETAIL_ZOOM;
      for (var i = range[0]; i < range[1]; i++) {
        var x = mx[i] * scale + offsetX, y = my[i] * scale + offsetY;
        if (x < -20 || y < -20 || x > size.x + 20 || y > size.y + 20) continue;
        if (!aggregate) { drawn.push([x, y, i]); continue; }
        var key = Math.floor(x / CELL) * 100003 + Math.floor(y / CELL);
        var cell = cells.get(key);
        if (!cell) { cell = {x: 0, y: 0, n: 0, first: i}; cells.set(key, cell); }
        var w = weight ? weight[i] : 1;
        cell.x += x * w; cell.y += y * w; cell.n += w;
      }
      var self = this;
      this._cells = [];
      cells.forEach(function (c) {
        var cx = c.x / c.n, cy = c.y / c.n, radius = Math.min(26, 7 + 3.2 * Math.log(c.n));
        self._cells.push({x: cx, y: cy, n: c.n, first: c.first, r: radius});
        var symbol = c.n > 1 || weight ? r.style.many : r.symbol(c.first);
        ctx.beginPath(); ctx.arc(cx, cy, radius, 0, 2 * Math.PI);
        ctx.fillStyle = symbol.colour; ctx.fill(); ctx.lineWidth = 2; ctx.strokeStyle = '#fff'; ctx.stroke();
        ctx.fillStyle = symbol.text; ctx.font = 'bold 11px sans-serif'; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
        ctx.fillText(c.n > 1 || weight ? (c.n > 9999 ? Math.round(c.n / 1000) + 'k' : String(c.n)) : symbol.letter, cx, cy);
      });
      var letters = drawn.length < 3000;
      drawn.forEach(function (d) {
        var symbol = r.symbol(d[2]);
        ctx.beginPath(); ctx.arc(d[0], d[1], letters ? 8 : 5, 0, 2 * Math.PI);
        ctx.fillStyle = symbol.colour; ctx.fill(); ctx.lineWidth = 1.5; ctx.strokeStyle = '#fff'; ctx.stroke();
        if (letters) {
          ctx.fillStyle = symbol.text; ctx.font = 'bold 9px sans-serif'; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
          ctx.fillText(symbol.letter, d[0], d[1]);
        }
      });
      this._drawn = drawn;
      canvas.dataset.points = String(drawn.length);
      canvas.dataset.cells = String(this._cells.length);
      canvas.dataset.total = String(this._cells.reduce(function (s, c) { return s + c.n; }, 0) + drawn.length);
    },
    _click: function (event) {
      var p = event.containerPoint, best = null, bestDistance = 12, map = this._map;
      (this._drawn || []).forEach(function (d) {
        var distance = Math.hypot(d[0] - p.x, d[1] - p.y);
        if (distance < bestDistance) { best = d; bestDistance = distance; }
      });
      if (best) { select(map, this.records, best[2], this.nk); return; }
      (this._cells || []).forEach(function (c) {
        if (Math.hypot(c.x - p.x, c.y - p.y) <= c.r) map.setView(map.containerPointToLatLng([c.x, c.y]), Math.min(map.getZoom() + 2, 18));
      });
    },
    nkFocus: function (i) {
      var map = this._map, self = this;
      map.setView([this.records.lat[i], this.records.lon[i]], Math.max(map.getZoom(), DETAIL_ZOOM));
      setTimeout(function () { select(map, self.records, i, self.nk, true); }, 0);
    },
  });

  // --- layers and their registry (the player plays what is on the map) -----------

  var registry = [];
  NK.layers = registry;


  NK.records = function (group, source, options) {
    var settings = {app: !!options.app, token: options.token || '', layerId: options.token || String(Math.random()),
      map: function () { return group._map || null; }};
    return NK.decode(source).then(function (decoded) {
      var records = new Records(decoded, options.style);
      var dense = records.n > (options.markerLimit || MARKER_LIMIT) || options.mode === 'bins';
      var layer = dense ? new CanvasLayer(records, settings) : markersLayer(records, settings);
      var entry = {records: records, layer: layer, group: group, name: options.name || '', map: null, hidden: false};
      // The player hides a layer by taking it out of its group: the group stays on the map and registered.
      entry.hide = function () { if (!entry.hidden) { group.removeLayer(layer); entry.hidden = true; } };
      entry.show = function () { if (entry.hidden) { group.addLayer(layer); entry.hidden = false; } };
      function register() {
        entry.map = group._map;
        if (registry.indexOf(entry) < 0) registry.push(entry);
        NK.refresh();
      }
      group.addLayer(layer);
      group.on('add', register);
      group.on('remove', function () {
        var at = registry.indexOf(entry);
        if (at >= 0) registry.splice(at, 1);
        if (entry.map && entry.map._popup && entry.map._popup.nkLayer === settings.layerId) entry.map.closePopup();
        NK.refresh();
      });
      if (group._map) register();
      var focus = decoded.header.focus, seq = decoded.header.focusSeq;
      // A focus request is acted on once: redrawing the layer for another reason must not move the map back.
      if (focus >= 0 && layer.nkFocus && seq !== NK.lastFocus) {
        NK.lastFocus = seq;
        var show = function () { setTimeout(function () { layer.nkFocus(focus); }, 500); };
        if (group._map) show(); else group.once('add', show);
      }
      return entry;
    }).catch(function (error) {
      if (group._map) NK.notice(group._map, 'This layer could not be drawn: ' + error.message);
      throw error;
    });
  };

  var refreshers = [];
  NK.refresh = function () { refreshers.forEach(function (f) { f(); }); };

  NK.notice = function (map, text) {
    var box = el('div', 'nk-notice', text);
    box.setAttribute('role', 'status');
    map.getContainer().appendChild(box);
  };

  // --- boundaries -------------------------------------------------------------

  NK.boundaries = function (base64, options) {
    var text = new TextDecoder('utf-8').decode(bytesOf(base64));
    var dark = false;
    var style = function (feature) {
      var north = feature.properties.north_kosovo;
      var styles = dark && options.dark ? options.dark : options;
      return north ? styles.north : styles.other;
    };
    var layer = L.geoJSON(JSON.parse(text), {
      style: style,
      onEachFeature: function (feature, path) {
        var p = feature.properties, box = el('div', 'nk-boundary-tip');
        box.appendChild(el('b', '', p.name_en));
        box.appendChild(el('div', '', [p.name_sq, p.name_sr].filter(Boolean).join(' · ')));
        path.bindTooltip(box, {sticky: true});
      },
    });
    // The shapes follow the basemap: dark lines on light tiles, light lines on dark ones.
    var restyle = function (e) { dark = e.name === 'dark'; layer.setStyle(style); };
    var shownOn = null;
    layer.on('add', function () {
      shownOn = layer._map;
      dark = shownOn.getContainer().classList.contains('nk-basemap-dark');
      layer.setStyle(style);
      shownOn.on('nk:basemap', restyle);
    });
    layer.on('remove', function () { if (shownOn) shownOn.off('nk:basemap', restyle); });
    // Shapes are scenery, not controls: keep them out of the keyboard's Tab order.
    layer.on('add', function () {
      layer.eachLayer(function (path) {
        var node = path.getElement && path.getElement();
        if (node) { node.setAttribute('tabindex', '-1'); node.setAttribute('focusable', 'false'); node.setAttribute('aria-hidden', 'true'); }
      });
    });
    return layer;
  };

  // --- basemaps: light, dark, none (offline, the boundaries still draw) ------------

  NK.basemap = function (map, options) {
    var styles = options.styles, current = null, tiles = null;
    function apply(name) {
      if (tiles) { map.removeLayer(tiles); tiles = null; }
      var style = styles[name] || styles.none;
      if (style.url) tiles = L.tileLayer(style.url, {attribution: style.attribution, maxZoom: 19, subdomains: style.subdomains || 'abc'}).addTo(map);
      var container = map.getContainer();
      Object.keys(styles).forEach(function (k) { container.classList.remove('nk-basemap-' + k); });
      container.classList.add('nk-basemap-' + name);
      current = name;
      map.fire('nk:basemap', {name: name});
    }
    var control = L.control({position: 'topright'});
    control.onAdd = function () {
      var box = el('div', 'nk-basemaps leaflet-bar');
      box.setAttribute('role', 'group'); box.setAttribute('aria-label', 'Map style');
      Object.keys(styles).forEach(function (name) {
        var button = el('button', 'nk-basemap-button', styles[name].label);
        button.type = 'button';
        button.setAttribute('aria-pressed', String(name === options.initial));
        button.addEventListener('click', function () {
          apply(name);
          box.querySelectorAll('button').forEach(function (b) { b.setAttribute('aria-pressed', String(b === button)); });
        });
        box.appendChild(button);
      });
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    control.addTo(map);
    apply(options.initial);
    return {current: function () { return current; }};
  };

  // --- legend -------------------------------------------------------------------

  function swatch(symbol, square) {
    var node = el('i', 'nk-swatch' + (square ? ' nk-square' : ''), symbol.letter);
    node.style.background = symbol.colour; node.style.color = symbol.text;
    node.setAttribute('aria-hidden', 'true');
    return node;
  }

  function legendLine(parent, symbolNode, text) {
    var line = el('span', 'nk-legend-item');
    if (symbolNode) line.appendChild(symbolNode);
    line.appendChild(document.createTextNode(text));
    parent.appendChild(line);
    return line;
  }

  NK.legend = function (map, options) {
    var control = L.control({position: 'bottomleft'});
    control.onAdd = function () {
      var details = el('details', 'nk-legend'), style = options.style;
      if (map.getSize().x >= 600 && options.open !== false) details.setAttribute('open', '');
      details.appendChild(el('summary', '', 'Legend'));
      var body = el('div', 'nk-legend-body');
      var types = el('div', 'nk-legend-row');
      types.appendChild(el('b', '', 'Incidents:'));
      Object.keys(style.types).forEach(function (name) { legendLine(types, swatch(style.types[name]), name); });
      body.appendChild(types);
      var sizes = el('div', 'nk-legend-row');
      sizes.appendChild(el('b', '', 'Size, people hurt or killed:'));
      [[0, '0'], [1, '1–9'], [10, '10–49'], [50, '50+']].forEach(function (pair) {
        var dot = el('i', 'nk-size-dot'), s = Math.round(sizeFor(pair[0]) * 0.55);
        dot.style.width = dot.style.height = s + 'px'; dot.setAttribute('aria-hidden', 'true');
        legendLine(sizes, dot, pair[1]);
      });
      var ring = swatch({letter: '', colour: '#ddd', text: '#000'}); ring.classList.add('nk-injured');
      legendLine(sizes, ring, 'injured');
      legendLine(sizes, el('i', 'nk-killed-key', '†'), 'killed');
      body.appendChild(sizes);
      var kinds = el('div', 'nk-legend-row');
      kinds.appendChild(el('b', '', 'Deployments:'));
      Object.keys(style.kinds).forEach(function (name) { legendLine(kinds, swatch(style.kinds[name], true), style.kinds[name].label); });
      var dashed = swatch({letter: '', colour: style.deployment, text: '#000'}, true); dashed.classList.add('nk-open-ended');
      legendLine(kinds, dashed, 'end not reported');
      body.appendChild(kinds);
      var more = el('div', 'nk-legend-row');
      legendLine(more, el('i', 'nk-cluster-key', 'n'), 'n records here, ring split by type (click to spread)');
      var mine = swatch({letter: '', colour: '#ddd', text: '#000'}); mine.classList.add('nk-yours');
      legendLine(more, mine, 'your own data');
      body.appendChild(more);
      details.appendChild(body);
      L.DomEvent.disableClickPropagation(details);
      L.DomEvent.disableScrollPropagation(details);
      return details;
    };
    control.addTo(map);
  };

  // --- the time player: a trailing window over the incidents on the map --------------

  function bisect(days, value) {
    var lo = 0, hi = days.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (days[mid] < value) lo = mid + 1; else hi = mid; }
    return lo;
  }

  NK.player = function (map, options) {
    var state = {playing: false, day: null, window: options.window || 30, timer: null, first: null, last: null};
    var canvasLayer = null, control = L.control({position: 'topleft'});
    function sources() { return registry.filter(function (e) { return e.records.layer === 'incident' && e.group._map === map; }); }
    function span() {
      var first = Infinity, last = -Infinity;
      sources().forEach(function (e) {
        var days = e.records.arrays.day;
        if (days.length) { first = Math.min(first, days[0]); last = Math.max(last, days[days.length - 1]); }
      });
      return first <= last ? [first, last] : null;
    }
    function shownCount(day) {
      var total = 0;
      sources().forEach(function (e) {
        var days = e.records.arrays.day, from = bisect(days, day - state.window + 1), to = bisect(days, day + 1);
        total += Math.max(0, to - from);
      });
      return total;
    }
    var ui = {};
    function label() {
      var entry = sources()[0];
      if (!entry || state.day === null) { ui.status.textContent = 'No incidents to play'; return; }
      var r = entry.records, n = shownCount(state.day);
      ui.status.textContent = r.dateText(state.day - state.window + 1) + ' – ' + r.dateText(state.day) + ': ' + n + (n === 1 ? ' incident' : ' incidents');
      ui.slider.value = String(state.day);
      ui.slider.setAttribute('aria-valuetext', r.dateText(state.day));
    }
    function windowOf(entry) {
      return function () {
        var days = entry.records.arrays.day;
        return [bisect(days, state.day - state.window + 1), bisect(days, state.day + 1)];
      };
    }
    function frameLayers() {
      canvasLayer = L.layerGroup();
      sources().forEach(function (entry) {
        canvasLayer.addLayer(new CanvasLayer(entry.records, {range: windowOf(entry), app: false,
          aggregate: function (count) { return count > 3000; }, map: function () { return map; }}));
      });
      canvasLayer.addTo(map);
    }
    function showFrame() {
      if (state.playing || state.paused) {
        if (!canvasLayer) frameLayers();
        canvasLayer.eachLayer(function (layer) { layer._draw(); });
      }
      label();
    }
    function setStatic(visible) {
      registry.forEach(function (e) {
        if (e.map !== map) return;
        if (visible) e.show(); else e.hide();
      });
    }
    function stop() {
      state.playing = false; state.paused = false;
      clearInterval(state.timer);
      if (canvasLayer) { map.removeLayer(canvasLayer); canvasLayer = null; }
      setStatic(true);
      ui.play.textContent = '▶ Play'; ui.play.setAttribute('aria-pressed', 'false');
      ui.stop.disabled = true;
      label();
    }
    function step() {
      if (state.day >= state.last) { state.playing = false; state.paused = true; clearInterval(state.timer); ui.play.textContent = '▶ Play'; ui.play.setAttribute('aria-pressed', 'false'); return; }
      var stepDays = Math.max(1, Math.round((state.last - state.first) / 240));
      state.day = Math.min(state.last, state.day + stepDays);
      showFrame();
    }
    function play() {
      var range = span();
      if (!range) return;
      if (!state.playing) {
        state.first = range[0]; state.last = range[1];
        if (state.day === null || state.day >= state.last) state.day = state.first;
        setStatic(false);
        state.playing = true; state.paused = false;
        ui.play.textContent = '❚❚ Pause'; ui.play.setAttribute('aria-pressed', 'true');
        ui.stop.disabled = false;
        showFrame();
        state.timer = setInterval(step, 120);
      } else {
        state.playing = false; state.paused = true; clearInterval(state.timer);
        ui.play.textContent = '▶ Play'; ui.play.setAttribute('aria-pressed', 'false');
      }
    }
    control.onAdd = function () {
      // Closed until asked for: open, it would sit over the markers of the map's north-west.
      var details = el('details', 'nk-player-frame leaflet-bar');
      if (options.open) details.setAttribute('open', '');
      details.appendChild(el('summary', '', 'Time player'));
      var box = el('div', 'nk-player');
      box.setAttribute('role', 'group'); box.setAttribute('aria-label', 'Time player');
      details.appendChild(box);
      ui.play = el('button', 'nk-play', '▶ Play'); ui.play.type = 'button'; ui.play.setAttribute('aria-pressed', 'false');
      ui.play.setAttribute('title', 'Play the incidents through time');
      ui.stop = el('button', 'nk-stop', '■'); ui.stop.type = 'button'; ui.stop.disabled = true;
      ui.stop.setAttribute('aria-label', 'Stop'); ui.stop.setAttribute('title', 'Stop and show every record again');
      ui.windowSelect = el('select', 'nk-window'); ui.windowSelect.setAttribute('aria-label', 'Days shown at once');
      [7, 30, 90].forEach(function (days) {
        var option = el('option', '', days + ' days'); option.value = String(days);
        if (days === state.window) option.selected = true;
        ui.windowSelect.appendChild(option);
      });
      ui.slider = el('input', 'nk-scrub'); ui.slider.type = 'range'; ui.slider.setAttribute('aria-label', 'Last day of the played window');
      ui.status = el('span', 'nk-player-status'); ui.status.setAttribute('aria-live', 'polite');
      ui.play.addEventListener('click', play);
      ui.stop.addEventListener('click', stop);
      ui.windowSelect.addEventListener('change', function () { state.window = parseInt(ui.windowSelect.value, 10); if (state.playing || state.paused) showFrame(); else label(); });
      ui.slider.addEventListener('input', function () {
        var range = span(); if (!range) return;
        state.first = range[0]; state.last = range[1];
        state.day = parseInt(ui.slider.value, 10);
        if (!state.playing && !state.paused) { setStatic(false); state.paused = true; ui.stop.disabled = false; }
        showFrame();
      });
      var top = el('div', 'nk-player-row'); top.appendChild(ui.play); top.appendChild(ui.stop); top.appendChild(ui.windowSelect);
      top.appendChild(ui.slider);
      box.appendChild(top); box.appendChild(ui.status);
      L.DomEvent.disableClickPropagation(details); L.DomEvent.disableScrollPropagation(details);
      return details;
    };
    control.addTo(map);
    refreshers.push(function () {
      var range = span();
      if (!range) { ui.status.textContent = 'No incidents to play'; return; }
      ui.slider.min = String(range[0]); ui.slider.max = String(range[1]);
      if (state.day === null) state.day = range[1];
      if (!state.playing && !state.paused) label();
    });
    NK.refresh();
    return {play: play, stop: stop, state: state};
  };

  NK.credits = function (map, text) { map.attributionControl.addAttribution(text); };
})();
