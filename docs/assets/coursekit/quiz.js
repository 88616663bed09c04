/* Self-check questions: check an answer, explain every chosen option, remember answers locally.
 *
 * Progressive enhancement: without this script each question still offers a
 * "Show answer and rationale" disclosure. This script draws what only it can work (each
 * question's Check button, feedback and live region; the module's clear-answers tools), with
 * its styles in quiz.css. course.js loads it once a question is near. No inline handlers, no
 * network, no author HTML injected: feedback is built from nodes already in the page.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  // A fixed string, no author text: the controls every question gets.
  var CONTROLS = '<button type="submit" class="md-button ck-check">Check answer</button>' +
    '<div class="ck-feedback"></div><p class="ck-announce" role="status"></p>';

  // Saved answers name each chosen option by its key (a digest of its text, the input's value),
  // never by its place: the build shuffles options, and an author may reorder or reword them.
  var PREFIX = "coursekit:v2:answer:";
  // Version 1 saved displayed positions, which no longer say which option was meant: dropped.
  var OLD_PREFIX = "coursekit:v1:answer:";
  // When each question was last answered ({id: milliseconds}), for "last activity" on My progress.
  var ACTIVITY = "coursekit:v2:activity";

  // boot.js (in every page's <head>) checks once whether this browser lets the course save;
  // null: private mode or a file:// policy, and answers are simply not remembered.
  function storage() {
    return window.coursekit ? window.coursekit.store : null;
  }

  function inputs(question) {
    return Array.prototype.slice.call(question.querySelectorAll("input[name^='ck-']"));
  }

  // Display positions (0, 1, ...) of the checked options.
  function chosen(question) {
    var positions = [];
    inputs(question).forEach(function (input, index) {
      if (input.checked) {
        positions.push(index);
      }
    });
    return positions;
  }

  function rationaleItem(question, index) {
    return question.querySelector(".ck-rationales li[data-ck-option='" + index + "']");
  }

  function isCorrect(question, index) {
    var item = rationaleItem(question, index);
    return item !== null && item.getAttribute("data-ck-correct") === "true";
  }

  function paragraph(text, className) {
    var p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    return p;
  }

  function explain(question, index) {
    var item = rationaleItem(question, index);
    var wrapper = document.createElement("div");
    wrapper.className = "ck-explained " + (isCorrect(question, index) ? "ck-right" : "ck-wrong");
    var label = document.getElementById("ck-" + question.getAttribute("data-ck-question") + "-" + index);
    label = label && label.labels && label.labels[0];
    var heading = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = (isCorrect(question, index) ? "Right:" : "Not right:");
    heading.appendChild(strong);
    heading.appendChild(document.createTextNode(" " + (label ? label.textContent : "")));
    wrapper.appendChild(heading);
    var rationale = item && item.querySelector(".ck-rationale");
    if (rationale) {
      wrapper.appendChild(rationale.cloneNode(true));
    }
    return wrapper;
  }

  function announce(question, text) {
    // Only the verdict goes to the live region, so a screen reader hears it once per check;
    // emptied first so the same verdict twice in a row is still spoken.
    var region = question.querySelector(".ck-announce");
    if (!region) {
      return;
    }
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  function bringIntoView(element) {
    var box = element.getBoundingClientRect();
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var viewport = window.innerHeight || document.documentElement.clientHeight;
    if (box.top >= top && box.bottom <= viewport) {
      return; // already in view: do not move the page under the learner
    }
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var tall = box.height > viewport - top;
    element.scrollIntoView({ block: tall ? "start" : "nearest", behavior: still ? "auto" : "smooth" });
  }

  // Returns the verdict spoken, or "" when nothing was chosen.
  function showFeedback(question, selected) {
    var feedback = question.querySelector(".ck-feedback");
    feedback.textContent = "";
    question.removeAttribute("data-ck-checked");
    if (selected.length === 0) {
      feedback.className = "ck-feedback";
      feedback.appendChild(paragraph("Choose an answer first.", "ck-verdict-line"));
      return "Choose an answer first.";
    }
    var all = inputs(question).map(function (input, index) { return index; });
    var correct = all.filter(function (index) { return isCorrect(question, index); });
    var wrongChosen = selected.filter(function (index) { return !isCorrect(question, index); });
    var missed = correct.filter(function (index) { return selected.indexOf(index) === -1; });
    var solved = wrongChosen.length === 0 && missed.length === 0;
    var partial = !solved && wrongChosen.length === 0;
    var verdict = solved ? "Correct." : "Not quite.";
    if (partial) {
      verdict = "Partly right: at least one more option is correct.";
    }
    feedback.className = "ck-feedback " + (solved ? "ck-solved" : (partial ? "ck-partial" : "ck-unsolved"));
    feedback.appendChild(paragraph(verdict, "ck-verdict-line"));
    selected.forEach(function (index) {
      feedback.appendChild(explain(question, index));
    });
    if (!solved) {
      feedback.appendChild(paragraph("Try again, or open \u201cShow answer and rationale\u201d below.", "ck-next"));
    }
    var details = question.querySelector("details.ck-answer");
    if (details) {
      details.hidden = false;
    }
    question.setAttribute("data-ck-checked", "true");
    return verdict;
  }

  // The selection changed after a check: the feedback describes the earlier choice.
  function markStale(question) {
    var feedback = question.querySelector(".ck-feedback");
    if (!question.getAttribute("data-ck-checked") || feedback.classList.contains("ck-stale")) {
      return;
    }
    feedback.classList.add("ck-stale");
    feedback.insertBefore(paragraph("This feedback is for your earlier choice. Check your answer again for feedback on the new one.", "ck-stale-note"), feedback.firstChild);
  }

  function readJson(store, key) {
    try {
      return JSON.parse(store.getItem(key) || "null");
    } catch (error) {
      return null;
    }
  }

  function save(store, question, selected) {
    if (!store) {
      return;
    }
    var id = question.getAttribute("data-ck-question");
    var boxes = inputs(question);
    var keys = selected.map(function (index) { return boxes[index].value; });
    try {
      store.setItem(PREFIX + id, JSON.stringify(keys));
      var activity = readJson(store, ACTIVITY);
      if (!activity || typeof activity !== "object" || Array.isArray(activity)) {
        activity = {};
      }
      activity[id] = Date.now();
      store.setItem(ACTIVITY, JSON.stringify(activity));
    } catch (error) {
      return; // storage full or refused mid-session: the answer is simply not remembered
    }
    document.dispatchEvent(new CustomEvent("coursekit:progress"));
  }

  function restore(store, question) {
    if (!store) {
      return;
    }
    var id = question.getAttribute("data-ck-question");
    store.removeItem(OLD_PREFIX + id);
    if (!store.getItem(PREFIX + id)) {
      return;
    }
    var keys = readJson(store, PREFIX + id);
    var boxes = inputs(question);
    var values = boxes.map(function (input) { return input.value; });
    var usable = Array.isArray(keys) && keys.length > 0 && keys.every(function (key) {
      return values.indexOf(key) !== -1;
    });
    if (!usable) {
      store.removeItem(PREFIX + id); // an option was reworded or removed: the answer no longer says what was meant
      return;
    }
    boxes.forEach(function (input) {
      input.checked = keys.indexOf(input.value) !== -1;
    });
    showFeedback(question, chosen(question)); // shown, not announced: nothing was just checked
  }

  function reset(question) {
    inputs(question).forEach(function (input) { input.checked = false; });
    var feedback = question.querySelector(".ck-feedback");
    feedback.textContent = "";
    feedback.className = "ck-feedback";
    question.removeAttribute("data-ck-checked");
    var details = question.querySelector("details.ck-answer");
    if (details) {
      details.open = false;
      details.hidden = true;
    }
  }

  function clearModule(store, ids) {
    var activity = readJson(store, ACTIVITY);
    ids.forEach(function (id) {
      store.removeItem(PREFIX + id);
      store.removeItem(OLD_PREFIX + id);
      if (activity && typeof activity === "object") {
        delete activity[id];
      }
    });
    if (activity && typeof activity === "object") {
      store.setItem(ACTIVITY, JSON.stringify(activity));
    }
    ids.forEach(function (id) {
      var question = document.querySelector("[data-ck-question='" + id + "']");
      if (question) {
        reset(question);
      }
    });
    document.dispatchEvent(new CustomEvent("coursekit:progress"));
  }

  function button(text, className) {
    var node = document.createElement("button");
    node.type = "button";
    node.className = "md-button " + className;
    node.textContent = text;
    return node;
  }

  // The module's tools: what is saved where, and clearing this module's answers after a
  // confirmation. The build gives the module's title, its questions and the My progress link.
  function drawTools(tools, count) {
    var privacy = paragraph("Your answers are saved only in this browser on this device, so " +
      "they are here when you come back. Nothing is sent anywhere.", "ck-privacy");
    var progress = tools.getAttribute("data-ck-progress-link");
    if (progress) {
      var link = document.createElement("a");
      link.href = progress;
      link.textContent = "My progress";
      privacy.appendChild(document.createTextNode(" "));
      privacy.appendChild(link);
      privacy.appendChild(document.createTextNode(" shows every module and can save your progress to a file."));
    }
    var nostore = paragraph("This browser is not letting the course save anything (local storage " +
      "is blocked or switched off), so your answers are forgotten when you leave this page. " +
      "Everything else works.", "ck-nostore");
    nostore.hidden = true;
    var clear = button("Clear this module\u2019s answers", "ck-clear");
    clear.hidden = true;
    var confirm = document.createElement("div");
    confirm.className = "ck-confirm";
    confirm.hidden = true;
    confirm.appendChild(paragraph("Clear your saved answers to the " + count + " question" +
      (count === 1 ? "" : "s") + " in " + (tools.getAttribute("data-ck-title") || "this module") +
      "? Other modules keep theirs.", ""));
    confirm.appendChild(button("Yes, clear this module", "ck-confirm-yes"));
    confirm.appendChild(document.createTextNode(" "));
    confirm.appendChild(button("Keep my answers", "ck-confirm-no"));
    var status = paragraph("", "ck-clear-status");
    status.setAttribute("role", "status");
    [privacy, nostore, clear, confirm, status].forEach(function (node) { tools.appendChild(node); });
  }

  function initTools(store) {
    var tools = document.querySelector("[data-ck-tools]");
    if (!tools || tools.getAttribute("data-ck-ready")) {
      return;
    }
    tools.setAttribute("data-ck-ready", "true");
    var ids = (tools.getAttribute("data-ck-questions") || "").split(/\s+/).filter(Boolean);
    drawTools(tools, ids.length);
    tools.hidden = false;
    if (!store) {
      tools.querySelector(".ck-privacy").hidden = true; // nothing is saved: say that instead
      tools.querySelector(".ck-nostore").hidden = false;
      return;
    }
    var clear = tools.querySelector(".ck-clear");
    var confirm = tools.querySelector(".ck-confirm");
    clear.hidden = false;
    window.coursekit.confirmClear(clear, confirm, confirm.querySelector(".ck-confirm-yes"),
      confirm.querySelector(".ck-confirm-no"), tools.querySelector(".ck-clear-status"), function () {
        clearModule(store, ids);
        return "Your saved answers to this module\u2019s " + ids.length +
          " question" + (ids.length === 1 ? "" : "s") + " have been cleared from this browser. " +
          "Other modules keep theirs.";
      });
  }

  function init() {
    var store = storage();
    var questions = Array.prototype.slice.call(document.querySelectorAll("[data-ck-question]"));
    questions.forEach(function (question) {
      if (question.getAttribute("data-ck-ready")) {
        return;
      }
      question.setAttribute("data-ck-ready", "true");
      var form = question.querySelector("form.ck-form");
      var details = question.querySelector("details.ck-answer");
      form.insertAdjacentHTML("beforeend", CONTROLS);
      if (details) {
        details.hidden = true; // offered again once the learner has tried
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var selected = chosen(question);
        announce(question, showFeedback(question, selected));
        bringIntoView(question.querySelector(".ck-feedback"));
        if (selected.length > 0) {
          save(store, question, selected);
        }
      });
      form.addEventListener("change", function () {
        markStale(question);
      });
      restore(store, question);
    });
    initTools(store);
  }

  // Initialise once per document. Material's document$ emits for the page already loaded and
  // again after each instant navigation, so when it exists it is the only trigger; calling
  // init() directly as well would run it twice on the first page.
  function start() {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(init);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }

  // Nothing is drawn before its styles are here (no unstyled button for a frame); if the sheet
  // cannot load, the questions still work.
  if (!script) {
    start();
    return;
  }
  var sheet = document.createElement("link");
  sheet.rel = "stylesheet";
  sheet.href = new URL("quiz.css", script.src).href;
  sheet.addEventListener("load", start);
  sheet.addEventListener("error", start);
  document.head.appendChild(sheet);
})();
