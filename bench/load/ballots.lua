-- wrk script for the benchmarks (bench/lib.sh's run_wrk): casts every slip of a token file exactly once, as
-- phones do: POST /api/v/<token> with the event's answers and a nonce of its own (unique across the run, so
-- every ballot gets its own receipt). Each wrk thread takes every n-th token.
--
-- With an assets file (bench/crowd.sh), each voter first loads the voter's page as a phone does: GET
-- /v/<token>, every style and module the page loads, and the ballot paper (GET /api/v/<token>), all pipelined
-- on its connection with the ballot (wrk sends them together and reads the answers in order; its latency is
-- then the voter's time from the first request to the receipt).
--
-- Once its tokens are sent, a thread keeps its connections open with a GET /ping every 20 s until the last of its
-- ballots is answered, then stops, so that every answer is counted and the script can check the database against
-- them. A ballot whose connection broke is never answered (wrk counts a socket error): after 15 s without a
-- ballot answer (BALLOT_GIVE_UP_SECONDS), the thread stops anyway. wrk itself runs until its -d duration even when every thread has
-- stopped, so a stopped thread leaves a file in the done directory, and run_wrk interrupts wrk (SIGINT: it
-- then reports) once every thread has.
--
--   wrk -t2 -c2000 -d1h --timeout 60s -s bench/load/ballots.lua http://host:port -- \
--       <token file> <threads (= -t)> <answers JSON file> <nonce prefix> <done directory> \
--       [<receipts directory, or -> [<assets file>]]
-- A receipts directory gets a file per thread with the receipt code of every ballot answered 201, one per line,
-- for a check against the database; an assets file lists the page's files, one path per line.

local threads = {}
-- What a phone's browser says about compression when it loads a page and its files.
local browser = { ["Accept-Encoding"] = "gzip, deflate" }

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

-- sent, answered and statuses are globals: done() reads them from each thread with thread:get.
local tokens, next_token, answers, prefix, pings, last_answer, done_file, stopped, receipts, assets
-- BALLOT_GIVE_UP_SECONDS: a crowd's last voters wait far longer than 15 s for their receipts (bench/crowd.sh).
local GIVE_UP_SECONDS = tonumber(os.getenv("BALLOT_GIVE_UP_SECONDS") or "") or 15

-- BALLOT_PACE_MS (bench/latency.sh): each connection waits a random 0 to twice that long before each ballot,
-- as phones arriving at their own pace do, so that the arrival rate is set and latency is measured below
-- saturation (wrk times each request from its sending, after the wait). A connection whose ballots are all
-- sent idles as a phone that has voted does: a ping every 20 s keeps it open without taking the server's time
-- from the ballots still in flight.
-- wrk sends each connection's first request without a wait, so then a connection only opens with a ping
-- (BALLOT_PACE_CONNECTIONS, the -c count, tells how many first requests there are).
local pace_ms = tonumber(os.getenv("BALLOT_PACE_MS") or "")
local openings = 0
local IDLE_PING_MS = 20000

function delay()
  if tokens == nil or next_token > #tokens then return IDLE_PING_MS end
  return pace_ms and math.random(0, 2 * pace_ms) or 0
end

local function share_of_tokens(file, count)
  local mine, line_number = {}, 0
  for line in io.lines(file) do
    if line_number % count == index then mine[#mine + 1] = line end
    line_number = line_number + 1
  end
  return mine
end

function init(args)
  math.randomseed(os.time() * 100 + index)
  if pace_ms then openings = math.ceil(tonumber(os.getenv("BALLOT_PACE_CONNECTIONS")) / tonumber(args[2])) end
  tokens, next_token, sent, answered, statuses = share_of_tokens(args[1], tonumber(args[2])), 1, 0, 0, {}
  local file = assert(io.open(args[3], "r"))
  answers = file:read("*a"):gsub("%s+$", "")
  file:close()
  prefix, done_file, stopped, last_answer = args[4], args[5] .. "/" .. index, false, os.time()
  if args[6] and args[6] ~= "-" then receipts = assert(io.open(args[6] .. "/" .. index, "w")) end
  assets = {}
  if args[7] then
    for line in io.lines(args[7]) do assets[#assets + 1] = wrk.format("GET", line, browser) end
  end
  -- As many pings as a voter's requests: a pipelining wrk expects the same number of answers every time.
  pings = string.rep(wrk.format("GET", "/ping"), #assets > 0 and #assets + 3 or 1)
end

local headers = { ["Content-Type"] = "application/json" }
local verified = false

function request()
  -- wrk calls request() once on its first thread before any connection opens, to count the requests it
  -- pipelines; that batch is never sent, so it must not take a slip.
  if index == 0 and not verified then
    verified = true
    return pings
  end
  if next_token > #tokens or openings > 0 then
    openings = math.max(openings - 1, 0)
    return pings
  end
  local token = tokens[next_token]
  next_token = next_token + 1
  sent = sent + 1
  -- 24 base64url characters: the phase, the thread and the ballot's number within it.
  local nonce = string.format("%s%03d%020d", prefix, index, sent)
  local ballot = wrk.format("POST", "/api/v/" .. token, headers,
    '{"nonce":"' .. nonce .. '","answers":' .. answers .. '}')
  if #assets == 0 then return ballot end
  local voter = { wrk.format("GET", "/v/" .. token, browser) }
  for _, asset in ipairs(assets) do voter[#voter + 1] = asset end
  voter[#voter + 1] = wrk.format("GET", "/api/v/" .. token)
  voter[#voter + 1] = ballot
  return table.concat(voter)
end

-- The answers of a thread's connections interleave, so they are told apart by what they say: /ping answers
-- "ok"; a page, style, module or ballot paper answers 200 with no receipt; everything else answers a ballot
-- (201, a replay's receipt, or a refusal, counted by status; a refused page request would be counted here too).
function response(status, headers, body)
  if body == "ok" or (status == 200 and not body:find('"receipt"', 1, true)) then
    -- not a ballot's answer
  else
    answered = answered + 1
    statuses[status] = (statuses[status] or 0) + 1
    last_answer = os.time()
    if receipts and status == 201 then receipts:write(body:match('"receipt":"([^"]+)"'), "\n") end
  end
  if not stopped and next_token > #tokens and (answered == sent or os.time() - last_answer > GIVE_UP_SECONDS) then
    stopped = true
    wrk.thread:stop()
    assert(io.open(done_file, "w")):close()
  end
end

function done(summary, latency, requests)
  local total_sent, total_answered, by_status = 0, 0, {}
  for _, thread in ipairs(threads) do
    total_sent = total_sent + thread:get("sent")
    total_answered = total_answered + thread:get("answered")
    for status, n in pairs(thread:get("statuses")) do by_status[status] = (by_status[status] or 0) + n end
  end
  local others = {}
  for status, n in pairs(by_status) do
    if status ~= 201 then others[#others + 1] = status .. ":" .. n end
  end
  table.sort(others)
  local e = summary.errors
  io.write(string.format("sent=%d\nanswered=%d\naccepted=%d\nnot_201=%s\n", total_sent, total_answered,
    by_status[201] or 0, table.concat(others, ",")))
  io.write(string.format("socket_errors=%d\nrequests=%d\nbytes=%d\nseconds=%.3f\n",
    e.connect + e.read + e.write + e.timeout, summary.requests, summary.bytes, summary.duration / 1e6))
  for _, p in ipairs({ 50, 90, 99 }) do
    io.write(string.format("p%d_ms=%.1f\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max_ms=%.1f\n", latency.max / 1000))
end
