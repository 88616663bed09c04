/* Self-check questions: check an answer, explain every chosen option, remember answers locally.
 *
 * Progressive enhancement: without this script each question still offers a
 * "Show answer and rationale" disclosure. No inline handlers, no network, no author HTML
 * injected: feedback is built from nodes already in the page.
 */
(function () {
  "use strict";

  var PREFIX = "coursekit:v1:answer:";

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

  function chosen(question) {
    return inputs(question)
      .filter(function (input) { return input.checked; })
      .map(function (input) { return Number(input.value); });
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
    var all = inputs(question).map(function (input) { return Number(input.value); });
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
      store.setItem(PREFIX + question.getAttribute("data-ck-question"), JSON.stringify(selected));
    }
  }

  function restore(store, question) {
    if (!store) {
      return;
    }
    var raw = store.getItem(PREFIX + question.getAttribute("data-ck-question"));
    if (!raw) {
      return;
    }
    var selected;
    try {
      selected = JSON.parse(raw);
    } catch (error) {
      return;
    }
    if (!Array.isArray(selected)) {
      return;
    }
    var boxes = inputs(question);
    selected.forEach(function (index) {
      if (boxes[index]) {
        boxes[index].checked = true;
      }
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
    if (tools && store) {
      tools.hidden = false;
      var clear = tools.querySelector(".ck-clear");
      var status = tools.querySelector(".ck-clear-status");
      clear.addEventListener("click", function () {
        var keys = [];
        for (var i = 0; i < store.length; i += 1) {
          var key = store.key(i);
          if (key && key.indexOf(PREFIX) === 0) {
            keys.push(key);
          }
        }
        keys.forEach(function (key) { store.removeItem(key); });
        questions.forEach(reset);
        status.textContent = "Your saved answers have been cleared from this browser.";
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  // Material's instant navigation swaps pages without a reload; initialise new questions too.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  }
})();
