/* Self-check questions: check an answer, explain every chosen option, remember answers locally.
 *
 * Progressive enhancement: without this script each question still offers a
 * "Show answer and rationale" disclosure. No inline handlers, no network, no author HTML
 * injected: feedback is built from nodes already in the page.
 */
(function () {
  "use strict";

  // Saved answers name each chosen option by its key (a digest of its text, the input's value),
  // never by its place: the build shuffles options, and an author may reorder or reword them.
  var PREFIX = "coursekit:v2:answer:";
  // Version 1 saved displayed positions, which no longer say which option was meant: dropped.
  var OLD_PREFIX = "coursekit:v1:answer:";
  var ANSWER = /^coursekit:v\d+:answer:/;

  function storage() {
    try {
      var probe = PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // private mode or a file:// policy: answers are simply not remembered
    }
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
    var label = document.querySelector("label[for='ck-" + question.getAttribute("data-ck-question") + "-" + index + "']");
    var heading = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = (isCorrect(question, index) ? "Right: " : "Not right: ");
    heading.appendChild(strong);
    heading.appendChild(document.createTextNode(label ? label.textContent : ""));
    wrapper.appendChild(heading);
    var rationale = item && item.querySelector(".ck-rationale");
    if (rationale) {
      wrapper.appendChild(rationale.cloneNode(true));
    }
    return wrapper;
  }

  function showFeedback(question, selected) {
    var feedback = question.querySelector(".ck-feedback");
    feedback.textContent = "";
    if (selected.length === 0) {
      feedback.appendChild(paragraph("Choose an answer first.", "ck-verdict-line"));
      return;
    }
    var all = inputs(question).map(function (input, index) { return index; });
    var correct = all.filter(function (index) { return isCorrect(question, index); });
    var wrongChosen = selected.filter(function (index) { return !isCorrect(question, index); });
    var missed = correct.filter(function (index) { return selected.indexOf(index) === -1; });
    var solved = wrongChosen.length === 0 && missed.length === 0;
    var verdict = solved ? "Correct." : "Not quite.";
    if (!solved && wrongChosen.length === 0 && missed.length > 0) {
      verdict = "Partly right: at least one more option is correct.";
    }
    feedback.className = "ck-feedback " + (solved ? "ck-solved" : "ck-unsolved");
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
  }

  function save(store, question, selected) {
    if (store) {
      var boxes = inputs(question);
      var keys = selected.map(function (index) { return boxes[index].value; });
      store.setItem(PREFIX + question.getAttribute("data-ck-question"), JSON.stringify(keys));
    }
  }

  function restore(store, question) {
    if (!store) {
      return;
    }
    var id = question.getAttribute("data-ck-question");
    store.removeItem(OLD_PREFIX + id);
    var raw = store.getItem(PREFIX + id);
    if (!raw) {
      return;
    }
    var keys;
    try {
      keys = JSON.parse(raw);
    } catch (error) {
      keys = null;
    }
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
    showFeedback(question, chosen(question));
  }

  function reset(question) {
    inputs(question).forEach(function (input) { input.checked = false; });
    var feedback = question.querySelector(".ck-feedback");
    feedback.textContent = "";
    feedback.className = "ck-feedback";
    var details = question.querySelector("details.ck-answer");
    if (details) {
      details.open = false;
      details.hidden = true;
    }
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
      var button = question.querySelector(".ck-check");
      var details = question.querySelector("details.ck-answer");
      button.hidden = false;
      if (details) {
        details.hidden = true; // offered again once the learner has tried
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var selected = chosen(question);
        showFeedback(question, selected);
        if (selected.length > 0) {
          save(store, question, selected);
        }
      });
      restore(store, question);
    });
    var tools = document.querySelector("[data-ck-tools]");
    if (tools && store && !tools.getAttribute("data-ck-ready")) {
      tools.setAttribute("data-ck-ready", "true");
      tools.hidden = false;
      var clear = tools.querySelector(".ck-clear");
      var status = tools.querySelector(".ck-clear-status");
      clear.addEventListener("click", function () {
        // Collect first, then remove: removing while walking store.key(i) would skip keys.
        var keys = [];
        for (var i = 0; i < store.length; i += 1) {
          var key = store.key(i);
          if (key && ANSWER.test(key)) {
            keys.push(key);
          }
        }
        keys.forEach(function (key) { store.removeItem(key); });
        document.querySelectorAll("[data-ck-question]").forEach(reset);
        status.textContent = "Your saved answers have been cleared from this browser.";
      });
    }
  }

  // Initialise once per document. Material's document$ emits for the page already loaded and
  // again after each instant navigation, so when it exists it is the only trigger; calling
  // init() directly as well would run it twice on the first page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
