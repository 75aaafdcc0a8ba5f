// The Fulfillments board's details drawer: a row's receipt opens its fulfillment in a modal <dialog> (htmx loads the
// fragment; without script the link opens the fulfillment's page). Focus moves into the drawer, Tab stays in it,
// Escape or Close shuts it and focus goes back to the row's link, found again by its id if the live board was
// redrawn meanwhile. A request that fails says so in the drawer, with the server's words and a Retry.
(function () {
  "use strict";

  var openerId = null;

  function drawer() {
    return document.getElementById("drawer");
  }

  function focusables(root) {
    return Array.prototype.filter.call(
      root.querySelectorAll('a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]),'
        + ' select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'),
      function (el) {
        return el.offsetParent !== null || el === document.activeElement;
      });
  }

  function inDrawer(elt) {
    var d = drawer();
    return d !== null && elt instanceof Node && d.contains(elt);
  }

  function isOpener(elt) {
    return elt && elt.hasAttribute && elt.hasAttribute("data-drawer-open");
  }

  function focusInside() {
    var d = drawer();
    var target = d.querySelector("[data-outcome]") || d.querySelector("#drawer-title") || focusables(d)[0];
    if (target) {
      target.focus();
    }
  }

  function show() {
    var d = drawer();
    if (!d.open) {
      d.showModal();
    }
    focusInside();
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    if (isOpener(elt)) {
      openerId = elt.getAttribute("data-drawer-open");
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.target;
    if (target && target.id === "drawer-body") {
      show();
    }
  });

  function failed(event) {
    var elt = event.detail.elt;
    if (!isOpener(elt) && !inDrawer(elt)) {
      return;
    }
    var d = drawer();
    var body = document.getElementById("drawer-body");
    var xhr = event.detail.xhr;
    var box = document.createElement("div");
    box.className = "error-box drawer-error";
    box.setAttribute("role", "alert");
    box.tabIndex = -1;
    box.setAttribute("data-outcome", "");
    var text = document.createElement("p");
    text.textContent = d.dataset.msgFailed + " " + serverMessage(xhr);
    var retry = document.createElement("button");
    retry.type = "button";
    retry.className = "secondary";
    retry.textContent = d.dataset.msgRetry;
    retry.addEventListener("click", function () {
      box.remove();
      again(elt, event.detail.requestConfig);
    });
    box.appendChild(text);
    box.appendChild(retry);
    var old = body.querySelector(".drawer-error");
    if (old) {
      old.remove();
    }
    if (!body.firstElementChild) {
      var close = document.createElement("button");
      close.type = "button";
      close.className = "secondary drawer-close";
      close.setAttribute("data-drawer-close", "");
      close.textContent = d.dataset.msgClose;
      body.appendChild(close);
    }
    body.insertBefore(box, body.firstChild);
    show();
  }

  // The server's own words: the error page's heading and text, or the status when it sent none.
  function serverMessage(xhr) {
    if (!xhr || !xhr.status) {
      return document.body.dataset.msgOffline || "";
    }
    var doc = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
    var parts = Array.prototype.map.call(doc.querySelectorAll("main h1, main p"), function (el) {
      return el.textContent.trim();
    }).filter(function (s) {
      return s.length > 0;
    });
    return parts.length > 0 ? parts.slice(0, 2).join(" ") : "HTTP " + xhr.status;
  }

  function again(elt, config) {
    if (elt.isConnected && elt.tagName === "FORM") {
      elt.requestSubmit ? elt.requestSubmit() : htmx.trigger(elt, "submit");
    } else if (elt.isConnected) {
      htmx.trigger(elt, "click");
    } else if (config) {
      htmx.ajax(config.verb.toUpperCase(), config.path, {target: "#drawer-body", swap: "innerHTML"});
    }
  }

  document.addEventListener("htmx:responseError", failed);
  document.addEventListener("htmx:sendError", failed);

  document.addEventListener("click", function (event) {
    var d = drawer();
    if (!d || !d.open) {
      return;
    }
    if (event.target === d || (event.target.closest && event.target.closest("[data-drawer-close]"))) {
      d.close();
    }
  });

  document.addEventListener("keydown", function (event) {
    var d = drawer();
    if (!d || !d.open || event.key !== "Tab") {
      return;
    }
    var list = focusables(d);
    if (list.length === 0) {
      event.preventDefault();
      return;
    }
    var first = list[0];
    var last = list[list.length - 1];
    var active = document.activeElement;
    if (!d.contains(active)) {
      event.preventDefault();
      first.focus();
    } else if (event.shiftKey && (active === first || active === d.querySelector("#drawer-title"))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  });

  function whenClosed() {
    var body = document.getElementById("drawer-body");
    if (body) {
      body.textContent = "";
    }
    if (openerId) {
      var link = document.querySelector('[data-drawer-open="' + openerId + '"]');
      if (link) {
        link.focus();
      }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var d = drawer();
    if (d) {
      d.addEventListener("close", whenClosed);
    }
  });
})();
