-- Removes the claim of a booking or a session from its spot (after PostgreSQL recorded the cancellation or end).
-- KEYS[1] claims of the spot
-- ARGV[1] kind: 'B' (booking) or 'S' (session)  ARGV[2] booking or session id
-- Returns the number of claims removed.
local prefix = ARGV[1] .. '|' .. ARGV[2] .. '|'
local removed = 0
for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
	if string.sub(member, 1, #prefix) == prefix then
		removed = removed + redis.call('ZREM', KEYS[1], member)
	end
end
return removed
