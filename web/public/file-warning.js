/* global document, location */
// Browsers refuse module scripts on pages opened straight from disk (file://), so the page would
// stay empty. This classic script still runs there and says what to do instead.
if (location.protocol === 'file:') {
  var warning = document.getElementById('file-warning');
  var status = document.getElementById('status');
  if (warning) warning.hidden = false;
  if (status) status.textContent = '无法在直接打开的文件中运行：请运行 xxgk-lint serve 后用浏览器打开它显示的网址。';
}
