/*
 * botaudit demo chat widget: plain ES2020, no build step.
 *
 * One script for every demo profile; what differs (texts, labels, avatar, where and how the
 * conversation is stored, which controls exist) comes from the JSON in #chat-config, written
 * by the server from botaudit/demo/profiles.py. Like real widgets it starts closed, shows a
 * typing indicator and streams replies a few characters at a time, so that an auditor has to
 * wait for the conversation to settle instead of reading the first text it sees.
 */
(() => {
  "use strict";

  const cfg = JSON.parse(document.getElementById("chat-config").textContent);
  const area = cfg.storage.area === "local" ? window.localStorage : window.sessionStorage;
  const session = window.crypto && crypto.randomUUID
    ? crypto.randomUUID()
    : `s-${Date.now()}-${Math.random().toString(36).slice(2)}`;

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const between = (low, high) => low + Math.random() * (high - low);

  let history = loadHistory();
  let queue = Promise.resolve();
  let epoch = 0; // bumped by "Poista keskustelu" so that replies still on their way are dropped
  let opened = false;

  function el(tag, attrs = {}, text = "") {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value !== null && value !== undefined) node.setAttribute(name, value);
    }
    if (text) node.textContent = text;
    return node;
  }

  function redact(text, rule) {
    return rule.patterns.reduce((out, source) => out.replace(new RegExp(source, "g"), rule.token), text);
  }

  function loadHistory() {
    try {
      const stored = JSON.parse(area.getItem(cfg.storage.key) || "[]");
      return Array.isArray(stored) ? stored : [];
    } catch (_) {
      return [];
    }
  }

  function remember(message) {
    history.push(message);
    try {
      area.setItem(cfg.storage.key, JSON.stringify(history));
    } catch (_) {
      /* storage full or disabled: the conversation still works, it is just not kept */
    }
  }

  // -- the DOM ------------------------------------------------------------------------------

  const launcher = el(cfg.keyboard.launcher ? "button" : "div", {
    id: "chat-launcher", type: "button", "aria-expanded": "false", "aria-controls": "chat-widget",
  }, cfg.launcher);
  const widget = el("section", { id: "chat-widget", "aria-label": cfg.header });
  widget.hidden = true;

  const header = el("div", { class: "chat-header" });
  const close = el("button", { class: "chat-close", type: "button", "aria-label": "Sulje" }, "×");
  header.append(el("h2", { class: "chat-title" }, cfg.header), close);
  widget.append(header);
  if (cfg.disclosure) widget.append(el("p", { class: "chat-disclosure" }, cfg.disclosure));
  if (cfg.notice) widget.append(el("p", { class: "chat-notice" }, cfg.notice));

  // tabindex: a scrollable log must be reachable by keyboard (WCAG 2.1.1).
  const live = cfg.keyboard.liveMessages;
  const log = el("div", {
    class: "chat-messages", role: live ? "log" : null, "aria-live": live ? "polite" : null, tabindex: "0",
  });
  widget.append(log);

  const tools = el("div", { class: "chat-tools" });
  if (cfg.deleteNote) {
    const del = el("button", { class: "chat-delete", type: "button" }, "Poista keskustelu");
    del.addEventListener("click", deleteConversation);
    tools.append(del);
    describeDelete(del, tools);
  }
  if (cfg.download) {
    const dl = el("button", { class: "chat-download", type: "button" }, "Lataa keskustelu");
    dl.addEventListener("click", downloadTranscript);
    tools.append(dl);
  }
  if (tools.children.length) widget.append(tools);

  const status = el("p", { class: "chat-status", role: "status" });
  widget.append(status);

  const form = el("form", { class: "chat-form" });
  const input = el("input", {
    id: "chat-input", type: "text", autocomplete: "off", maxlength: "2000",
    placeholder: "Kirjoita viesti…", "aria-label": cfg.inputLabel,
  });
  const sendButton = el("button", { id: "chat-send", type: "submit" }, cfg.sendText || "");
  if (!cfg.sendText) sendButton.append(el("span", { "aria-hidden": "true" }, "➤"));
  form.append(input, sendButton);
  widget.append(form);

  if (cfg.links.length) {
    const nav = el("nav", { class: "chat-links", "aria-label": "Lisätietoa" });
    for (const link of cfg.links) nav.append(el("a", { href: link.href }, link.text));
    widget.append(nav);
  }
  document.body.append(launcher, widget);

  // -- messages -----------------------------------------------------------------------------

  function messageNode(message) {
    const role = message.role === "user" ? "user" : message.role === "agent" ? "bot agent" : "bot";
    const node = el("div", { class: `msg ${role}` });
    if (message.role === "bot" && cfg.avatar) {
      node.append(el("img", { class: "avatar", src: cfg.avatar.src, alt: cfg.avatar.alt, width: "28", height: "28" }));
    }
    if (message.label) node.append(el("span", { class: "sender" }, message.label));
    const text = el("span", { class: "text" });
    node.append(text);
    log.append(node);
    return text;
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  async function stream(target, text) {
    const total = Math.min(800, Math.max(300, text.length * 8));
    const steps = Math.max(1, Math.round(total / 40));
    const size = Math.ceil(text.length / steps);
    for (let shown = size; shown < text.length; shown += size) {
      target.textContent = text.slice(0, shown);
      scrollDown();
      await sleep(total / steps);
    }
    target.textContent = text;
    scrollDown();
  }

  async function withTyping(pending) {
    const typing = el("div", { class: "typing", "aria-hidden": "true" });
    typing.append(el("span"), el("span"), el("span"));
    log.append(typing);
    log.setAttribute("aria-busy", "true");
    scrollDown();
    try {
      const [value] = await Promise.all([pending, sleep(between(300, 600))]);
      return value;
    } finally {
      typing.remove();
    }
  }

  async function reveal(messages, mine) {
    try {
      for (const [index, message] of messages.entries()) {
        if (mine !== epoch) return;
        if (index > 0) await sleep(between(150, 350));
        if (mine !== epoch) return;
        remember(message);
        await stream(messageNode(message), message.text);
      }
    } finally {
      log.removeAttribute("aria-busy");
    }
  }

  function enqueue(task) {
    const mine = epoch;
    queue = queue
      .then(() => (mine === epoch ? task(mine) : undefined))
      .catch(() => {
        if (mine === epoch) status.textContent = "Viestin lähetys epäonnistui. Yritä uudelleen.";
      });
  }

  // A slow bot (cfg.stream): the answer is one streamed response of JSON lines, a typing
  // event first, then each message as it comes; no aria-busy, no character streaming, like
  // Bot Framework Web Chat. Only the typing indicator and the open response say "not done".
  async function streamed(body, mine) {
    const response = await fetch(body.text === undefined ? "/api/greeting" : cfg.api, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Deployment": cfg.deployment },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let typing = null;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
          const event = JSON.parse(buffer.slice(0, nl));
          buffer = buffer.slice(nl + 1);
          if (mine !== epoch) continue;
          if (event.typing && !typing) {
            typing = el("div", { class: "typing", "aria-hidden": "true" });
            typing.append(el("span"), el("span"), el("span"));
            log.append(typing);
          } else if (event.message) {
            if (typing) typing.remove();
            typing = null;
            const m = event.message;
            const message = { role: m.sender === "agent" ? "agent" : "bot", label: m.label || "", text: m.text };
            remember(message);
            messageNode(message).textContent = message.text;
          }
          scrollDown();
        }
      }
    } finally {
      if (typing) typing.remove();
    }
  }

  function greet() {
    if (cfg.stream) {
      enqueue((mine) => streamed({ session }, mine));
      return;
    }
    const messages = cfg.greeting.map((text) => ({ role: "bot", label: cfg.botLabel, text }));
    enqueue(async (mine) => {
      await withTyping(Promise.resolve());
      await reveal(messages, mine);
    });
  }

  function send(raw) {
    const text = raw.trim();
    if (!text) return;
    input.value = "";
    status.textContent = "";
    const shown = cfg.storage.redact ? redact(text, cfg.storage.redact) : text;
    const own = { role: "user", label: "", text: shown };
    remember(own);
    messageNode(own).textContent = shown;
    scrollDown();
    offerLocation(text);
    if (cfg.storage.cookie) {
      document.cookie = `${cfg.storage.cookie}=${encodeURIComponent(text)}; path=/; max-age=86400; SameSite=Lax`;
    }
    if (cfg.analytics) {
      // A third-party "analytics" host: the other loopback name, so it is another host.
      const other = location.hostname === "localhost" ? "127.0.0.1" : "localhost";
      const beacon = `${location.protocol}//${other}:${location.port}/collect`;
      navigator.sendBeacon(beacon, JSON.stringify({ event: "chat_message", text }));
    }
    if (cfg.stream) {
      enqueue(async (mine) => {
        await streamed({ session, text }, mine);
        answerFeedback(mine);
      });
      return;
    }
    const reply = fetch(cfg.api, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ session, text }),
    }).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    });
    reply.catch(() => {}); // handled in the queue; this only silences "unhandled rejection"
    enqueue(async (current) => {
      const data = await withTyping(reply);
      const messages = data.messages.map((m) => ({
        role: m.sender === "agent" ? "agent" : "bot", label: m.label || "", text: m.text,
      }));
      await reveal(messages, current);
      answerFeedback(current);
    });
  }

  // -- controls -----------------------------------------------------------------------------

  function deleteConversation() {
    epoch += 1;
    queue = Promise.resolve();
    history = [];
    area.removeItem(cfg.storage.key);
    log.replaceChildren();
    log.removeAttribute("aria-busy");
    status.textContent = cfg.deleteNote;
  }

  function downloadTranscript() {
    const d = cfg.download;
    const lines = history.map((m) => {
      const who = m.label || (m.role === "user" ? "Sinä" : d.botName);
      return `${who}: ${d.redact ? redact(m.text, d.redact) : m.text}`;
    });
    const blob = new Blob([`${lines.join("\n")}\n`], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: d.filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function setOpen(open) {
    widget.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    if (!open) return;
    if (!opened) {
      opened = true;
      if (history.length) {
        for (const message of history) messageNode(message).textContent = message.text;
        scrollDown();
      } else {
        greet();
      }
    }
    input.focus();
  }

  // -- what deleting removes, and the location (legitimacy criteria) ----------------------

  // A note beside the delete control saying what it removes and how long logs are kept,
  // tied to the button as its accessible description.
  function describeDelete(button, parent) {
    if (!cfg.deleteScope) return;
    const note = el("p", { id: "chat-delete-scope", class: "chat-delete-scope" }, cfg.deleteScope);
    button.setAttribute("aria-describedby", note.id);
    parent.append(note);
  }

  function locate() {
    if (navigator.geolocation) navigator.geolocation.getCurrentPosition(() => {}, () => {});
  }

  // "question": ask right after a message about something near; "offer": explain why and
  // ask only when the user clicks "Näytä lähimmät".
  function offerLocation(text) {
    const geo = cfg.geolocation;
    if (!geo || geo.when === "load" || !new RegExp(geo.words, "i").test(text)) return;
    if (geo.when === "question") {
      locate();
      return;
    }
    const offer = el("p", { class: "chat-location" }, geo.note);
    const nearby = el("button", { class: "chat-nearby", type: "button" }, "Näytä lähimmät");
    nearby.addEventListener("click", locate);
    offer.append(" ", nearby);
    widget.insertBefore(offer, form);
  }

  if (cfg.geolocation && cfg.geolocation.when === "load") locate();
  // -- feedback (cfg.feedback): shown, never sent anywhere --------------------------------

  // 👍/👎 after each answer to a user's message.
  function answerFeedback(mine) {
    const fb = cfg.feedback;
    if (!fb || !fb.perAnswer || mine !== epoch) return;
    const row = el("div", { class: "msg-feedback", role: "group", "aria-label": "Palaute vastauksesta" });
    for (const [name, icon] of [[fb.perAnswer[0], "👍"], [fb.perAnswer[1], "👎"]]) {
      const button = el("button", { type: "button", "aria-label": name, title: name }, icon);
      button.addEventListener("click", () => row.replaceChildren(el("span", {}, "Kiitos!")));
      row.append(button);
    }
    log.append(row);
    scrollDown();
  }

  // The form: a scale (radios or buttons) and an optional text field. `done` runs when it
  // is sent or skipped.
  function feedbackForm(done) {
    const fb = cfg.feedback;
    const panel = el("form", { class: "chat-feedback", "aria-label": "Palaute" });
    const scale = el("fieldset");
    scale.append(el("legend", {}, fb.question));
    fb.choices.forEach((choice, i) => {
      if (fb.asButtons) {
        const button = el("button", { type: "button", "aria-pressed": "false" }, choice);
        button.addEventListener("click", () => {
          for (const b of scale.querySelectorAll("button")) b.setAttribute("aria-pressed", String(b === button));
        });
        scale.append(button);
        return;
      }
      const label = el("label");
      label.append(el("input", { type: "radio", name: "chat-feedback-scale", value: choice, id: `chat-fb-${i}` }), choice);
      scale.append(label);
    });
    panel.append(scale);
    if (fb.textLabel) {
      const label = el("label", { class: "chat-feedback-text" }, fb.textLabel);
      label.append(el("textarea", { rows: "2", maxlength: "1000" }));
      panel.append(label);
    }
    const skip = el("button", { type: "button" }, fb.onClose ? "Sulje ilman palautetta" : "Peruuta");
    panel.append(el("button", { type: "submit" }, "Lähetä palaute"), skip);
    const finish = (sent) => {
      panel.remove();
      if (sent) status.textContent = "Kiitos palautteesta!";
      done();
    };
    panel.addEventListener("submit", (event) => {
      event.preventDefault();
      finish(true);
    });
    skip.addEventListener("click", () => finish(false));
    panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") finish(false);
    });
    widget.insertBefore(panel, form);
    panel.querySelector("input, button").focus();
  }

  if (cfg.feedback && cfg.feedback.anytime) {
    const opener = el("button", { class: "chat-feedback-open", type: "button" }, cfg.feedback.anytime);
    opener.addEventListener("click", () => {
      if (!widget.querySelector(".chat-feedback")) feedbackForm(() => opener.focus());
    });
    tools.append(opener);
    if (!tools.isConnected) widget.insertBefore(tools, status);
  }

  // OuluBot: "voit antaa minulle palautetta kun suljet chatin" (METKU 2022, 4.2.3). The
  // header's capture listener runs before the close button's own, which it holds back.
  let askedOnClose = false;
  if (cfg.feedback && cfg.feedback.onClose) {
    header.addEventListener("click", (event) => {
      if (askedOnClose || !event.target.closest(".chat-close")) return;
      askedOnClose = true;
      event.stopPropagation();
      feedbackForm(() => setOpen(false));
    }, true);
  }

  launcher.addEventListener("click", () => setOpen(widget.hidden));
  close.addEventListener("click", () => setOpen(false));
  keyboardSupport();

  // Escape closes the chat from anywhere inside it, and closing gives focus back to the
  // launcher, where a keyboard user opened it (WCAG 2.1.2 No Keyboard Trap, 2.4.3 Focus Order).
  function keyboardSupport() {
    close.addEventListener("click", () => launcher.focus());
    widget.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || widget.hidden) return;
      event.preventDefault();
      setOpen(false);
      launcher.focus();
    });
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(input.value);
  });
})();
