/* The public forms' proof-of-work (ALTCHA's format, solved here, verified by the altcha Python
   library on the server: wijraad.public_forms). The browser tries numbers until
   SHA-256(salt + number) equals the challenge of the form marked data-challenge; the answer goes
   into its hidden field "altcha". Served by the portal itself, no inline script, no third party.
   The markup: templates/_public_form_guard.html. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-challenge]");
  if (!form || !window.crypto || !window.crypto.subtle) {
    return;
  }
  var field = form.querySelector('input[name="altcha"]');
  var status = document.getElementById("challenge-status");
  var messages = document.getElementById("challenge-messages");
  var solved = null;
  var waiting = false;

  function say(key) {
    var node = messages && messages.content.querySelector('[data-key="' + key + '"]');
    if (node && status) {
      status.textContent = node.textContent;
    }
  }

  function hex(buffer) {
    var bytes = new Uint8Array(buffer);
    var out = "";
    for (var i = 0; i < bytes.length; i++) {
      out += bytes[i].toString(16).padStart(2, "0");
    }
    return out;
  }

  async function solve() {
    var data = form.dataset;
    var max = parseInt(data.maxNumber, 10);
    var encoder = new TextEncoder();
    var algorithm = data.algorithm;
    for (var n = 0; n <= max; n++) {
      var digest = await window.crypto.subtle.digest(algorithm, encoder.encode(data.salt + n));
      if (hex(digest) === data.challenge) {
        return btoa(JSON.stringify({
          algorithm: algorithm, challenge: data.challenge, number: n,
          salt: data.salt, signature: data.signature
        }));
      }
    }
    return null;
  }

  say("working");
  solve().then(function (payload) {
    if (!payload) {
      say("failed");
      return;
    }
    solved = payload;
    field.value = payload;
    say("ready");
    if (waiting) {
      form.requestSubmit();
    }
  }, function () { say("failed"); });

  form.addEventListener("submit", function (event) {
    if (!solved) {
      event.preventDefault();
      waiting = true;
      say("working");
    }
  });
}());
