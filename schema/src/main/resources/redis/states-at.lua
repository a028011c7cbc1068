-- The commercial state of each given spot now: the kind of the live claim covering now, or F (free). Read-only.
-- KEYS[1] ready marker  KEYS[2..] claims of the spots
-- ARGV[1] now
-- Returns {'OK', state per spot in the order of KEYS[2..]} with states F, H, B, S; or {'NOT_READY'}.
if redis.call('EXISTS', KEYS[1]) == 0 then
	return { 'NOT_READY' }
end
local now = tonumber(ARGV[1])
local result = { 'OK' }
for i = 2, #KEYS do
	result[i] = state_now(first_live_ending_after(KEYS[i], now, now, nil, false), now)
end
return result
