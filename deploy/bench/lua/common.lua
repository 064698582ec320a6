-- Shared by the load-test scripts: messages drawn from the held-out file (one per line, prepared by
-- chat-load.sh), JSON escaping, and one parseable result line per run.
local M = {}

function M.load_messages(path)
  local out = {}
  for line in io.lines(path) do
    if #line > 0 then
      out[#out + 1] = line
    end
  end
  return out
end

function M.json_string(s)
  s = s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n'):gsub('\r', '\\r'):gsub('\t', '\\t')
  return '"' .. s .. '"'
end

-- RESULT <requests/s> <p50 ms> <p99 ms> <requests> <non-2xx or socket errors>
function M.report(summary, latency)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, errors))
end

return M
