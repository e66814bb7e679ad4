-- An executor's case list with one of 200 sessions per request (wrk).
local tokens = {}
for line in io.lines(os.getenv("LKO_TOKENS")) do tokens[#tokens + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/cases?view=mine&per_page=50", { ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1] })
end
