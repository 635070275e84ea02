// Runs only in browsers without ES modules (nomodule): the ballot cannot work there, so say what to do.
(function () {
  var heading = document.querySelector('#app h1');
  if (!heading) return;
  heading.textContent = '浏览器版本过旧';
  var p = document.createElement('p');
  p.className = 'v-text';
  p.textContent = '当前浏览器无法打开选票。请更新微信或换用手机自带的浏览器重新扫码，或向会场工作人员求助。';
  heading.parentNode.appendChild(p);
})();
