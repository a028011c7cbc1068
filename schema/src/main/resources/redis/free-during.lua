-- For each given spot: 'C' when a live claim (hold, booking, session or block) overlaps [from, to), otherwise the
-- spot's commercial state now (F, H, B, S, O as in states-at.lua). A search page needs both; one call answers both.
-- Read-only.
-- KEYS[1] ready marker  KEYS[2..] claims of the spots
-- ARGV[1] now  ARGV[2] from  ARGV[3] to
-- Returns {'OK', code per spot in the order of KEYS[2..]} or {'NOT_READY'}.
if redis.call('EXISTS', KEYS[1]) == 0 then
	return { 'NOT_READY' }
end
local now, from, to = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local result = { 'OK' }
for i = 2, #KEYS do
	local during = first_live_ending_after(KEYS[i], from, now, nil, false)
	if during and during[3] < to then
		result[i] = 'C'
	else
		-- A window from now (the availability count's) has already found the claim that covers now, if any.
		local current = during
		if from ~= now then
			current = first_live_ending_after(KEYS[i], now, now, nil, false)
		end
		result[i] = state_now(current, now)
	end
end
return result
