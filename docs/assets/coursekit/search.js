/* Search that costs nothing until it is used.

   Material's bundle starts its search worker and downloads the whole search index as soon as
   a page loads. This file runs just before the bundle and holds both back until the learner
   focuses or opens search (or arrives from a search result, whose ?h= terms Material
   highlights): the worker is created, and the index requested, only then. It changes nothing
   in what Material does afterwards.

   From a folder (file://) a page cannot start a Web Worker, so Material's offline plugin
   relies on the iframe-worker shim; this file loads the shim on file:// only, and only when
   search starts, instead of a blocking <script> in every page's <head>. */
(function () {
  "use strict";
  var script = document.currentScript;
  var config = JSON.parse(document.getElementById("__config").textContent);
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
