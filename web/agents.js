/*
 * Counterpart agent console: the queue of conversations the bot handed over, the conversation
 * of the one picked, Take / Reply / Release. Talks to socket.io namespace `/agents` with a
 * signed staff token. Plain script, no framework; user text only ever goes in via textContent.
 */
(function () {
  'use strict';

  var REASONS = { customer_asked: 'asked for a person', low_confidence: 'the assistant did not understand', negative_sentiment: 'sounded upset' };
  var SUPERVISORS = { manager: true, admin: true };

  var $ = function (id) { return document.getElementById(id); };
  var ui = {
    who: $('who'), login: $('login'), token: $('token'), loginError: $('login-error'), console: $('console'),
    queue: $('queue'), queueEmpty: $('queue-empty'), meta: $('conversation-meta'), log: $('log'),
    take: $('take'), release: $('release'), outcome: $('outcome'), replyForm: $('reply-form'), reply: $('reply'),
    send: $('send'), error: $('conversation-error'),
  };

  var socket = null;
  var me = null;
  var queue = [];
  var queueReceivedAt = Date.now();
  var selectedId = null;
  var shown = new Set();

  // The server fills the demo agent's token in; a page served without it shows the placeholder.
  if (/^__.*__$/.test(ui.token.value)) ui.token.value = '';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function minutes(seconds) {
    if (seconds < 60) return 'under a minute';
    var m = Math.round(seconds / 60);
    return m + (m === 1 ? ' minute' : ' minutes');
  }

  function selected() {
    return queue.filter(function (h) { return h.id === selectedId; })[0] || null;
  }

  /* ---------- sign-in ---------- */

  ui.login.addEventListener('submit', function (event) {
    event.preventDefault();
    var token = ui.token.value.trim();
    if (!token) return;
    ui.loginError.textContent = '';
    if (socket) socket.disconnect();
    socket = window.io('/agents', { auth: { token: token }, reconnectionAttempts: 10 });
    socket.on('agent', onAgent);
    socket.on('queue', onQueue);
    socket.on('handoff_message', onHandoffMessage);
    socket.on('connect_error', onConnectError);
    socket.on('disconnect', function () { ui.who.textContent = me ? me.name + ' \u00b7 reconnecting\u2026' : 'Not signed in'; });
  });

  function onConnectError(error) {
    var code = error && error.data && error.data.code;
    if (code === 'unauthorized' || code === 'forbidden' || code === 'invalid_input') {
      socket.disconnect();
      socket = null;
      me = null;
      ui.console.hidden = true;
      ui.login.hidden = false;
      ui.who.textContent = 'Not signed in';
    }
    ui.loginError.textContent = 'Could not sign in: ' + ((error && error.message) || 'the server is unreachable') + '.';
  }

  function onAgent(agent) {
    me = agent;
    ui.who.textContent = 'Signed in as ' + agent.name + ' (' + agent.role + ')';
    ui.login.hidden = true;
    ui.console.hidden = false;
    if (selectedId !== null) openConversation(selectedId);
  }

  /* ---------- queue ---------- */

  function onQueue(list) {
    queue = Array.isArray(list) ? list : [];
    queueReceivedAt = Date.now();
    renderQueue();
    updateControls();
  }

  function renderQueue() {
    ui.queue.replaceChildren();
    ui.queueEmpty.hidden = queue.length > 0;
    var elapsed = Math.round((Date.now() - queueReceivedAt) / 1000);
    queue.forEach(function (h) {
      var button = el('button');
      button.type = 'button';
      button.setAttribute('aria-pressed', String(h.id === selectedId));
      button.dataset.handoffId = String(h.id);
      button.appendChild(el('span', 'entry-title', (h.customerName || 'Guest') + ' \u00b7 ' + (REASONS[h.reason] || h.reason)));
      var status = h.status === 'active'
        ? 'With ' + (h.agent ? h.agent.name : 'an agent') + ' \u00b7 waited ' + minutes(h.waitSeconds)
        : 'Waiting ' + minutes(h.waitSeconds + elapsed);
      button.appendChild(el('span', 'entry-meta', status));
      if (h.lastCustomerMessage) button.appendChild(el('span', 'entry-last', '\u201c' + h.lastCustomerMessage + '\u201d'));
      button.addEventListener('click', function () { openConversation(h.id); });
      var item = el('li');
      item.appendChild(button);
      ui.queue.appendChild(item);
    });
  }

  setInterval(function () { if (me) renderQueue(); }, 15000);

  /* ---------- conversation ---------- */

  function openConversation(id) {
    selectedId = id;
    ui.error.textContent = '';
    renderQueue();
    updateControls();
    socket.emit('history', { handoffId: id }, function (res) {
      if (selectedId !== id) return;
      if (!res || !res.ok) return showError(res);
      renderHistory(res.history);
    });
  }

  function renderHistory(history) {
    ui.log.replaceChildren();
    shown = new Set();
    (history || []).forEach(appendMessage);
  }

  function appendMessage(activity) {
    if (!activity || typeof activity.text !== 'string' || shown.has(activity.id)) return;
    shown.add(activity.id);
    var role = activity.from && activity.from.role;
    var kind = role === 'agent' ? 'agent' : role === 'bot' ? 'bot' : 'customer';
    var name = kind === 'agent' ? (activity.from.name || 'Agent') : kind === 'bot' ? 'Assistant' : 'Customer';
    var node = el('div', 'msg msg--' + kind);
    node.appendChild(el('p', 'msg-name', name));
    var text = el('p', 'msg-text', activity.text);
    if (activity.timestamp) text.title = new Date(activity.timestamp).toLocaleString();
    node.appendChild(text);
    ui.log.appendChild(node);
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function onHandoffMessage(event) {
    if (event && event.handoffId === selectedId) appendMessage(event.activity);
  }

  function updateControls() {
    var h = selected();
    var mine = !!(h && me && h.status === 'active' && h.agent && h.agent.id === me.id);
    var canRelease = !!(h && me && (mine || h.status === 'queued' || SUPERVISORS[me.role]));
    ui.take.disabled = !(h && h.status === 'queued');
    ui.release.disabled = !canRelease;
    ui.reply.disabled = !mine;
    ui.send.disabled = !mine;
    if (selectedId === null) ui.meta.textContent = 'Pick a conversation from the queue.';
    else if (!h) ui.meta.textContent = 'This hand-off is closed; the assistant answers the customer again.';
    else if (h.status === 'queued') ui.meta.textContent = (h.customerName || 'Guest') + ' is waiting. Take the conversation to answer.';
    else ui.meta.textContent = mine ? 'You are talking to ' + (h.customerName || 'the customer') + '. The assistant stays quiet until you release.'
      : (h.agent ? h.agent.name : 'Another agent') + ' has this conversation.';
  }

  function showError(res) {
    ui.error.textContent = (res && res.error && res.error.message) || 'Something went wrong. Please try again.';
  }

  ui.take.addEventListener('click', function () {
    var id = selectedId;
    ui.error.textContent = '';
    socket.emit('take', { handoffId: id }, function (res) {
      if (!res || !res.ok) return showError(res);
      if (selectedId === id) renderHistory(res.history);
      ui.reply.focus();
    });
  });

  ui.release.addEventListener('click', function () {
    var id = selectedId;
    ui.error.textContent = '';
    socket.emit('release', { handoffId: id, outcome: ui.outcome.value }, function (res) {
      if (!res || !res.ok) return showError(res);
      updateControls();
    });
  });

  ui.replyForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = ui.reply.value.trim();
    if (!text || selectedId === null) return;
    ui.error.textContent = '';
    ui.send.disabled = true;
    socket.emit('reply', { handoffId: selectedId, text: text }, function (res) {
      ui.send.disabled = false;
      updateControls();
      if (!res || !res.ok) return showError(res);
      ui.reply.value = '';
      appendMessage(res.activity);
      ui.reply.focus();
    });
  });

  ui.reply.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.replyForm.requestSubmit();
    }
  });
})();
