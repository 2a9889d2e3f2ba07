// Refresh the upload list's rows in place while documents wait or are being read.
// Progressive enhancement: without JavaScript the page refreshes itself (noscript meta refresh).
(function () {
  "use strict";
  var PENDING = ["waiting", "parsing"];
  var INTERVAL_MS = 2000;

  function pending(tbody) {
    return Array.prototype.some.call(tbody.querySelectorAll("tr[data-status]"), function (row) {
      return PENDING.indexOf(row.getAttribute("data-status")) !== -1;
    });
  }

  function poll(table, tbody) {
    if (!pending(tbody)) {
      return;
    }
    window.setTimeout(function () {
      fetch(table.getAttribute("data-rows-url"), {
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("status " + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          // The server renders and escapes the rows; the same template as the full page.
          var template = document.createElement("template");
          template.innerHTML = html;
          tbody.replaceChildren(template.content);
          poll(table, tbody);
        })
        .catch(function () {
          window.setTimeout(function () { poll(table, tbody); }, INTERVAL_MS * 5);
        });
    }, INTERVAL_MS);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var table = document.querySelector("table[data-rows-url]");
    var tbody = table && table.querySelector("tbody");
    if (table && tbody) {
      poll(table, tbody);
    }
  });
})();
