-- wrk script: each request asks for the insights of a random benchmark record among the first BENCH_RECORDS (see
-- LoadBenchData.java): bench/run.sh sets 1,000 for the warm load (a sales team's working set) and all records for
-- the cold one. BENCH_PATH and BENCH_TOKEN (a demo token of the benchmark tenant) come from bench/run.sh too.
-- Every endpoint gets the same requests: the constant baseline ignores the query and the token; the action checks
-- the token on every request, as in production; the security part signs in whoever sends the header, unchecked.
--
-- At the end it prints one line that bench/run.sh reads:
--   bench_result <requests/s> <p50 ms> <p99 ms> <answers that were not 2xx> <socket errors>
-- wrk itself counts only statuses above 399 as errors; this script counts every status outside 200-299.
local path = os.getenv("BENCH_PATH")
local authorization = "Bearer " .. os.getenv("BENCH_TOKEN")
local records = tonumber(os.getenv("BENCH_RECORDS"))
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
  thread:set("seed", #threads)
end

init = function(args)
  math.randomseed(os.time() * 100 + seed)
  not_2xx = 0
end

request = function()
  local n = math.random(1, records)
  local id = string.format("00000000-0000-4000-8000-%012x", n)
  return wrk.format("GET", path .. "?recordType=opportunity&recordId=" .. id .. "&crmType=Dynamics365&top=5",
    {["x-ms-user-agent"] = "bench", ["Accept"] = "application/json", ["Authorization"] = authorization})
end

response = function(status, headers, body)
  if status < 200 or status > 299 then
    not_2xx = not_2xx + 1
  end
end

done = function(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not_2xx")
  end
  local e = summary.errors
  io.write(string.format("bench_result %.1f %.3f %.3f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad, e.connect + e.read + e.write + e.timeout))
end
