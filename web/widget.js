/**
 * Counterpart web chat widget: plain browser JavaScript, no build step.
 *
 * Embed (the socket.io client tag is optional; the widget loads it from its own origin if missing;
 * on another origin than the chat server, the server must allow that origin in socket.io's `cors`):
 *   <script src="https://chat.example.com/socket.io/socket.io.min.js"></script>
 *   <script src="https://chat.example.com/widget.js" data-token="SIGNED_CUSTOMER_TOKEN" defer></script>
 *
 * Optional attributes: `data-shop-name` (defaults to "Northwind Outfitters").
 * The only global it defines is `window.Counterpart = { open(), close() }`.
 *
 * Protocol (socket.io namespace `/chat`): the server sends `session` {conversationId, history}
 * after connecting, then `typing`, `message` (an Activity) and `error_message` {code, message};
 * the widget emits `message` {text, clientMessageId} with an ack. Unsent messages keep their
 * clientMessageId and are re-sent after a reconnect; the server drops duplicates.
 */
(function () {
  'use strict';
  if (window.Counterpart) return; // the tag was included twice

  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  if (!script) return;
  var scriptUrl = new URL(script.src, location.href);
  var serverOrigin = scriptUrl.origin;
  var token = readToken(script.getAttribute('data-token'));
  var shopName = script.getAttribute('data-shop-name') || 'Northwind Outfitters';

  // Non-ASCII text is written as \u escapes: a page without a charset would otherwise garble it.
  var STORAGE_KEY = 'counterpart.conversationId';
  var MAX_MESSAGE_BYTES = 4096; // same limit as the server (core/activity.ts)
  var ACK_TIMEOUT_MS = 20000;
  var TYPING_TIMEOUT_MS = 15000; // hide the indicator if no reply follows
  // Error codes where sending the same text again cannot help.
  var FINAL_ERRORS = ['invalid_input', 'payload_too_large', 'forbidden', 'unauthorized'];

  var ui = null;
  var socket = null;
  var connecting = false; // while the socket.io client script loads
  var sessionReady = false;
  var retriedWithoutId = false;
  var conversationId = storageGet(STORAGE_KEY);
  var outbox = new Map(); // clientMessageId -> {text, node, attempt}; insertion order is send order
  var shown = new Set(); // activity ids and clientMessageIds already in the log
  var typingTimer = 0;

  /* ---------- small helpers ---------- */

  function readToken(value) {
    var t = (value || '').trim();
    // The placeholder survives when the page is served without the server's substitution.
    return t === '__COUNTERPART_TOKEN__' ? '' : t;
  }

  function storageGet(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function storageSet(key, value) {
    try {
      if (value) window.localStorage.setItem(key, value); else window.localStorage.removeItem(key);
    } catch (e) { /* storage blocked: the conversation simply lasts one page view */ }
  }

  function newClientMessageId() {
    var c = window.crypto;
    if (c && typeof c.randomUUID === 'function') return c.randomUUID();
    var b = new Uint8Array(16);
    if (c && typeof c.getRandomValues === 'function') c.getRandomValues(b);
    else for (var i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function byteLength(text) {
    return new TextEncoder().encode(text).length;
  }

  /** Creates an element; `props` are attributes, except `text` (textContent) and `on*` (listeners). */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === undefined || value === null || value === false) return;
      if (key === 'text') node.textContent = value;
      else if (key.slice(0, 2) === 'on') node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function svgIcon(paths) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    paths.forEach(function (d) {
      var p = document.createElementNS(ns, 'path');
      p.setAttribute('d', d);
      svg.appendChild(p);
    });
    return svg;
  }

  /** Only http(s) links are rendered, resolved against the page; anything else becomes plain text. */
  function safeHref(url) {
    try {
      var u = new URL(url, location.href);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch (e) { return null; }
  }

  /* ---------- DOM ---------- */

  function buildUi() {
    var host = document.createElement('counterpart-chat');
    var shadow = host.attachShadow({ mode: 'open' });
    var root = el('div', { class: 'counterpart-root', onkeydown: onKey });
    root.style.visibility = 'hidden'; // until widget.css has loaded, to avoid a flash of raw markup
    var css = el('link', { rel: 'stylesheet', href: new URL('widget.css', scriptUrl).href });
    css.addEventListener('load', function () { root.style.visibility = ''; });
    css.addEventListener('error', function () { console.warn('[counterpart] could not load widget.css'); });

    var u = {};
    u.status = el('p', { class: 'counterpart-status', role: 'status', hidden: true });
    u.empty = el('p', { class: 'counterpart-empty', text: 'Hi! I can tell you where an order is, cancel it, change a delivery address or start a return. How can I help?' });
    u.log = el('div', { class: 'counterpart-log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation', tabindex: '0' }, [u.empty]);
    u.typing = el('div', { class: 'counterpart-typing', 'aria-live': 'polite' });
    u.input = el('textarea', {
      id: 'counterpart-input', class: 'counterpart-input', rows: '1', placeholder: 'Type your message\u2026',
      autocomplete: 'off', 'aria-describedby': 'counterpart-composer-error', onkeydown: onInputKey, oninput: autoGrow,
    });
    u.composerError = el('p', { id: 'counterpart-composer-error', class: 'counterpart-composer-error', hidden: true });
    u.form = el('form', { class: 'counterpart-composer', novalidate: true, onsubmit: onSubmit }, [
      el('label', { for: 'counterpart-input', class: 'counterpart-label', text: 'Message' }),
      el('div', { class: 'counterpart-composer__row' }, [
        u.input,
        el('button', { type: 'submit', class: 'counterpart-send', text: 'Send' }),
      ]),
      u.composerError,
    ]);
    u.close = el('button', { type: 'button', class: 'counterpart-close', 'aria-label': 'Close chat', onclick: function () { close(); } },
      [svgIcon(['M6 6l12 12M18 6L6 18'])]);
    u.panel = el('section', {
      id: 'counterpart-panel', class: 'counterpart-panel', role: 'dialog', 'aria-label': 'Chat with ' + shopName,
      hidden: true,
    }, [
      el('header', { class: 'counterpart-header' }, [
        el('div', { class: 'counterpart-header__text' }, [
          el('h2', { class: 'counterpart-title', text: shopName }),
          el('p', { class: 'counterpart-subtitle', text: 'Shop assistant \u00b7 here 24/7' }),
        ]),
        u.close,
      ]),
      u.status, u.log, u.typing, u.form,
    ]);
    u.unread = el('span', { id: 'counterpart-unread', class: 'counterpart-sr' });
    u.bubble = el('button', {
      type: 'button', class: 'counterpart-bubble', 'aria-label': 'Open chat', 'aria-expanded': 'false',
      'aria-controls': 'counterpart-panel', 'aria-describedby': 'counterpart-unread', onclick: toggle,
    }, [
      el('span', { class: 'counterpart-bubble__open' }, [svgIcon(['M4 5h16v11H9l-5 4z'])]),
      el('span', { class: 'counterpart-bubble__close' }, [svgIcon(['M6 9l6 6 6-6'])]),
      el('span', { class: 'counterpart-bubble__badge', 'aria-hidden': 'true' }),
      u.unread,
    ]);
    root.appendChild(u.panel);
    root.appendChild(u.bubble);
    shadow.appendChild(css);
    shadow.appendChild(root);
    document.body.appendChild(host);
    u.root = root;
    u.shadow = shadow;
    return u;
  }

  function autoGrow() {
    ui.input.style.height = 'auto';
    ui.input.style.height = Math.min(ui.input.scrollHeight, 120) + 'px';
    showComposerError('');
  }

  function showComposerError(text) {
    ui.composerError.textContent = text;
    ui.composerError.hidden = !text;
  }

  function setStatus(text, kind) {
    ui.status.textContent = text || '';
    ui.status.hidden = !text;
    ui.status.className = 'counterpart-status' + (kind ? ' counterpart-status--' + kind : '');
  }

  function setTyping(on) {
    var follow = atEnd();
    clearTimeout(typingTimer);
    ui.typing.textContent = '';
    ui.typing.classList.toggle('counterpart-typing--on', on);
    if (!on) return;
    ui.typing.appendChild(el('span', { class: 'counterpart-dots', 'aria-hidden': 'true' }, [el('span'), el('span'), el('span')]));
    ui.typing.appendChild(el('span', { text: 'Assistant is typing\u2026' }));
    typingTimer = setTimeout(function () { setTyping(false); }, TYPING_TIMEOUT_MS);
    if (follow) scrollToEnd(); // the indicator takes room from the log
  }

  function atEnd() {
    var log = ui.log;
    return log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  }

  function scrollToEnd() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  /* ---------- messages ---------- */

  function roleOf(activity) {
    var role = activity.from && activity.from.role;
    if (role === 'customer') return 'user';
    if (role === 'agent' || role === 'staff') return 'agent';
    return 'bot';
  }

  function messageNode(options) {
    var kind = options.kind; // 'user' | 'bot' | 'agent'
    var who = kind === 'user' ? 'You' : kind === 'agent' ? (options.name || 'Support team') : 'Assistant';
    var node = el('div', { class: 'counterpart-msg counterpart-msg--' + kind }, [
      kind === 'agent' ? el('p', { class: 'counterpart-msg__name', text: who }) : el('span', { class: 'counterpart-sr', text: who + ':' }),
      el('p', { class: 'counterpart-msg__text', text: options.text, title: options.time || null }),
    ]);
    if (options.sources && options.sources.length) node.appendChild(sourcesNode(options.sources));
    return node;
  }

  function sourcesNode(sources) {
    var list = el('ul', { class: 'counterpart-sources', 'aria-label': 'Sources' });
    sources.forEach(function (s) {
      if (!s || typeof s.title !== 'string') return;
      var href = typeof s.url === 'string' ? safeHref(s.url) : null;
      var item = href
        ? el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: s.title })
        : el('span', { text: s.title });
      list.appendChild(el('li', {}, [item]));
    });
    return list;
  }

  function quickRepliesNode(replies) {
    var group = el('div', { class: 'counterpart-quick', role: 'group', 'aria-label': 'Suggested replies' });
    replies.forEach(function (r) {
      if (!r || typeof r.title !== 'string' || typeof r.value !== 'string') return;
      group.appendChild(el('button', {
        type: 'button', class: 'counterpart-quick__button', text: r.title,
        onclick: function () { send(r.value); },
      }));
    });
    return group;
  }

  function removeQuickReplies() {
    ui.log.querySelectorAll('.counterpart-quick').forEach(function (g) {
      // Keep focus in the widget if the pressed button is about to disappear.
      if (g.contains(ui.shadow.activeElement)) ui.input.focus();
      g.remove();
    });
  }

  /** Adds a message; follows it if the reader was at the end (or `forceScroll`), never yanks them back otherwise. */
  function appendNode(node, forceScroll) {
    var follow = forceScroll || atEnd();
    if (ui.empty.parentNode) ui.empty.remove();
    ui.log.appendChild(node);
    if (!follow) return;
    // A reply taller than the log is shown from its first line, not its last.
    if (node.offsetHeight > ui.log.clientHeight) ui.log.scrollTop = node.offsetTop - 8;
    else scrollToEnd();
  }

  /** Renders one activity unless it is already on screen; returns whether it did. */
  function renderActivity(activity, withQuickReplies) {
    if (!activity || activity.type !== 'message' || typeof activity.text !== 'string') return false;
    if (shown.has(activity.id) || (activity.clientMessageId && shown.has(activity.clientMessageId))) return false;
    var kind = roleOf(activity);
    var time = activity.timestamp ? new Date(activity.timestamp).toLocaleString() : null;
    var node = messageNode({
      kind: kind, text: activity.text, time: time, name: activity.from && activity.from.name,
      sources: kind === 'user' ? null : activity.sources,
    });
    node.setAttribute('data-activity-id', activity.id);
    if (withQuickReplies && kind !== 'user' && Array.isArray(activity.quickReplies) && activity.quickReplies.length) {
      node.appendChild(quickRepliesNode(activity.quickReplies));
    }
    shown.add(activity.id);
    if (activity.clientMessageId) shown.add(activity.clientMessageId);
    appendNode(node, kind === 'user');
    return true;
  }

  function renderHistory(history) {
    ui.log.textContent = '';
    shown.clear();
    var messages = history.filter(function (a) { return a && a.type === 'message'; });
    messages.forEach(function (a, i) { renderActivity(a, i === messages.length - 1); });
    outbox.forEach(function (entry, id) {
      if (!shown.has(id)) { shown.add(id); appendNode(entry.node, true); }
    });
    if (!ui.log.firstChild) ui.log.appendChild(ui.empty);
    scrollToEnd();
  }

  /** The small line under a user message: delivery state, an error, and maybe a Retry button. */
  function setMeta(entry, text, kind, retry) {
    var follow = atEnd();
    var old = entry.node.querySelector('.counterpart-msg__meta');
    if (old) old.remove();
    entry.node.classList.toggle('counterpart-msg--pending', kind === 'pending');
    entry.node.classList.toggle('counterpart-msg--failed', kind === 'error');
    if (!text) return;
    var meta = el('p', { class: 'counterpart-msg__meta counterpart-msg__meta--' + kind }, [el('span', { text: text })]);
    if (retry) {
      meta.appendChild(el('button', {
        type: 'button', class: 'counterpart-retry', text: 'Retry',
        onclick: function () { outbox.set(entry.clientMessageId, entry); deliver(entry); ui.input.focus(); },
      }));
    }
    entry.node.appendChild(meta);
    if (follow) scrollToEnd();
  }

  /* ---------- sending ---------- */

  /** Shows the text as the customer's message and delivers it; false if there was nothing to send. */
  function send(rawText) {
    var text = rawText.trim();
    if (!text) return false;
    if (byteLength(text) > MAX_MESSAGE_BYTES) {
      showComposerError('That message is too long. Please shorten it and try again.');
      return false;
    }
    var entry = { clientMessageId: newClientMessageId(), text: text, attempt: 0, node: null };
    entry.node = messageNode({ kind: 'user', text: text });
    removeQuickReplies();
    shown.add(entry.clientMessageId);
    outbox.set(entry.clientMessageId, entry);
    appendNode(entry.node, true);
    deliver(entry);
    return true;
  }

  function deliver(entry) {
    if (!socket || !socket.connected || !sessionReady) {
      setMeta(entry, 'Waiting for connection\u2026', 'pending');
      connect();
      return;
    }
    var attempt = ++entry.attempt;
    setMeta(entry, 'Sending\u2026', 'pending');
    var payload = { text: entry.text, clientMessageId: entry.clientMessageId };
    socket.timeout(ACK_TIMEOUT_MS).emit('message', payload, function (err, res) {
      if (attempt !== entry.attempt || !outbox.has(entry.clientMessageId)) return; // superseded by a re-send
      if (err) {
        // No answer: stays queued and goes again (same id) after the next reconnect.
        if (socket.connected) setMeta(entry, 'Not delivered yet.', 'error', true);
        else setMeta(entry, 'Waiting for connection\u2026', 'pending');
        return;
      }
      outbox.delete(entry.clientMessageId);
      if (res && res.ok) {
        if (res.activityId) { shown.add(res.activityId); entry.node.setAttribute('data-activity-id', res.activityId); }
        setMeta(entry, '');
        if (ui.status.classList.contains('counterpart-status--error')) setStatus('');
        return;
      }
      var error = (res && res.error) || {};
      var retryable = FINAL_ERRORS.indexOf(error.code) === -1;
      setMeta(entry, error.message || 'Your message could not be sent.', 'error', retryable);
    });
  }

  function flushOutbox() {
    outbox.forEach(function (entry) { deliver(entry); });
  }

  function onSubmit(event) {
    event.preventDefault();
    if (send(ui.input.value)) {
      ui.input.value = '';
      autoGrow();
    }
    ui.input.focus();
  }

  function onInputKey(event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.form.requestSubmit ? ui.form.requestSubmit() : onSubmit(event);
    }
  }

  /* ---------- connection ---------- */

  function loadSocketIo() {
    if (typeof window.io === 'function') return Promise.resolve(window.io);
    return new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = serverOrigin + '/socket.io/socket.io.min.js';
      tag.onload = function () { typeof window.io === 'function' ? resolve(window.io) : reject(new Error('no io')); };
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function connect() {
    if (socket || connecting) return;
    connecting = true;
    setStatus('Connecting\u2026', 'info');
    loadSocketIo().then(function (io) {
      connecting = false;
      socket = io(serverOrigin + '/chat', {
        // A function, so each reconnect sends the conversation id stored since the first connect.
        auth: function (cb) {
          var auth = {};
          if (token) auth.token = token;
          if (conversationId) auth.conversationId = conversationId;
          cb(auth);
        },
      });
      socket.on('session', onSession);
      socket.on('typing', function () { setTyping(true); });
      socket.on('message', onMessage);
      socket.on('error_message', function (error) {
        setStatus((error && error.message) || 'Something went wrong. Please try again.', 'error');
      });
      socket.on('disconnect', onDisconnect);
      socket.on('connect_error', onConnectError);
    }, function () {
      connecting = false;
      setStatus('The chat is unavailable right now. Please try again later.', 'error');
    });
  }

  function onSession(session) {
    if (!session || typeof session.conversationId !== 'string') return;
    conversationId = session.conversationId;
    storageSet(STORAGE_KEY, conversationId);
    sessionReady = true;
    setStatus('');
    setTyping(false);
    renderHistory(Array.isArray(session.history) ? session.history : []);
    flushOutbox();
  }

  function onMessage(activity) {
    if (!activity || activity.type !== 'message') return;
    if (activity.conversationId && conversationId && activity.conversationId !== conversationId) return;
    var kind = roleOf(activity);
    if (kind !== 'user') setTyping(false);
    if (kind !== 'user' && activity.quickReplies && activity.quickReplies.length) removeQuickReplies();
    if (renderActivity(activity, true) && kind !== 'user' && ui.panel.hidden) markUnread(true);
  }

  function onDisconnect() {
    sessionReady = false;
    setTyping(false);
    setStatus('Connection lost. Reconnecting\u2026', 'warn');
    outbox.forEach(function (entry) { setMeta(entry, 'Waiting for connection\u2026', 'pending'); });
  }

  function onConnectError() {
    if (socket.active) { setStatus('Can\u2019t reach the chat right now. Retrying\u2026', 'warn'); return; }
    // The server refused the handshake. A stored conversation may be stale (another customer,
    // a reset database): start a fresh one once before giving up.
    if (conversationId && !retriedWithoutId) {
      retriedWithoutId = true;
      conversationId = null;
      storageSet(STORAGE_KEY, null);
      socket.connect();
      return;
    }
    setStatus('We couldn\u2019t start the chat. Please refresh the page and try again.', 'error');
  }

  /* ---------- open / close ---------- */

  function markUnread(on) {
    ui.bubble.classList.toggle('counterpart-bubble--unread', on);
    ui.unread.textContent = on ? 'New message' : '';
  }

  function open() {
    if (!ui.panel.hidden) { ui.input.focus(); return; }
    ui.panel.hidden = false;
    ui.root.classList.add('counterpart-root--open');
    ui.bubble.setAttribute('aria-expanded', 'true');
    markUnread(false);
    connect();
    scrollToEnd();
    ui.input.focus();
  }

  function close() {
    if (ui.panel.hidden) return;
    var hadFocus = ui.panel.contains(ui.shadow.activeElement);
    ui.panel.hidden = true;
    ui.root.classList.remove('counterpart-root--open');
    ui.bubble.setAttribute('aria-expanded', 'false');
    if (hadFocus) ui.bubble.focus();
  }

  function toggle() {
    if (ui.panel.hidden) open(); else close();
  }

  function onKey(event) {
    if (event.key === 'Escape' && !ui.panel.hidden) {
      event.preventDefault();
      event.stopPropagation();
      close();
      ui.bubble.focus();
    }
  }

  function mount() {
    ui = buildUi();
    // A returning visitor has a conversation (and maybe replies from a person): reconnect now.
    // Others connect on first open, so browsing the shop opens no socket.
    if (conversationId) connect();
  }

  window.Counterpart = Object.freeze({
    open: function () { if (ui) open(); },
    close: function () { if (ui) close(); },
  });

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
