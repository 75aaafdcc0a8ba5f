// Storeline's own script: no inline script anywhere (the pages' Content-Security-Policy forbids it), so what the
// pages need beyond htmx is here. It only enhances: every form and link works without it.
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // Every htmx request carries the session's CSRF token (the server checks it on anything that changes data).
  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrfToken();
    if (token) {
      event.detail.headers["X-CSRF-Token"] = token;
    }
  });

  // Menus that apply on change (outlet, language); their buttons stay for keyboards and browsers without script.
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-autosubmit")) {
      form.requestSubmit ? form.requestSubmit() : form.submit();
    }
  });
  document.documentElement.classList.add("js");

  function alertBox() {
    return document.getElementById("app-alert");
  }

  function showAlert(text) {
    var box = alertBox();
    if (box) {
      box.textContent = text;
      box.hidden = false;
    }
  }

  function hideAlert() {
    var box = alertBox();
    if (box && !box.hidden) {
      box.hidden = true;
      box.textContent = "";
    }
  }

  // A failed refresh says so, with the server's words, instead of leaving an old list silently.
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    showAlert(document.body.dataset.msgError + " " + (xhr && xhr.responseText ? xhr.responseText : xhr.status));
  });
  document.addEventListener("htmx:sendError", function () {
    showAlert(document.body.dataset.msgError + " " + document.body.dataset.msgOffline);
  });
  document.addEventListener("htmx:afterSwap", hideAlert);

  // A board refreshed by the live stream: the orders that arrived are marked where they belong (the list stays
  // oldest first, so rows above them do not move) and named in a short notice that screen readers read too.
  var knownRows = null;
  var noticeTimer = null;

  function rowIds() {
    return Array.prototype.map.call(document.querySelectorAll("#board tr[data-fulfillment]"), function (row) {
      return row.getAttribute("data-fulfillment");
    });
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "board") {
      knownRows = rowIds();
    }
  });

  document.addEventListener("htmx:afterSettle", function () {
    var board = document.getElementById("board");
    if (!board || knownRows === null) {
      return;
    }
    var before = knownRows;
    knownRows = null;
    var arrived = [];
    Array.prototype.forEach.call(board.querySelectorAll("tr[data-fulfillment]"), function (row) {
      if (before.indexOf(row.getAttribute("data-fulfillment")) < 0) {
        row.classList.add("arrived");
        var receipt = row.querySelector("a.receipt");
        arrived.push(receipt ? receipt.textContent.trim() : "");
      }
    });
    var notice = document.getElementById("live-notice");
    if (arrived.length === 0 || !notice) {
      return;
    }
    notice.classList.add("shown");
    notice.textContent = board.getAttribute("data-msg-arrived").replace("{0}", arrived.join(", "));
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(function () {
      notice.classList.remove("shown");
      notice.textContent = "";
    }, 10000);
  });

  // The live stream: tell when it drops (the extension reconnects by itself), and clear the notice when it is back.
  document.addEventListener("htmx:sseError", function () {
    showAlert(document.body.dataset.msgOffline);
  });
  document.addEventListener("htmx:sseOpen", hideAlert);

  // A page left for another may be kept in the back-forward cache with its event stream still open; a few such pages
  // use up the browser's connections to the server and the next page waits for ever. So the stream is closed when the
  // page is hidden, and a page brought back from that cache is loaded again (fresh, with a stream of its own).
  window.addEventListener("pagehide", function () {
    var live = document.querySelector("[sse-connect]");
    if (live && window.htmx) {
      window.htmx.trigger(live, "htmx:beforeCleanupElement");
    }
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      window.location.reload();
    }
  });
})();
