-- wrk script for bench/run-load.sh: casts every slip of a token file exactly once, as phones do:
-- POST /api/v/<token> with the event's answers and a nonce of its own (unique across the run, so every ballot
-- gets its own receipt). Each wrk thread takes every n-th token. Once its tokens are sent, a thread keeps its
-- connections busy with GET /ping until the last of its ballots is answered, then stops, so that every answer
-- is counted and the script can check the database against them. A ballot whose connection broke is never
-- answered (wrk reports it as a socket error): after 15 s without a ballot answer, the thread stops anyway.
-- wrk itself runs until its -d duration even when every thread has stopped, so a stopped thread leaves a file
-- in the directory given as the fifth argument, and run-load.sh interrupts wrk (SIGINT: it then reports) once
-- every thread has.
--
--   wrk -t2 -c2000 -d1h --timeout 60s -s bench/load/ballots.lua http://host:port -- tokens.txt 2 answers.json m
--   (args: token file, number of threads (= -t), file with the answers JSON, nonce prefix of this phase,
--    directory for the threads' "done" files)

local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

-- sent, answered and statuses are globals: done() reads them from each thread with thread:get.
local tokens, next_token, answers, prefix, ping, last_answer, done_file, stopped
local GIVE_UP_SECONDS = 15

function init(args)
  local count = tonumber(args[2])
  tokens, next_token, sent, answered, statuses = {}, 1, 0, 0, {}
  local line_number = 0
  for line in io.lines(args[1]) do
    if line_number % count == index then tokens[#tokens + 1] = line end
    line_number = line_number + 1
  end
  local file = assert(io.open(args[3], "r"))
  answers = file:read("*a"):gsub("%s+$", "")
  file:close()
  prefix = args[4]
  done_file = args[5] .. "/" .. index
  stopped = false
  ping = wrk.format("GET", "/ping")
  last_answer = os.time()
end

local headers = { ["Content-Type"] = "application/json" }

local verified = false

function request()
  -- wrk calls request() once on its first thread before any connection opens, to see whether the script
  -- pipelines; that request is never sent, so it must not take a slip.
  if index == 0 and not verified then
    verified = true
    return ping
  end
  if next_token > #tokens then return ping end
  local token = tokens[next_token]
  next_token = next_token + 1
  sent = sent + 1
  -- 24 base64url characters: the phase, the thread and the ballot's number within it.
  local nonce = string.format("%s%03d%020d", prefix, index, sent)
  return wrk.format("POST", "/api/v/" .. token, headers, '{"nonce":"' .. nonce .. '","answers":' .. answers .. '}')
end

function response(status, headers, body)
  if body ~= "ok" then
    answered = answered + 1
    statuses[status] = (statuses[status] or 0) + 1
    last_answer = os.time()
  end
  if not stopped and next_token > #tokens and (answered == sent or os.time() - last_answer > GIVE_UP_SECONDS) then
    stopped = true
    wrk.thread:stop()
    assert(io.open(done_file, "w")):close()
  end
end

function done(summary, latency, requests)
  local total = { sent = 0, answered = 0 }
  local by_status = {}
  for _, thread in ipairs(threads) do
    total.sent = total.sent + thread:get("sent")
    total.answered = total.answered + thread:get("answered")
    for status, n in pairs(thread:get("statuses")) do by_status[status] = (by_status[status] or 0) + n end
  end
  local others = {}
  for status, n in pairs(by_status) do
    if status ~= 201 then others[#others + 1] = status .. ":" .. n end
  end
  table.sort(others)
  local e = summary.errors
  io.write(string.format("sent=%d\nanswered=%d\naccepted=%d\nnot_201=%s\n", total.sent, total.answered,
    by_status[201] or 0, table.concat(others, ",")))
  io.write(string.format("socket_errors=%d\nrequests=%d\nseconds=%.3f\n",
    e.connect + e.read + e.write + e.timeout, summary.requests, summary.duration / 1e6))
  for _, p in ipairs({ 50, 90, 99 }) do
    io.write(string.format("p%d_ms=%.1f\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max_ms=%.1f\n", latency.max / 1000))
end
