-- Releases claimed schedule members after their transitions were handed off (sensor gateway).
-- KEYS[1] schedule   ARGV[1] the lease end they were claimed with (ms)
-- ARGV[2..] pairs of member and next due time (ms, '' to remove it)
-- A member re-scored since the claim (a newer reading rescheduled it) is left alone.
local released = 0
for i = 2, #ARGV, 2 do
  local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if score and tonumber(score) == tonumber(ARGV[1]) then
    if ARGV[i + 1] == '' then
      redis.call('ZREM', KEYS[1], ARGV[i])
    else
      redis.call('ZADD', KEYS[1], ARGV[i + 1], ARGV[i])
    end
    released = released + 1
  end
end
return released
