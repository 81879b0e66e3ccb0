// The quick exit (finder/quick_exit.py): leave for the neutral site and replace this page in the history, so
// Back does not return to it. Without JavaScript the button is a plain link and still leaves.
"use strict";
document.addEventListener("click", function (event) {
  var target = event.target;
  var link = target && target.closest ? target.closest("a[data-quick-exit]") : null;
  if (!link) {
    return;
  }
  event.preventDefault();
  window.location.replace(link.href);
});
