/* Live facilitator view: the role-play's time plan as a running clock.
 *
 * Progressive enhancement: the page is the plan as written (phases, their cue points, the
 * pause-and-stop procedure and the debrief questions); this script adds the clock, the
 * controls and the keyboard shortcuts. The clock's state is kept in localStorage, one key per
 * role-play, and measured with Date.now(), so it survives a reload and keeps time while the
 * page is closed. No network, no inline handlers, no author text injected as HTML.
 */
(function () {
  "use strict";

  var PREFIX = "coursekit:v1:live:";
  var TICK_MS = 250;

  // boot.js checks once whether this browser lets the course save; null: the clock still
  // runs, it is only not remembered across a reload.
  function storage() {
    return window.coursekit ? window.coursekit.store : null;
  }

  /* m:ss. Elapsed time rounds down and remaining time up, as a stopwatch and a countdown do,
   * so the two always add up to the phase's length. */
  function clock(ms, up) {
    var seconds = Math.max(0, up ? Math.ceil(ms / 1000) : Math.floor(ms / 1000));
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function spoken(ms) {
    var minutes = Math.round(Math.max(0, ms) / 60000);
    return minutes === 1 ? "1 minute" : minutes + " minutes";
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function LiveView(root) {
    this.root = root;
    this.key = PREFIX + root.getAttribute("data-ck-live");
    this.store = storage();
    this.items = Array.prototype.slice.call(root.querySelectorAll(".ck-live-phase"));
    this.phases = this.items.map(function (item) {
      return { name: item.getAttribute("data-ck-name") || "",
               ms: Number(item.getAttribute("data-ck-minutes")) * 60000 };
    });
    this.stop = root.querySelector(".ck-live-stop");
    this.debrief = root.querySelector(".ck-live-debrief");
    this.state = this.load();
    this.build();
    this.settle();
    this.render();
    var view = this;
    window.setInterval(function () { view.tick(); }, TICK_MS);
    document.addEventListener("keydown", function (event) { view.key_(event); }, true);
  }

  LiveView.prototype.fresh = function () {
    return { phase: 0, phaseMs: 0, totalMs: 0, running: false, finished: false, at: 0 };
  };

  LiveView.prototype.load = function () {
    var state = this.fresh();
    if (!this.store) return state;
    try {
      var saved = JSON.parse(this.store.getItem(this.key) || "null");
      if (saved && typeof saved.phase === "number" && saved.phase >= 0 &&
          saved.phase < this.phases.length) {
        Object.keys(state).forEach(function (name) {
          if (typeof saved[name] === typeof state[name]) state[name] = saved[name];
        });
      }
    } catch (error) {
      // an unreadable entry: start afresh
    }
    return state;
  };

  LiveView.prototype.save = function () {
    if (this.store) this.store.setItem(this.key, JSON.stringify(this.state));
  };

  LiveView.prototype.build = function () {
    var panel = element("div", "ck-live-panel");
    var now = element("p", "ck-live-now");
    now.appendChild(element("span", "ck-live-label", "Now: "));
    this.nameNode = element("strong", "ck-live-current");
    now.appendChild(this.nameNode);
    this.countNode = element("span", "ck-live-count");
    now.appendChild(this.countNode);
    panel.appendChild(now);

    var times = element("dl", "ck-live-times");
    this.times = {};
    [["phaseElapsed", "Phase elapsed"], ["phaseRemaining", "Phase remaining"],
     ["totalElapsed", "Total elapsed"], ["totalRemaining", "Total remaining"]].forEach(function (pair) {
      var group = element("div", "ck-live-time");
      group.appendChild(element("dt", "", pair[1]));
      var value = element("dd", "");
      value.setAttribute("data-ck-time", pair[0]);
      group.appendChild(value);
      times.appendChild(group);
      this.times[pair[0]] = value;
    }, this);
    panel.appendChild(times);

    var buttons = element("div", "ck-live-buttons");
    var view = this;
    function button(label, action, keyName) {
      var node = element("button", "md-button", label);
      node.type = "button";
      if (keyName) node.setAttribute("aria-keyshortcuts", keyName);
      node.addEventListener("click", function () { action.call(view); });
      buttons.appendChild(node);
      return node;
    }
    this.toggleButton = button("Start", this.toggle, "P");
    button("Previous phase", this.previous, "B");
    button("Next phase", this.next, "N");
    this.stopButton = button("How to pause and stop", this.showStop, "S");
    button("Reset the clock", this.reset);
    panel.appendChild(buttons);

    this.announceNode = element("p", "ck-live-announce");
    this.announceNode.setAttribute("role", "status");
    this.announceNode.setAttribute("aria-live", "polite");
    this.announceNode.setAttribute("aria-atomic", "true");
    panel.appendChild(this.announceNode);

    var list = this.root.querySelector(".ck-live-phases");
    this.root.insertBefore(panel, list);
    this.root.classList.add("ck-live--running-view");
    if (this.stop) this.stop.hidden = true;
  };

  LiveView.prototype.announce = function (text) {
    // Clear first so that the same words twice are still read out.
    var node = this.announceNode;
    node.textContent = "";
    window.setTimeout(function () { node.textContent = text; }, 50);
    node.classList.add("ck-live-announce--fresh");
  };

  /* Bring the state up to Date.now(): run the clock on, across phase ends, if it is running. */
  LiveView.prototype.settle = function () {
    var state = this.state;
    if (!state.running) return;
    var now = Date.now();
    var delta = Math.max(0, now - state.at);
    state.at = now;
    state.phaseMs += delta;
    state.totalMs += delta;
    var ended = null;
    while (!state.finished && state.phaseMs >= this.phases[state.phase].ms) {
      ended = this.phases[state.phase];
      state.phaseMs -= ended.ms;
      if (state.phase < this.phases.length - 1) {
        state.phase += 1;
      } else {
        state.totalMs -= state.phaseMs; // the plan has ended: the clock stops at its end
        state.phaseMs = ended.ms;
        state.finished = true;
        state.running = false;
      }
    }
    if (ended) {
      this.announce(state.finished
        ? "Time is up: \u201c" + ended.name + "\u201d has ended, and so has the plan. Debrief questions are below."
        : "\u201c" + ended.name + "\u201d has ended. Now: \u201c" + this.phases[state.phase].name +
          "\u201d, " + spoken(this.phases[state.phase].ms - state.phaseMs) + ".");
    }
  };

  LiveView.prototype.tick = function () {
    if (!this.state.running) return;
    this.settle();
    this.save();
    this.render();
  };

  LiveView.prototype.remaining = function () {
    var state = this.state;
    var later = 0;
    for (var i = state.phase + 1; i < this.phases.length; i += 1) later += this.phases[i].ms;
    var phaseLeft = Math.max(0, this.phases[state.phase].ms - state.phaseMs);
    return { phase: phaseLeft, total: state.finished ? 0 : phaseLeft + later };
  };

  LiveView.prototype.render = function () {
    var state = this.state;
    var phase = this.phases[state.phase];
    var left = this.remaining();
    this.nameNode.textContent = state.finished ? "The plan has ended" : phase.name;
    this.countNode.textContent = " (phase " + (state.phase + 1) + " of " + this.phases.length +
      (state.running ? ", running)" : state.finished ? ")" : state.totalMs ? ", paused)" : ", not started)");
    this.times.phaseElapsed.textContent = clock(state.phaseMs);
    this.times.phaseRemaining.textContent = clock(left.phase, true);
    this.times.totalElapsed.textContent = clock(state.totalMs);
    this.times.totalRemaining.textContent = clock(left.total, true);
    this.toggleButton.textContent = state.running ? "Pause" : state.totalMs ? "Resume" : "Start";
    this.toggleButton.disabled = state.finished;
    this.items.forEach(function (item, index) {
      var current = index === state.phase && !state.finished;
      item.classList.toggle("ck-live-phase--current", current);
      if (current) item.setAttribute("aria-current", "step");
      else item.removeAttribute("aria-current");
    });
    var last = state.phase === this.phases.length - 1;
    if (this.debrief) this.debrief.hidden = !(state.finished || last);
  };

  LiveView.prototype.toggle = function () {
    var state = this.state;
    if (state.finished) return;
    if (state.running) {
      this.settle();
      state.running = false;
      this.announce("Paused at " + clock(state.totalMs) + ".");
    } else {
      state.running = true;
      state.at = Date.now();
      this.announce((state.totalMs ? "Resumed: " : "Started: ") + "\u201c" +
        this.phases[state.phase].name + "\u201d.");
    }
    this.save();
    this.render();
  };

  LiveView.prototype.move = function (to) {
    this.settle();
    var state = this.state;
    if (to >= this.phases.length) {
      state.finished = true;
      state.running = false;
      state.phaseMs = this.phases[state.phase].ms;
      this.announce("The plan has ended. Debrief questions are below.");
    } else {
      state.phase = Math.max(0, to);
      state.phaseMs = 0;
      state.finished = false;
      state.at = Date.now();
      this.announce("Now: \u201c" + this.phases[state.phase].name + "\u201d, " +
        spoken(this.phases[state.phase].ms) + ".");
    }
    this.save();
    this.render();
  };

  LiveView.prototype.next = function () {
    if (!this.state.finished) this.move(this.state.phase + 1);
  };

  LiveView.prototype.previous = function () {
    this.move(this.state.finished ? this.state.phase : this.state.phase - 1);
  };

  LiveView.prototype.reset = function () {
    this.state = this.fresh();
    this.save();
    this.render();
    this.announce("The clock is reset to the start of the plan.");
  };

  LiveView.prototype.showStop = function () {
    if (!this.stop) return;
    if (this.state.running) this.toggle();
    this.stop.hidden = false;
    this.stop.focus();
  };

  LiveView.prototype.hideStop = function () {
    if (!this.stop || this.stop.hidden) return;
    this.stop.hidden = true;
    this.stopButton.focus();
  };

  LiveView.prototype.key_ = function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var actions = { p: this.toggle, n: this.next, b: this.previous, s: this.showStop, escape: this.hideStop };
    var action = actions[(event.key || "").toLowerCase()];
    if (!action) return;
    // Material binds some of these letters (search, next page): on this page, ours win.
    event.preventDefault();
    event.stopPropagation();
    action.call(this);
  };

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ck-live]"), function (root) {
      new LiveView(root);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
