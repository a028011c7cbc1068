-- Applies one sensor reading to its device's state, atomically (sensor gateway).
-- KEYS[1] the device's state hash (hash-tagged {dev:<id>}: one script, one cluster slot)
-- ARGV[1] now (ms, gateway clock)      ARGV[2] seq                ARGV[3] sensor time (ms)
-- ARGV[4] type: status|heartbeat|startup                          ARGV[5] occupied: '1' | '0' | '' (not reported)
-- ARGV[6] low battery: '1' | '0' | '' (not reported)              ARGV[7] when a new pending occupancy is due (ms)
-- ARGV[8] comms deadline (ms)          ARGV[9] how many applied readings to remember   ARGV[10] key ttl (ms)
-- Numbers arrive and leave as strings: Lua doubles would print large ones in exponent form.
--
-- Returns {verdict, emitted, pending due ('' when none), comms deadline, debounced ('1' | '0')}
--   verdict  applied | duplicate | out_of_order
--   emitted  observations of this reading, comma separated: S startup, R comms restored, B low battery,
--            O1 / O0 occupancy (only when the debounce is zero; otherwise a pending change is promoted later).
--            A duplicate returns what its original emitted, so a hand-off lost in a crash is simply redone and
--            collapses in PostgreSQL if it was not lost after all.
--   debounced '1' when this reading cancelled or replaced a pending occupancy change (a flap)
--
-- The hash field 'recent' remembers the last ARGV[9] applied readings as ';<seq>:<time>=<emitted>' entries, so a
-- duplicate is recognised even after newer readings. Everything lives in one hash: one read, one write per call.
local state = KEYS[1]
local now, seq, ts = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local kind, occupied, low = ARGV[4], ARGV[5], ARGV[6]
local id = ARGV[2] .. ':' .. ARGV[3]

local s = redis.call('HMGET', state, 'seq', 'ts', 'boot', 'occ', 'p_occ', 'lost', 'low', 'recent', 'p_due', 'deadline')
local recent, due, deadline = s[8] or '', s[9] or '', s[10] or ''

local at = string.find(recent, ';' .. id .. '=', 1, true)
if at then
  local from = at + #id + 2
  local to = string.find(recent, ';', from, true)
  return {'duplicate', string.sub(recent, from, (to or (#recent + 1)) - 1), due, deadline, '0'}
end

local boot = s[3] or '0'
if s[1] then
  if ts < tonumber(boot) then
    -- sent before the sensor's latest restart
    return {'out_of_order', '', due, deadline, '0'}
  end
  if seq <= tonumber(s[1]) then
    if ts <= tonumber(s[2]) then
      return {'out_of_order', '', due, deadline, '0'}
    end
    -- a lower counter with a newer time: the sensor restarted (or rejoined) without us seeing its startup
    boot = ARGV[3]
  end
end

local updates = {}
local function set(field, value)
  updates[#updates + 1] = field
  updates[#updates + 1] = value
end
local emitted = {}
if kind == 'startup' then
  boot = ARGV[3]
  emitted[#emitted + 1] = 'S'
end
if s[6] == '1' then
  set('lost', '0')
  emitted[#emitted + 1] = 'R'
end
if low == '1' and s[7] ~= '1' then
  emitted[#emitted + 1] = 'B'
end
if low ~= '' then
  set('low', low)
end

local debounced, clear_pending = '0', false
if occupied ~= '' then
  local confirmed, pending = s[4] or '', s[5]
  if occupied == confirmed then
    if pending then
      clear_pending, debounced = true, '1'
    end
  elseif occupied ~= pending then
    if pending then
      debounced = '1'
    end
    if tonumber(ARGV[7]) <= now then
      set('occ', occupied)
      -- HMGET reports a missing field as false, not nil
      clear_pending = pending ~= false
      emitted[#emitted + 1] = 'O' .. occupied
    else
      set('p_occ', occupied); set('p_seq', ARGV[2]); set('p_ts', ARGV[3]); set('p_rcv', ARGV[1]); set('p_due', ARGV[7])
      due = ARGV[7]
    end
  end
end
if clear_pending then
  redis.call('HDEL', state, 'p_occ', 'p_seq', 'p_ts', 'p_rcv', 'p_due')
  due = ''
end

local out = table.concat(emitted, ',')
recent = recent .. ';' .. id .. '=' .. out
local _, entries = string.gsub(recent, ';', '')
if entries > tonumber(ARGV[9]) then
  recent = string.sub(recent, string.find(recent, ';', 2, true))
end
set('seq', ARGV[2]); set('ts', ARGV[3]); set('boot', boot); set('seen', ARGV[1]); set('deadline', ARGV[8])
set('recent', recent)
redis.call('HSET', state, unpack(updates))
-- Silent devices fade away (a lost one is kept longer, see gateway-comms-lost.lua).
redis.call('PEXPIRE', state, ARGV[10])
return {'applied', out, due, ARGV[8], debounced}
