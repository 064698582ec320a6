-- POST {"text": <held-out message>} to the path given as the first script argument: the echo, /api/classify,
-- and /api/chat/messages without a session (each request starts a new conversation).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
local messages
local i = 0

function init(args)
  messages = common.load_messages(os.getenv("BENCH_MESSAGES"))
  wrk.method = "POST"
  wrk.path = args[1]
  wrk.headers["Content-Type"] = "application/json"
  i = math.random(#messages)
end

function request()
  i = i % #messages + 1
  return wrk.format(nil, nil, nil, '{"text":' .. common.json_string(messages[i]) .. '}')
end

done = common.report
