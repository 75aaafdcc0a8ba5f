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

  // The top bar's menu button (shown on a phone): it shows or hides what it controls (CSS reads aria-expanded), with
  // the account's language and sign-out open inside it; Escape, pressed in the bar, closes it and puts the focus back
  // on the button.
  function setMenu(toggle, open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    var menu = document.getElementById(toggle.getAttribute("aria-controls"));
    Array.prototype.forEach.call(menu ? menu.querySelectorAll("details.account") : [], function (details) {
      details.open = open;
    });
  }

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest ? event.target.closest("[data-menu-toggle]") : null;
    if (toggle) {
      setMenu(toggle, toggle.getAttribute("aria-expanded") !== "true");
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) {
      return;
    }
    var toggle = document.querySelector('[data-menu-toggle][aria-expanded="true"]');
    var menu = toggle ? document.getElementById(toggle.getAttribute("aria-controls")) : null;
    if (menu && (toggle === document.activeElement || menu.contains(document.activeElement))) {
      setMenu(toggle, false);
      toggle.focus();
    }
  });

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

  // A page the browser keeps for its Back button (the back-forward cache) kept its live stream open, and a browser
  // opens only six connections to a site: after a few pages, every request waited. The stream closes when the page is
  // left; a page shown again from that cache reloads, since what it shows is old by then.
  var streams = [];
  if (window.htmx) {
    var createStream = htmx.createEventSource || function (url) {
      return new EventSource(url);
    };
    htmx.createEventSource = function (url) {
      var source = createStream(url);
      streams.push(source);
      return source;
    };
  }
  window.addEventListener("pagehide", function () {
    streams.forEach(function (source) {
      source.close();
    });
    streams = [];
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      window.location.reload();
    }
  });
})();
