-- Claims the due members of a schedule (sorted set scored by due time in ms) for one sweeper (sensor gateway).
-- KEYS[1] schedule   ARGV[1] now (ms)   ARGV[2] lease end (ms)   ARGV[3] at most this many
-- Claimed members are re-scored to the lease end instead of removed: if the claiming instance dies, they fall due
-- again when the lease ends and another instance takes them. Each member goes to exactly one claimer per lease.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, member in ipairs(due) do
  redis.call('ZADD', KEYS[1], ARGV[2], member)
end
return due
