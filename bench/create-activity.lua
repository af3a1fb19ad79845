-- wrk script: each request creates a new activity without a procedure (a write through the transactional outbox).
-- Every wrk thread has its own Lua state, so each gets its own prefix for unique externalIds.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("prefix", string.format("%d-%d", os.time(), threads))
end

local counter = 0
-- wrk.format sends only the headers it is given: the -H ones (the bearer token) are in wrk.headers
local headers = {}
for name, value in pairs(wrk.headers) do headers[name] = value end
headers["Content-Type"] = "application/json"

request = function()
  counter = counter + 1
  local body = string.format(
    '{"externalId":"BENCH-%s-%d","department":"BENCH","title":"Bench session %d","start":"2032-01-05T08:00:00Z",' ..
    '"end":"2032-01-05T12:00:00Z","location":"Bench room","requiredClinicians":1}',
    prefix, counter, counter)
  return wrk.format("POST", "/activities", headers, body)
end
