/* The course's script on every page, run just before Material's bundle: (1) search that costs
   nothing until it is used, (2) the learner's progress kept in this browser. */

/* (1) Search that costs nothing until it is used.

   Material's bundle starts its search worker and downloads the whole search index as soon as
   a page loads. This part runs just before the bundle and holds both back until the learner
   focuses or opens search (or arrives from a search result, whose ?h= terms Material
   highlights): the worker is created, and the index requested, only then. It changes nothing
   in what Material does afterwards.

   From a folder (file://) a page cannot start a Web Worker, so Material's offline plugin
   relies on the iframe-worker shim; this part loads the shim on file:// only, and only when
   search starts, instead of a blocking <script> in every page's <head>. */
(function () {
  "use strict";
  var script = document.currentScript;
  var config = JSON.parse(document.getElementById("__config").textContent);
  if (!config.search) {
    return; // no search plugin: no worker or index to hold back
  }
  var here = location.href;
  var workerUrl = new URL(config.search, here).href;
  var base = new URL(config.base, here);
  var indexJson = new URL("search/search_index.json", base).href;  // over HTTP
  var indexScript = new URL("search/search_index.js", base).href;  // from a folder
  var shimUrl = script.getAttribute("data-shim");
  var NativeWorker = window.Worker;
  var started = false;
  var held = [];  // what waits for search to start: index requests, workers

  function hold(run) {
    if (started) run();
    else held.push(run);
  }

  function start() {
    if (started) return;
    started = true;
    var run = function () {
      held.splice(0).forEach(function (fn) { fn(); });
    };
    if (location.protocol === "file:" && shimUrl) {
      var shim = document.createElement("script");
      shim.src = new URL(shimUrl, here).href;
      shim.addEventListener("load", run);
      shim.addEventListener("error", run);  // search stays unavailable, as without the shim
      document.head.appendChild(shim);
    } else {
      run();
    }
  }

  // A stand-in for the search worker: it keeps what the bundle posts and listens for, and
  // passes both on to the real worker once search starts (the shim's worker on file://).
  function LazyWorker(url, options) {
    var target = new EventTarget();
    var self = this;
    var queue = [];
    var real = null;
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);
    this.onmessage = null;
    this.onerror = null;
    this.postMessage = function (message, transfer) {
      if (real) real.postMessage(message, transfer);
      else queue.push([message, transfer]);
    };
    this.terminate = function () {
      if (real) real.terminate();
      queue = [];
    };
    hold(function () {
      var Worker = location.protocol === "file:" && window.IFrameWorker
        ? window.IFrameWorker : NativeWorker;
      real = new Worker(url, options);
      ["message", "error", "messageerror"].forEach(function (type) {
        real.addEventListener(type, function (event) {
          var copy = type === "error"
            ? new ErrorEvent("error", { message: event.message, error: event.error })
            : new MessageEvent(type, { data: event.data });
          self.dispatchEvent(copy);
          var handler = self["on" + type];
          if (typeof handler === "function") handler.call(self, copy);
        });
      });
      queue.splice(0).forEach(function (item) { real.postMessage(item[0], item[1]); });
    });
  }

  window.Worker = function (url, options) {
    if (new URL(url, here).href === workerUrl) return new LazyWorker(url, options);
    return new NativeWorker(url, options);
  };
  window.Worker.prototype = NativeWorker.prototype;

  // The index over HTTP: Material requests it with XMLHttpRequest.
  var pending = new WeakSet();
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (new URL(url, here).href === indexJson) pending.add(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
    if (!pending.has(xhr)) return send.apply(xhr, args);
    pending.delete(xhr);
    hold(function () { send.apply(xhr, args); });
  };

  // The index from a folder: Material adds <script src="search/search_index.js"> to <head>.
  var head = document.head;
  var appendChild = head.appendChild;
  head.appendChild = function (node) {
    if (node instanceof HTMLScriptElement && node.src === indexScript && !started) {
      hold(function () { appendChild.call(head, node); });
      return node;
    }
    return appendChild.call(head, node);
  };

  // What starts search: focusing the search field (a click, a tap, Tab, or Material's
  // "/", "s" and "f" shortcuts), opening the search overlay, or a page opened from a result.
  document.addEventListener("focusin", function (event) {
    if (event.target instanceof Element && event.target.matches("[data-md-component=search-query]")) {
      start();
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target instanceof Element && event.target.id === "__search") start();
  });
  document.addEventListener("pointerdown", function (event) {
    if (event.target instanceof Element && event.target.closest("label[for=__search]")) start();
  });
  if (new URL(here).searchParams.has("h")) start();
})();

