-- Promotes a device's pending occupancy change once it has been stable for the debounce window (sensor gateway).
-- KEYS[1] device state hash ({dev:<id>})   ARGV[1] now (ms, gateway clock)
-- Returns {outcome, observation, next due ('' when nothing is pending)}
--   promoted  the change counts now; observation is 'occupied:seq:sensor time:received time'
--   handoff   an earlier promotion whose hand-off was not confirmed yet (the sweeper crashed): emit it again
--   later     still inside the window       none   nothing pending (a flap cancelled it)
-- The promotion stays in 'out_occ' until gateway-settle.lua confirms it reached PostgreSQL.
local state, now = KEYS[1], tonumber(ARGV[1])
local p = redis.call('HMGET', state, 'out_occ', 'p_occ', 'p_seq', 'p_ts', 'p_rcv', 'p_due')
if p[1] then
  return {'handoff', p[1], p[6] or ''}
end
if not p[6] then
  return {'none', '', ''}
end
if tonumber(p[6]) > now then
  return {'later', '', p[6]}
end
local out = p[2] .. ':' .. p[3] .. ':' .. p[4] .. ':' .. p[5]
redis.call('HSET', state, 'occ', p[2], 'out_occ', out)
redis.call('HDEL', state, 'p_occ', 'p_seq', 'p_ts', 'p_rcv', 'p_due')
return {'promoted', out, ''}
