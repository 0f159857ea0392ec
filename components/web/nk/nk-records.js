/* North Kosovo Incident Map: the map's own script, part 1 of 3: payloads, records, popups (MIT licence).
 *
 * Python sends each layer of records as one base64 payload (components/encoding.py and
 * components/container.py): a gzip-compressed "NKP1" container with a JSON header and typed
 * arrays. This part decodes it, reads records from it and builds their popups; nk-layers.js
 * draws markers, clusters and the canvas layer; nk-controls.js the legend, the time player,
 * the boundaries and the basemap switcher. Text from data only ever reaches the page through
 * textContent, setAttribute and document.createTextNode: never as markup.
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
    // Native where the browser has it (Chromium 140+, Firefox 133+, Safari 18.2+): a 20 MB payload in ~20 ms, not ~400.
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64 || '');
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

  // An array as stored: version 2 keeps items wider than a byte as byte planes (components/container.py).
  function readArray(buffer, offset, spec, planes) {
    var Kind = KINDS[spec[0]], width = Kind.BYTES_PER_ELEMENT, count = spec[2];
    if (!planes || width === 1) return new Kind(buffer, offset, count);
    var stored = new Uint8Array(buffer, offset, count * width), out = new Uint8Array(count * width);
    for (var b = 0; b < width; b++) {
      var from = b * count;
      for (var i = 0; i < count; i++) out[i * width + b] = stored[from + i];
    }
    return new Kind(out.buffer);
  }

  // A field whose values are a prefix and a fixed-width number per record: the texts, made when asked for.
  function numberedTexts(prefix, width, numbers) {
    return {length: numbers.length, at: function (i) {
      var digits = String(numbers[i]);
      while (digits.length < width) digits = '0' + digits;
      return prefix + digits;
    }};
  }

  // Undo version 2's compact forms, so the rest of the script sees codes and dictionaries as in version 1.
  function expand(header, arrays) {
    var n = header.n, table = arrays.g;
    (header.groups || []).forEach(function (field) {
      var combos = arrays['g.' + field], codes = new combos.constructor(n);
      for (var i = 0; i < n; i++) codes[i] = combos[table[i]];
      arrays[field] = codes; delete arrays['g.' + field];
    });
    delete arrays.g;
    Object.keys(header.numbered || {}).forEach(function (field) {
      var deltas = arrays[field], numbers = new Float64Array(n), sum = 0;
      for (var i = 0; i < n; i++) { sum += deltas[i]; numbers[i] = sum; }
      header.dicts[field] = numberedTexts(header.numbered[field][0], header.numbered[field][1], numbers);
    });
    (header.rows || []).forEach(function (field) {
      var identity = new Uint32Array(n);
      for (var i = 0; i < n; i++) identity[i] = i;
      arrays[field] = identity;
    });
  }

  function parse(bytes) {
    var magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
    if (magic !== 'NKP1') throw new Error('not a map payload');
    var length = new DataView(bytes.buffer, bytes.byteOffset + 4, 4).getUint32(0, true);
    var header = JSON.parse(new TextDecoder('utf-8').decode(bytes.subarray(8, 8 + length)));
    var start = Math.ceil((8 + length) / 8) * 8;
    var whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    var buffer = whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    var arrays = {};
    Object.keys(header.arrays).forEach(function (name) {
      arrays[name] = readArray(buffer, start + header.arrays[name][1], header.arrays[name], header.planes);
    });
    expand(header, arrays);
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
      if (crs === L.CRS.EPSG3857) this._sphericalMercator();
      else for (var i = 0; i < this.n; i++) {
        var p = crs.latLngToPoint(L.latLng(this.lat[i], this.lon[i]), 0);
        this._mx[i] = p.x; this._my[i] = p.y;
      }
    }
    return [this._mx, this._my];
  };
  // Leaflet's EPSG:3857 latLngToPoint at zoom 0 written out: no LatLng and Point objects for a million records.
  Records.prototype._sphericalMercator = function () {
    var max = L.Projection.SphericalMercator.MAX_LATITUDE, d = Math.PI / 180;
    for (var i = 0; i < this.n; i++) {
      var sin = Math.sin(Math.max(Math.min(max, this.lat[i]), -max) * d);
      this._mx[i] = 256 * (this.lon[i] / 360 + 0.5);
      this._my[i] = 256 * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI));
    }
  };
  Records.prototype.text = function (field, i) {
    var codes = this.arrays[field], values = this.header.dicts[field];
    return codes && values ? values.at(codes[i]) : '';
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
    row(table, 'By side', records.text('counts_detail', i));  // already as a person reads it (components/details.py)
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

  // The content's width: the popup adds about 45 px of frame, and keeps 50 px left (zoom buttons) and 20 px right.
  function popupWidth(map) { return Math.max(160, Math.min(320, map.getSize().x - 125)); }

  // A popup opened while the frame was still being laid out (a link's selection, a phone) is fitted
  // again, and panned into view, when the map's size settles.
  function fitPopupOnResize(map) {
    if (map.nkFitsPopup) return;
    map.nkFitsPopup = true;
    map.on('resize', function () {
      var popup = map.nkPopup;
      if (!popup || !map.hasLayer(popup)) return;
      var width = popupWidth(map);
      popup.options.maxWidth = width; popup.options.minWidth = Math.min(200, width);
      popup.update();
    });
  }

  function openPopup(map, records, i, options, at) {
    var width = popupWidth(map);
    var popup = L.popup({maxWidth: width, minWidth: Math.min(200, width), autoPan: true, autoPanPaddingTopLeft: [50, 190], autoPanPadding: [20, 20], className: 'nk-popup-frame', closeOnClick: true})
      .setLatLng(at || [records.lat[i], records.lon[i]])
      .setContent(popupContent(records, i, options.app));
    popup.nkLayer = options.layerId;
    fitPopupOnResize(map);
    map.nkPopup = popup;
    popup.openOn(map);
    return popup;
  }

  // What the other parts of the map's script (nk-layers.js, nk-controls.js) use from this one.
  NK._ = {el: el, row: row, bytesOf: bytesOf, Records: Records, openPopup: openPopup, notifyPage: notifyPage,
    MARKER_LIMIT: MARKER_LIMIT, DETAIL_ZOOM: DETAIL_ZOOM};
})();
