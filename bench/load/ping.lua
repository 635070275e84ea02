-- wrk script for bench/run-load.sh's HTTP ceiling: plain GET /ping (wrk's fast path: no request or response
-- function), reporting the same key=value lines as ballots.lua.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests=%d\nseconds=%.3f\nnot_200=%d\nsocket_errors=%d\n", summary.requests,
    summary.duration / 1e6, e.status, e.connect + e.read + e.write + e.timeout))
  for _, p in ipairs({ 50, 90, 99 }) do
    io.write(string.format("p%d_ms=%.1f\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max_ms=%.1f\n", latency.max / 1000))
end
