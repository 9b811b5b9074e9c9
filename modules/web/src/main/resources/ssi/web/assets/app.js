// The ssi web view: renders the kernel's snapshots (Server-Sent Events) and sends the controls as POSTs
// carrying this page's session token. Everything shown is escaped: program names and arguments are users'.
(() => {
  'use strict';
  const session = document.querySelector('meta[name=ssi-session]').content;
  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const mb = (bytes) => Math.round(bytes / 1048576);
  // Replaces an element's content only when it changed: a button under the pointer stays the same button.
  const setHtml = (el, html) => { if (el.ssiHtml !== html) { el.innerHTML = html; el.ssiHtml = html; } };
  const COLORS = ['#2b6cb0', '#c05621', '#2f855a', '#b83280', '#6b46c1', '#c53030', '#2c7a7b', '#975a16', '#4a5568', '#d69e2e'];
  const MAX_POINTS = 600;

  let state = null;
  let sortKey = 'pid', sortUp = true, dragging = false;
  let chart = null, chartNodes = 0;
  const series = { xs: [], ys: [] }; // the load samples: virtual seconds, and each node's load index

  // --- controls --------------------------------------------------------------------------------------
  async function post(control, body) {
    let reply;
    try {
      const r = await fetch('/api/' + control, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-SSI-Session': session },
        body: JSON.stringify(body),
      });
      reply = await r.json();
      if (!r.ok) { return say(reply.error || ('refused: HTTP ' + r.status), true); }
    } catch (e) {
      return say('ssi did not answer: ' + e.message, true);
    }
    say(control + ' done' + (reply.pid ? ': pid ' + reply.pid : '') + ' at t=' + reply.time, false);
    return reply;
  }

  function say(text, error) {
    const m = $('message');
    m.textContent = text;
    m.className = error ? 'error' : 'ok';
    return null;
  }

  $('pause').onclick = () => post('pace', { pace: state && state.pace === 'realtime' ? 'max' : 'realtime' });
  $('advance').onclick = () => post('advance', { duration: '1s' });
  $('policy-use').onclick = () => post('policy', { name: $('policy-choice').value });
  $('spawn').onsubmit = (e) => {
    e.preventDefault();
    const args = $('args').value.trim();
    post('spawn', { program: $('program').value.trim(), args: args ? args.split(/\s+/) : [] });
  };
  $('add-node').onsubmit = (e) => {
    e.preventDefault();
    post('node', { action: 'add', name: $('node-name').value.trim(), speed: Number($('node-speed').value),
      cpus: Number($('node-cpus').value), mem: Number($('node-mem').value) });
  };
  $('procs').querySelector('tbody').addEventListener('click', (e) => {
    const b = e.target.closest('[data-act]');
    if (!b) return;
    e.preventDefault();
    const pid = Number(b.closest('tr').dataset.pid);
    if (b.dataset.act === 'migrate') post('migrate', { pid, to: $('target').value });
    if (b.dataset.act === 'kill') post('kill', { pid });
  });
  $('procs').querySelector('tbody').addEventListener('dragstart', (e) => {
    const tr = e.target.closest('tr');
    dragging = true;
    e.dataTransfer.setData('text/plain', tr.dataset.pid);
    e.dataTransfer.effectAllowed = 'move';
  });
  document.addEventListener('dragend', () => { dragging = false; });
  const nodes = $('nodes');
  nodes.addEventListener('dragover', (e) => { const n = e.target.closest('.node'); if (n) { e.preventDefault(); n.classList.add('drop'); } });
  nodes.addEventListener('dragleave', (e) => { const n = e.target.closest('.node'); if (n) n.classList.remove('drop'); });
  nodes.addEventListener('drop', (e) => {
    const n = e.target.closest('.node');
    if (!n) return;
    e.preventDefault();
    n.classList.remove('drop');
    dragging = false;
    post('migrate', { pid: Number(e.dataTransfer.getData('text/plain')), to: n.dataset.node });
  });
  nodes.addEventListener('click', (e) => {
    const b = e.target.closest('[data-act]');
    if (!b) return;
    e.preventDefault();
    post('node', { action: b.dataset.act, node: b.closest('.node').dataset.node });
  });
  $('procs').querySelector('thead').addEventListener('click', (e) => {
    const th = e.target.closest('th[data-key]');
    if (!th) return;
    sortUp = sortKey === th.dataset.key ? !sortUp : true;
    sortKey = th.dataset.key;
    renderProcs();
  });
  $('filter').addEventListener('input', () => renderProcs());

  // --- rendering ---------------------------------------------------------------------------------------
  function renderNodes() {
    const max = Math.max(1, ...state.nodes.map((n) => n.loadIndex));
    setHtml(nodes, state.nodes.map((n) => `
      <div class="node${n.up ? '' : ' down'}" data-node="${n.id}">
        <div><span class="name">${esc(n.name)}</span> #${n.id} <span class="status">${n.up ? 'up' : 'DOWN'}</span></div>
        <div>${n.speed.toFixed(2)} × ${n.cpus} CPU</div>
        <div class="bar" title="load index ${n.loadIndex.toFixed(2)}"><span style="width:${(100 * n.loadIndex / max).toFixed(1)}%"></span></div>
        <div>load <span class="load">${n.loadIndex.toFixed(2)}</span> · <span class="procs">${n.processes}</span> procs</div>
        <div>free ${mb(n.free)} / ${mb(n.memory)} MB</div>
        <div>${n.up ? `<a href="#" role="button" data-act="shutdown">shutdown</a> <a href="#" role="button" data-act="crash">crash</a>`
                    : `<a href="#" role="button" data-act="restart">restart</a>`}</div>
      </div>`).join(''));
    const target = $('target'), chosen = target.value;
    setHtml(target, ['balance', 'home'].map((t) => `<option value="${t}">${t}</option>`).join('')
      + state.nodes.map((n) => `<option value="${n.id}">${n.id} ${esc(n.name)}</option>`).join(''));
    if (chosen) target.value = chosen;
  }

  function renderProcs() {
    if (!state || dragging) return;
    const words = $('filter').value.trim().toLowerCase().split(/\s+/).filter((w) => w);
    const shown = state.processes.filter((p) => {
      const text = `${p.pid} ${p.command} ${p.home} ${p.where} ${p.state}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
    const dir = sortUp ? 1 : -1;
    shown.sort((a, b) => (a[sortKey] < b[sortKey] ? -dir : a[sortKey] > b[sortKey] ? dir : a.pid - b.pid));
    $('procs').querySelectorAll('th').forEach((th) => {
      th.classList.toggle('sorted', th.dataset.key === sortKey);
      th.classList.toggle('up', sortUp);
    });
    $('pcount').textContent = `(${shown.length} of ${state.processes.length})`;
    setHtml($('procs').querySelector('tbody'), shown.map((p) => `
      <tr draggable="true" data-pid="${p.pid}"><td>${p.pid}</td><td class="program" title="${esc(p.command)}">${esc(p.command)}</td><td>${p.home}</td>
      <td class="where">${p.where}</td><td>${p.state}</td><td>${p.cpu.toFixed(3)}</td><td class="nmigs">${p.nmigs}</td>
      <td><a href="#" role="button" data-act="migrate">migrate</a> <a href="#" role="button" data-act="kill">kill</a></td></tr>`).join(''));
  }

  function renderLog() {
    $('mcount').textContent = state.migrationCount;
    setHtml($('log').querySelector('tbody'), state.migrations.slice().reverse().map((m) => `
      <tr data-pid="${m.pid}"><td>${m.at}</td><td>${m.pid}</td><td class="from">${m.from}</td><td class="to">${m.to}</td>
      <td class="reason">${esc(m.reason)}</td><td>${m.frozen}</td><td>${m.pages}</td><td>${m.bytes}</td><td>${esc(m.outcome)}</td></tr>`).join(''));
  }

  function addSamples(samples) {
    for (const s of samples) {
      const t = s.time / 1e9;
      if (series.xs.length && t <= series.xs[series.xs.length - 1]) continue;
      series.xs.push(t);
      s.loads.forEach((l, i) => { (series.ys[i] = series.ys[i] || new Array(series.xs.length - 1).fill(null)).push(l); });
      series.ys.forEach((ys) => { if (ys.length < series.xs.length) ys.push(null); });
    }
    if (series.xs.length > MAX_POINTS) {
      const cut = series.xs.length - MAX_POINTS;
      series.xs.splice(0, cut);
      series.ys.forEach((ys) => ys.splice(0, cut));
    }
  }

  function renderChart() {
    const n = state.nodes.length;
    while (series.ys.length < n) series.ys.push(new Array(series.xs.length).fill(null));
    const data = [series.xs, ...series.ys.slice(0, n)];
    if (!chart || chartNodes !== n) {
      if (chart) chart.destroy();
      chartNodes = n;
      const box = $('chart');
      chart = new uPlot({
        width: Math.max(300, box.clientWidth - 10), height: 240,
        scales: { x: { time: false } },
        axes: [{ label: 'virtual time (s)' }, { label: 'load index' }],
        legend: { show: n <= 12 },
        series: [{ label: 't' }, ...state.nodes.map((node, i) => ({ label: node.name, stroke: COLORS[i % COLORS.length], width: 1 }))],
      }, data, box);
    } else {
      chart.setData(data);
    }
  }

  function render(next) {
    const started = performance.now();
    state = next;
    $('image').textContent = state.image;
    $('time').textContent = state.clock;
    $('pace').textContent = state.pace === 'realtime' ? 'realtime' : 'max (paused)';
    $('pause').textContent = state.pace === 'realtime' ? 'Pause' : 'Resume';
    $('policy').textContent = state.policy;
    addSamples(state.samples);
    renderNodes();
    renderProcs();
    renderLog();
    renderChart();
    document.body.dataset.seq = state.seq;
    document.body.dataset.samples = series.xs.length;
    document.body.dataset.time = state.time;
    if (window.ssiFirstRender === undefined) { // how long the first full render took, and its own part: for the render test
      document.body.offsetHeight; // laid out: rendered in full
      window.ssiFirstRender = performance.now();
      window.ssiFirstRenderOwn = window.ssiFirstRender - started;
    }
  }

  function greet(hello) {
    $('programs').innerHTML = hello.programs.map((p) => `<option value="${esc(p)}">`).join('');
    $('policy-choice').innerHTML = hello.policies.map((p) => `<option>${esc(p)}</option>`).join('');
    series.xs.length = 0;
    series.ys.length = 0;
    addSamples(hello.history);
  }

  const first = JSON.parse($('ssi-first').textContent); // what the page came with: shown at once
  greet(first.hello);
  render(first.state);
  const events = new EventSource('/api/events'); // then what changes
  events.addEventListener('hello', (e) => greet(JSON.parse(e.data)));
  events.addEventListener('state', (e) => render(JSON.parse(e.data)));
  events.onerror = () => say('lost the stream from ssi; retrying…', true);
  events.onopen = () => { if ($('message').textContent.startsWith('lost')) say('connected', false); };
})();
