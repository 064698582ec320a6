-- POST /api/chat/messages into existing conversations: sessions are read from BENCH_SESSIONS (one id a line,
-- created by chat-load.sh); each thread walks its own share of them so one session is rarely used twice at once.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
local messages, sessions
local i, s = 0, 0
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  messages = common.load_messages(os.getenv("BENCH_MESSAGES"))
  local all = common.load_messages(os.getenv("BENCH_SESSIONS"))
  local threads = tonumber(os.getenv("BENCH_THREADS"))
  sessions = {}
  for k = 1, #all do
    if (k - 1) % threads == id then
      sessions[#sessions + 1] = all[k]
    end
  end
  wrk.method = "POST"
  wrk.path = "/api/chat/messages"
  wrk.headers["Content-Type"] = "application/json"
  i = math.random(#messages)
end

function request()
  i = i % #messages + 1
  s = s % #sessions + 1
  return wrk.format(nil, nil, nil, '{"sessionId":"' .. sessions[s] .. '","text":' .. common.json_string(messages[i]) .. '}')
end

done = common.report
