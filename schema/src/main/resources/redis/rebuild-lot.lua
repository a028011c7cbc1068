-- Loads a lot's booking and session claims as PostgreSQL knows them and marks the lot ready, in one step. Holds
-- live only in Redis and are kept. A lot that became ready meanwhile (another node rebuilt it, and holds may have
-- been placed since) is left alone.
-- KEYS[1] ready marker  KEYS[2..] claims of EVERY spot of the lot (stale booking and session claims are dropped)
-- ARGV[1] now, then five per claim: index into KEYS, kind (B or S), id, from, to
-- Returns 1 when rebuilt, 0 when the lot was already ready.
if redis.call('EXISTS', KEYS[1]) == 1 then
	return 0
end
for i = 2, #KEYS do
	redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', ARGV[1])
	for _, member in ipairs(redis.call('ZRANGE', KEYS[i], 0, -1)) do
		if string.sub(member, 1, 2) ~= 'H|' then
			redis.call('ZREM', KEYS[i], member)
		end
	end
end
for j = 2, #ARGV, 5 do
	redis.call('ZADD', KEYS[tonumber(ARGV[j])], ARGV[j + 4], claim_member(ARGV[j + 1], ARGV[j + 2], ARGV[j + 3], ARGV[j + 4], '0', ''))
end
redis.call('SET', KEYS[1], ARGV[1])
return 1
