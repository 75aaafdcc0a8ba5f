// Sales history's dialogs (Apply payment, Return items, Cancel) and a user's Deactivate: native <dialog>s shown
// modal, so focus moves in, stays in (the page behind is inert) and goes back to the button that opened it. Without
// script, each opening link loads the page with its dialog shown in place, and every form still posts.
(function () {
  "use strict";

  var openers = {};

  function show(dialog, opener) {
    if (!dialog || typeof dialog.showModal !== "function") {
      return false;
    }
    if (dialog.hasAttribute("open")) {
      dialog.removeAttribute("open");
    }
    openers[dialog.id] = opener || document.querySelector('[data-dialog="' + dialog.id + '"]');
    dialog.showModal();
    var first = dialog.querySelector("[autofocus]") || dialog.querySelector("input:not([type=hidden]), select, button");
    if (first) {
      first.focus();
    }
    return true;
  }

  document.addEventListener("click", function (event) {
    var opener = event.target.closest("[data-dialog]");
    if (opener && show(document.getElementById(opener.getAttribute("data-dialog")), opener)) {
      event.preventDefault();
    }
  });

  document.querySelectorAll("dialog.dialog").forEach(function (dialog) {
    dialog.addEventListener("close", function () {
      var opener = openers[dialog.id];
      if (opener && document.contains(opener)) {
        opener.focus();
      }
    });
  });

  // A dialog the page was asked to show (Take payment from a fulfillment, a refused form with the server's reason).
  var asked = document.querySelector("dialog.dialog[data-open]");
  if (asked) {
    show(asked, null);
  }
})();
