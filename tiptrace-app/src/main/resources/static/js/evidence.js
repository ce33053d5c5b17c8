// The files panel's one behaviour: "reveal" lifts the blur of a viewable image, after the server
// has recorded the unblur in the audit log (POST …/reveal); "blur again" restores it. Loaded from a
// file because the Content-Security-Policy forbids inline script. Delegated from the document, so
// panels that htmx swaps in later work too; a second load of this file does nothing.
(function () {
  'use strict';
  if (window.tiptraceEvidenceLoaded) {
    return;
  }
  window.tiptraceEvidenceLoaded = true;

  function veil(image, button, on) {
    image.classList.toggle('veiled', on);
    button.setAttribute('aria-pressed', on ? 'false' : 'true');
    button.textContent = (on ? 'Reveal file ' : 'Blur file ') + button.dataset.fileId;
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button.evidence-reveal');
    if (!button) {
      return;
    }
    var image = document.getElementById(button.getAttribute('aria-controls'));
    var panel = button.closest('.evidence-panel');
    if (!image || !panel) {
      return;
    }
    if (!button.dataset.fileId) {
      button.dataset.fileId = button.textContent.replace(/^Reveal file /, '');
    }
    if (!image.classList.contains('veiled')) {
      veil(image, button, true);
      return;
    }
    var headers = {};
    headers[panel.dataset.csrfHeader] = panel.dataset.csrfToken;
    fetch(button.dataset.reveal, { method: 'POST', credentials: 'same-origin', headers: headers })
      .then(function (response) {
        if (response.status === 204) {
          veil(image, button, false);
        } else {
          button.textContent = 'Reveal refused (' + response.status + ')';
        }
      })
      .catch(function () {
        button.textContent = 'Reveal failed';
      });
  });
})();
