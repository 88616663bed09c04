/* Post-test player for a SCORM 1.2 LMS. No dependencies, no inline script, nothing loaded
 * from elsewhere. Settings come from data-* attributes on #pt, written by coursekit.scorm:
 * pass mark (percent), attempts (0 = no limit) and feedback ("final", "each", "never").
 *
 * It reports through the SCORM 1.2 API: LMSInitialize, cmi.core.lesson_status ("incomplete"
 * while the learner works, then "passed" or "failed"), cmi.core.score.raw/min/max, LMSCommit
 * after every change, LMSFinish when the page goes away. Progress lives in cmi.suspend_data as
 * one short string (see encode), so an interrupted attempt resumes with the same option order
 * and the same answers; coursekit.scorm.worst_suspend_data bounds its length at build time.
 * Each question is worth one mark, scored with the grade fractions the Moodle XML export writes
 * (data-weight on each option): a multiple-answer question earns part of its mark (see markOf).
 */
(function () {
  "use strict";

  var root = document.getElementById("pt");
  if (!root) { return; }
  var passMark = Number(root.getAttribute("data-pass-mark"));
  var maxAttempts = Number(root.getAttribute("data-attempts"));
  var feedback = root.getAttribute("data-feedback");
  var bank = root.getAttribute("data-bank");
  var form = document.getElementById("pt-form");
  var statusLine = document.getElementById("pt-status");
  var result = document.getElementById("pt-result");
  var resultText = document.getElementById("pt-result-text");
  var retake = document.getElementById("pt-retake");
  var unanswered = document.getElementById("pt-unanswered");
  var fieldsets = Array.prototype.slice.call(form.querySelectorAll(".pt-question"));
  var api = null;
  var state = null;
  var started = Date.now();
  var finished = false;

  // The SCORM 1.2 run-time rule: look for `API` in the parent frames, then in the opener's.
  function findAPI(win) {
    for (var depth = 0; win && depth < 8; depth += 1) {
      try {
        if (win.API) { return win.API; }
      } catch (error) {
        return null; // a frame from another origin: no API reachable that way
      }
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }

  function optionsOf(fieldset) {
    return Array.prototype.slice.call(fieldset.querySelectorAll(".pt-option"));
  }

  function shuffled(count) {
    var order = [];
    for (var i = 0; i < count; i += 1) { order.push(i); }
    var random = new Uint32Array(count);
    window.crypto.getRandomValues(random);
    for (var j = count - 1; j > 0; j -= 1) {
      var k = random[j] % (j + 1);
      var swap = order[j]; order[j] = order[k]; order[k] = swap;
    }
    return order;
  }

  function freshState(attempt) {
    return {
      attempt: attempt,
      phase: "w", // w: working, p: passed, f: failed
      score: 0,
      orders: fieldsets.map(function (fs) { return shuffled(optionsOf(fs).length); }),
      answers: fieldsets.map(function () { return []; })
    };
  }

  // "1;bank;attempt;phase;score;orders;answers": orders and answers hold one digit per
  // option (source index), questions separated by ".". Every question has at most ten options.
  function encode(s) {
    return ["1", bank, s.attempt, s.phase, s.score,
      s.orders.map(function (o) { return o.join(""); }).join("."),
      s.answers.map(function (a) { return a.join(""); }).join(".")].join(";");
  }

  function digits(text) {
    return text === "" ? [] : text.split("").map(Number);
  }

  function decode(text) {
    var parts = (text || "").split(";");
    if (parts.length !== 7 || parts[0] !== "1" || parts[1] !== bank) { return null; }
    var orders = parts[5].split(".").map(digits);
    var answers = parts[6].split(".").map(digits);
    var attempt = Number(parts[2]);
    if (orders.length !== fieldsets.length || answers.length !== fieldsets.length ||
        !(attempt >= 1) || "wpf".indexOf(parts[3]) < 0 || parts[3].length !== 1) { return null; }
    for (var i = 0; i < fieldsets.length; i += 1) {
      var count = optionsOf(fieldsets[i]).length;
      var sorted = orders[i].slice().sort();
      if (sorted.join("") !== range(count).join("")) { return null; }
      if (answers[i].some(function (n) { return !(n < count); })) { return null; }
    }
    return { attempt: attempt, phase: parts[3], score: Number(parts[4]), orders: orders, answers: answers };
  }

  function range(count) {
    var out = [];
    for (var i = 0; i < count; i += 1) { out.push(i); }
    return out;
  }

  function set(element, value) {
    api.LMSSetValue(element, String(value));
  }

  function save() {
    set("cmi.suspend_data", encode(state));
    api.LMSCommit("");
  }

  function say(message) {
    statusLine.textContent = message;
  }

  function over() {
    return state.phase === "p" || (state.phase === "f" && maxAttempts > 0 && state.attempt >= maxAttempts);
  }

  // A question's mark, 0 to 1, as Moodle grades the exported question: the sum of the chosen
  // options' grade fractions (data-weight, in percent: the right options share +100, the wrong
  // ones -100), kept between 0 and 1. Rounded to 4 places so that three picks of 33.33333 make 1.
  function markOf(fieldset, chosen) {
    var sum = optionsOf(fieldset).filter(function (o) {
      return chosen.indexOf(Number(o.getAttribute("data-index"))) >= 0;
    }).reduce(function (total, o) { return total + Number(o.getAttribute("data-weight")); }, 0);
    return Math.round(Math.min(100, Math.max(0, sum)) * 100) / 10000;
  }

  function marks() {
    return fieldsets.reduce(function (total, fs, i) { return total + markOf(fs, state.answers[i]); }, 0);
  }

  function markText(mark) {
    if (mark >= 1) { return "Your answer is correct."; }
    if (mark > 0) {
      return "Your answer is partly correct: it earns " + Math.round(mark * 100) + " % of the question's mark.";
    }
    return "Your answer is not correct.";
  }

  // Show the current attempt: its option order, its answers, and (when allowed) the feedback.
  function paint(showFeedback, locked) {
    fieldsets.forEach(function (fs, i) {
      var box = fs.querySelector(".pt-options");
      var byIndex = {};
      optionsOf(fs).forEach(function (o) { byIndex[o.getAttribute("data-index")] = o; });
      state.orders[i].forEach(function (index) { box.appendChild(byIndex[index]); });
      optionsOf(fs).forEach(function (o) {
        var input = o.querySelector("input");
        input.checked = state.answers[i].indexOf(Number(input.value)) >= 0;
        input.disabled = locked;
        o.querySelector(".pt-rationale").hidden = !showFeedback;
      });
      var mark = fs.querySelector(".pt-mark");
      mark.hidden = !showFeedback;
      mark.textContent = markText(markOf(fs, state.answers[i]));
    });
  }

  function work() {
    result.hidden = true;
    unanswered.hidden = true;
    paint(false, false);
    form.hidden = false;
    set("cmi.core.lesson_status", "incomplete");
    set("cmi.core.exit", "suspend");
    save();
  }

  function showResult() {
    var total = marks();
    var passed = state.phase === "p";
    var left = maxAttempts > 0 ? maxAttempts - state.attempt : -1;
    var text = "You scored " + (Math.round(total * 100) / 100) + " of " + fieldsets.length + " marks (" +
      state.score + " %). The pass mark is " + passMark + " %: " +
      (passed ? "you passed." : "you did not pass this time.");
    if (!passed) {
      text += left === 0 ? " You have no attempts left; your program can tell you what happens next."
        : left > 0 ? " You have " + left + " attempt" + (left === 1 ? "" : "s") + " left." : "";
    }
    var showFeedback = feedback === "each" || (feedback === "final" && over());
    if (showFeedback) {
      text += " Each question below shows whether your answer was correct and why each option is or is not.";
    } else if (feedback === "final") {
      text += " The answers and their explanations appear once the test is over.";
    }
    resultText.textContent = text;
    retake.hidden = over();
    paint(showFeedback, true);
    form.hidden = !showFeedback;
    document.getElementById("pt-submit").hidden = true;
    result.hidden = false;
    result.focus();
  }

  function onChange(event) {
    var fs = event.target.closest(".pt-question");
    if (!fs || !state || state.phase !== "w") { return; }
    var i = fieldsets.indexOf(fs);
    state.answers[i] = optionsOf(fs).map(function (o) { return o.querySelector("input"); })
      .filter(function (input) { return input.checked; })
      .map(function (input) { return Number(input.value); }).sort();
    save();
  }

  function onSubmit(event) {
    event.preventDefault();
    if (!state || state.phase !== "w") { return; }
    var missing = [];
    fieldsets.forEach(function (fs, i) { if (!state.answers[i].length) { missing.push(i + 1); } });
    if (missing.length) {
      unanswered.textContent = missing.length + (missing.length === 1 ? " question has" : " questions have") +
        " no answer yet: question " + missing.join(", ") + ". Answer every question, then submit.";
      unanswered.hidden = false;
      var first = fieldsets[missing[0] - 1].querySelector("input");
      first.focus();
      return;
    }
    // Rounded down, so the score and the verdict agree with an LMS that compares the score
    // with the manifest's mastery score (the same pass mark). The small allowance keeps a sum
    // of rounded marks that is exactly on a whole percent from falling below it.
    state.score = Math.floor(100 * marks() / fieldsets.length + 1e-9);
    state.phase = state.score >= passMark ? "p" : "f";
    set("cmi.core.score.min", 0);
    set("cmi.core.score.max", 100);
    set("cmi.core.score.raw", state.score);
    set("cmi.core.lesson_status", state.phase === "p" ? "passed" : "failed");
    set("cmi.core.exit", over() ? "" : "suspend");
    save();
    showResult();
  }

  function onRetake() {
    state = freshState(state.attempt + 1);
    document.getElementById("pt-submit").hidden = false;
    work();
    fieldsets[0].querySelector("input").focus();
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function finish() {
    if (finished || !api) { return; }
    finished = true;
    var seconds = Math.floor((Date.now() - started) / 1000);
    set("cmi.core.session_time", pad(Math.min(9999, Math.floor(seconds / 3600))) + ":" +
      pad(Math.floor(seconds / 60) % 60) + ":" + pad(seconds % 60));
    api.LMSFinish("");
  }

  function start() {
    api = findAPI(window) || (window.opener ? findAPI(window.opener) : null);
    if (!api) {
      say("This post-test records your result in your learning management system, and no " +
        "connection to it was found. Open the post-test from your course in the LMS.");
      return;
    }
    if (String(api.LMSInitialize("")) !== "true") {
      api = null;
      say("Your learning management system did not open a session for the post-test. Close " +
        "this window and open the post-test again from your course.");
      return;
    }
    var lmsStatus = api.LMSGetValue("cmi.core.lesson_status");
    state = decode(api.LMSGetValue("cmi.suspend_data"));
    form.addEventListener("change", onChange);
    form.addEventListener("submit", onSubmit);
    retake.addEventListener("click", onRetake);
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
    if (!state && lmsStatus === "passed") {
      say("Your learning management system records this post-test as passed.");
      return;
    }
    if (!state) {
      state = freshState(1);
    }
    if (state.phase === "w") {
      if (lmsStatus === "incomplete" && state.answers.some(function (a) { return a.length; })) {
        say("Welcome back: your answers so far are restored.");
      }
      work();
    } else {
      showResult();
    }
  }

  start();
}());
