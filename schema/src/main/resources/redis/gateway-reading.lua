-- Applies one sensor reading to its device's state, atomically (sensor gateway).
-- KEYS[1] device state hash   KEYS[2] ids of the device's recently applied readings, oldest first
--   (both hash-tagged {dev:<id>}, so one script touches one cluster slot)
-- ARGV[1] now (ms, gateway clock)      ARGV[2] seq                ARGV[3] sensor time (ms)
-- ARGV[4] type: status|heartbeat|startup                          ARGV[5] occupied: '1' | '0' | '' (not reported)
-- ARGV[6] low battery: '1' | '0' | '' (not reported)              ARGV[7] when a new pending occupancy is due (ms)
-- ARGV[8] comms deadline (ms)          ARGV[9] how many reading ids to remember   ARGV[10] key ttl (ms)
-- Numbers arrive and leave as strings: Lua doubles would print large ones in exponent form.
--
-- Returns {verdict, emitted, pending due ('' when none), comms deadline, debounced ('1' | '0')}
--   verdict  applied | duplicate | out_of_order
--   emitted  observations of this reading, comma separated: S startup, R comms restored, B low battery,
--            O1 / O0 occupancy (only when the debounce is zero; otherwise a pending change is promoted later).
--            A duplicate returns what its original emitted, so a hand-off lost in a crash is simply redone and
--            collapses in PostgreSQL if it was not lost after all.
--   debounced '1' when this reading cancelled or replaced a pending occupancy change (a flap)
local state, recent = KEYS[1], KEYS[2]
local now, seq, ts = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local kind, occupied, low = ARGV[4], ARGV[5], ARGV[6]
local id = 'r:' .. ARGV[2] .. ':' .. ARGV[3]

local function reply(verdict, emitted, debounced)
  local s = redis.call('HMGET', state, 'p_due', 'deadline')
  return {verdict, emitted, s[1] or '', s[2] or '', debounced}
end

local seen = redis.call('HGET', state, id)
if seen then
  return reply('duplicate', seen, '0')
end

local s = redis.call('HMGET', state, 'seq', 'ts', 'boot', 'occ', 'p_occ', 'lost', 'low')
local boot = s[3] or '0'
if s[1] then
  if ts < tonumber(boot) then
    -- sent before the sensor's latest restart
    return reply('out_of_order', '', '0')
  end
  if seq <= tonumber(s[1]) then
    if ts <= tonumber(s[2]) then
      return reply('out_of_order', '', '0')
    end
    -- a lower counter with a newer time: the sensor restarted (or rejoined) without us seeing its startup
    boot = ARGV[3]
  end
end

local emitted = {}
if kind == 'startup' then
  boot = ARGV[3]
  emitted[#emitted + 1] = 'S'
end
if s[6] == '1' then
  redis.call('HSET', state, 'lost', '0')
  emitted[#emitted + 1] = 'R'
end
if low == '1' and s[7] ~= '1' then
  emitted[#emitted + 1] = 'B'
end
if low ~= '' then
  redis.call('HSET', state, 'low', low)
end

local debounced = '0'
if occupied ~= '' then
  local confirmed, pending = s[4] or '', s[5]
  if occupied == confirmed then
    if pending then
      redis.call('HDEL', state, 'p_occ', 'p_seq', 'p_ts', 'p_rcv', 'p_due')
      debounced = '1'
    end
  elseif occupied ~= pending then
    if pending then
      debounced = '1'
    end
    if tonumber(ARGV[7]) <= now then
      redis.call('HSET', state, 'occ', occupied)
      redis.call('HDEL', state, 'p_occ', 'p_seq', 'p_ts', 'p_rcv', 'p_due')
      emitted[#emitted + 1] = 'O' .. occupied
    else
      redis.call('HSET', state, 'p_occ', occupied, 'p_seq', ARGV[2], 'p_ts', ARGV[3], 'p_rcv', ARGV[1], 'p_due', ARGV[7])
    end
  end
end

local out = table.concat(emitted, ',')
redis.call('HSET', state, 'seq', ARGV[2], 'ts', ARGV[3], 'boot', boot, 'seen', ARGV[1], 'deadline', ARGV[8], id, out)
redis.call('RPUSH', recent, id)
if redis.call('LLEN', recent) > tonumber(ARGV[9]) then
  redis.call('HDEL', state, redis.call('LPOP', recent))
end
-- Silent devices fade away (a lost one is kept longer, see gateway-comms-lost.lua).
redis.call('PEXPIRE', state, ARGV[10])
redis.call('PEXPIRE', recent, ARGV[10])
return reply('applied', out, debounced)
