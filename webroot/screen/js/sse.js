// Server-Sent Events read from a fetch() body: EventSource cannot send the Authorization header the screen
// needs, so the stream's bytes are parsed here into (event type, data) pairs. Comments (": ping") are dropped.

/** A parser fed with byte chunks; calls onEvent(type, data) for each complete event. */
export function sseParser(onEvent) {
  const decoder = new TextDecoder();
  let buffer = '';
  let type = '';
  let data = [];

  function line(text) {
    if (text === '') {
      if (data.length) onEvent(type || 'message', data.join('\n'));
      type = '';
      data = [];
      return;
    }
    if (text.charAt(0) === ':') return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.charAt(0) === ' ') value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }

  return {
    push(chunk) {
      buffer += decoder.decode(chunk, { stream: true });
      let end = buffer.indexOf('\n');
      while (end >= 0) {
        line(buffer.slice(0, end).replace(/\r$/, ''));
        buffer = buffer.slice(end + 1);
        end = buffer.indexOf('\n');
      }
    },
  };
}
