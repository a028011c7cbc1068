-- Moves a booking's claim to a new window if no other live claim overlaps it.
-- KEYS[1] ready marker  KEYS[2] claims of the spot
-- ARGV[1] now  ARGV[2] booking id  ARGV[3] current from  ARGV[4] current to  ARGV[5] new from  ARGV[6] new to
-- Returns {'OK'}, {'TAKEN'} or {'NOT_READY'}.
if redis.call('EXISTS', KEYS[1]) == 0 then
	return { 'NOT_READY' }
end
local now = tonumber(ARGV[1])
local own, user = nil, ''
local prefix = 'B|' .. ARGV[2] .. '|'
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], ARGV[4], ARGV[4])) do
	if string.sub(member, 1, #prefix) == prefix then
		own = member
		user = select(6, parse_claim(member))
	end
end
local next_claim = first_live_ending_after(KEYS[2], tonumber(ARGV[5]), now, own, true)
if next_claim and next_claim[3] < tonumber(ARGV[6]) then
	return { 'TAKEN' }
end
if own then
	redis.call('ZREM', KEYS[2], own)
end
redis.call('ZADD', KEYS[2], ARGV[6], claim_member('B', ARGV[2], ARGV[5], ARGV[6], '0', user))
return { 'OK' }
