// Behaviour shared by every page. No inline scripts: the Content-Security-Policy forbids them.
"use strict";

// A region loaded with hx-get that carries data-load-error shows that text when the request fails
// (error status or no connection), instead of staying on "Loading".
function tiptraceLoadFailed(event) {
  var target = event.detail && event.detail.elt;
  if (!target || !target.hasAttribute("data-load-error")) {
    return;
  }
  var message = document.createElement("p");
  message.className = "notice";
  message.setAttribute("role", "status");
  message.textContent = target.getAttribute("data-load-error");
  target.replaceChildren(message);
  target.setAttribute("data-load-failed", "true");
}

document.addEventListener("htmx:responseError", tiptraceLoadFailed);
document.addEventListener("htmx:sendError", tiptraceLoadFailed);

// The queue's "Explain" buttons say whether their explanation is open.
document.addEventListener("htmx:afterSwap", function (event) {
  var target = event.detail && event.detail.target;
  if (!target || !target.id || target.id.indexOf("explain-") !== 0) {
    return;
  }
  var button = document.querySelector('[aria-controls="' + target.id + '"]');
  if (button) {
    button.setAttribute("aria-expanded", "true");
  }
});
