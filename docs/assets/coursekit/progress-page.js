/* The My progress page: every module's answered, correct and next question, last activity,
 * and the controls to save progress to a file, load it, print the summary and clear everything.
 * Loaded on that page only, after course.js and progress-marks.js, whose helpers it uses
 * (window.coursekit).
 * A progress file is JSON: {"format": "coursekit-progress", "version": 1, "answers": {question id:
 * [option keys]}, "activity": {question id: milliseconds}, "lastPage": {...}}; a file that is not
 * one, or is damaged, is refused with a message and nothing is loaded.
 */
(function () {
  "use strict";

  var FORMAT = "coursekit-progress";
  var VERSION = 1;
  var MAX_IMPORT = 1000000; // bytes: a real progress file is a few kilobytes
  var P, course, ANSWER, OLD_ANSWER, ACTIVITY, LAST;
  var readJson, isObject, isKeyList, answerOf, moduleStatus, plural, sentence, date, siteUrl, lastPage;
  var showContinue, markNav;

  function fillTable(page, store) {
    var totals = { total: 0, answered: 0, correct: 0, last: 0 };
    course.modules.forEach(function (module) {
      var row = page.querySelector("tr[data-ck-module='" + module.id + "']");
      if (!row) {
        return;
      }
      var status = moduleStatus(store, module);
      totals.total += status.total;
      totals.answered += status.answered;
      totals.correct += status.correct;
      totals.last = Math.max(totals.last, status.last);
      var cell = function (name) { return row.querySelector("[data-ck-cell='" + name + "']"); };
      cell("answered").textContent = status.answered + " of " + status.total +
        (status.total > status.answered ? " (" + (status.total - status.answered) + " left)" : "");
      cell("correct").textContent = status.correct;
      var next = cell("next");
      next.textContent = "";
      if (status.next) {
        var link = document.createElement("a");
        link.href = siteUrl(status.next.url) + "#q-" + status.next.id;
        link.textContent = "Question " + (module.questions.indexOf(status.next) + 1);
        next.appendChild(link);
      } else {
        next.textContent = status.total ? "All answered" : "No questions";
      }
      cell("last").textContent = status.last ? date(status.last) : (status.answered ? "Date not recorded" : "Not started");
      if (status.total > 0 && status.answered === status.total) {
        row.classList.add("ck-row-done");
      } else {
        row.classList.remove("ck-row-done");
      }
    });
    page.querySelector("[data-ck-summary]").textContent = "In the whole course: " + sentence(totals) +
      (totals.last ? " Last answer on " + date(totals.last) + "." : "");
  }

  function allKnownIds() {
    var ids = {};
    course.modules.forEach(function (m) { m.questions.forEach(function (q) { ids[q.id] = true; }); });
    return ids;
  }

  function exportData(store) {
    var answers = {};
    var known = allKnownIds();
    Object.keys(known).forEach(function (id) {
      var keys = answerOf(store, id);
      if (keys) {
        answers[id] = keys;
      }
    });
    var activity = readJson(store, ACTIVITY);
    var times = {};
    if (isObject(activity)) {
      Object.keys(activity).forEach(function (id) {
        if (answers[id] && typeof activity[id] === "number") {
          times[id] = activity[id];
        }
      });
    }
    // The course's name is the last part of the page title ("My progress - <course>").
    return { format: FORMAT, version: VERSION, course: document.title.split(" - ").pop().trim(),
      exported: new Date().toISOString(), answers: answers, activity: times, lastPage: lastPage(store) };
  }

  function download(data) {
    var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "my-course-progress-" + new Date().toISOString().slice(0, 10) + ".json";
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  // Checks an imported file's content; returns {error} or {answers, activity, lastPage, skipped}.
  function validate(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { error: "This file is not a progress file from this course: it is not valid JSON (it may be damaged or cut short). Nothing was loaded." };
    }
    if (!isObject(data) || data.format !== FORMAT) {
      return { error: "This file is not a progress file from this course (it has no \u201cformat\u201d: \u201c" + FORMAT + "\u201d field). Nothing was loaded." };
    }
    if (typeof data.version !== "number") {
      return { error: "This progress file has no version number, so it cannot be read safely. Nothing was loaded." };
    }
    if (data.version > VERSION) {
      return { error: "This progress file was saved by a newer version of the course (version " + data.version + "; this course reads version " + VERSION + "). Nothing was loaded." };
    }
    if (data.version !== VERSION) {
      return { error: "This progress file has version " + data.version + ", which this course cannot read. Nothing was loaded." };
    }
    if (!isObject(data.answers)) {
      return { error: "This progress file has no list of answers (the \u201canswers\u201d field is missing or damaged). Nothing was loaded." };
    }
    var known = allKnownIds();
    var answers = {};
    var skipped = 0;
    Object.keys(data.answers).forEach(function (id) {
      if (known[id] && isKeyList(data.answers[id])) {
        answers[id] = data.answers[id];
      } else {
        skipped += 1; // a question this course no longer has, or a damaged entry
      }
    });
    var activity = {};
    if (isObject(data.activity)) {
      Object.keys(data.activity).forEach(function (id) {
        var when = data.activity[id];
        if (answers[id] && typeof when === "number" && isFinite(when) && when > 0) {
          activity[id] = when;
        }
      });
    }
    return { answers: answers, activity: activity, skipped: skipped,
      lastPage: isObject(data.lastPage) ? data.lastPage : null };
  }

  function load(store, result) {
    var activity = readJson(store, ACTIVITY);
    activity = isObject(activity) ? activity : {};
    Object.keys(result.answers).forEach(function (id) {
      store.setItem(ANSWER + id, JSON.stringify(result.answers[id]));
      if (result.activity[id]) {
        activity[id] = result.activity[id];
      }
    });
    store.setItem(ACTIVITY, JSON.stringify(activity));
    if (result.lastPage && !lastPage(store)) {
      store.setItem(LAST, JSON.stringify(result.lastPage));
      if (!lastPage(store)) {
        store.removeItem(LAST); // not a page of this site: dropped
      }
    }
  }

  function clearAll(store) {
    var keys = [];
    for (var i = 0; i < store.length; i += 1) {
      var key = store.key(i);
      if (key && (OLD_ANSWER.test(key) || key === ACTIVITY || key === LAST)) {
        keys.push(key);
      }
    }
    keys.forEach(function (key) { store.removeItem(key); });
  }

  // On a phone the table's rows are stacked (progress.css): its parts get their table roles
  // explicitly, which display: block takes away in some browsers, and each cell the name of
  // its column, shown before it.
  function keepTableRoles(table) {
    var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    table.setAttribute("role", "table");
    table.querySelectorAll("thead, tbody").forEach(function (group) { group.setAttribute("role", "rowgroup"); });
    table.querySelectorAll("tr").forEach(function (row) {
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.children, function (cell, index) {
        if (cell.tagName === "TD") {
          cell.setAttribute("role", "cell");
          cell.setAttribute("data-ck-label", names[index] || "");
        } else {
          cell.setAttribute("role", cell.getAttribute("scope") === "row" ? "rowheader" : "columnheader");
        }
      });
    });
  }

  function progressPage(store) {
    var page = document.querySelector("[data-ck-progress]");
    if (!page || page.getAttribute("data-ck-ready")) {
      return;
    }
    page.setAttribute("data-ck-ready", "true");
    page.querySelector("[data-ck-needs]").hidden = true;
    keepTableRoles(page.querySelector("[data-ck-table]"));
    if (!store || !course) {
      page.querySelector("[data-ck-nostore]").hidden = false;
      return;
    }
    page.querySelector("[data-ck-ready-only]").hidden = false;
    var status = page.querySelector("[data-ck-status]");
    var confirm = page.querySelector("[data-ck-confirm]");
    var clear = page.querySelector("[data-ck-action='clear']");
    var refresh = function () {
      fillTable(page, store);
      showContinue(store);
      markNav(store);
    };
    refresh();
    page.querySelector("[data-ck-action='export']").addEventListener("click", function () {
      var data = exportData(store);
      download(data);
      status.textContent = "Saved a file with your answers to " +
        plural(Object.keys(data.answers).length, "question") + " (look in your downloads).";
    });
    page.querySelector("[data-ck-action='print']").addEventListener("click", function () {
      window.print();
    });
    var input = page.querySelector("[data-ck-action='import']");
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) {
        return;
      }
      if (file.size > MAX_IMPORT) {
        status.textContent = "This file is too large to be a progress file from this course. Nothing was loaded.";
        input.value = "";
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var result = validate(String(reader.result));
        input.value = "";
        if (result.error) {
          status.textContent = result.error;
          return;
        }
        try {
          load(store, result);
        } catch (error) {
          status.textContent = "This browser refused to save the loaded answers (its storage may be full). Some answers may not have been loaded.";
          refresh();
          return;
        }
        var count = Object.keys(result.answers).length;
        status.textContent = "Loaded your answers to " + plural(count, "question") + " from the file." +
          (result.skipped ? " " + result.skipped + (result.skipped === 1 ? " entry" : " entries") +
            " did not match a question in this course and " + (result.skipped === 1 ? "was" : "were") + " left out." : "");
        refresh();
      };
      reader.onerror = function () {
        status.textContent = "This file could not be read. Nothing was loaded.";
      };
      reader.readAsText(file);
    });
    P.confirmClear(clear, confirm, confirm.querySelector("[data-ck-action='clear-yes']"),
      confirm.querySelector("[data-ck-action='clear-no']"), status, function () {
        clearAll(store);
        refresh();
        return "Everything was cleared: no answers and no last page are saved in this browser now.";
      });
  }

  function init() {
    P = window.coursekit;
    course = P.course; ANSWER = P.ANSWER; OLD_ANSWER = P.OLD_ANSWER; ACTIVITY = P.ACTIVITY; LAST = P.LAST;
    readJson = P.readJson; isObject = P.isObject; isKeyList = P.isKeyList; answerOf = P.answerOf;
    moduleStatus = P.moduleStatus; plural = P.plural; sentence = P.sentence; date = P.date;
    siteUrl = P.siteUrl; lastPage = P.lastPage; showContinue = P.showContinue; markNav = P.markNav;
    progressPage(P.store);
  }

  // Without course.js the page keeps its "needs JavaScript" note.
  if (window.coursekit && window.coursekit.withMarks) {
    window.coursekit.withMarks(init);
  }
})();
