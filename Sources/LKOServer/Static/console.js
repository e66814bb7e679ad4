// Необязательное улучшение: файлы .lko с компьютера попадают в поле «Файлы политики».
// Без JavaScript поле просто заполняется вручную.
document.addEventListener("DOMContentLoaded", function () {
  var input = document.getElementById("file-input");
  if (!input) return;
  input.closest(".file-pick").hidden = false;
  input.addEventListener("change", function () {
    var target = document.getElementById(input.dataset.target);
    var files = Array.prototype.slice.call(input.files);
    Promise.all(files.map(function (file) {
      return file.text().then(function (text) { return "=== " + file.name + " ===\n" + text.replace(/\s+$/, "") + "\n"; });
    })).then(function (parts) { if (parts.length) target.value = parts.join("\n"); });
  });
});
