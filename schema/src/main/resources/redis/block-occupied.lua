-- Blocks spots that a sensor sees occupied while no claim covers now (a car nobody booked): each from now until
-- ARGV[2], or until its next claim starts, whichever comes first, so the live claims of a spot stay disjoint.
-- The block is a claim of kind O (member O|spotId|now|end|end|), so hold.lua, claim-session.lua and claimed-during.lua
-- treat it like any other claim and it expires by itself; the sensing module renews it while the car stays.
-- Any number of spots of one lot per call: the consumer blocks a batch of arrivals in one round trip.
-- KEYS[1] ready marker  KEYS[1 + i] claims of spot i
-- ARGV[1] now  ARGV[2] block until  ARGV[2 + i] id of spot i
-- Returns {'OK', end or 'CLAIMED' per spot} ('CLAIMED': a hold, booking or session covers now), or {'NOT_READY'}.
if redis.call('EXISTS', KEYS[1]) == 0 then
	return { 'NOT_READY' }
end
local now, until_ms = tonumber(ARGV[1]), tonumber(ARGV[2])
local reply = { 'OK' }
for i = 2, #KEYS do
	local key, spot = KEYS[i], ARGV[i + 1]
	local prefix = 'O|' .. spot .. '|'
	for _, member in ipairs(redis.call('ZRANGE', key, 0, -1)) do
		if string.sub(member, 1, #prefix) == prefix then
			redis.call('ZREM', key, member)
		end
	end
	local current = first_live_ending_after(key, now, now, nil, true)
	if current and current[3] <= now then
		reply[i] = 'CLAIMED'
	else
		local till = until_ms
		if current and current[3] < till then
			till = current[3]
		end
		local block_end = ms(till)
		redis.call('ZADD', key, block_end, claim_member('O', spot, ARGV[1], block_end, block_end, ''))
		reply[i] = block_end
	end
end
return reply
