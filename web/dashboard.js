/*
 * Counterpart monitor dashboard: sentiment over time, volume by intent and channel,
 * containment and hand-off rates, top unanswered questions, alerts, the live stream of
 * messages and a conversation viewer. Reads `/api/dashboard/summary` and the logs API
 * (`/api/monitor/...`), listens on socket.io namespace `/monitor`. Plain script, no framework;
 * text from the server only ever goes in via textContent.
 */
(function () {
  'use strict';

  var POLL_MS = 15000;
  var REFRESH_DEBOUNCE_MS = 800;
  var STREAM_MAX = 60;
  var COLOURS = ['#1d4d3b', '#2f6fb0', '#b5651d', '#7a3e9d', '#a11d1d', '#3c8d5a', '#8a5a00', '#4a5a8a', '#9d3e6b', '#56625b'];
  var CHANNELS = { webchat: 'Web chat', rest: 'REST API', teams: 'Microsoft Teams', slack: 'Slack' };
  var ROLES = { customer: 'Customer', staff: 'Staff', bot: 'Assistant', agent: 'Agent' };

  var $ = function (id) { return document.getElementById(id); };
  var ui = {
    who: $('who'), login: $('login'), token: $('token'), loginError: $('login-error'), main: $('dashboard'), error: $('error'),
    period: $('period'), refresh: $('refresh'), updated: $('updated'),
    conversations: $('kpi-conversations'), containment: $('kpi-containment'), containmentSub: $('kpi-containment-sub'),
    handoff: $('kpi-handoff'), handoffSub: $('kpi-handoff-sub'), sentiment: $('kpi-sentiment'), sentimentSub: $('kpi-sentiment-sub'),
    alerts: $('alerts'), alertsEmpty: $('alerts-empty'), unanswered: $('unanswered'), unansweredEmpty: $('unanswered-empty'),
    stream: $('stream'), streamStatus: $('stream-status'), viewerMeta: $('viewer-meta'), viewerLog: $('viewer-log'),
  };

  var token = '';
  var charts = {};
  var socket = null;
  var pollTimer = null;
  var refreshTimer = null;
  var loading = false;
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var numbers = new Intl.NumberFormat('en-GB');
  var percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
  var signed = new Intl.NumberFormat('en-GB', { signDisplay: 'exceptZero', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var hourLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  var dayLabel = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  var timeLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

  // The server fills a demo token in; a page served without one shows the placeholder.
  if (/^__.*__$/.test(ui.token.value)) ui.token.value = '';
  var staffName = /^__.*__$/.test(ui.who.dataset.name || '') ? '' : (ui.who.dataset.name || '');

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function label(key) { return key === null || key === undefined ? '(no intent)' : String(key).replace(/_/g, ' '); }

  function band(score) {
    if (score === null || score === undefined) return '';
    return score < -0.25 ? 'negative' : score > 0.25 ? 'positive' : 'neutral';
  }

  function scoreBadge(score) {
    var node = el('span', 'score score--' + (band(score) || 'none'), score === null || score === undefined ? 'not scored' : 'sentiment ' + signed.format(score));
    return node;
  }

  function api(path) {
    return fetch(path, { headers: { authorization: 'Bearer ' + token, accept: 'application/json' } }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          var error = new Error((body && body.error && body.error.message) || ('HTTP ' + response.status));
          error.status = response.status;
          throw error;
        }
        return body;
      });
    });
  }

  /* ---------- sign-in ---------- */

  function signIn(value) {
    token = value;
    ui.loginError.textContent = '';
    return load().then(function () {
      ui.who.textContent = staffName ? 'Signed in as ' + staffName : 'Signed in';
      ui.login.hidden = true;
      ui.main.hidden = false;
      connectStream();
      loadRecentMessages();
      clearInterval(pollTimer);
      pollTimer = setInterval(function () { void load(); }, POLL_MS);
    }, function (error) {
      ui.main.hidden = true;
      ui.login.hidden = false;
      ui.loginError.textContent = error.status === 403 ? 'This staff role may not read the dashboard.' : error.status === 401 ? 'That token was not accepted.' : error.message;
    });
  }

  ui.login.addEventListener('submit', function (event) {
    event.preventDefault();
    var value = ui.token.value.trim();
    if (value) void signIn(value);
  });

  /* ---------- summary ---------- */

  function load() {
    if (loading) return Promise.resolve();
    loading = true;
    var days = Number(ui.period.value) || 14;
    var from = new Date(Date.now() - days * 86400000).toISOString();
    return api('/api/dashboard/summary?from=' + encodeURIComponent(from)).then(function (summary) {
      loading = false;
      ui.error.textContent = '';
      render(summary);
      ui.updated.textContent = 'Updated ' + new Date().toLocaleTimeString('en-GB');
      document.body.dataset.state = 'ready';
      document.body.dataset.loads = String(Number(document.body.dataset.loads || 0) + 1);
    }, function (error) {
      loading = false;
      if (!ui.main.hidden) ui.error.textContent = 'Could not load the numbers: ' + error.message;
      throw error;
    });
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(function () { void load().catch(function () {}); }, REFRESH_DEBOUNCE_MS);
  }

  ui.period.addEventListener('change', function () { void load().catch(function () {}); });
  ui.refresh.addEventListener('click', function () { void load().catch(function () {}); });

  function render(summary) {
    var c = summary.containment;
    ui.conversations.textContent = numbers.format(c.conversations);
    ui.containment.textContent = c.containmentRate === null ? '–' : percent.format(c.containmentRate);
    ui.containmentSub.textContent = numbers.format(c.contained) + ' finished by the assistant';
    ui.handoff.textContent = c.handoffRate === null ? '–' : percent.format(c.handoffRate);
    ui.handoffSub.textContent = numbers.format(c.handedOff) + ' handed to an agent';
    var s = summary.sentiment;
    ui.sentiment.textContent = s.average === null ? '–' : signed.format(s.average);
    ui.sentimentSub.textContent = s.average === null ? 'no scored messages' : percent.format(s.negativeShare) + ' negative of ' + numbers.format(s.scored);
    renderSentiment(summary);
    renderVolume(summary.volume);
    renderAlerts(summary.alerts);
    renderUnanswered(summary.unanswered);
  }

  /* ---------- charts ---------- */

  function chart(id, config) {
    if (typeof window.Chart !== 'function') return null;
    if (charts[id]) {
      charts[id].data = config.data;
      charts[id].update(reducedMotion ? 'none' : undefined);
      return charts[id];
    }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: reducedMotion ? false : { duration: 400 } }, config.options);
    charts[id] = new window.Chart($(id), config);
    return charts[id];
  }

  function renderSentiment(summary) {
    var points = summary.sentiment.series;
    var format = summary.period.bucket === 'hour' ? hourLabel : dayLabel;
    chart('sentiment-chart', {
      type: 'line',
      data: {
        labels: points.map(function (p) { return format.format(new Date(p.at)); }),
        datasets: [
          { label: 'Average sentiment', data: points.map(function (p) { return p.average; }), borderColor: COLOURS[0], backgroundColor: COLOURS[0], yAxisID: 'score', tension: 0.25, pointRadius: 2 },
          { label: 'Negative share', data: points.map(function (p) { return p.negativeShare; }), borderColor: COLOURS[4], backgroundColor: COLOURS[4], borderDash: [6, 4], yAxisID: 'share', tension: 0.25, pointRadius: 2 },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: {
          score: { type: 'linear', position: 'left', min: -1, max: 1, title: { display: true, text: 'Average score (−1 to 1)' } },
          share: { type: 'linear', position: 'right', min: 0, max: 1, grid: { drawOnChartArea: false }, ticks: { callback: function (v) { return percent.format(v); } }, title: { display: true, text: 'Negative share' } },
        },
        plugins: { legend: { labels: { usePointStyle: true } }, tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.yAxisID === 'share' ? ctx.dataset.label + ': ' + percent.format(ctx.parsed.y) : ctx.dataset.label + ': ' + signed.format(ctx.parsed.y); } } } },
      },
    });
    var last = points[points.length - 1];
    $('sentiment-chart').setAttribute('aria-label', points.length === 0 ? 'Sentiment over time: no scored messages in this period'
      : 'Sentiment over time, ' + points.length + ' points; latest average ' + signed.format(last.average) + ' with ' + percent.format(last.negativeShare) + ' negative');
  }

  function renderVolume(volume) {
    var intents = volume.byIntent.slice(0, 12);
    chart('intent-chart', {
      type: 'bar',
      data: { labels: intents.map(function (r) { return label(r.key); }), datasets: [{ label: 'Messages', data: intents.map(function (r) { return r.count; }), backgroundColor: COLOURS[1] }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    $('intent-chart').setAttribute('aria-label', 'Messages by intent: ' + intents.map(function (r) { return label(r.key) + ' ' + r.count; }).join(', '));
    var channels = volume.byChannel;
    chart('channel-chart', {
      type: 'doughnut',
      data: { labels: channels.map(function (r) { return CHANNELS[r.key] || r.key; }), datasets: [{ label: 'Messages', data: channels.map(function (r) { return r.count; }), backgroundColor: COLOURS }] },
      options: { plugins: { legend: { position: 'right' } } },
    });
    $('channel-chart').setAttribute('aria-label', 'Messages by channel: ' + channels.map(function (r) { return (CHANNELS[r.key] || r.key) + ' ' + r.count; }).join(', '));
  }

  /* ---------- lists ---------- */

  function renderAlerts(alerts) {
    clear(ui.alerts);
    ui.alertsEmpty.hidden = alerts.length > 0;
    alerts.forEach(function (alert) {
      var item = el('li', 'alert alert--' + alert.severity);
      var title = el('h3');
      title.appendChild(el('span', 'badge badge--' + alert.severity, alert.severity));
      title.appendChild(document.createTextNode(alert.title));
      item.appendChild(title);
      item.appendChild(el('p', null, alert.detail));
      item.appendChild(el('p', 'meta', timeLabel.format(new Date(alert.raisedAt))));
      ui.alerts.appendChild(item);
    });
  }

  function renderUnanswered(questions) {
    clear(ui.unanswered);
    ui.unansweredEmpty.hidden = questions.length > 0;
    questions.forEach(function (q) {
      var item = el('li');
      var button = el('button', 'row');
      button.type = 'button';
      button.appendChild(el('span', 'count', '×' + q.count));
      button.appendChild(el('span', 'text', q.text));
      button.appendChild(el('span', 'meta', timeLabel.format(new Date(q.lastAskedAt))));
      button.setAttribute('aria-label', q.text + ', asked ' + q.count + (q.count === 1 ? ' time' : ' times') + '; open a conversation');
      button.addEventListener('click', function () { void openConversation(q.conversationId); });
      item.appendChild(button);
      ui.unanswered.appendChild(item);
    });
  }

  /* ---------- live stream ---------- */

  function streamItem(message) {
    var item = el('li');
    item.dataset.activityId = message.activityId;
    var button = el('button', 'row');
    button.type = 'button';
    var text = el('span', 'text');
    text.appendChild(el('strong', null, (ROLES[message.role] || message.role) + ': '));
    text.appendChild(document.createTextNode(message.text));
    button.appendChild(text);
    if (message.direction === 'in') button.appendChild(scoreBadge(message.sentiment));
    var meta = (CHANNELS[message.channel] || message.channel) + ' · ' + timeLabel.format(new Date(message.createdAt));
    if (message.intent) meta = label(message.intent) + ' · ' + meta;
    button.appendChild(el('span', 'meta', meta));
    button.addEventListener('click', function () { void openConversation(message.conversationId); });
    item.appendChild(button);
    return item;
  }

  function addToStream(message) {
    ui.streamStatus.hidden = true;
    ui.stream.insertBefore(streamItem(message), ui.stream.firstChild);
    while (ui.stream.children.length > STREAM_MAX) ui.stream.removeChild(ui.stream.lastChild);
  }

  function loadRecentMessages() {
    api('/api/monitor/messages?limit=20&order=desc').then(function (page) {
      var known = {};
      Array.prototype.forEach.call(ui.stream.children, function (li) { known[li.dataset.activityId] = true; });
      page.messages.slice().reverse().forEach(function (m) { if (!known[m.activityId]) addToStream(m); });
    }, function () { /* the logs API is optional; the stream fills from the socket */ });
  }

  function connectStream() {
    if (socket || typeof window.io !== 'function') {
      if (!socket) ui.streamStatus.textContent = 'The live stream is not available on this server.';
      return;
    }
    socket = window.io('/monitor', { auth: { token: token }, reconnectionAttempts: 10 });
    socket.on('ready', function (viewer) {
      if (!staffName) ui.who.textContent = 'Signed in as staff #' + viewer.staffId + ' (' + viewer.role + ')';
      ui.streamStatus.textContent = 'Waiting for messages…';
    });
    socket.on('message', function (message) {
      addToStream(message);
      scheduleRefresh();
    });
    socket.on('sentiment', function (update) {
      var item = ui.stream.querySelector('li[data-activity-id="' + CSS.escape(update.activityId) + '"] .score');
      if (item) item.replaceWith(scoreBadge(update.sentiment));
      scheduleRefresh();
    });
    socket.on('connect_error', function (error) {
      ui.streamStatus.hidden = false;
      ui.streamStatus.textContent = 'Live stream unavailable: ' + error.message;
    });
  }

  /* ---------- conversation viewer ---------- */

  function openConversation(id) {
    ui.viewerMeta.textContent = 'Loading conversation…';
    clear(ui.viewerLog);
    return api('/api/monitor/conversations/' + encodeURIComponent(id) + '/messages?limit=200').then(function (page) {
      ui.viewerMeta.textContent = 'Conversation ' + id.slice(0, 8) + ' · ' + page.messages.length + ' messages';
      page.messages.forEach(function (m) {
        var bubble = el('div', 'msg msg--' + m.direction);
        var who = (ROLES[m.role] || m.role) + ' · ' + timeLabel.format(new Date(m.createdAt));
        if (m.intent) who += ' · ' + label(m.intent) + (m.confidence !== null ? ' (' + percent.format(m.confidence) + ')' : '');
        bubble.appendChild(el('div', 'who', who));
        bubble.appendChild(el('p', null, m.text));
        if (m.direction === 'in' && m.sentiment !== null) bubble.appendChild(scoreBadge(m.sentiment));
        ui.viewerLog.appendChild(bubble);
      });
      ui.viewerLog.focus();
    }, function (error) {
      ui.viewerMeta.textContent = error.status === 404 ? 'The conversation viewer is not available on this server.' : 'Could not open the conversation: ' + error.message;
    });
  }

  /* ---------- start ---------- */

  if (ui.token.value) {
    void signIn(ui.token.value);
  } else {
    ui.login.hidden = false;
  }
})();
