// The entry page /v: the code typed from under a slip's QR code becomes the slip's token here, in the browser,
// and the voter's page opens at /v/<token> exactly as a scan would open it. The code is the token's 160 bits in
// Crockford's base32 (org.pingyi.slip.SlipCodes); it is never sent to the server in any other form.
// A classic script in ES5: this page is for the phones whose camera or browser did not cope.
(function () {
  'use strict';
  var ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  var SYMBOLS = 32;
  var form = document.getElementById('entry');
  var input = document.getElementById('code');
  var problem = document.getElementById('problem');

  function clean(text) {
    return text.toUpperCase().replace(/[\s\-\u2010-\u2015\uff0d]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  }

  /** The token for a clean code, or a Chinese sentence saying what is wrong with it. */
  function tokenOf(code) {
    if (code.length !== SYMBOLS) {
      return { problem: '票码应为 ' + SYMBOLS + ' 位字母和数字，您输入了 ' + code.length + ' 位，请核对。' };
    }
    var binary = '';
    var buffer = 0;
    var bits = 0;
    for (var i = 0; i < code.length; i++) {
      var value = ALPHABET.indexOf(code.charAt(i));
      if (value < 0) return { problem: '票码中没有字符“' + code.charAt(i) + '”，请核对。' };
      buffer = ((buffer << 5) | value) & 0xfff;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        binary += String.fromCharCode((buffer >>> bits) & 0xff);
      }
    }
    return { token: window.btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') };
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var result = tokenOf(clean(input.value));
    if (result.problem) {
      problem.textContent = result.problem;
      problem.hidden = false;
      input.focus();
      return;
    }
    problem.hidden = true;
    window.location.replace('/v/' + result.token);
  });
  input.focus();
}());
