-- wrk script: replays pre-signed Twilio posts (bench/TwilioBench.java gen), each once. Thread t of n takes
-- lines t, t+n, t+2n, ... so no two threads send the same MessageSid. A thread that runs out starts again
-- from its first line (duplicates then show up in the database counts, never silently).
-- Usage: wrk -s bench/twilio-replay.lua URL -- POSTS_FILE THREADS
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

local posts = {}
local position = 0

function init(args)
  local file, threads = args[1], tonumber(args[2])
  local n = 0
  for line in io.lines(file) do
    if n % threads == id then
      local tab = line:find("\t", 1, true)
      posts[#posts + 1] = { line:sub(1, tab - 1), line:sub(tab + 1) }
    end
    n = n + 1
  end
end

function request()
  position = position % #posts + 1
  local post = posts[position]
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Twilio-Signature"] = post[1],
  }, post[2])
end
