/* North Kosovo Incident Map: the map's own script, part 3 of 3: boundaries, basemaps, legend, time player (MIT licence). */
(function () {
  'use strict';
  var NK = window.NK;
  if (!NK || NK.controlsLoaded) return;
  NK.controlsLoaded = true;
  var _ = NK._, el = _.el, bytesOf = _.bytesOf, sizeFor = _.sizeFor, select = _.select;
  var CanvasLayer = _.CanvasLayer, registry = _.registry, refreshers = _.refreshers;

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
