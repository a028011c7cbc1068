-- Which of the given spots have a live claim (hold, booking or session) overlapping [from, to). Read-only.
-- KEYS[1] ready marker  KEYS[2..] claims of the spots
-- ARGV[1] now  ARGV[2] from  ARGV[3] to  ARGV[4..] spot ids in the order of KEYS[2..]
-- Returns {'OK', claimed spot ids...} or {'NOT_READY'}.
if redis.call('EXISTS', KEYS[1]) == 0 then
	return { 'NOT_READY' }
end
local now, from, to = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local result = { 'OK' }
for i = 2, #KEYS do
	local next_claim = first_live_ending_after(KEYS[i], from, now, nil, false)
	if next_claim and next_claim[3] < to then
		result[#result + 1] = ARGV[i + 2]
	end
end
return result
