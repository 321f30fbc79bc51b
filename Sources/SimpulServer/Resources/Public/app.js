// Progressive enhancement only: every page works without this file.
// Destructive actions ask for confirmation before their form is sent.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// Live inbox: the server streams events (Server-Sent Events) for the messages in scope. The
// inbox list says how many new messages arrived; a thread says when someone else changed it.
(function () {
  var banner = document.getElementById("live-banner");
  if (!banner || !window.EventSource) return;
  var text = banner.querySelector("span");
  var current = banner.getAttribute("data-message");
  var count = 0;
  var source = new EventSource("/inbox/events");
  source.addEventListener("new", function () {
    if (current) return;
    count += 1;
    text.textContent = banner.getAttribute("data-new").replace("{n}", count);
    banner.hidden = false;
  });
  source.addEventListener("updated", function (event) {
    var data = JSON.parse(event.data);
    if (!current || data.message.toLowerCase() !== current.toLowerCase()) return;
    text.textContent = banner.getAttribute("data-updated");
    banner.hidden = false;
  });
})();
