/* The learner's progress, kept in this browser only: each module page's progress line, a mark
 * in the navigation for modules whose questions are all answered, and the last page read (for
 * "continue where you left off"). On every page; the My progress page's own controls are in
 * progress-page.js, which uses the helpers this file shares as window.coursekitProgress.
 *
 * Reads the answers quiz.js saves (coursekit:v2:answer:<question id> = the chosen options' keys)
 * and the course map the build writes (course-map.js: each module's questions and the keys of
 * their correct options). No network, no inline script, works from a folder: every address is
 * worked out from this script's own address. Also: Escape hides a glossary definition.
 */
(function () {
  "use strict";

  var ANSWER = "coursekit:v2:answer:";
  var OLD_ANSWER = /^coursekit:v\d+:answer:/;
  var ACTIVITY = "coursekit:v2:activity";
  var LAST = "coursekit:v2:last-page";

  var script = document.currentScript;
  // The site's root: this file is <root>/assets/coursekit/progress.js, wherever the site lives.
  var root = script ? new URL("../../", script.src).href : null;
  var course = window.coursekitCourse;

  function storage() {
    try {
      var probe = "coursekit:v2:probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

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

  function isKeyList(value) {
    return Array.isArray(value) && value.length > 0 && value.every(function (k) {
      return typeof k === "string" && k.length > 0 && k.length <= 64;
    });
  }

  function answerOf(store, id) {
    var keys = readJson(store, ANSWER + id);
    return isKeyList(keys) ? keys : null;
  }

  function sameSet(a, b) {
    return a.length === b.length && a.every(function (k) { return b.indexOf(k) !== -1; });
  }

  function moduleStatus(store, module) {
    var activity = readJson(store, ACTIVITY);
    var status = { total: module.questions.length, answered: 0, correct: 0, next: null, last: 0 };
    module.questions.forEach(function (q) {
      var keys = answerOf(store, q.id);
      if (keys) {
        status.answered += 1;
        if (sameSet(keys, q.correct)) {
          status.correct += 1;
        }
      } else if (!status.next) {
        status.next = q;
      }
      var when = isObject(activity) ? activity[q.id] : 0;
      if (typeof when === "number" && when > status.last) {
        status.last = when;
      }
    });
    return status;
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  function sentence(status) {
    return status.answered + " of " + plural(status.total, "question") + " answered, " +
      status.correct + " correct.";
  }

  function date(ms) {
    return ms ? new Date(ms).toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" }) : "";
  }

  function siteUrl(path) {
    return new URL(path, root).href;
  }

  // The page's address relative to the site root ("modules/x.html"), or null if outside it.
  function here() {
    var url = window.location.href.split("#")[0].split("?")[0];
    if (!root || url.indexOf(root) !== 0) {
      return null;
    }
    var path = url.slice(root.length);
    return path === "" || path.slice(-1) === "/" ? path + "index.html" : path;
  }

  function pageTitle() {
    var h1 = document.querySelector(".md-content h1");
    return (h1 ? h1.textContent : document.title).replace(/\s+/g, " ").replace(/\u00b6/g, "").trim();
  }

  function rememberPage(store) {
    var path = here();
    var skip = document.querySelector("[data-ck-progress]") || !document.querySelector(".md-content h1") ||
      /(^|\/)404\.html$/.test(path || "") || path === "index.html";
    if (!path || skip) {
      return;
    }
    try {
      store.setItem(LAST, JSON.stringify({ path: path, title: pageTitle().slice(0, 200), time: Date.now() }));
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
      if (!last) {
        box.hidden = true;
        return;
      }
      var link = box.querySelector("a");
      link.href = siteUrl(last.path);
      link.textContent = "Continue where you left off";
      box.querySelector(".ck-continue-where").textContent = "\u201c" + last.title + "\u201d" +
        (last.time ? ", read on " + date(last.time) : "");
      box.hidden = false;
    });
  }

  function setMark(link, done) {
    var mark = link.querySelector(".ck-nav-done");
    if (done && !mark) {
      mark = document.createElement("span");
      mark.className = "ck-nav-done";
      var words = document.createElement("span");
      words.className = "ck-sr";
      words.textContent = " (all questions answered)";
      mark.appendChild(words);
      (link.querySelector(".md-ellipsis") || link).appendChild(mark);
    } else if (!done && mark) {
      mark.parentNode.removeChild(mark);
    }
  }

  // Marks the module's link in the navigation, and, when the module is a section of its own
  // (its first page leads a list of parts), the section's heading too.
  function markNav(store) {
    if (!course) {
      return;
    }
    course.modules.forEach(function (module) {
      var status = moduleStatus(store, module);
      var done = status.total > 0 && status.answered === status.total;
      var target = siteUrl(module.url);
      document.querySelectorAll(".md-nav--primary .md-nav__link[href]").forEach(function (link) {
        // A table-of-contents entry ("#section", shown inside the navigation on a phone) is a
        // part of the page, not the module.
        if (link.getAttribute("href").charAt(0) === "#" || link.href.split("#")[0] !== target) {
          return;
        }
        setMark(link, done);
        var item = link.parentElement;
        // (Not when the link is itself a folded section, as navigation.prune renders modules
        // away from the current one: its parent list is then the whole "Modules" section.)
        var section = item && item.tagName === "LI" && !item.classList.contains("md-nav__item--nested") &&
          item.parentElement.firstElementChild === item && item.parentElement.closest("li.md-nav__item--nested");
        var heading = section && section.querySelector(":scope > .md-nav__link");
        if (heading) {
          setMark(heading, done);
        }
      });
    });
  }

  function moduleLine(store) {
    if (!course) {
      return;
    }
    document.querySelectorAll(".ck-module-progress[data-ck-module]").forEach(function (line) {
      var id = line.getAttribute("data-ck-module");
      var module = course.modules.filter(function (m) { return m.id === id; })[0];
      if (!module || module.questions.length === 0) {
        return;
      }
      var status = moduleStatus(store, module);
      line.textContent = "";
      var strong = document.createElement("strong");
      strong.textContent = "Your progress in this module: ";
      line.appendChild(strong);
      line.appendChild(document.createTextNode(sentence(status) + " "));
      var link = document.createElement("a");
      link.href = siteUrl("progress.html");
      link.textContent = "My progress";
      line.appendChild(link);
      line.hidden = false;
    });
  }

  // ---- glossary definitions: Escape hides the one showing (WCAG 1.4.13, dismissible) ------

  function glossaryEscape() {
    var html = document.documentElement;
    var dismissed = null; // the term whose definition Escape hid
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
        dismissed = null;
        html.classList.remove("ck-tips-dismissed");
      }
    };
    document.addEventListener("focusin", another);
    document.addEventListener("mouseover", another);
    document.addEventListener("focusout", function (event) {
      if (dismissed && !(event.relatedTarget && dismissed.contains(event.relatedTarget))) {
        dismissed = null;
        html.classList.remove("ck-tips-dismissed");
      }
    });
  }

  function init() {
    glossaryEscape();
    var store = storage();
    window.coursekitProgress = {
      store: store, course: course, ANSWER: ANSWER, OLD_ANSWER: OLD_ANSWER, ACTIVITY: ACTIVITY,
      LAST: LAST, readJson: readJson, isObject: isObject, isKeyList: isKeyList, answerOf: answerOf,
      moduleStatus: moduleStatus, plural: plural, sentence: sentence, date: date, siteUrl: siteUrl,
      lastPage: lastPage, showContinue: showContinue, markNav: markNav
    };
    document.dispatchEvent(new CustomEvent("coursekit:progress-ready"));
    if (!store) {
      return;
    }
    rememberPage(store);
    showContinue(store);
    markNav(store);
    moduleLine(store);
    document.addEventListener("coursekit:progress", function () {
      markNav(store);
      moduleLine(store);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