/* (2) The learner's progress, kept in this browser only. Small: it remembers
 * the last page read (for "continue where you left off") and shows that link, lets Escape
 * hide a glossary definition, and loads quiz.js only once a question is near. The rest (each
 * module page's progress line, the navigation marks for modules whose questions are all
 * answered, My progress) needs the course map, so
 * progress-marks.js and the build's course-map.js are loaded only once this browser holds an
 * answer: a first visit downloads neither.
 *
 * Shares its helpers on window.coursekit (boot.js made it, with the storage check). No network,
 * no inline script, works from a folder: every address is worked out from this file's own.
 */
(function () {
  "use strict";

  var ANSWER = "coursekit:v2:answer:";
  var LAST = "coursekit:v2:last-page";

  var script = document.currentScript;
  // The site's root: this file is <root>/assets/coursekit/course.js, wherever the site lives.
  var root = script ? new URL("../../", script.src).href : null;
  var ck = window.coursekit = window.coursekit || {};

  function readJson(store, key) {
    try {
      return JSON.parse(store.getItem(key) || "null");
    } catch (error) {
      return null;
    }
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function date(ms) {
    return ms ? new Date(ms).toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" }) : "";
  }

  function siteUrl(path) {
    return new URL(path, root).href;
  }

  // The page's address relative to the site root ("modules/x.html"), or null if outside it.
  function here() {
    var url = location.href.split("#")[0].split("?")[0];
    if (!root || url.indexOf(root) !== 0) {
      return null;
    }
    var path = url.slice(root.length);
    return path === "" || path.slice(-1) === "/" ? path + "index.html" : path;
  }

  function rememberPage(store) {
    var path = here();
    var h1 = document.querySelector(".md-content h1");
    if (!path || !h1 || document.querySelector("[data-ck-progress]") ||
        /(^|\/)404\.html$/.test(path) || path === "index.html") {
      return;
    }
    var title = h1.textContent.replace(/\s+/g, " ").replace(/\u00b6/g, "").trim();
    try {
      store.setItem(LAST, JSON.stringify({ path: path, title: title.slice(0, 200), time: Date.now() }));
    } catch (error) {
      // storage full: the last page is simply not remembered
    }
  }

  function lastPage(store) {
    var last = readJson(store, LAST);
    if (!isObject(last) || typeof last.path !== "string" || typeof last.title !== "string") {
      return null;
    }
    // Only a page of this site: a relative path without a scheme or a way up.
    if (!/^[A-Za-z0-9._\/-]+\.html$/.test(last.path) || last.path.indexOf("..") !== -1) {
      return null;
    }
    return last;
  }

  function showContinue(store) {
    var last = lastPage(store);
    document.querySelectorAll("[data-ck-continue]").forEach(function (box) {
      box.hidden = !last;
      if (last) {
        var link = box.querySelector("a");
        link.href = siteUrl(last.path);
        box.querySelector(".ck-continue-where").textContent = "\u201c" + last.title + "\u201d" +
          (last.time ? ", read on " + date(last.time) : "");
      }
    });
  }

  // A module page's progress line ("Your progress in this module: ... My progress").
  function writeLine(line, text) {
    line.textContent = "";
    var strong = document.createElement("strong");
    strong.textContent = "Your progress in this module: ";
    line.appendChild(strong);
    line.appendChild(document.createTextNode(text + " "));
    var link = document.createElement("a");
    link.href = siteUrl("progress.html");
    link.textContent = "My progress";
    line.appendChild(link);
    line.hidden = false;
    line.classList.remove("ck-pending");
  }

  // With nothing answered in this browser the line needs no course map: the build wrote it as
  // a first visit reads it ("0 of N"), held back (.ck-pending) until this browser is known.
  function firstLines() {
    document.querySelectorAll(".ck-module-progress.ck-pending").forEach(function (line) {
      line.classList.remove("ck-pending");
    });
  }

  function hasAnswers(store) {
    for (var i = 0; i < store.length; i += 1) {
      if ((store.key(i) || "").indexOf(ANSWER) === 0) {
        return true;
      }
    }
    return false;
  }

  // Adds the script at `url` to the page; scripts added this way run in the order added.
  function addScript(url) {
    var tag = document.createElement("script");
    tag.src = url;
    tag.async = false;
    document.head.appendChild(tag);
  }

  // Runs `run` once progress-marks.js (and the course map) are here, loading them if need be.
  var waiting = [];
  function withMarks(run) {
    if (ck.markNav) {
      run();
      return;
    }
    if (waiting.push(run) > 1 || !script) {
      return; // already on their way
    }
    ["course-map.js", "progress-marks.js"].forEach(function (name) {
      if (name === "course-map.js" && window.coursekitCourse) {
        return;
      }
      addScript(new URL(name, script.src).href); // in this order: the map first
    });
  }
  document.addEventListener("coursekit:marks-ready", function () {
    waiting.splice(0).forEach(function (run) { run(); });
  });

  // ---- glossary definitions: Escape hides the one showing (WCAG 1.4.13, dismissible) ------

  function glossaryEscape() {
    var html = document.documentElement;
    var dismissed = null; // the term whose definition Escape hid
    var show = function () {
      dismissed = null;
      html.classList.remove("ck-tips-dismissed");
    };
    document.addEventListener("keydown", function (event) {
      var term = event.key === "Escape" && document.querySelector(".ck-term:focus-within, .ck-term:hover");
      if (term) {
        dismissed = term;
        html.classList.add("ck-tips-dismissed");
      }
    });
    var another = function (event) {
      var term = event.target.closest ? event.target.closest(".ck-term") : null;
      if (dismissed && term && term !== dismissed) {
        show();
      }
    };
    document.addEventListener("focusin", another);
    document.addEventListener("mouseover", another);
    document.addEventListener("focusout", function (event) {
      if (dismissed && !(event.relatedTarget && dismissed.contains(event.relatedTarget))) {
        show();
      }
    });
  }

  // ---- switching the palette without colours fading --------------------------------------

  // Material turns CSS transitions off while it sets the palette, with a rule on an attribute
  // it sets and removes on every page load too: each time, every element's style is computed
  // again (five times a page). The course's stylesheet leaves that rule out (coursekit.assets)
  // and this does the same only when the learner switches: the class is on before Material's
  // own listener runs (capture), and off two frames later, once the new colours are drawn.
  function paletteSwitch() {
    document.addEventListener("change", function (event) {
      if (!(event.target instanceof Element) || !event.target.closest("[data-md-component=palette]")) {
        return;
      }
      var body = document.body;
      body.classList.add("ck-palette-switching");
      requestAnimationFrame(function () {
        requestAnimationFrame(function () { body.classList.remove("ck-palette-switching"); });
      });
    }, true);
  }

  // ---- self-check questions: quiz.js once a question is near ---------------------------------
  //
  // A page with questions names quiz.js on this script (data-quiz). It is fetched when a
  // question comes within two screens' height of view, when the learner reaches into one
  // first (focus, a tap), at the first Tab press (keyboard focus can outrun the scrolling, and
  // must never pass a question before its Check button is there), or at once if this browser
  // holds an answer to one of them (so they are answered when they come into view). Until then
  // each question is its no-JavaScript self; a reader who never nears one never downloads it.
  function quizWhenNear(store) {
    var url = script && script.getAttribute("data-quiz");
    var questions = document.querySelectorAll("[data-ck-question]");
    var watcher = null;
    function load() {
      if (url) {
        addScript(new URL(url, location.href).href);
        url = null; // once; the listeners below then do nothing
      }
      if (watcher) {
        watcher.disconnect();
      }
    }
    if (!url || !questions.length) {
      return;
    }
    var answered = store && Array.prototype.some.call(questions, function (question) {
      return store.getItem(ANSWER + question.getAttribute("data-ck-question")) !== null;
    });
    if (answered || !window.IntersectionObserver) {
      load();
      return;
    }
    ["focusin", "pointerdown", "keydown"].forEach(function (type) {
      document.addEventListener(type, function (event) {
        if (type === "keydown" ? event.key === "Tab"
          : event.target instanceof Element && event.target.closest("[data-ck-question]")) {
          load();
        }
      }, true);
    });
    watcher = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        load();
      }
    }, { rootMargin: "200% 0px" });
    Array.prototype.forEach.call(questions, function (question) { watcher.observe(question); });
  }

  // ---- clearing saved answers, after a confirmation ------------------------------------------

  // `clear` shows the confirmation and moves focus to its `yes` button. `no` hides it again and
  // says that nothing was cleared; `yes` runs `cleared`, which clears and returns the sentence
  // to announce in `status`. Either way focus goes back to `clear`. quiz.js clears one module
  // with it, progress-page.js everything.
  function confirmClear(clear, confirm, yes, no, status, cleared) {
    var close = function (message) {
      confirm.hidden = true;
      clear.focus();
      status.textContent = message;
    };
    clear.addEventListener("click", function () {
      status.textContent = "";
      confirm.hidden = false;
      yes.focus();
    });
    no.addEventListener("click", function () { close("Nothing was cleared."); });
    yes.addEventListener("click", function () { close(cleared()); });
  }

  // For quiz.js, progress-marks.js and progress-page.js, which run after this file.
  ck.ANSWER = ANSWER; ck.LAST = LAST; ck.readJson = readJson; ck.isObject = isObject;
  ck.date = date; ck.siteUrl = siteUrl; ck.lastPage = lastPage; ck.showContinue = showContinue;
  ck.withMarks = withMarks; ck.writeLine = writeLine; ck.confirmClear = confirmClear;

  function init() {
    glossaryEscape();
    paletteSwitch();
    var store = ck.store;
    quizWhenNear(store);
    if (!store) {
      return;
    }
    rememberPage(store);
    showContinue(store);
    if (hasAnswers(store)) {
      withMarks(function () {});
    } else {
      firstLines();
    }
    // The first answer in this browser: the module line and marks need the map now.
    document.addEventListener("coursekit:progress", function () {
      withMarks(function () {});
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
