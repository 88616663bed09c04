/* Material's inline <head> and header scripts, moved into a file so that every page runs
   under a Content-Security-Policy that allows no inline script (see overrides/partials/
   javascripts/). It defines the storage helpers Material's bundle expects (__md_scope,
   __md_hash, __md_get, __md_set), restores the learner's chosen colour palette before the first
   paint, and opens a content tab a link points at. Loaded from <head>, so keep it small.
   It also makes the course's one storage check, for quiz.js, course.js and live.js. */
(function () {
  "use strict";
  var script = document.currentScript;
  // window.coursekit.store: localStorage, or null where the browser refuses it (some private
  // windows, locked-down intranets, file:// policies): the course then remembers nothing.
  var store = null;
  try {
    localStorage.setItem("coursekit:probe", "1");
    localStorage.removeItem("coursekit:probe");
    store = localStorage;
  } catch (e) {
    store = null;
  }
  window.coursekit = { store: store };
  // Material's own definitions, unchanged apart from the scope, which Material writes into
  // the inline script and this page passes in data-md-scope (a path relative to the page).
  window.__md_scope = new URL(script.getAttribute("data-md-scope") || ".", location);
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, c) {
      return (hash << 5) - hash + c.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    try {
      storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
    } catch (e) {
      // storage full or switched off: the palette simply is not remembered
    }
  };

  // The palette: Material sets it from an inline script right after the header's palette
  // form. Here the body does not exist yet, so a MutationObserver applies it as soon as the
  // parser has inserted what it needs; observers run before the browser paints.
  var palette = null;
  try {
    palette = window.__md_get("__palette");
  } catch (e) {
    palette = null;  // storage switched off or holding something that is not JSON
  }
  function applyPalette() {
    if (!document.body) return false;
    var color = palette.color;
    if (color.media === "(prefers-color-scheme)") {
      var light = matchMedia("(prefers-color-scheme: light)").matches;
      var input = document.querySelector(light
        ? "[data-md-color-media='(prefers-color-scheme: light)']"
        : "[data-md-color-media='(prefers-color-scheme: dark)']");
      if (!input) return false;  // the header's palette form is not parsed yet
      color.media = input.getAttribute("data-md-color-media");
      color.scheme = input.getAttribute("data-md-color-scheme");
      color.primary = input.getAttribute("data-md-color-primary");
      color.accent = input.getAttribute("data-md-color-accent");
    }
    Object.keys(color).forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    return true;
  }
  if (palette && palette.color) {
    var observer = new MutationObserver(function () {
      if (applyPalette()) observer.disconnect();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", function () {
      observer.disconnect();
    });
  }

  // Material's content partial: a link to a content tab's input opens that tab.
  document.addEventListener("DOMContentLoaded", function () {
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
  });
})();
