-- wrk script: each request asks for the insights of a random benchmark record (see LoadBenchData.java).
-- BENCH_PATH, BENCH_RECORDS and BENCH_TOKEN (a demo token of the benchmark tenant) come from bench/run.sh.
-- The baseline ignores the token; the action checks it on every request, as in production.
local path = os.getenv("BENCH_PATH")
local authorization = "Bearer " .. os.getenv("BENCH_TOKEN")
local records = tonumber(os.getenv("BENCH_RECORDS"))
local threads = 0

setup = function(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

init = function(args)
  math.randomseed(os.time() * 100 + seed)
end

request = function()
  local n = math.random(1, records)
  local id = string.format("00000000-0000-4000-8000-%012x", n)
  return wrk.format("GET", path .. "?recordType=opportunity&recordId=" .. id .. "&crmType=Dynamics365&top=5",
    {["x-ms-user-agent"] = "bench", ["Accept"] = "application/json", ["Authorization"] = authorization})
end
