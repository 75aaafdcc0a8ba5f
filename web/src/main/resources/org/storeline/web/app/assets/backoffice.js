// The back office screens' script (registers, catalog, customers): only what htmx attributes cannot do. A closure
// report's Print button exists only where script can print; without script the browser's own Print prints it alike.
(function () {
  "use strict";

  function ready() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
