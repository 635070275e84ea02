-- wrk script for bench/crowd.sh: every connection is a phone. For each slip of a token file, once, it loads
-- the voter's page as a phone does: GET /v/<token>, then every style and module the page loads, then the
-- ballot paper (GET /api/v/<token>), and submits the ballot (POST /api/v/<token>), all on one keep-alive
-- connection, pipelined (wrk sends them together and reads the answers in order). wrk measures each voter's
-- latency from the first request to the last answer. Each wrk thread takes every n-th token; once its tokens
-- are used it sends as many GET /ping as a voter's requests, and stops when the last of its ballots is
-- answered (or after 15 s without a ballot answer, if a connection broke), leaving a file in the done
-- directory (see run_wrk in bench/lib.sh).
--
--   wrk ... -s bench/load/voters.lua http://host:port -- tokens.txt <threads> answers.json <nonce prefix> \
--       <done directory> <file listing the page's assets, one path per line>

local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

-- sent, answered, statuses and errors are globals: done() reads them from each thread with thread:get.
local tokens, next_token, answers, prefix, assets, pings, last_answer, done_file, stopped
local GIVE_UP_SECONDS = 15

function init(args)
  local count = tonumber(args[2])
  tokens, next_token, sent, answered, statuses, errors = {}, 1, 0, 0, {}, {}
  local line_number = 0
  for line in io.lines(args[1]) do
    if line_number % count == index then tokens[#tokens + 1] = line end
    line_number = line_number + 1
  end
  local file = assert(io.open(args[3], "r"))
  answers = file:read("*a"):gsub("%s+$", "")
  file:close()
  prefix, done_file, stopped = args[4], args[5] .. "/" .. index, false
  assets = {}
  for line in io.lines(args[6]) do assets[#assets + 1] = wrk.format("GET", line) end
  pings = string.rep(wrk.format("GET", "/ping"), #assets + 3)
  last_answer = os.time()
end

local headers = { ["Content-Type"] = "application/json" }
local verified = false

function request()
  -- wrk calls request() once on its first thread before any connection opens, to count the pipelined
  -- requests; that batch is never sent, so it must not take a slip.
  if index == 0 and not verified then
    verified = true
    return pings
  end
  if next_token > #tokens then return pings end
  local token = tokens[next_token]
  next_token = next_token + 1
  sent = sent + 1
  local nonce = string.format("%s%03d%020d", prefix, index, sent)
  local voter = { wrk.format("GET", "/v/" .. token) }
  for _, asset in ipairs(assets) do voter[#voter + 1] = asset end
  voter[#voter + 1] = wrk.format("GET", "/api/v/" .. token)
  voter[#voter + 1] = wrk.format("POST", "/api/v/" .. token, headers,
    '{"nonce":"' .. nonce .. '","answers":' .. answers .. '}')
  return table.concat(voter)
end

-- Answers of the thread's connections interleave, so they are told apart by what they say: /ping answers
-- "ok", a ballot 201 (or a receipt, for a replay), and any refusal is a JSON error, counted by status.
function response(status, headers, body)
  if body == "ok" then
    -- a ping of a thread whose tokens are used
  elseif status == 201 or body:find('"receipt"', 1, true) then
    answered = answered + 1
    statuses[status] = (statuses[status] or 0) + 1
    last_answer = os.time()
  elseif status >= 400 then
    answered = answered + 1
    errors[status] = (errors[status] or 0) + 1
    last_answer = os.time()
  end
  if not stopped and next_token > #tokens and (answered == sent or os.time() - last_answer > GIVE_UP_SECONDS) then
    stopped = true
    wrk.thread:stop()
    assert(io.open(done_file, "w")):close()
  end
end

function done(summary, latency, requests)
  local sent_all, answered_all, by_status, pages = 0, 0, {}, {}
  for _, thread in ipairs(threads) do
    sent_all = sent_all + thread:get("sent")
    answered_all = answered_all + thread:get("answered")
    for status, n in pairs(thread:get("statuses")) do by_status[status] = (by_status[status] or 0) + n end
    for status, n in pairs(thread:get("errors")) do pages[status] = (pages[status] or 0) + n end
  end
  local function listed(counts, except)
    local out = {}
    for status, n in pairs(counts) do
      if status ~= except then out[#out + 1] = status .. ":" .. n end
    end
    table.sort(out)
    return table.concat(out, ",")
  end
  local e = summary.errors
  io.write(string.format("sent=%d\nanswered=%d\naccepted=%d\nnot_201=%s\nerrors=%s\n", sent_all,
    answered_all, by_status[201] or 0, listed(by_status, 201), listed(pages, nil)))
  io.write(string.format("socket_errors=%d\nrequests=%d\nbytes=%d\nseconds=%.3f\n",
    e.connect + e.read + e.write + e.timeout, summary.requests, summary.bytes, summary.duration / 1e6))
  for _, p in ipairs({ 50, 90, 99 }) do
    io.write(string.format("p%d_ms=%.1f\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max_ms=%.1f\n", latency.max / 1000))
end
