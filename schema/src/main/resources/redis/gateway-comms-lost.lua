-- Marks a device whose heartbeat deadline passed as lost: its observed state becomes unknown (sensor gateway).
-- KEYS[1] device state hash ({dev:<id>})   ARGV[1] now (ms, gateway clock)
-- ARGV[2] how long a lost device's state is kept (ms): long, so its return can still be reported (COMMS_RESTORED)
-- Returns {outcome, observation, next deadline ('' when none)}
--   lost     the deadline passed; observation is 'seq of the last reading:deadline'
--   handoff  an earlier loss whose hand-off was not confirmed yet: emit it again
--   later    the device was heard from since      none   unknown or already lost
local state, now = KEYS[1], tonumber(ARGV[1])
local s = redis.call('HMGET', state, 'out_lost', 'deadline', 'lost', 'seq')
local alive = s[2] and s[3] ~= '1'
if s[1] then
  return {'handoff', s[1], alive and s[2] or ''}
end
if not alive then
  return {'none', '', ''}
end
if tonumber(s[2]) > now then
  return {'later', '', s[2]}
end
local out = s[4] .. ':' .. s[2]
redis.call('HSET', state, 'lost', '1', 'occ', '', 'out_lost', out)
redis.call('HDEL', state, 'p_occ', 'p_seq', 'p_ts', 'p_rcv', 'p_due')
redis.call('PEXPIRE', state, ARGV[2])
return {'lost', out, ''}
