// An open conversation in an online space (spaces/thread.html): now and then ask how many messages the reader may
// see, and offer "there are new messages" when the number grew. Nothing else: no message text travels this way,
// and without JavaScript the page works as it is (reload to see new messages).
"use strict";
(function () {
  var notice = document.getElementById("new-posts");
  if (!notice || !window.fetch) {
    return;
  }
  var shown = parseInt(notice.getAttribute("data-posts"), 10) || 0;
  var seconds = Math.max(parseInt(notice.getAttribute("data-seconds"), 10) || 30, 1);
  var url = notice.getAttribute("data-url");
  function ask() {
    fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (state) {
        if (state && state.posts > shown) {
          notice.hidden = false;
        } else {
          window.setTimeout(ask, seconds * 1000);
        }
      })
      .catch(function () {
        window.setTimeout(ask, seconds * 4000);
      });
  }
  window.setTimeout(ask, seconds * 1000);
})();
