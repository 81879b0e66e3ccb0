// The theme picker, filtered as one types (samenspel/workspace/theme_picker.py). Without this file the filter
// field is a normal submit; with it, the themes that do not match hide at once. Ticked themes always stay.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  document.querySelectorAll("[data-theme-picker]").forEach(function (picker) {
    var field = picker.querySelector("[data-theme-filter]");
    var button = picker.querySelector("[data-theme-filter-button]");
    var none = picker.querySelector("[data-theme-none]");
    if (!field) return;
    if (button) button.hidden = true;
    function apply() {
      var words = fold(field.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      picker.querySelectorAll("fieldset").forEach(function (group) {
        var legend = group.querySelector("legend");
        var inGroup = 0;
        group.querySelectorAll("[data-theme-option]").forEach(function (option) {
          var box = option.querySelector("input");
          var text = fold(option.textContent + " " + (legend ? legend.textContent : ""));
          var match = box.checked || words.every(function (word) { return text.indexOf(word) !== -1; });
          option.hidden = !match;
          if (match) inGroup += 1;
        });
        group.hidden = inGroup === 0;
        shown += inGroup;
      });
      if (none) none.hidden = shown !== 0;
    }
    field.addEventListener("input", apply);
    // Enter in the filter field filters; it does not send the form.
    field.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        apply();
      }
    });
    apply();
  });
})();
