// Progressive enhancement only: every page works without this file.
// Destructive actions ask for confirmation before their form is sent.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
