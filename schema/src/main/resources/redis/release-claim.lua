-- Removes claims of one kind from their spots: a booking's or session's (after PostgreSQL recorded the cancellation
-- or end), or the occupied blocks of a batch of spots (kind O, whose id is the spot's).
-- KEYS[i] claims of spot i
-- ARGV[1] kind: 'B' (booking), 'S' (session) or 'O' (occupied block)  ARGV[1 + i] the id to remove from KEYS[i]
-- Returns the number of claims removed.
local removed = 0
for i, key in ipairs(KEYS) do
	local prefix = ARGV[1] .. '|' .. ARGV[i + 1] .. '|'
	for _, member in ipairs(redis.call('ZRANGE', key, 0, -1)) do
		if string.sub(member, 1, #prefix) == prefix then
			removed = removed + redis.call('ZREM', key, member)
		end
	end
end
return removed
