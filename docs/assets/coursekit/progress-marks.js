/* Progress that needs the course map: each module page's progress line and a mark in the
 * navigation for modules whose questions are all answered; also the helpers progress-page.js
 * uses (window.coursekit). course.js loads this file, after course-map.js, once this browser
 * holds an answer; the My progress page loads both itself.
 *
 * Reads the answers quiz.js saves (coursekit:v2:answer:<question id> = the chosen options' keys)
 * and the course map the build writes (hooks/coursekit/progress.py), in its short form:
 * [[module id, module page, [[page ("" = the module page), question id, "correct keys", ...],
 * ...]], ...].
 */
(function () {
  "use strict";

  var ck = window.coursekit;
  if (!ck || !ck.siteUrl) {
    return; // course.js did not run
  }

  function decode(data) {
    return {
      modules: (Array.isArray(data) ? data : []).map(function (m) {
        var questions = [];
        m[2].forEach(function (page) {
          for (var i = 1; i < page.length; i += 2) {
            questions.push({ id: page[i], url: page[0] || m[1], correct: page[i + 1].split(" ") });
          }
        });
        return { id: m[0], url: m[1], questions: questions };
      })
    };
  }

  var course = decode(window.coursekitCourse);
  var readJson = ck.readJson;

  function isKeyList(value) {
    return Array.isArray(value) && value.length > 0 && value.every(function (k) {
      return typeof k === "string" && k.length > 0 && k.length <= 64;
    });
  }

  function answerOf(store, id) {
    var keys = readJson(store, ck.ANSWER + id);
    return isKeyList(keys) ? keys : null;
  }

  function moduleStatus(store, module) {
    var activity = readJson(store, ck.ACTIVITY);
    var status = { total: module.questions.length, answered: 0, correct: 0, next: null, last: 0 };
    module.questions.forEach(function (q) {
      var keys = answerOf(store, q.id);
      if (keys) {
        status.answered += 1;
        if (keys.length === q.correct.length && keys.every(function (k) { return q.correct.indexOf(k) !== -1; })) {
          status.correct += 1;
        }
      } else if (!status.next) {
        status.next = q;
      }
      var when = ck.isObject(activity) ? activity[q.id] : 0;
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
    var links = document.querySelectorAll(".md-nav--primary .md-nav__link[href]");
    course.modules.forEach(function (module) {
      var status = moduleStatus(store, module);
      var done = status.total > 0 && status.answered === status.total;
      var target = ck.siteUrl(module.url);
      links.forEach(function (link) {
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
    document.querySelectorAll(".ck-module-progress[data-ck-module]").forEach(function (line) {
      var id = line.getAttribute("data-ck-module");
      var module = course.modules.filter(function (m) { return m.id === id; })[0];
      if (!module || module.questions.length === 0) {
        return;
      }
      ck.writeLine(line, sentence(moduleStatus(store, module)));
    });
  }

  ck.ACTIVITY = "coursekit:v2:activity";
  ck.OLD_ANSWER = /^coursekit:v\d+:answer:/;
  ck.course = course; ck.isKeyList = isKeyList; ck.answerOf = answerOf; ck.moduleStatus = moduleStatus;
  ck.plural = plural; ck.sentence = sentence; ck.markNav = markNav;

  function start() {
    var store = ck.store;
    if (store) {
      markNav(store);
      moduleLine(store);
      document.addEventListener("coursekit:progress", function () {
        markNav(store);
        moduleLine(store);
      });
    }
    document.dispatchEvent(new CustomEvent("coursekit:marks-ready"));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
