-- Blocks a spot that a sensor sees occupied while no claim covers now (a car nobody booked): from now until
-- ARGV[2], or until the next claim starts, whichever comes first, so the live claims of the spot stay disjoint.
-- The block is a claim of kind O (member O|spotId|now|end|end|), so hold.lua, claim-session.lua and claimed-during.lua
-- treat it like any other claim and it expires by itself; the sensing module renews it while the car stays.
-- KEYS[1] ready marker  KEYS[2] claims of the spot
-- ARGV[1] now  ARGV[2] block until  ARGV[3] spot id
-- Returns {'OK', end}, {'CLAIMED'} when a hold, booking or session covers now, or {'NOT_READY'}.
if redis.call('EXISTS', KEYS[1]) == 0 then
	return { 'NOT_READY' }
end
local now, till = tonumber(ARGV[1]), tonumber(ARGV[2])
local prefix = 'O|' .. ARGV[3] .. '|'
for _, member in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
	if string.sub(member, 1, #prefix) == prefix then
		redis.call('ZREM', KEYS[2], member)
	end
end
local current = first_live_ending_after(KEYS[2], now, now, nil, true)
if current and current[3] <= now then
	return { 'CLAIMED' }
end
if current and current[3] < till then
	till = current[3]
end
local block_end = ms(till)
redis.call('ZADD', KEYS[2], block_end, claim_member('O', ARGV[3], ARGV[1], block_end, block_end, ''))
return { 'OK', block_end }
