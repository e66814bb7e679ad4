-- Case transitions: a new draft of the answer, each a gated, audited write (wrk).
local tokens, numbers = {}, {}
for line in io.lines(os.getenv("LKO_TOKENS")) do tokens[#tokens + 1] = line end
for line in io.lines(os.getenv("LKO_NUMBERS")) do numbers[#numbers + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  local path = "/api/v1/cases/" .. numbers[(counter % #numbers) + 1] .. "/actions/draft"
  return wrk.format("POST", path, {
    ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1],
    ["Content-Type"] = "application/json",
  }, '{"text":"Работы по устранению выполнены; ответ заявителю подготовлен."}')
end
