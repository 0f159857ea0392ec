/* North Kosovo Incident Map: the map's own script, part 2 of 3: markers, clusters, the canvas layer (MIT licence). */
(function () {
  'use strict';
  var NK = window.NK;
  if (!NK || NK.layersLoaded) return;
  NK.layersLoaded = true;
  var _ = NK._, el = _.el, Records = _.Records, openPopup = _.openPopup, notifyPage = _.notifyPage;
  var MARKER_LIMIT = _.MARKER_LIMIT, DETAIL_ZOOM = _.DETAIL_ZOOM;

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

  // Thousands of points without letters: each colour's dot is drawn once on a small canvas and then copied,
  // the same picture in the same order as one path per point, several times faster in software rendering.
  var DOT = 5, DOT_SIZE = 2 * DOT + 4, dotSprites = new Map();
  function dotSprite(colour) {
    var sprite = dotSprites.get(colour);
    if (!sprite) {
      sprite = document.createElement('canvas'); sprite.width = sprite.height = DOT_SIZE;
      var c = sprite.getContext('2d');
      c.beginPath(); c.arc(DOT_SIZE / 2, DOT_SIZE / 2, DOT, 0, 2 * Math.PI);
      c.fillStyle = colour; c.fill(); c.lineWidth = 1.5; c.strokeStyle = '#fff'; c.stroke();
      dotSprites.set(colour, sprite);
    }
    return sprite;
  }

  function drawDots(ctx, drawn, records) {
    var half = DOT_SIZE / 2;
    drawn.forEach(function (d) {
      ctx.drawImage(dotSprite(records.symbol(d[2]).colour), Math.round(d[0] - half), Math.round(d[1] - half));
    });
  }

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
      if (!letters) drawDots(ctx, drawn, r);
      else drawn.forEach(function (d) {
        var symbol = r.symbol(d[2]);
        ctx.beginPath(); ctx.arc(d[0], d[1], 8, 0, 2 * Math.PI);
        ctx.fillStyle = symbol.colour; ctx.fill(); ctx.lineWidth = 1.5; ctx.strokeStyle = '#fff'; ctx.stroke();
        ctx.fillStyle = symbol.text; ctx.font = 'bold 9px sans-serif'; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
        ctx.fillText(symbol.letter, d[0], d[1]);
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

  _.sizeFor = sizeFor; _.select = select; _.CanvasLayer = CanvasLayer; _.registry = registry; _.refreshers = refreshers;
})();
